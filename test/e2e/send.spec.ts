/**
 * Send: a text, an email and a letter from the demo templates with personalisation, each showing
 * Notify's response and copy-as snippets whose API key is masked; and a send done from the
 * keyboard alone.
 */
import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import {
  chooseTemplate,
  demoKey,
  expectNoSecrets,
  goTo,
  switcher,
  switcherOption,
  tabTo,
  useProfile,
} from './helpers';
import type { Page } from '@playwright/test';

/** Checks each snippet language: the key is read from NOTIFY_API_KEY and shown only masked. */
async function expectMaskedSnippets(page: Page, apiKey: string, expected: RegExp): Promise<void> {
  const snippets = page.getByTestId('snippets');
  const masked = `${apiKey.slice(0, -36)}••••${apiKey.slice(-4)}`;
  for (const language of ['curl', 'Node', 'Python']) {
    await snippets.getByRole('tab', { name: language }).click();
    await expect(snippets.getByRole('tab', { name: language })).toHaveAttribute('aria-selected', 'true');
    const code = snippets.getByTestId('snippet-code');
    await expect(code).toContainText('NOTIFY_API_KEY');
    await expect(code).toContainText(masked);
    await expect(code).toContainText(expected);
    // The snippet arriving re-renders the result; focus stays where the user put it.
    await expect(snippets.getByRole('tab', { name: language })).toBeFocused();
    await expect(page.locator('body')).not.toContainText(apiKey);
    await expect(page.locator('body')).not.toContainText(apiKey.slice(-36));
    await expectNoSecrets(page, [apiKey, apiKey.slice(-36)], `the ${language} snippet`);
  }
}

test.describe('Send', () => {
  test.beforeEach(async ({ page }) => {
    await useProfile(page, 'Local sandbox');
    await goTo(page, 'Send', 'Send a message');
  });

  test('a text message with personalisation shows the response and masked snippets', async ({
    page,
    server,
  }) => {
    const reference = `sms-${randomUUID()}`;
    await chooseTemplate(page, 'Verification code (Text message)');
    await page.getByLabel('Phone number').fill('07700900123');
    await page.getByLabel('name', { exact: true }).fill('Ada');
    await page.getByLabel('code', { exact: true }).fill('482910');
    await page.getByLabel('Reference (optional)').fill(reference);
    await expect(page.getByTestId('sms-preview')).toContainText(
      'Hello Ada, your verification code is 482910. It expires in 10 minutes.',
    );
    await expect(page.getByTestId('server-preview')).toHaveAttribute('data-matches', 'true');

    await page.getByRole('button', { name: 'Send', exact: true }).click();

    const result = page.getByTestId('send-result');
    await expect(result.getByRole('heading', { name: 'Sent' })).toBeVisible();
    const id = await result.getByTestId('sent-id').textContent();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const response = result.getByTestId('send-response');
    await expect(response).toContainText(`"id": "${id}"`);
    await expect(response).toContainText(`"reference": "${reference}"`);
    await expect(response).toContainText('Hello Ada, your verification code is 482910.');
    await expectMaskedSnippets(page, await demoKey(server, 'test'), /07700900123/);
  });

  test('an email with personalisation shows the response and masked snippets', async ({ page, server }) => {
    await chooseTemplate(page, 'Welcome email (Email)');
    await page.getByLabel('Email address').fill('ada.lovelace@example.gov.uk');
    await page.getByLabel('name', { exact: true }).fill('Ada');
    await page.getByLabel('reference number', { exact: true }).fill('REF-1815');
    await expect(page.getByTestId('email-subject')).toHaveText('Welcome to the service, Ada');
    await expect(page.frameLocator('[data-testid="email-preview"]').locator('body')).toContainText(
      'Your reference is REF-1815.',
    );

    await page.getByRole('button', { name: 'Send', exact: true }).click();

    const result = page.getByTestId('send-result');
    await expect(result.getByRole('heading', { name: 'Sent' })).toBeVisible();
    const response = result.getByTestId('send-response');
    await expect(response).toContainText('"subject": "Welcome to the service, Ada"');
    await expect(response).toContainText('Your reference is REF-1815.');
    await expectMaskedSnippets(page, await demoKey(server, 'test'), /ada\.lovelace@example\.gov\.uk/);
  });

  test('a letter with an address and personalisation shows the response and masked snippets', async ({
    page,
    server,
  }) => {
    await chooseTemplate(page, 'Appointment letter (Letter)');
    const address = page.getByRole('group', { name: 'Address' });
    await address.getByLabel('Address line 1').fill('Ada Lovelace');
    await address.getByLabel('Address line 2').fill('12 Example Street');
    await address.getByLabel('Address line 3').fill('London');
    await address.getByLabel('Postcode').fill('SW1A 1AA');
    await page.getByLabel('name', { exact: true }).fill('Ada');
    await page.getByLabel('date', { exact: true }).fill('3 March');
    await page.getByLabel('time', { exact: true }).fill('10:30am');
    const preview = page.getByTestId('letter-preview');
    await expect(preview).toContainText('Your appointment on 3 March');
    await expect(preview).toContainText('Ada Lovelace');

    await page.getByRole('button', { name: 'Send', exact: true }).click();

    const result = page.getByTestId('send-result');
    await expect(result.getByRole('heading', { name: 'Sent' })).toBeVisible();
    const response = result.getByTestId('send-response');
    await expect(response).toContainText('"subject": "Your appointment on 3 March"');
    await expect(response).toContainText('Your appointment is on 3 March at 10:30am.');
    await expectMaskedSnippets(page, await demoKey(server, 'test'), /Ada Lovelace/);
  });
});

test('a text message can be sent with the keyboard alone', async ({ page }) => {
  // The test key's profile, chosen in the header's listbox: arrows, Home, Enter.
  await tabTo(page, switcher(page));
  await page.keyboard.press('ArrowDown');
  const profiles = page.getByRole('listbox', { name: 'Profiles' });
  await expect(profiles).toBeFocused();
  await page.keyboard.press('Home');
  const first = await switcherOption(page, 'Local sandbox').getAttribute('id');
  await expect(profiles).toHaveAttribute('aria-activedescendant', first!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('active-profile-name')).toHaveText('Local sandbox');
  await expect(switcher(page)).toBeFocused();

  // `g` then a letter moves between screens and puts focus on the screen's heading.
  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeFocused();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1, name: 'Send a message' })).toBeFocused();

  const template = page.getByLabel('Template', { exact: true });
  await tabTo(page, template);
  // A closed select picks the option whose text starts with what is typed.
  await page.keyboard.type('Verification');
  await expect(template.locator('option:checked')).toHaveText('Verification code (Text message)');

  await tabTo(page, page.getByLabel('Phone number'));
  await page.keyboard.type('07700900123');
  await tabTo(page, page.getByLabel('name', { exact: true }));
  await page.keyboard.type('Grace');
  await tabTo(page, page.getByLabel('code', { exact: true }));
  await page.keyboard.type('771903');
  await expect(page.getByTestId('sms-preview')).toContainText(
    'Hello Grace, your verification code is 771903.',
  );
  await page.keyboard.press('Control+Enter');

  const heading = page.getByTestId('send-result').getByRole('heading', { name: 'Sent' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByTestId('send-response')).toContainText(
    'Hello Grace, your verification code is 771903.',
  );

  // Enter on the focused "Follow its status" button opens the notification.
  await tabTo(page, page.getByRole('button', { name: 'Follow its status' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Notification status' })).toBeVisible();
  await expect(page.getByTestId('notification-body')).toContainText('Hello Grace');
});
