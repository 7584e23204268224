/**
 * Screenshots of the main screens, in the light and the dark theme, 1280×800.
 *
 * Every run renders each screen in both themes (and fails if one does not render); the pictures go
 * to `test-results/screenshots/`. With `UPDATE_SCREENSHOTS=1` they go to `docs/screenshots/`, the
 * ones the README links to, unmasked so readers see real ids and times. Otherwise what differs
 * between runs (ids, times, durations) is masked, so the files are comparable run to run.
 * Each test runs its own console (a fresh sandbox), in a fixed locale and time zone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBulk, SHEET_WITH_ERRORS, sendFixedSheet, upload } from './bulk-helpers';
import { expect, ownConsoleTest } from './fixtures';
import {
  DEMO_TEMPLATES,
  chooseTemplate,
  demoKey,
  ensureVaultUnlocked,
  goTo,
  sandboxControl,
  sendDirect,
  waitForSandboxStatus,
} from './helpers';
import type { Locator, Page } from '@playwright/test';

const FOR_DOCS = process.env.UPDATE_SCREENSHOTS === '1';
const SHOTS = fileURLToPath(
  new URL(FOR_DOCS ? '../../docs/screenshots/' : '../../test-results/screenshots/', import.meta.url),
);
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

// Each test's own console, in a fixed locale and time zone so dates read the same every run.
const test = ownConsoleTest({ deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/London' }).extend({
  page: async ({ page }, use) => {
    // Screens as they normally look: with the vault set up, no banner asks for it.
    await ensureVaultUnlocked(page);
    await expect(page.getByTestId('vault-banner')).toHaveCount(0);
    await use(page);
  },
});

async function useTheme(page: Page, theme: Theme): Promise<void> {
  const html = page.locator('html');
  const toggle = page.getByTestId('theme-toggle');
  if (theme === 'dark') {
    await expect(toggle).toHaveText('Dark theme');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveText('Light theme');
  } else {
    await expect(html).not.toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveText('Dark theme');
  }
  // The toggle keeps focus after a click; its focus ring is not part of the screen.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/**
 * Takes the screen in both themes, light first (the page starts light), scrolled to the top or so
 * that `scrollTo` is at the top, whatever earlier clicks scrolled into view.
 */
async function shoot(
  page: Page,
  screen: string,
  { mask = [], scrollTo, style }: { mask?: Locator[]; scrollTo?: Locator; style?: string } = {},
) {
  mkdirSync(SHOTS, { recursive: true });
  for (const theme of THEMES) {
    await useTheme(page, theme);
    await page.evaluate(() => window.scrollTo(0, 0));
    await scrollTo?.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // Nothing is still loading when the picture is taken.
    await expect(page.locator('.spinner')).toHaveCount(0);
    await page.screenshot({
      path: join(SHOTS, `${screen}-${theme}.png`),
      animations: 'disabled',
      caret: 'hide',
      mask: FOR_DOCS ? [] : mask,
      style,
      maskColor: '#b1b4b6',
    });
  }
}

test.describe('Screenshots', () => {
  test('send, with a preview', async ({ page }) => {
    await goTo(page, 'Send', 'Send a message');
    await chooseTemplate(page, 'Welcome email (Email)');
    await page.getByLabel('Email address').fill('ada.lovelace@example.gov.uk');
    await page.getByLabel('name', { exact: true }).fill('Ada');
    await page.getByLabel('reference number', { exact: true }).fill('HDJ2123F');
    await expect(page.getByTestId('email-subject')).toHaveText('Welcome to the service, Ada');
    await expect(page.getByTestId('server-preview')).toHaveAttribute('data-matches', 'true');
    await shoot(page, 'send');
  });

  test('status, with its timeline', async ({ page, server }) => {
    // Slow enough that the console sees each step at its own poll (sending at 0.5 s, delivered at
    // 2.5 s; polls at about 1 s, 2 s and 3.6 s), so the timeline always has the same six entries.
    await sandboxControl(server, 'POST', 'clock', { time_scale: 2 });
    await goTo(page, 'Send', 'Send a message');
    await chooseTemplate(page, 'Verification code (Text message)');
    await page.getByLabel('Phone number').fill('07700900123');
    await page.getByLabel('name', { exact: true }).fill('Ada');
    await page.getByLabel('code', { exact: true }).fill('482910');
    await page.getByLabel('Reference (optional)').fill('docs-verification');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const id = (await page.getByTestId('sent-id').textContent())!;
    await waitForSandboxStatus(server, id, 'delivered');
    await page.getByRole('button', { name: 'Follow its status' }).click();
    const detail = page.getByTestId('notification-detail');
    await expect(detail.getByTestId('status')).toHaveText('delivered');
    await expect(detail.getByText('Final status')).toBeVisible();
    const entries = detail.getByTestId('timeline-entry');
    await expect(entries.last()).toHaveAttribute('data-status', 'delivered');
    await expect(entries).toHaveCount(6);
    const changing = page.getByRole('term').filter({ hasText: /^(Notification ID|Created|Sent|Completed)$/ });
    await shoot(page, 'status', {
      mask: [
        detail.locator('.facts > div').filter({ has: changing }).getByRole('definition'),
        // The time of each step and the time since the one before.
        entries.locator('time').locator('..'),
        detail.getByTestId('timeline-total'),
      ],
    });
  });

  test('history', async ({ page, server }) => {
    const apiKey = await demoKey(server, 'test');
    const sms = (phone_number: string, name: string, reference: string) =>
      sendDirect(server, apiKey, 'sms', {
        phone_number,
        template_id: DEMO_TEMPLATES.smsVerification,
        personalisation: { name, code: '482910' },
        reference,
      });
    const email = (email_address: string, name: string, reference: string) =>
      sendDirect(server, apiKey, 'email', {
        email_address,
        template_id: DEMO_TEMPLATES.emailWelcome,
        personalisation: { name, 'reference number': reference },
        reference,
      });
    // One after another, so the newest-first order is the same every time.
    const sent = [
      await sms('07700900123', 'Ada', 'docs-001'),
      await email('ada.lovelace@example.gov.uk', 'Ada', 'docs-002'),
      await sms('07700900002', 'Grace', 'docs-003'),
      await email('perm-fail@simulator.notify', 'Grace', 'docs-004'),
      await sms('07700900003', 'Alan', 'docs-005'),
      await email('alan.turing@example.gov.uk', 'Alan', 'docs-006'),
      await sms('07700900123', 'Katherine', 'docs-007'),
    ];
    for (const { id } of sent) {
      await expect
        .poll(
          async () => (await sandboxControl<{ status: string }>(server, 'GET', `notifications/${id}`)).status,
        )
        .toMatch(/delivered|failure/);
    }

    await goTo(page, 'History', 'History');
    await expect(page.getByTestId('history-count')).toHaveText(
      '7 notifications loaded, that is all · no filters',
    );
    await shoot(page, 'history', {
      mask: [page.getByTestId('history-row').locator('[role="gridcell"]:first-child')],
    });
  });

  test('templates, with a diff between versions', async ({ page }) => {
    await goTo(page, 'Templates', 'Templates');
    await page.getByTestId('template-item').filter({ hasText: 'Welcome email' }).click();
    const detail = page.getByTestId('template-detail');
    await detail.getByRole('tab', { name: 'Versions and diff' }).click();
    await detail.getByRole('tab', { name: 'Compare versions' }).click();
    await expect(detail.getByTestId('diff-stats')).toHaveText(/\d+ lines? added, \d+ removed\./);
    await shoot(page, 'templates', { scrollTo: detail.getByRole('heading', { name: 'Placeholders' }) });
  });

  test('support, with a lookup and failures', async ({ page, server }) => {
    const apiKey = await demoKey(server, 'test');
    const failed = await sendDirect(server, apiKey, 'sms', {
      phone_number: '07700900002',
      template_id: DEMO_TEMPLATES.smsDocuments,
      personalisation: { documents: 'your passport' },
      reference: 'docs-support',
    });
    await waitForSandboxStatus(server, failed.id, 'permanent-failure');

    await goTo(page, 'Support', 'Support');
    await page.getByLabel('Notification id or reference').fill('docs-support');
    await page.getByRole('button', { name: 'Search all profiles' }).click();
    await expect(page.getByTestId('lookup-result')).toHaveCount(1);
    const failures = page.getByTestId('failures');
    await failures.getByRole('button', { name: 'Refresh' }).click();
    const reason = failures.getByTestId('failure-reason');
    await expect(reason).toHaveCount(1);
    await reason.getByText('What it means and what to do').click();
    await expect(reason.getByTestId('failure-explanation')).toBeVisible();
    const result = page.getByTestId('lookup-result');
    const group = reason.getByRole('row').filter({ hasText: DEMO_TEMPLATES.smsDocuments });
    await shoot(page, 'support', {
      // Masked cells (a time, an id) still size the columns by their text, which differs each run.
      // Fixed widths for the cells that must stay whole (status, type, time, the open link).
      style: [
        '[data-testid="screen-support"] table { table-layout: fixed; }',
        '[data-testid="lookup-results"] th:is(:nth-child(2), :nth-child(8)) { width: 150px; }',
        '[data-testid="lookup-results"] th:nth-child(3) { width: 110px; }',
        '[data-testid="lookup-results"] th:nth-child(7) { width: 170px; }',
      ].join('\n'),
      mask: [
        result.getByRole('cell').nth(6),
        result.getByRole('button'),
        // Its title ends with the time of the latest failure; the explanation repeats the rest.
        reason.locator('.failure-reason__title'),
        group.getByRole('cell').nth(3),
        group.getByRole('cell').nth(4),
      ],
    });
  });

  test('inspector, with a request open', async ({ page }) => {
    // A fixed series of requests, one screen at a time.
    await goTo(page, 'Templates', 'Templates');
    await expect(page.getByTestId('template-item').first()).toBeVisible();
    await goTo(page, 'History', 'History');
    await expect(page.getByTestId('history-count')).toContainText('that is all');
    await goTo(page, 'Received texts', 'Received text messages');
    await expect(page.getByTestId('received-list')).toBeVisible();

    await goTo(page, 'Inspector', 'Request inspector');
    const list = page.getByTestId('inspector-list');
    await expect(list.getByTestId('inspector-row')).toHaveCount(3);
    await list.getByRole('button', { name: 'GET /v2/notifications' }).click();
    const detail = page.getByTestId('inspector-detail');
    await expect(detail.getByTestId('jwt-claims')).toBeVisible();
    const timing = page.getByRole('term').filter({ hasText: /^(Started|Took|Measured clock skew)$/ });
    await shoot(page, 'inspector', {
      // As on the support screen: masked times and durations must not size the columns.
      style: [
        '[data-testid="inspector-list"] { table-layout: fixed; }',
        '[data-testid="inspector-list"] th:is(:nth-child(1), :nth-child(6)) { width: 96px; }',
        '[data-testid="inspector-list"] th:is(:nth-child(3), :nth-child(4), :nth-child(5)) { width: 56px; }',
      ].join('\n'),
      mask: [
        list.locator('td:nth-child(1), td:nth-child(4), td:nth-child(5)'),
        detail.locator('.facts > div').filter({ has: timing }).getByRole('definition'),
        detail.getByTestId('jwt-claims').getByRole('definition').nth(1),
      ],
    });
  });

  test('the Sandbox panel: services and keys', async ({ page }) => {
    await goTo(page, 'Sandbox', 'Sandbox');
    await expect(page.getByTestId('sandbox-key').first()).toBeVisible();
    await shoot(page, 'sandbox-keys', {
      mask: [page.locator('.screen__head p'), page.getByTestId('sandbox-key-masked')],
    });
  });

  test('the Sandbox panel: faults, with the header marker', async ({ page }) => {
    await goTo(page, 'Sandbox', 'Sandbox');
    await page.getByRole('tab', { name: 'Faults' }).click();
    await page.getByRole('button', { name: '500 Internal server error' }).click();
    await page.getByRole('button', { name: /^Slow answer/ }).click();
    await expect(page.getByTestId('active-fault')).toHaveCount(2);
    await expect(page.getByTestId('fault-marker')).toBeVisible();
    await shoot(page, 'sandbox-faults', { mask: [page.locator('.screen__head p')] });
  });

  test('the Sandbox panel: the inbox, a text as the phone shows it', async ({ page, server }) => {
    await sendDirect(server, await demoKey(server, 'test'), 'sms', {
      phone_number: '07700900123',
      template_id: DEMO_TEMPLATES.smsVerification,
      personalisation: { name: 'Ada', code: '246810' },
    });
    await goTo(page, 'Sandbox', 'Sandbox');
    await page.getByRole('tab', { name: 'Inbox' }).click();
    await page.getByTestId('inbox-item').first().click();
    await expect(page.getByTestId('inbox-sms-bubble')).toContainText('246810');
    await shoot(page, 'sandbox-inbox', {
      mask: [
        page.locator('.screen__head p'),
        page.getByTestId('inbox-item').locator('.item-list__meta').last(),
        page.getByTestId('inbox-view').locator('p.muted'),
      ],
    });
  });

  test('bulk send, a sheet with errors', async ({ page }) => {
    await openBulk(page);
    await upload(page, 'reminders.csv', SHEET_WITH_ERRORS);
    await expect(page.getByTestId('bulk-row-errors')).toBeVisible();
    await shoot(page, 'bulk-report', { scrollTo: page.getByTestId('bulk-report') });
  });

  test('bulk send, a batch followed to the end', async ({ page }) => {
    await sendFixedSheet(page);
    await page.getByTestId('bulk-failure').locator('summary').click();
    const rows = page.getByTestId('bulk-results-table');
    await shoot(page, 'bulk', {
      mask: [
        rows.locator('td:nth-child(3), td:nth-child(4)'),
        page.getByTestId('bulk-batch').locator('p.muted').first(),
      ],
    });
  });
});
