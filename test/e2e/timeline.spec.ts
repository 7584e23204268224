/**
 * Status timeline: a text sent with the test key is followed live to its final status. Notify's
 * simulated numbers decide the outcome: 07700900123 is delivered, 07700900002 fails permanently.
 */
import { test, expect } from './fixtures';
import { sendVerificationSms, speedUpLifecycle } from './helpers';
import type { Page } from '@playwright/test';

/** Sends the verification code text to `phoneNumber` and opens its status screen. */
async function sendAndFollow(page: Page, phoneNumber: string): Promise<string> {
  const id = await sendVerificationSms(page, { phoneNumber });
  await page.getByRole('button', { name: 'Follow its status' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notification status' })).toBeVisible();
  await expect(page.getByTestId('notification-detail')).toContainText(id);
  return id;
}

test.describe('Status timeline', () => {
  test.beforeEach(async ({ server }) => {
    await speedUpLifecycle(server);
  });

  test('a text to 07700900123 moves through its statuses to delivered', async ({ page }) => {
    await sendAndFollow(page, '07700900123');
    const detail = page.getByTestId('notification-detail');

    await expect(detail.getByTestId('status')).toHaveText('delivered', { timeout: 30_000 });
    await expect(detail.getByText('Final status')).toBeVisible();
    const timeline = detail.getByTestId('timeline');
    await expect(
      timeline.locator('[data-testid="timeline-entry"][data-status="delivered"]').first(),
    ).toBeVisible();
    // The first entry is the notification's creation; the last says it was delivered.
    const entries = timeline.getByTestId('timeline-entry');
    await expect(entries.last()).toHaveAttribute('data-status', 'delivered');
    expect(await entries.count()).toBeGreaterThan(1);
    await expect(detail.getByTestId('timeline-total')).toContainText('from the first to the last step');
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Text message to 07700900123');
    await expect(detail.getByTestId('notification-json')).toContainText('"status": "delivered"');
  });

  test('a text to 07700900002 ends in permanent-failure, explained', async ({ page }) => {
    await sendAndFollow(page, '07700900002');
    const detail = page.getByTestId('notification-detail');

    await expect(detail.getByTestId('status')).toHaveText('permanent-failure', { timeout: 30_000 });
    await expect(detail.getByText('Final status')).toBeVisible();
    await expect(detail.getByTestId('timeline').getByTestId('timeline-entry').last()).toHaveAttribute(
      'data-status',
      'permanent-failure',
    );

    const explanation = detail.getByTestId('explanation');
    await expect(explanation).toBeVisible();
    await expect(explanation.getByRole('heading', { level: 3 })).toHaveText('Not delivered');
    await expect(explanation).toContainText('the phone number was wrong');
    await expect(explanation.getByTestId('explanation-retry')).toHaveText('Only after fixing the problem');
    await expect(explanation.getByTestId('explanation-charged')).toHaveText('Yes');
  });
});
