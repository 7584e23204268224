/**
 * Counts and lists never double a notification (issue 9.3), and templates are named (issue 9.5):
 * with a profile the user added for the same service and key type as the built-in one, Support
 * still counts each failure once and lists each notification once, "via N profiles".
 */
import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { ownConsoleTest } from './fixtures';
import {
  DEMO_TEMPLATES,
  demoKey,
  ensureVaultUnlocked,
  goTo,
  sendDirect,
  waitForSandboxStatus,
} from './helpers';

const test = ownConsoleTest();

test('a second profile of the same service doubles nothing in Support', async ({ page, server }) => {
  await ensureVaultUnlocked(page);
  const testKey = await demoKey(server, 'test');
  await page.getByRole('button', { name: 'Add a profile' }).click();
  const form = page.getByTestId('profile-form');
  await form.getByLabel('Name').fill('My sandbox copy');
  await form.getByTestId('api-key-input').fill(testKey);
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('profile-card').filter({ hasText: 'My sandbox copy' })).toBeVisible();

  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { id } = await sendDirect(server, testKey, 'sms', {
      phone_number: '07700900002',
      template_id: DEMO_TEMPLATES.smsDocuments,
      personalisation: { documents: 'your passport' },
      reference: `dedupe-${randomUUID()}`,
    });
    ids.push(id);
  }
  for (const id of ids) await waitForSandboxStatus(server, id, 'permanent-failure');

  await goTo(page, 'Support', 'Support');
  const failures = page.getByTestId('failures');
  await failures.getByRole('button', { name: 'Refresh' }).click();
  const reason = failures.getByRole('region', { name: 'Failures: permanent-failure' });
  // 3 failures, not 6: the built-in test profile and the added one list the same three.
  await expect(reason.getByTestId('failure-reason-title')).toContainText('3 notifications');
  const groups = reason.getByTestId('failure-group');
  await expect(groups).toHaveCount(1);
  await expect(groups.getByTestId('failure-count')).toHaveText('3');
  await expect(groups.getByTestId('via-profiles')).toHaveText('· via 2 profiles');
  await expect(groups.getByTestId('via-profiles')).toHaveAttribute('title', 'Local sandbox, My sandbox copy');
  await expect(groups.getByTestId('template-name')).toHaveText('Documents needed (v1)');
  const samples = await groups.getByRole('button').allTextContents();
  expect(new Set(samples).size).toBe(samples.length);

  // A lookup by id: one notification, found through every profile of the demo service.
  const form2 = page.getByRole('form', { name: 'Find a notification in every profile' });
  await form2.getByLabel('Notification id or reference').fill(ids[0]!);
  await form2.getByRole('button', { name: 'Search all profiles' }).click();
  const results = page.getByTestId('lookup-results');
  await expect(results.getByTestId('lookup-result')).toHaveCount(1);
  await expect(results.locator('caption')).toHaveText('Found 1 notification');
  await expect(results.getByTestId('via-profiles')).toHaveText('· via 4 profiles');
});

test('a reason that holds texts and emails is explained for each (issue 9.6)', async ({ page, server }) => {
  const testKey = await demoKey(server, 'test');
  const sms = await sendDirect(server, testKey, 'sms', {
    phone_number: '07700900002',
    template_id: DEMO_TEMPLATES.smsDocuments,
    personalisation: { documents: 'your passport' },
  });
  const email = await sendDirect(server, testKey, 'email', {
    email_address: 'perm-fail@simulator.notify',
    template_id: DEMO_TEMPLATES.emailPasswordReset,
    personalisation: { name: 'Ada', 'reset link': 'https://example.gov.uk/reset' },
  });
  await waitForSandboxStatus(server, sms.id, 'permanent-failure');
  await waitForSandboxStatus(server, email.id, 'permanent-failure');

  await goTo(page, 'Support', 'Support');
  const reason = page.getByTestId('failures').getByRole('region', { name: 'Failures: permanent-failure' });
  await expect(reason.getByTestId('failure-reason-title')).toContainText('2 notifications');
  await reason.getByText('What it means and what to do').click();
  const forTexts = reason.locator('[data-channel="sms"]');
  const forEmails = reason.locator('[data-channel="email"]');
  await expect(forTexts.getByRole('heading', { name: 'For text messages (1)' })).toBeVisible();
  await expect(forTexts.getByTestId('failure-explanation')).toContainText('phone number');
  await expect(forEmails.getByRole('heading', { name: 'For emails (1)' })).toBeVisible();
  await expect(forEmails.getByTestId('failure-explanation')).toContainText('email address was wrong');
  await expect(forEmails.getByTestId('explanation-charged')).toHaveText('No');
});
