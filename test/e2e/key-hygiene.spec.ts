/**
 * Key hygiene: a profile's card says when its key was added and last used from this console, and
 * once Notify (here the sandbox, through its control API) revokes the key, the next request makes
 * the card say so, with a Replace key action that opens the profile's edit form.
 */
import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import { createDemoKey, ensureVaultUnlocked, goTo, sandboxControl, sendVerificationSms } from './helpers';

test.describe('Key hygiene', () => {
  test('a stored key shows its last use, then its revocation with a Replace key action', async ({
    page,
    server,
  }) => {
    await ensureVaultUnlocked(page);
    const name = `Hygiene ${randomUUID().slice(0, 8)}`;
    const key = await createDemoKey(server, `e2e ${name}`, 'test');

    await page.getByRole('main').getByRole('button', { name: 'Add a profile' }).click();
    const form = page.getByRole('form', { name: 'Add a profile' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('API key', { exact: true }).fill(key.api_key);
    await form.getByRole('radio', { name: 'Test' }).check();
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(form).toBeHidden();

    const card = page.getByTestId('profile-card').filter({ hasText: name });
    const usage = card.getByTestId('profile-key-usage');
    await expect(usage).toHaveText(
      /^Key added \d{1,2} [A-Z][a-z]{2} \d{4} \(just now\) · never used from this console$/,
    );
    await expect(card.getByTestId('profile-key-rotate')).toHaveCount(0);

    // A send with the profile marks the key used.
    await sendVerificationSms(page, { profile: name, code: '482910' });
    await expect(page.getByTestId('send-result').getByRole('heading', { name: 'Sent' })).toBeVisible();

    await goTo(page, 'Profiles', 'Profiles');
    await expect(usage).toContainText('· last used just now');
    await expect(card.getByTestId('profile-key-revoked')).toHaveCount(0);
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect(card.getByTestId('connection-result')).toHaveAttribute('data-verdict', 'ok');

    // Notify revokes the key; the next request made with it tells the console.
    await sandboxControl(server, 'POST', `keys/${key.id}/revoke`);
    await goTo(page, 'History', 'History');
    await goTo(page, 'Profiles', 'Profiles');

    const revoked = card.getByTestId('profile-key-revoked');
    await expect(revoked).toBeVisible();
    await expect(revoked).toContainText(/Notify reported this key revoked on \d{1,2} [A-Z][a-z]{2} \d{4}/);
    await expect(revoked).toContainText('Replace it');
    // The earlier "Connected" is stale now: it must not sit beside "revoked" (issue 9.6).
    await expect(card.locator('[data-testid="connection-result"][data-verdict="ok"]')).toHaveCount(0);
    await revoked.getByRole('button', { name: /Replace key/ }).click();
    const edit = page.getByRole('form', { name: `Edit ${name}` });
    await expect(edit).toBeVisible();
    await expect(edit.getByLabel('API key', { exact: true })).toBeVisible();
  });
});
