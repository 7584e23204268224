/**
 * Templates are named (with their version) wherever they appear (issue 9.5): the status screen's
 * header, History's template column, and the followed list.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures';
import { goTo, sendVerificationSms } from './helpers';

test('history, the status header and the followed list name the template', async ({ page }) => {
  const id = await sendVerificationSms(page);
  await page.getByRole('button', { name: 'Follow its status' }).click();
  const detail = page.getByTestId('notification-detail');
  await expect(detail).toContainText(id);
  await expect(detail.getByTestId('status-template')).toHaveText('Verification code (v2)');

  await goTo(page, 'History', 'History');
  const row = page.getByTestId('history-row').filter({ hasText: '07700900123' }).first();
  await expect(row.getByTestId('template-name')).toHaveText('Verification code (v2)');

  await goTo(page, 'Status', 'Notification status');
  const followed = page.getByTestId('tracked-list');
  await expect(followed.getByRole('row').filter({ hasText: id }).getByTestId('template-name')).toHaveText(
    'Verification code (v2)',
  );
});
