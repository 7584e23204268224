/**
 * Saving a profile before the vault exists guides the user (issue 9.4): instead of "Your API keys
 * are locked" at the top of a scrolled dialog, Save asks for a new passphrase right above the
 * buttons, moves focus there, says why the OS keychain is not used, keeps everything typed, and
 * saves the profile once the passphrase is set.
 */
import { expect } from '@playwright/test';
import { ownConsoleTest } from './fixtures';
import { demoKey, goTo } from './helpers';

const test = ownConsoleTest({ viewport: { width: 1440, height: 900 } });

test('Save before any passphrase exists offers one in place and keeps the form', async ({ page, server }) => {
  await goTo(page, 'Profiles', 'Profiles');
  await expect(page.getByTestId('vault-status')).toHaveText('not set up');
  await page.getByRole('main').getByRole('button', { name: 'Add a profile' }).click();
  const form = page.getByRole('form', { name: 'Add a profile' });
  await form.getByLabel('Name', { exact: true }).fill('First of mine');
  await form.getByLabel('API key', { exact: true }).fill(await demoKey(server, 'test'));
  await form.getByRole('button', { name: 'Save profile' }).click();

  const gate = form.getByTestId('vault-gate');
  await expect(
    gate.getByRole('heading', { name: 'Choose a passphrase to keep your API key safe' }),
  ).toBeFocused();
  await expect(gate).toBeInViewport();
  await expect(gate).not.toContainText('Your API keys are locked');
  await expect(gate.getByTestId('vault-gate-reason')).toContainText(
    'Browser mode cannot reach the operating system keychain',
  );
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('First of mine');

  await gate.getByLabel('New passphrase', { exact: true }).fill('a long enough passphrase');
  await gate.getByLabel('Confirm passphrase', { exact: true }).fill('a different one entirely');
  await gate.getByRole('button', { name: 'Set passphrase and save' }).click();
  await expect(gate.getByRole('alert')).toHaveText('The passphrases do not match.');

  await gate.getByLabel('Confirm passphrase', { exact: true }).fill('a long enough passphrase');
  await gate.getByRole('button', { name: 'Set passphrase and save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('profile-card').filter({ hasText: 'First of mine' })).toBeVisible();
  await expect(page.getByTestId('vault-status')).toHaveText('unlocked');
});

test('Save while the vault is locked asks for the passphrase in place', async ({ page, server }) => {
  await goTo(page, 'Profiles', 'Profiles');
  const panel = page.getByTestId('vault-panel');
  await panel.getByLabel('New passphrase', { exact: true }).fill('a long enough passphrase');
  await panel.getByLabel('Confirm passphrase', { exact: true }).fill('a long enough passphrase');
  await panel.getByRole('button', { name: 'Set up vault' }).click();
  await panel.getByRole('button', { name: 'Lock vault now' }).click();
  await expect(page.getByTestId('vault-status')).toHaveText('locked');

  await page.getByRole('main').getByRole('button', { name: 'Add a profile' }).click();
  const form = page.getByRole('form', { name: 'Add a profile' });
  await form.getByLabel('Name', { exact: true }).fill('Locked save');
  await form.getByLabel('API key', { exact: true }).fill(await demoKey(server, 'test'));
  await form.getByRole('button', { name: 'Save profile' }).click();
  const gate = form.getByTestId('vault-gate');
  await expect(gate.getByRole('heading', { name: 'Unlock your API keys to save this one' })).toBeFocused();
  await gate.getByLabel('Passphrase', { exact: true }).fill('a long enough passphrase');
  await gate.getByRole('button', { name: 'Unlock and save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('profile-card').filter({ hasText: 'Locked save' })).toBeVisible();
});
