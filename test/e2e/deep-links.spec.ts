/**
 * Deep links: the URL fragment names the screen (`#/history`, `#/status/<profile>/<notification>`),
 * so a link opens it, a reload stays on it, and Back and Forward move between screens. The token
 * the fixture's link carried is in the tab's sessionStorage by the time these links are opened.
 */
import { test, expect } from './fixtures';
import { chooseTemplate, DEMO_TEMPLATES, goTo, sendVerificationSms, useProfile } from './helpers';
import type { Page } from '@playwright/test';

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const hashOf = (page: Page): string => new URL(page.url()).hash;
const originOf = (url: string): string => new URL(url).origin;

/** Waits until the console has started on the fixture's link (so the token is stored). */
async function started(page: Page): Promise<void> {
  await expect(page.getByTestId('active-profile-name')).not.toBeEmpty();
}

/** Loads `url` as a new document in the same tab (leaving the page first, so it is not an in-page move). */
async function openFresh(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

test.describe('Deep links', () => {
  test('a link opens its screen, in a new page load and in a running one', async ({ page, server }) => {
    await started(page);
    const origin = originOf(server.url);

    await openFresh(page, `${origin}/#/history`);
    await expect(heading(page, 'History')).toBeVisible();
    await expect(page.getByTestId('nav-history')).toHaveAttribute('aria-current', 'page');
    expect(hashOf(page)).toBe('#/history');

    // Pasted into the address bar of the running console: a same-document navigation.
    await page.goto(`${origin}/#/received`);
    await expect(heading(page, 'Received text messages')).toBeVisible();

    // A fragment it does not know opens the default screen, and the address says so.
    await openFresh(page, `${origin}/#/nowhere/..%2F`);
    await expect(heading(page, 'Send a message')).toBeVisible();
    await expect.poll(() => hashOf(page)).toBe('#/send');
  });

  test('the printed link with a screen added opens that screen, and the token leaves the address', async ({
    page,
    server,
  }) => {
    await started(page);
    await openFresh(page, `${server.url}&/support`);
    await expect(heading(page, 'Support')).toBeVisible();
    expect(page.url()).not.toContain('token');
    expect(hashOf(page)).toBe('#/support');
  });

  test('a link to the send screen chooses its template', async ({ page, server }) => {
    await started(page);
    await useProfile(page, 'Local sandbox');
    await openFresh(page, `${originOf(server.url)}/#/send/${DEMO_TEMPLATES.smsAppointment}`);
    await expect(heading(page, 'Send a message')).toBeVisible();
    await expect(page.getByLabel('Template', { exact: true })).toHaveValue(DEMO_TEMPLATES.smsAppointment);
    // Choosing another template gives the form its own address; Back returns to the first choice.
    await chooseTemplate(page, 'Welcome email (Email)');
    await expect.poll(() => hashOf(page)).toBe(`#/send/${DEMO_TEMPLATES.emailWelcome}`);
    await page.goBack();
    await expect(page.getByLabel('Template', { exact: true })).toHaveValue(DEMO_TEMPLATES.smsAppointment);
    expect(hashOf(page)).toBe(`#/send/${DEMO_TEMPLATES.smsAppointment}`);
  });

  test('the status screen’s address names the notification, and a reload stays on it', async ({ page }) => {
    await started(page);
    const id = await sendVerificationSms(page);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Follow its status' }).click();
    await expect(heading(page, 'Notification status')).toBeVisible();
    expect(hashOf(page)).toBe(`#/status/sandbox-test/${id}`);
    await expect(page.getByTestId('notification-detail')).toContainText(id);

    await page.reload();
    await expect(heading(page, 'Notification status')).toBeVisible();
    await expect(page.getByTestId('notification-detail')).toContainText(id);
    expect(hashOf(page)).toBe(`#/status/sandbox-test/${id}`);

    // Back returns to the send screen the notification was sent from; Forward to its status.
    await page.goBack();
    await expect(heading(page, 'Send a message')).toBeVisible();
    expect(hashOf(page)).not.toContain('status');
    await page.goForward();
    await expect(heading(page, 'Notification status')).toBeVisible();
    await expect(page.getByTestId('notification-detail')).toContainText(id);
  });

  test('the skip link moves focus to the screen and leaves the address alone', async ({ page }) => {
    await started(page);
    await goTo(page, 'History', 'History');
    await page.getByRole('link', { name: 'Skip to the screen' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await expect(heading(page, 'History')).toBeVisible();
    expect(hashOf(page)).toBe('#/history');
  });

  test('Back and Forward move between screens, one entry per change of screen', async ({ page }) => {
    await started(page);
    await goTo(page, 'Profiles', 'Profiles');
    expect(hashOf(page)).toBe('#/profiles');
    await goTo(page, 'History', 'History');
    // Choosing the screen already shown adds nothing to go back through.
    await goTo(page, 'History', 'History');
    expect(hashOf(page)).toBe('#/history');

    await page.goBack();
    await expect(heading(page, 'Profiles')).toBeVisible();
    expect(hashOf(page)).toBe('#/profiles');
    await expect(page.getByTestId('nav-profiles')).toHaveAttribute('aria-current', 'page');

    await page.goForward();
    await expect(heading(page, 'History')).toBeVisible();
    expect(hashOf(page)).toBe('#/history');

    // The `g <key>` shortcuts navigate through history too.
    await page.keyboard.press('g');
    await page.keyboard.press('u');
    await expect(heading(page, 'Support')).toBeVisible();
    expect(hashOf(page)).toBe('#/support');
    await page.goBack();
    await expect(heading(page, 'History')).toBeVisible();
  });
});
