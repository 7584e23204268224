/**
 * The send form is honest about what it will send (issue 9.7): an empty placeholder is pointed
 * out inline and in the preview, a phone number does not follow the user into "Email address", a
 * reference is not silently reused, and the API key field checks the key as it is pasted.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures';
import { chooseTemplate, demoKey, goTo, useProfile } from './helpers';

test.describe('An honest send form', () => {
  test('warns about an empty placeholder, inline and in the preview', async ({ page }) => {
    await useProfile(page, 'Local sandbox');
    await goTo(page, 'Send', 'Send a message');
    await chooseTemplate(page, 'Verification code (Text message)');
    await page.getByLabel('Phone number').fill('07700900123');
    await page.getByLabel('code', { exact: true }).fill('123456');
    const warning = page.getByTestId('empty-warning');
    await expect(warning).toHaveCount(1);
    await expect(warning).toHaveText(/^name is empty: the message will read “.*,.*”$/);
    await expect(page.getByTestId('preview-empty-placeholders')).toContainText('name is empty');
    await page.getByLabel('name', { exact: true }).fill('Ada');
    await expect(warning).toHaveCount(0);
    await expect(page.getByTestId('preview-empty-placeholders')).toHaveCount(0);
  });

  test('a phone number does not land in “Email address”, and a reference is used once', async ({ page }) => {
    await useProfile(page, 'Local sandbox');
    await goTo(page, 'Send', 'Send a message');
    await chooseTemplate(page, 'Verification code (Text message)');
    await page.getByLabel('Phone number').fill('07700900123');
    await chooseTemplate(page, 'Password reset (Email)');
    await expect(page.getByLabel('Email address')).toHaveValue('');

    await chooseTemplate(page, 'Verification code (Text message)');
    await page.getByLabel('Phone number').fill('07700900123');
    await page.getByLabel('name', { exact: true }).fill('Ada');
    await page.getByLabel('code', { exact: true }).fill('1');
    const reference = page.getByLabel('Reference (optional)');
    await reference.fill('honest-ref-1');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByTestId('send-result')).toBeVisible();
    await expect(reference).toHaveValue('');
    await expect(page.getByTestId('last-reference')).toContainText('The last send used “honest-ref-1”');
  });

  test('the API key field checks the key as it is pasted', async ({ page, server }) => {
    await goTo(page, 'Profiles', 'Profiles');
    await page.getByRole('main').getByRole('button', { name: 'Add a profile' }).click();
    const form = page.getByRole('form', { name: 'Add a profile' });
    const key = form.getByLabel('API key', { exact: true });
    await key.fill('eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln');
    await expect(form.getByTestId('field-error')).toContainText(/JWT|token/i);
    await key.fill(await demoKey(server, 'test'));
    await expect(form.getByTestId('field-error')).toHaveCount(0);
    await expect(form.getByTestId('api-key-check')).toContainText('Looks right: key');
  });
});
