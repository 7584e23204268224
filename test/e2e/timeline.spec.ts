/**
 * Status timeline: a text sent with the test key is followed live to its final status. Notify's
 * simulated numbers decide the outcome: 07700900123 is delivered, 07700900002 fails permanently.
 */
import { test, expect } from './fixtures';
import {
  DEMO_TEMPLATES,
  demoKey,
  sendDirect,
  sendVerificationSms,
  speedUpLifecycle,
  waitForSandboxStatus,
} from './helpers';
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
    // The total runs from creation to the final status (issue 9.6; it used to run to the last look).
    await expect(detail.getByTestId('timeline-total')).toContainText('from creation to delivered');
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

  test('the total runs to the final status, not to when the notification was opened', async ({
    page,
    server,
  }) => {
    const { id } = await sendDirect(server, await demoKey(server, 'test'), 'sms', {
      phone_number: '07700900123',
      template_id: DEMO_TEMPLATES.smsVerification,
      personalisation: { name: 'Ada', code: '9' },
    });
    await waitForSandboxStatus(server, id, 'delivered');
    // Look at it well after it was delivered: the wait must not count.
    await page.waitForTimeout(3000);
    await page.goto(`${page.url().split('#')[0]}#/status/sandbox-test/${id}`);
    const detail = page.getByTestId('notification-detail');
    await expect(detail.getByTestId('status')).toHaveText('delivered');
    const n = JSON.parse((await detail.getByTestId('notification-json').locator('code').textContent())!);
    const tookMs = Date.parse(n.completed_at) - Date.parse(n.created_at);
    const shown = await detail.getByTestId('timeline-total').textContent();
    expect(shown).toMatch(/from creation to delivered \(Notify’s completed_at\)/);
    const seconds = Number(/^([\d.]+) (ms|s)\b/.exec(shown!)?.[1]);
    const unit = /^[\d.]+ (ms|s)\b/.exec(shown!)?.[1];
    const ms = unit === 'ms' ? seconds : seconds * 1000;
    expect(Math.abs(ms - tookMs)).toBeLessThan(100);
    expect(ms).toBeLessThan(3000);
  });
});
