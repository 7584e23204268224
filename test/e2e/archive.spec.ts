/**
 * The Archive screen in the browser: a profile opted in, a text sent from the Send screen, the
 * sandbox's clock moved past Notify's 7 days, then the archive searched for the recipient (typed
 * another way), the archived notification opened with its record, timeline and the label saying
 * Notify no longer holds it; History lists it, marked as coming from the archive; the live status
 * screen falls back to the archive on Notify's 404;
 * presentation mode masks the archive and keeps the recipient out of the address.
 *
 * The page's clock runs 23 days ahead (Playwright's clock), as a support call three weeks after the
 * send would be; screenshots of the search and the archived notification go to the README's table
 * with `UPDATE_SCREENSHOTS=1`, like test/e2e/screenshots.spec.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, ownConsoleTest } from './fixtures';
import {
  ensureVaultUnlocked,
  goTo,
  sandboxControl,
  sendVerificationSms,
  waitForSandboxStatus,
} from './helpers';

const FOR_DOCS = process.env.UPDATE_SCREENSHOTS === '1';
const SHOTS = fileURLToPath(
  new URL(FOR_DOCS ? '../../docs/screenshots/' : '../../test-results/screenshots/', import.meta.url),
);
const DAY_MS = 86_400_000;

const test = ownConsoleTest({ deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/London' }).extend({
  page: async ({ page }, use) => {
    // A support call 23 days after the send: the page's clock runs from then on.
    await page.clock.install({ time: Date.now() + 23 * DAY_MS });
    await page.reload();
    await expect(page.getByTestId('active-profile-name')).toHaveText('Local sandbox');
    await ensureVaultUnlocked(page);
    await use(page);
  },
});

/** The page in the light theme, then the dark one (back to light after). */
async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const html = page.locator('html');
  const toggle = page.getByTestId('theme-toggle');
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      await toggle.click();
      await expect(html).toHaveAttribute('data-theme', 'dark');
    } else {
      await expect(html).not.toHaveAttribute('data-theme', 'dark');
    }
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.locator('.spinner')).toHaveCount(0);
    await page.screenshot({
      path: join(SHOTS, `${name}-${theme}.png`),
      animations: 'disabled',
      caret: 'hide',
    });
  }
  await toggle.click();
  await expect(html).not.toHaveAttribute('data-theme', 'dark');
}

test('search the archive for a recipient and open a notification Notify no longer holds', async ({
  page,
  server,
}) => {
  await goTo(page, 'Archive', 'Notification archive');
  await expect(page.getByTestId('archive-off')).toBeVisible();
  // A click, not check(): once opted in, the screen swaps this form for the archive itself, so the
  // checkbox is gone before check() could see it ticked.
  await page.getByTestId('archive-opt-in-sandbox-test').click();
  await expect(page.getByTestId('archive-summary')).toContainText('1 profile archived');

  const id = await sendVerificationSms(page, { phoneNumber: '07700 900 789', code: '482913' });
  await waitForSandboxStatus(server, id, 'delivered');
  await page.getByRole('button', { name: 'Follow its status' }).click();
  await expect(page.getByTestId('notification-detail').getByTestId('status')).toHaveText('delivered');

  // Notify forgets it after 7 days.
  await sandboxControl(server, 'POST', 'clock', { advance_seconds: 8 * 86_400 });

  await goTo(page, 'Archive', 'Notification archive');
  await page.getByTestId('archive-recipient').fill('+44 7700 900789');
  await page.getByTestId('archive-search-submit').click();
  const rows = page.getByTestId('archive-result');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('07700 900 789');
  await expect(rows.first()).toContainText('delivered');
  expect(page.url()).toContain('#/archive?recipient=%2B44+7700+900789');
  await shoot(page, 'archive-search');

  // The address repeats the search after a reload.
  await page.reload();
  await expect(page.getByTestId('archive-result')).toHaveCount(1);

  await page.getByTestId('archive-result').getByRole('button', { name: id }).click();
  const archived = page.getByTestId('archived-notification');
  await expect(archived.getByTestId('archived-label')).toHaveText(
    'Notify no longer holds this notification (sent 23 days ago)',
  );
  await expect(archived.getByTestId('archived-status')).toHaveText('delivered');
  await expect(archived.getByTestId('archived-body')).toContainText('482913');
  await expect(archived.getByTestId('archived-personalisation')).toContainText('482913');
  const steps = archived.getByTestId('timeline-entry');
  await expect(steps.first()).toContainText('Created');
  await expect(steps.filter({ hasText: 'Status created, seen in the send response' })).toHaveCount(1);
  expect(page.url()).toContain(`#/archive/${id}`);
  await shoot(page, 'archive-notification');

  // History: Notify lists nothing any more; the archive's row is there, marked as such.
  await goTo(page, 'History', 'History');
  const historyRows = page.getByTestId('history-row');
  await expect(historyRows).toHaveCount(1);
  await expect(historyRows.first()).toContainText('Archive');
  await expect(page.getByTestId('history-archive-status')).toContainText('1 from the archive');

  // The live status screen, on Notify's 404, shows the archived record.
  await page.goto(`${new URL(page.url()).origin}/#/status/sandbox-test/${id}`);
  await expect(page.getByTestId('error-panel')).toContainText('No result found');
  await expect(page.getByTestId('archived-label')).toHaveText(
    'Notify no longer holds this notification (sent 23 days ago)',
  );
});

test('presentation mode masks the archive and keeps the recipient out of the address', async ({ page }) => {
  await goTo(page, 'Archive', 'Notification archive');
  // A click, not check(): once opted in, the screen swaps this form for the archive itself, so the
  // checkbox is gone before check() could see it ticked.
  await page.getByTestId('archive-opt-in-sandbox-test').click();
  const id = await sendVerificationSms(page, { phoneNumber: '07700 900 456', code: '111222' });
  await goTo(page, 'Archive', 'Notification archive');
  await page.getByTestId('presenting-toggle').click();
  await expect(page.getByTestId('presenting-indicator')).toBeVisible();
  await page.getByTestId('archive-recipient').fill('07700900456');
  await page.getByTestId('archive-search-submit').click();
  const row = page.getByTestId('archive-result');
  await expect(row).toHaveCount(1);
  expect(page.url()).not.toContain('07700900456');
  expect(page.url()).toMatch(/#\/archive$/);
  // The recipient is in place but painted over and hidden from screen readers.
  await expect(row.locator('[data-sensitive="managed"]').first()).toContainText('hidden');
  await row.getByRole('button', { name: id }).click();
  const archived = page.getByTestId('archived-notification');
  await expect(archived.getByRole('heading', { level: 2 })).toHaveText(/Text message to .*hidden/);
  await expect(archived.getByTestId('archived-body')).toHaveAttribute('data-sensitive', '');
  await expect(
    archived.getByTestId('archived-personalisation').locator('xpath=ancestor::*[@data-sensitive]'),
  ).toHaveCount(1);
});
