/**
 * The Sandbox panel (issue 9.2), as a developer uses it: a key made and added as a profile in one
 * click and sent with; a revoked key refused with Notify's own error; a 500 fault seen in the
 * header on another screen and failing a send, then removed; an inbound text injected and seen on
 * the Received texts screen; the clock changed; a complaint callback set in the service settings
 * and a complaint filed on an email in the inbox (a text has no such action). Each test has a
 * console of its own, so a fault never leaks into another spec. Every action is done from the
 * keyboard somewhere below.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { listenLocal } from '../support/local-server';
import { ownConsoleTest, expect } from './fixtures';
import {
  DEMO_TEMPLATES,
  demoKey,
  ensureVaultUnlocked,
  expectNoSecrets,
  goTo,
  sendDirect,
  sendVerificationSms,
  useProfile,
} from './helpers';
import type { Page } from '@playwright/test';

const test = ownConsoleTest();

async function openSandbox(page: Page, tab?: string): Promise<void> {
  await goTo(page, 'Sandbox', 'Sandbox');
  if (tab) await page.getByRole('tab', { name: tab }).click();
}

const demo = (page: Page) => page.getByTestId('sandbox-service').filter({ hasText: 'Demo service' });

test('a new key, added as a profile in one click, sends; revoked, it is refused with Notify’s error', async ({
  page,
}) => {
  await ensureVaultUnlocked(page);
  await openSandbox(page);
  const name = `panel key ${randomUUID().slice(0, 6)}`;
  const create = page.getByRole('form', { name: 'Create a key for Demo service' });
  await create.getByLabel('Key name').fill(name);
  await create.getByLabel('Key type').selectOption('test');
  // Enter in the name field submits the form: keyboard only.
  await create.getByLabel('Key name').press('Enter');
  const row = demo(page).getByTestId('sandbox-key').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('sandbox-key-masked')).toHaveText(/-••••[0-9a-f]{4}$/);

  await row.getByRole('button', { name: `Add ${name} as a profile` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sandbox-profile-added')).toContainText('kept in your key vault');
  const profileName = `Demo service — ${name} (test key)`;
  await expect(page.getByTestId('active-profile-name')).toHaveText(profileName);

  const id = await sendVerificationSms(page, { profile: profileName });
  expect(id).toMatch(/^[0-9a-f-]{36}$/);

  await openSandbox(page);
  await demo(page)
    .getByRole('button', { name: `Revoke ${name}` })
    .click();
  const dialog = page.getByTestId('revoke-dialog');
  await expect(dialog).toContainText('Invalid token: API key revoked');
  await dialog.getByRole('button', { name: 'Revoke the key' }).click();
  await expect(demo(page).getByTestId('sandbox-key').filter({ hasText: name })).toContainText('Revoked');

  await useProfile(page, profileName);
  await goTo(page, 'Send', 'Send a message');
  await page
    .getByLabel('Template', { exact: true })
    .selectOption({ label: 'Verification code (Text message)' });
  await page.getByLabel('Phone number').fill('07700900123');
  await page.getByLabel('name', { exact: true }).fill('Ada');
  await page.getByLabel('code', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('send-error')).toContainText('Invalid token: API key revoked');
});

test('a 500 fault shows in the header on every screen, fails a send, and goes when removed', async ({
  page,
}) => {
  await openSandbox(page, 'Faults');
  await expect(page.getByTestId('no-faults')).toBeVisible();
  await page.getByRole('button', { name: '500 Internal server error' }).click();
  await expect(page.getByTestId('active-fault')).toContainText('500 Internal server error');
  const marker = page.getByTestId('fault-marker');
  await expect(marker).toHaveText(/1 sandbox fault active/);

  await goTo(page, 'Send', 'Send a message');
  await expect(marker).toBeVisible();
  await page
    .getByLabel('Template', { exact: true })
    .selectOption({ label: 'Verification code (Text message)' });
  await page.getByLabel('Phone number').fill('07700900123');
  await page.getByLabel('name', { exact: true }).fill('Ada');
  await page.getByLabel('code', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('send-error')).toContainText('500');

  await goTo(page, 'History', 'History');
  await expect(marker).toBeVisible();
  // The marker opens the panel's faults; Remove is reachable from the keyboard.
  await marker.click();
  await expect(page.getByRole('tab', { name: 'Faults' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: /^Remove: 500/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('no-faults')).toBeVisible();
  await expect(marker).toHaveCount(0);
});

test('the other faults are one click each, listed, and removed all at once', async ({ page }) => {
  await openSandbox(page, 'Faults');
  await page.getByRole('button', { name: '429 rate limit' }).click();
  await page.getByRole('button', { name: /^Slow answer/ }).click();
  await page.getByRole('button', { name: 'Dropped connection', exact: true }).click();
  await page.getByRole('button', { name: '429 daily limit reached' }).click();
  const active = page.getByTestId('active-fault');
  await expect(active).toHaveCount(4);
  await expect(active.nth(0)).toContainText('429 rate limit');
  await expect(active.nth(1)).toContainText('5,000 ms late');
  await expect(active.nth(2)).toContainText('Drops the connection');
  await expect(active.nth(3)).toContainText('429 daily limit reached');
  await expect(page.getByTestId('fault-marker')).toHaveText(/4 sandbox faults active/);
  await page.getByRole('button', { name: 'Remove all' }).click();
  await expect(page.getByTestId('no-faults')).toBeVisible();
});

test('an injected inbound text is on the Received texts screen', async ({ page }) => {
  await openSandbox(page, 'Received texts');
  const content = `Hello from the panel ${randomUUID().slice(0, 6)}`;
  const form = page.getByRole('form', { name: 'Inject an inbound text' });
  await form.getByLabel('From number').fill('07700900222');
  await form.getByLabel('Content').fill(content);
  await form.getByLabel('Content').press('Enter');
  await expect(page.getByTestId('sandbox-received')).toContainText(content);

  await useProfile(page, 'Local sandbox');
  await goTo(page, 'Received texts', 'Received text messages');
  await expect(page.getByTestId('received-list')).toContainText(content);
});

test('the clock: time scale, skew and moving time forward', async ({ page }) => {
  await openSandbox(page, 'Clock');
  await expect(page.getByTestId('clock-scale')).toContainText('100,000×');
  const scale = page.getByRole('form', { name: 'Time scale' });
  await scale.getByLabel('Time scale').fill('250');
  await scale.getByLabel('Time scale').press('Enter');
  await expect(page.getByTestId('clock-scale')).toContainText('250×');
  const skew = page.getByRole('form', { name: 'Clock skew' });
  await skew.getByLabel('Clock skew (seconds)').fill('45');
  await skew.getByRole('button', { name: 'Set the skew' }).click();
  await expect(page.getByTestId('clock-skew')).toHaveText('45 s');
  await expect(page.getByTestId('latency-mode')).toContainText('Realistic');
  await page.getByRole('button', { name: 'Answer at once' }).click();
  await expect(page.getByTestId('latency-mode')).toContainText('None');
  await page.getByRole('button', { name: '+ 1 day' }).click();
  await expect(page.getByTestId('toast').last()).toContainText('Moved time forward 1 day');
});

test('the templates list names, types, versions and ids', async ({ page }) => {
  await openSandbox(page, 'Templates');
  const row = page.getByTestId('sandbox-template').filter({ hasText: 'Verification code' }).first();
  await expect(row).toContainText('Text message');
  await expect(row).toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d+$/);
});

test('a reset asks first, then forgets what was sent', async ({ page }) => {
  await sendVerificationSms(page);
  await openSandbox(page, 'Service settings');
  await page.getByRole('button', { name: 'Reset the sandbox' }).click();
  const dialog = page.getByTestId('reset-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Reset the sandbox' }).click();
  await page.getByTestId('reset-dialog').getByRole('button', { name: 'Reset it' }).click();
  await expect(page.getByTestId('toast').last()).toContainText('back to its start');
  await expect(page.getByText('0 notifications held')).toBeVisible();
});

test('a complaint filed on an email reaches the complaint callback set in the settings; a text has no such action', async ({
  page,
  server,
}) => {
  const received: { path: string; auth: string | undefined; body: { notification_id?: string } }[] = [];
  const endpoint = await listenLocal(
    createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(raw) });
        res.writeHead(200).end('{}');
      });
    }),
  );
  const token = `complaints-${randomUUID()}`;
  try {
    const key = await demoKey(server, 'test');
    const email = await sendDirect(server, key, 'email', {
      email_address: 'ada@example.gov.uk',
      template_id: DEMO_TEMPLATES.emailWelcome,
      personalisation: { name: 'Ada', 'reference number': 'REF-7' },
    });
    await sendDirect(server, key, 'sms', {
      phone_number: '07700900123',
      template_id: DEMO_TEMPLATES.smsVerification,
      personalisation: { name: 'Ada', code: '7' },
    });

    // The complaint callback, set from the keyboard: a new URL without its token is refused first.
    await openSandbox(page, 'Service settings');
    await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Demo service' });
    const settings = page.getByRole('form', { name: 'Settings of Demo service' });
    const url = settings.getByLabel('Complaint callback URL');
    await url.fill(`${endpoint.url}/complaints`);
    await url.press('Enter');
    const tokenField = settings.getByLabel('Complaint callback bearer token');
    await expect(tokenField).toBeFocused();
    await expect(tokenField).toHaveAttribute('type', 'password');
    await expect(settings.getByTestId('callback-complaintCallback')).toContainText(
      'A new URL needs its bearer token.',
    );
    await tokenField.fill(token);
    await tokenField.press('Enter');
    await expect(page.getByTestId('toast').last()).toContainText('Saved the settings of Demo service');
    await expect(settings.getByLabel('Complaint callback URL')).toHaveValue(`${endpoint.url}/complaints`);
    await expect(settings.getByLabel('Complaint callback bearer token')).toHaveValue('');
    await expect(settings.getByTestId('callback-complaintCallback')).toContainText('Set, and never shown');
    await expectNoSecrets(page, [token], 'the service settings');

    await page.getByRole('tab', { name: 'Inbox' }).click();
    const items = page.getByTestId('inbox-item');
    await expect(items).toHaveCount(2);
    const ofType = (type: string) => page.locator(`[data-testid="inbox-item"][data-type="${type}"]`);
    await ofType('sms').click();
    await expect(page.getByTestId('inbox-sms-bubble')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Report as spam (complaint)' })).toHaveCount(0);

    await ofType('email').click();
    await expect(page.getByTestId('inbox-email-frame')).toBeVisible();
    const report = page.getByRole('button', { name: 'Report as spam (complaint)' });
    // Next after "Force it", from the keyboard.
    await page.getByRole('button', { name: 'Force it' }).focus();
    await page.keyboard.press('Tab');
    await expect(report).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('complaint-result')).toContainText(
      `Complaint sent to your complaint callback, ${endpoint.url}/complaints.`,
    );
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({
      path: '/complaints',
      auth: `Bearer ${token}`,
      body: { notification_id: email.id },
    });

    // Removed (an emptied URL), the next complaint is recorded with no callback to go to.
    // Keys, not clicks, while the email's frame is on screen: headless Chromium can send a click
    // made right after a scroll to that frame (another process), where it was before the scroll.
    await page.getByRole('tab', { name: 'Service settings' }).press('Enter');
    await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Demo service' });
    await settings.getByLabel('Complaint callback URL').fill('');
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await expect(settings.getByLabel('Complaint callback URL')).toHaveValue('');
    await page.getByRole('tab', { name: 'Inbox' }).click();
    await ofType('email').click();
    await expect(page.getByTestId('inbox-email-frame')).toBeVisible();
    await page.getByRole('button', { name: 'Report as spam (complaint)' }).press('Enter');
    await expect(page.getByTestId('complaint-result')).toContainText(
      'Complaint recorded; no complaint callback is set.',
    );
    expect(received).toHaveLength(1);
    // The token went to the sandbox only: not to the console's log.
    expect(readFileSync(join(server.dataDir, 'logs', 'console.log'), 'utf8')).not.toContain(token);
  } finally {
    await endpoint.close();
  }
});

test('a complaint the console could not file says why, and the button stays to try again', async ({
  page,
  server,
}) => {
  await sendDirect(server, await demoKey(server, 'test'), 'email', {
    email_address: 'ada@example.gov.uk',
    template_id: DEMO_TEMPLATES.emailWelcome,
    personalisation: { name: 'Ada', 'reference number': 'REF-8' },
  });
  // The console's answer when its sandbox is down (it restarts a crashed one): only this call's.
  const down = 'The embedded sandbox is not running (restarting): it stopped unexpectedly.';
  await page.route('**/rpc', async (route) => {
    if ((route.request().postDataJSON() as { method?: string }).method !== 'sandbox.complain')
      return route.fallback();
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'sandbox_unavailable', message: down } }),
    });
  });
  await openSandbox(page, 'Inbox');
  await page.getByTestId('inbox-item').first().click();
  await expect(page.getByTestId('inbox-email-frame')).toBeVisible();
  const report = page.getByRole('button', { name: 'Report as spam (complaint)' });
  // Enter rather than a click, for the reason given in the test above.
  await report.press('Enter');
  const error = page.getByTestId('inbox-complaint').getByRole('alert');
  await expect(error).toContainText('Could not report the email as spam');
  await expect(error).toContainText(down);

  await page.unroute('**/rpc');
  await report.press('Enter');
  await expect(page.getByTestId('complaint-result')).toContainText(
    'Complaint recorded; no complaint callback is set.',
  );
  await expect(error).toHaveCount(0);
});
