/**
 * Profiles: a key Notify could never have issued is refused next to its field; a real key (made
 * for this test through the sandbox's control API) is saved and can be chosen in the header.
 */
import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import {
  DEMO_SERVICE_ID,
  createDemoKey,
  ensureVaultUnlocked,
  switcher,
  switcherOption,
  useProfile,
} from './helpers';

test.describe('Profiles', () => {
  test('a malformed API key is refused with the reason shown next to the key field', async ({ page }) => {
    await ensureVaultUnlocked(page);
    const name = `Bad key ${randomUUID().slice(0, 8)}`;

    await page.getByRole('main').getByRole('button', { name: 'Add a profile' }).click();
    const form = page.getByRole('form', { name: 'Add a profile' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('API key', { exact: true }).fill('not-a-notify-key');
    await form.getByRole('button', { name: 'Save profile' }).click();

    const keyField = form.getByLabel('API key', { exact: true });
    await expect(keyField).toHaveAttribute('aria-invalid', 'true');
    // The message is linked to the field, so it is announced with it, and says what a key looks like.
    await expect(keyField).toHaveAccessibleDescription(
      /Error: This is 16 characters long; an API key is at least 74/,
    );
    const fieldError = form.getByTestId('field-error');
    await expect(fieldError).toHaveCount(1);
    await expect(fieldError).toBeVisible();
    await expect(form.getByLabel('Name', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');

    // A key of the right shape that Notify never issued is caught by testing the connection.
    await keyField.fill(`${name.toLowerCase().replace(/\W+/g, '_')}-${DEMO_SERVICE_ID}-${randomUUID()}`);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByTestId('connection-result')).toHaveAttribute('data-verdict', 'bad-key');
    await expect(form.getByTestId('connection-result')).toContainText('The key was not accepted');

    // Nothing was saved.
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('profile-card').filter({ hasText: name })).toHaveCount(0);
    await switcher(page).click();
    await expect(switcherOption(page, name)).toHaveCount(0);
  });

  test('a profile with a valid key is added and can be chosen in the switcher', async ({ page, server }) => {
    await ensureVaultUnlocked(page);
    const name = `Demo test key ${randomUUID().slice(0, 8)}`;
    const { api_key: apiKey } = await createDemoKey(server, `e2e ${name}`, 'test');

    await page.getByRole('main').getByRole('button', { name: 'Add a profile' }).click();
    const form = page.getByRole('form', { name: 'Add a profile' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await expect(form.getByLabel('Base URL', { exact: true })).toHaveValue(server.sandboxUrl);
    await form.getByLabel('API key', { exact: true }).fill(apiKey);
    await form.getByRole('radio', { name: 'Test' }).check();
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByTestId('connection-result')).toHaveAttribute('data-verdict', 'ok');
    await form.getByRole('button', { name: 'Save profile' }).click();

    await expect(form).toBeHidden();
    await expect(page.getByTestId('toast').filter({ hasText: `Added “${name}”.` })).toBeVisible();
    const card = page.getByTestId('profile-card').filter({ hasText: name });
    await expect(card.getByTestId('profile-key')).toContainText(`ending ${apiKey.slice(-4)}`);
    await expect(card.getByTestId('key-type')).toHaveAttribute('data-key-type', 'test');

    // It is in the switcher, and choosing another profile and back again works.
    await useProfile(page, 'Local sandbox');
    await switcher(page).click();
    const option = switcherOption(page, name);
    await expect(option).toBeVisible();
    await expect(option.getByTestId('key-type')).toHaveText('test');
    await option.click();
    await expect(page.getByTestId('active-profile-name')).toHaveText(name);
  });
});
