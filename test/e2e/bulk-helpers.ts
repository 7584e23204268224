/**
 * Sheets and steps the bulk-send browser tests share (bulk, accessibility, screenshots).
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { DEMO_TEMPLATES, goTo } from './helpers';

export const SHEET_WITH_ERRORS = [
  'phone number,name,code',
  '07700900301,Ann,111',
  '12345,Bob,222',
  '07700900303,Cat,',
  '07700900304,Dan,444',
].join('\n');

/**
 * The same sheet fixed, and longer: 14 rows, so at 60 a minute the engine's burst of 10 goes at
 * once and the rest one a second, time enough to pause. Row 3 is Notify's test number for a
 * permanent failure.
 */
export const FIXED_SHEET = [
  'phone number,name,code',
  '07700900301,Ann,111',
  '07700900002,Bob,222',
  '07700900303,Cat,333',
  '07700900304,Dan,444',
  '07700900305,Eve,555',
  '07700900306,Fay,666',
  ...Array.from({ length: 8 }, (_v, i) => `0770090031${i},Person ${i},${700 + i}`),
].join('\n');

/** Opens Bulk send with the verification-code template chosen. */
export async function openBulk(page: Page): Promise<void> {
  await goTo(page, 'Bulk sending', 'Bulk send');
  const template = page.getByTestId('bulk-template');
  await expect(template.locator(`option[value="${DEMO_TEMPLATES.smsVerification}"]`)).toHaveCount(1);
  await template.selectOption(DEMO_TEMPLATES.smsVerification);
}

export async function upload(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByTestId('bulk-file-input')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('bulk-report')).toBeVisible();
}

/** Sends the fixed sheet at full pace and waits until every status is final. */
export async function sendFixedSheet(page: Page): Promise<void> {
  await openBulk(page);
  await upload(page, 'reminders.csv', FIXED_SHEET);
  await page.getByTestId('bulk-send').click();
  await expect(page.getByTestId('bulk-state')).toHaveText('Sent', { timeout: 20_000 });
  await expect(page.getByTestId('bulk-delivered')).toHaveText('13', { timeout: 20_000 });
  await expect(page.getByTestId('bulk-deliveries')).not.toContainText('following');
  await expect(page.getByTestId('bulk-result-row')).toHaveCount(14);
}
