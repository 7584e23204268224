/**
 * Accessibility audit: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every screen, in the
 * light and the dark theme, each screen holding real content (a sent notification, history rows, a
 * chosen template with its preview, open dialogs). A violation fails the test with axe's rule id,
 * the elements it found and how to fix them.
 *
 * Each test runs its own console, so nothing depends on what other specs left behind.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, ownConsoleTest, type ConsoleServer } from './fixtures';
import { FIXED_SHEET, openBulk, SHEET_WITH_ERRORS, upload } from './bulk-helpers';
import {
  DEMO_SERVICE_ID,
  DEMO_TEMPLATES,
  chooseTemplate,
  demoKey,
  ensureVaultUnlocked,
  goTo,
  sandboxControl,
  sendDirect,
} from './helpers';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const test = ownConsoleTest();

/** Runs axe on the page as it is and fails with a readable list of what it found. */
async function audit(page: Page, where: string): Promise<void> {
  await expect(page.locator('.spinner')).toHaveCount(0);
  // The email and PDF previews are sandboxed frames that may not run scripts (by design: they show
  // Notify's HTML and letters), so axe cannot run inside them; their frame elements are still checked.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .exclude('iframe[sandbox]')
    .exclude('.pdf-frame')
    .analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n'),
  );
  expect.soft(found, `axe violations on ${where}`).toEqual([]);
  // The audit really looked at the screen: it checked rules and found the heading.
  expect(results.passes.length, `axe checked nothing on ${where}`).toBeGreaterThan(10);
}

/** Audits in the light theme, then the dark one, and returns to light. */
async function auditBothThemes(page: Page, where: string): Promise<void> {
  const toggle = page.getByTestId('theme-toggle');
  const html = page.locator('html');
  await expect(html).not.toHaveAttribute('data-theme', 'dark');
  await audit(page, `${where} (light)`);
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await audit(page, `${where} (dark)`);
  await toggle.click();
  await expect(html).not.toHaveAttribute('data-theme', 'dark');
}

async function seed(server: ConsoleServer): Promise<string> {
  const apiKey = await demoKey(server, 'test');
  const sms = await sendDirect(server, apiKey, 'sms', {
    phone_number: '07700900002',
    template_id: DEMO_TEMPLATES.smsVerification,
    personalisation: { name: 'Ada', code: '482910' },
    reference: 'a11y-001',
  });
  await sendDirect(server, apiKey, 'email', {
    email_address: 'ada.lovelace@example.gov.uk',
    template_id: DEMO_TEMPLATES.emailWelcome,
    personalisation: { name: 'Ada', 'reference number': 'HDJ2123F' },
    reference: 'a11y-002',
  });
  await sandboxControl(server, 'POST', `services/${DEMO_SERVICE_ID}/inbound`, {
    user_number: '07700900123',
    content: 'Yes, I can make the appointment.',
  });
  return sms.id;
}

test.describe('Accessibility (axe, WCAG 2.2 AA)', () => {
  test('bulk send, each state, light and dark', async ({ page }) => {
    test.setTimeout(180_000);
    await ensureVaultUnlocked(page);
    await openBulk(page);
    await auditBothThemes(page, 'Bulk send, before an upload');
    await upload(page, 'reminders.csv', SHEET_WITH_ERRORS);
    await expect(page.getByTestId('bulk-row-errors')).toBeVisible();
    await auditBothThemes(page, 'Bulk send, a sheet with errors');
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await page.getByTestId('bulk-profile').selectOption('sandbox-live');
    await page.getByTestId('bulk-template').selectOption(DEMO_TEMPLATES.smsVerification);
    await upload(page, 'reminders.csv', FIXED_SHEET);
    await expect(page.getByTestId('bulk-send')).toBeVisible();
    await auditBothThemes(page, 'Bulk send, a sheet ready to send');
    await page.getByTestId('bulk-send').click();
    await expect(page.getByTestId('confirm-live-dialog')).toBeVisible();
    await audit(page, 'the live-send confirmation of a batch');
    await page.getByTestId('confirm-live-dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await page.getByTestId('bulk-profile').selectOption('sandbox-test');
    await page.getByTestId('bulk-template').selectOption(DEMO_TEMPLATES.smsVerification);
    await upload(page, 'reminders.csv', FIXED_SHEET);
    await page.getByTestId('bulk-send').click();
    await expect(page.getByTestId('bulk-state')).toHaveText('Sent', { timeout: 20_000 });
    await expect(page.getByTestId('bulk-deliveries')).not.toContainText('following', { timeout: 20_000 });
    await page.getByTestId('bulk-failure').locator('summary').click();
    await auditBothThemes(page, 'a sent batch with its statuses and rows');
    await page.getByTestId('bulk-resend').click();
    await expect(page.getByTestId('bulk-resend-dialog')).toBeVisible();
    await audit(page, 'the resend confirmation');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'All batches and a new upload' }).click();
    await expect(page.getByTestId('bulk-batch-row')).toHaveCount(1);
    await auditBothThemes(page, 'Bulk send with the batches list');
  });

  test('every screen, light and dark', async ({ page, server }) => {
    test.setTimeout(180_000);
    const failedId = await seed(server);

    await ensureVaultUnlocked(page);
    await auditBothThemes(page, 'Profiles');

    await goTo(page, 'Templates', 'Templates');
    await page.getByTestId('template-item').filter({ hasText: 'Welcome email' }).click();
    await expect(page.getByTestId('template-detail')).toBeVisible();
    await auditBothThemes(page, 'Templates with a template open');

    await goTo(page, 'Send', 'Send a message');
    await chooseTemplate(page, 'Welcome email (Email)');
    await page.getByLabel('Email address').fill('ada.lovelace@example.gov.uk');
    await page.getByLabel('name', { exact: true }).fill('Ada');
    await page.getByLabel('reference number', { exact: true }).fill('HDJ2123F');
    await expect(page.getByTestId('server-preview')).toHaveAttribute('data-matches', 'true');
    await auditBothThemes(page, 'Send with a preview');

    await goTo(page, 'Support', 'Support');
    const form = page.getByRole('form', { name: 'Find a notification in every profile' });
    await form.getByLabel('Notification id or reference').fill(failedId);
    await form.getByRole('button', { name: 'Search all profiles' }).click();
    const results = page.getByTestId('lookup-results');
    await expect(results.getByTestId('lookup-result').first()).toBeVisible();
    await auditBothThemes(page, 'Support with lookup results');
    await results.getByTestId('lookup-result').first().getByRole('button').click();
    await expect(page.getByTestId('notification-detail').getByTestId('status')).toHaveText(
      'permanent-failure',
    );
    await auditBothThemes(page, 'a failed notification with its timeline');

    await goTo(page, 'History', 'History');
    await expect(page.getByTestId('history-row').first()).toBeVisible();
    await auditBothThemes(page, 'History');

    await goTo(page, 'Received texts', 'Received text messages');
    await expect(page.getByTestId('received-row').first()).toBeVisible();
    await auditBothThemes(page, 'Received texts');

    await goTo(page, 'Inspector', 'Request inspector');
    await auditBothThemes(page, 'Inspector');

    // Dialogs, open over a screen.
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog')).toBeVisible();
    await audit(page, 'the command palette');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await audit(page, 'the keyboard shortcuts dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('the Sandbox panel: callback settings with an error, an email’s complaint confirmed', async ({
    page,
    server,
  }) => {
    await seed(server);
    await goTo(page, 'Sandbox', 'Sandbox');
    await page.getByRole('tab', { name: 'Service settings' }).click();
    await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Demo service' });
    const settings = page.getByRole('form', { name: 'Settings of Demo service' });
    await settings.getByLabel('Complaint callback URL').fill('https://example.gov.uk/complaints');
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await expect(settings.getByLabel('Complaint callback bearer token')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await auditBothThemes(page, 'Sandbox service settings with a callback error');

    await page.getByRole('tab', { name: 'Inbox' }).click();
    await page.locator('[data-testid="inbox-item"][data-type="email"]').first().click();
    await expect(page.getByTestId('inbox-email-frame')).toBeVisible();
    // From the keyboard: headless Chromium can send a click made right after scrolling to the
    // email's frame (another process), where the frame was before the scroll.
    await page.getByRole('button', { name: 'Report as spam (complaint)' }).press('Enter');
    await expect(page.getByTestId('complaint-result')).toContainText('Complaint recorded');
    await auditBothThemes(page, 'Sandbox inbox with a complaint filed');
  });

  test('what issue 9 added: vault gate, malformed id, failures, letter preview, history news, inspector', async ({
    page,
    server,
  }) => {
    test.setTimeout(180_000);
    const failedId = await seed(server);

    // Save before a vault exists: the gate in the add-profile dialog.
    await goTo(page, 'Profiles', 'Profiles');
    await page.getByRole('main').getByRole('button', { name: 'Add a profile' }).click();
    const profileForm = page.getByRole('form', { name: 'Add a profile' });
    await profileForm.getByLabel('Name', { exact: true }).fill('Audit');
    await profileForm.getByLabel('API key', { exact: true }).fill(await demoKey(server, 'test'));
    await expect(profileForm.getByTestId('api-key-check')).toBeVisible();
    await profileForm.getByRole('button', { name: 'Save profile' }).click();
    await expect(profileForm.getByTestId('vault-gate')).toBeVisible();
    await audit(page, 'the add-profile dialog asking for a passphrase');
    await page.keyboard.press('Escape');

    await goTo(page, 'Status', 'Notification status');
    const open = page.getByRole('form', { name: 'Open a notification by id' });
    await open.getByLabel('Notification ID').fill(`see ${failedId} please`);
    await open.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('malformed-id')).toBeVisible();
    await auditBothThemes(page, 'Status explaining a malformed id');

    await goTo(page, 'Support', 'Support');
    const reason = page.getByTestId('failure-reason').first();
    await expect(reason).toBeVisible();
    await reason.getByText('What it means and what to do').click();
    await auditBothThemes(page, 'Support failures, explained');

    await goTo(page, 'Send', 'Send a message');
    await chooseTemplate(page, 'Appointment letter (Letter)');
    await expect(page.getByTestId('letter-body-rendered')).toBeVisible();
    await expect(page.getByTestId('preview-empty-placeholders')).toBeVisible();
    await auditBothThemes(page, 'Send with a rendered letter preview');

    await goTo(page, 'History', 'History');
    await expect(page.getByTestId('history-row').first()).toBeVisible();
    await sendDirect(server, await demoKey(server, 'test'), 'sms', {
      phone_number: '07700900123',
      template_id: DEMO_TEMPLATES.smsVerification,
      personalisation: { name: 'Ada', code: '1' },
    });
    await expect(page.getByTestId('history-new')).toBeVisible({ timeout: 15_000 });
    await auditBothThemes(page, 'History announcing new notifications');

    await goTo(page, 'Inspector', 'Request inspector');
    await page.getByTestId('inspector-row').first().getByRole('button').click();
    await expect(page.getByTestId('inspector-detail')).toBeVisible();
    await auditBothThemes(page, 'Inspector with a request open');
  });
});
