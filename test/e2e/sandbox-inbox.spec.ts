/**
 * The inbox (issue 14.4): what a developer's own app sent, seen as the recipient sees it. A plain
 * `notifications-node-client` script, run as a child process with a key made in the panel, sends a
 * text, an email and a letter to the embedded sandbox; the open inbox shows each as it arrives
 * (no reload), as a phone bubble, the email's HTML in a sandboxed frame and the letter's PDF; the
 * recipient, template and type filters narrow it.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { ownConsoleTest, expect } from './fixtures';
import { DEMO_TEMPLATES, goTo, sandboxControl } from './helpers';

const test = ownConsoleTest();
const run = promisify(execFile);

/** The developer's app: notifications-node-client and nothing of this project. */
const APP = `
const { NotifyClient } = require('notifications-node-client');
const [baseUrl, suffix, t] = process.argv.slice(1);
const key = process.env.NOTIFY_API_KEY;
const templates = JSON.parse(t);
const client = new NotifyClient(baseUrl, key);
(async () => {
  await client.sendSms(templates.sms, '07700 900' + suffix, { personalisation: { name: 'Ada', code: suffix } });
  await client.sendEmail(templates.email, 'ada.' + suffix + '@example.gov.uk', {
    personalisation: { name: 'Ada', 'reference number': 'REF-' + suffix },
  });
  await client.sendLetter(templates.letter, {
    personalisation: {
      address_line_1: 'Ada Lovelace', address_line_2: '1 High Street', address_line_3: 'SW1A 1AA',
      name: 'Ada', date: '1 May', time: '10am',
    },
  });
})().catch((e) => { console.error(e.response ? JSON.stringify(e.response.data) : e.message); process.exit(1); });
`;

test('the inbox shows what a plain node-client app sent, live, rendered, and filters it', async ({
  page,
  server,
}) => {
  // The key, made the way the panel makes one (the control API's create-key route).
  const { api_key: key } = await sandboxControl<{ api_key: string }>(
    server,
    'POST',
    `services/64463fc4-02e5-43e7-b441-aac003ef740a/keys`,
    { name: `my app ${randomUUID().slice(0, 6)}`, key_type: 'test' },
  );
  await goTo(page, 'Sandbox', 'Sandbox');
  await page.getByRole('tab', { name: 'Inbox' }).click();
  await expect(page.getByTestId('inbox-count')).toBeVisible();

  const suffix = String(100 + Math.floor(Math.random() * 800));
  await run(
    process.execPath,
    [
      '-e',
      APP,
      server.sandboxUrl,
      suffix,
      JSON.stringify({
        sms: DEMO_TEMPLATES.smsVerification,
        email: DEMO_TEMPLATES.emailWelcome,
        letter: DEMO_TEMPLATES.letterAppointment,
      }),
    ],
    { env: { ...process.env, NOTIFY_API_KEY: key } },
  );

  // Live: the three arrive without a reload, newest first.
  const items = page.getByTestId('inbox-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toHaveAttribute('data-type', 'letter');
  await expect(items.nth(1)).toHaveAttribute('data-type', 'email');
  await expect(items.nth(2)).toHaveAttribute('data-type', 'sms');
  await expect(items.nth(2)).toContainText('my app');

  await items.nth(2).click();
  await expect(page.getByTestId('inbox-sms-bubble')).toContainText(`your verification code is ${suffix}`);

  await items.nth(1).click();
  const frame = page.getByTestId('inbox-email-frame');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame.contentFrame().getByRole('heading', { name: 'Your account is ready' })).toBeVisible();
  await expect(frame.contentFrame().locator('body')).toContainText(`REF-${suffix}`);

  await items.nth(0).click();
  await expect(page.getByTestId('inbox-letter-pdf')).toBeVisible();

  // Filters: by recipient (written another way), by template, by type.
  const filters = page.getByRole('form', { name: 'Filter the inbox' });
  await filters.getByLabel('Recipient').fill(`+44 7700 900${suffix}`);
  await filters.getByLabel('Recipient').press('Enter');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-type', 'sms');
  await filters.getByRole('button', { name: 'Clear' }).click();
  await expect(items).toHaveCount(3);
  await filters.getByLabel('Template').selectOption({ label: 'Welcome email (Demo service)' });
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-type', 'email');
  await filters.getByLabel('Template').selectOption({ label: 'Any template' });
  await filters.getByLabel('Type').selectOption({ label: 'Letters' });
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-type', 'letter');
});
