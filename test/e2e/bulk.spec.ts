/**
 * Bulk send as a user does it (issue 11): upload a sheet with errors, read Notify's report and the
 * error report, fix the sheet, send it, pause, resume, watch the statuses arrive, and export the
 * results. Each test runs its own console.
 */
import { readFile } from 'node:fs/promises';
import { expect, ownConsoleTest } from './fixtures';
import { FIXED_SHEET, openBulk, SHEET_WITH_ERRORS, upload } from './bulk-helpers';
import { DEMO_TEMPLATES } from './helpers';

const test = ownConsoleTest();

test('upload a sheet with errors, read the report, fix it, send, pause, resume, see and export the results', async ({
  page,
}) => {
  await openBulk(page);
  await expect(page.getByTestId('bulk-profile')).toHaveValue('sandbox-test'); // a test key by default

  // The drop zone is reached and opened with the keyboard.
  // Enabled once a template is chosen (and still chosen after the profile's templates loaded).
  await expect(page.getByTestId('bulk-template')).toHaveValue(DEMO_TEMPLATES.smsVerification);
  await expect(page.getByTestId('bulk-drop-zone')).toBeEnabled();
  await page.getByTestId('bulk-drop-zone').focus();
  await expect(page.getByTestId('bulk-drop-zone')).toBeFocused();
  // Chromium sometimes drops the picker of the first key press right after focus: press again
  // (at most three times) until the file chooser opens, so the keyboard path is what is tested.
  let chooser = null;
  for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
    const opened = page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => null);
    await page.keyboard.press('Enter');
    chooser = await opened;
  }
  expect(chooser, 'Enter on the drop zone opens the file picker').not.toBeNull();
  await chooser!.setFiles({
    name: 'reminders.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(SHEET_WITH_ERRORS),
  });
  await expect(page.getByTestId('bulk-report')).toBeVisible();

  // Notify's report: the summary first, then the rows with errors, each error on its cell.
  await expect(page.getByTestId('bulk-row-errors')).toContainText(
    'There are some problems with reminders.csv',
  );
  await expect(page.getByTestId('bulk-row-errors')).toContainText('fix 1 phone number');
  await expect(page.getByTestId('bulk-preview-row')).toHaveCount(2);
  await expect(page.getByTestId('bulk-cell-error')).toHaveText(['Mobile number is too short', 'Missing']);
  await expect(page.getByTestId('bulk-send')).toHaveCount(0);
  const report = page.waitForEvent('download');
  await page.getByTestId('bulk-error-report').click();
  const reportFile = await report;
  expect(reportFile.suggestedFilename()).toBe('reminders-errors.csv');
  const reportText = await readFile((await reportFile.path())!, 'utf8');
  expect(reportText).toContain('3,phone number: Mobile number is too short,12345,Bob,222');

  // Fixed: every row as it will be sent, the totals and cost; sent slowly enough to pause.
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await page.getByTestId('bulk-rate').fill('60');
  await upload(page, 'reminders.csv', FIXED_SHEET);
  await expect(page.getByTestId('bulk-row-errors')).toHaveCount(0);
  await expect(page.getByTestId('bulk-totals')).toContainText(
    'Ready to send: 14 text messages (14 fragments)',
  );
  await expect(page.getByTestId('bulk-preview-row').first()).toContainText(
    'Hello Ann, your verification code is 111. It expires in 10 minutes.',
  );
  await page.getByTestId('bulk-send').click();

  // Sending: the progress bar says how far, with rate and ETA; pause holds it, resume carries on.
  await expect(page).toHaveURL(/#\/bulk\/[0-9a-f-]{36}$/);
  const progress = page.getByTestId('bulk-progress');
  await expect(progress).toHaveAttribute('aria-valuemax', '14');
  await expect(progress).toHaveAttribute('aria-valuetext', /^1[0-2] of 14 rows done/);
  await expect(page.getByTestId('bulk-progress-text')).toContainText('a minute');
  await page.getByTestId('bulk-pause').click();
  await expect(page.getByTestId('bulk-state')).toHaveText('Paused');
  const held = await progress.getAttribute('aria-valuenow');
  await page.waitForTimeout(2_500);
  await expect(progress).toHaveAttribute('aria-valuenow', held!);
  await page.getByTestId('bulk-resume').click();
  await expect(page.getByTestId('bulk-state')).toHaveText('Sent', { timeout: 20_000 });
  await expect(progress).toHaveAttribute('aria-valuetext', /^14 of 14 rows done \(14 sent/);

  // Followed to the end: delivered, and the failure explained.
  await expect(page.getByTestId('bulk-delivered')).toHaveText('13', { timeout: 20_000 });
  await expect(page.getByTestId('bulk-failed')).toHaveText('1');
  await expect(page.getByTestId('bulk-failure')).toContainText('permanent-failure');
  await expect(page.getByTestId('bulk-result-row')).toHaveCount(14);
  await page.getByTestId('bulk-rows-filter').selectOption('failed');
  await expect(page.getByTestId('bulk-result-row')).toHaveCount(1);
  await expect(page.getByTestId('bulk-result-row')).toContainText('07700900002');

  const results = page.waitForEvent('download');
  await page.getByTestId('bulk-export').click();
  const resultsFile = await results;
  expect(resultsFile.suggestedFilename()).toBe('reminders-results.csv');
  const lines = (await readFile((await resultsFile.path())!, 'utf8')).trim().split('\r\n');
  expect(lines[0]).toBe('row,reference,recipient,notification_id,status,reason');
  expect(lines).toHaveLength(15);
  expect(lines.filter((l) => /,delivered,$/.test(l))).toHaveLength(13);
  expect(lines.find((l) => l.includes('07700900002'))).toMatch(/,permanent-failure,.+/);

  // The failed row goes again as a new batch, after confirmation.
  await page.getByTestId('bulk-resend').click();
  await page.getByTestId('bulk-resend-dialog').getByRole('button', { name: 'Make the new batch' }).click();
  await expect(page.getByTestId('bulk-state')).toHaveText('Ready to send');
  await expect(page.getByTestId('bulk-progress')).toHaveAttribute('aria-valuemax', '1');

  // Both batches are listed with their state.
  await page.getByRole('link', { name: 'All batches and a new upload' }).click();
  await expect(page.getByTestId('bulk-batch-row')).toHaveCount(2);
});

test('a live key asks for the live-send confirmation with the count and cost', async ({ page }) => {
  await openBulk(page);
  await page.getByTestId('bulk-profile').selectOption('sandbox-live');
  await page.getByTestId('bulk-template').selectOption(DEMO_TEMPLATES.smsVerification);
  await upload(page, 'live.csv', FIXED_SHEET);
  await page.getByTestId('bulk-send').click();
  const dialog = page.getByTestId('confirm-live-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('confirm-recipient')).toHaveText('14 recipients, one per row of live.csv');
  await expect(dialog.getByTestId('confirm-cost')).toContainText(
    '14 text messages (14 fragments), estimated cost £',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('bulk-batch-row')).toHaveCount(0);
  await page.getByTestId('bulk-send').click();
  await page.getByTestId('confirm-live-dialog').getByRole('button', { name: 'Send for real' }).click();
  await expect(page.getByTestId('bulk-state')).toHaveText(/Sending|Sent/);
});

test('presentation mode masks recipients and personalisation in the report and the results', async ({
  page,
}) => {
  await openBulk(page);
  await upload(page, 'reminders.csv', FIXED_SHEET);
  await page.keyboard.press('Control+Shift+H');
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
  const cells = page.getByTestId('bulk-preview-table').locator('td [data-sensitive="managed"]');
  expect(await cells.count()).toBeGreaterThan(14 * 3);
  for (const cell of await cells.all()) await expect(cell).toContainText('hidden');
});
