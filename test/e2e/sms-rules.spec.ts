/**
 * The send form's live preview counts a text message as Notify does (issue 15): after sanitising, so
 * an ellipsis is three characters and `ḉ`, which has no sendable base letter, is sent as `?`; the
 * fragments and the cost follow, and Notify's own preview (the sandbox's) agrees with the local one.
 */
import { test, expect } from './fixtures';
import { chooseTemplate, goTo, useProfile } from './helpers';

test.describe('SMS counting on the send form', () => {
  test.beforeEach(async ({ page }) => {
    await useProfile(page, 'Local sandbox');
    await goTo(page, 'Send', 'Send a message');
    await chooseTemplate(page, 'Verification code (Text message)');
    await page.getByLabel('Phone number').fill('07700900123');
  });

  test('an ellipsis and ḉ in personalisation: counted after sanitising, 2 fragments and their cost', async ({
    page,
  }) => {
    // "Hello ((name)), your verification code is ((code)). It expires in 10 minutes." has 61 characters
    // of its own. 96 letters and "…" (sent as "...") and "ḉ" (sent as "?") make 161: one too many
    // for a single fragment. Counted before sanitising, as the console did, it was 159 and 1 fragment.
    await page.getByLabel('name', { exact: true }).fill(`${'a'.repeat(96)}…`);
    await page.getByLabel('code', { exact: true }).fill('ḉ');

    const preview = page.getByTestId('sms-preview');
    await expect(preview).toContainText(
      `Hello ${'a'.repeat(96)}..., your verification code is ?. It expires`,
    );
    await expect(page.getByTestId('sms-characters')).toHaveText('161 of 918');
    await expect(page.getByTestId('sms-fragments')).toHaveText('2');
    await expect(page.getByTestId('sms-cost')).toContainText('£0.0466');
    await expect(page.getByTestId('sms-cost')).toContainText('2 × £0.0233');

    const warning = page.getByTestId('non-gsm-warning');
    await expect(warning).toContainText('Notify changes them before sending');
    await expect(warning.getByRole('listitem').filter({ hasText: 'U+2026' })).toContainText('becomes ...');
    await expect(warning.getByRole('listitem').filter({ hasText: 'U+1E09' })).toContainText('becomes ?');

    // Notify's preview endpoint (the sandbox) renders the same body.
    await expect(page.getByTestId('server-preview')).toHaveAttribute('data-matches', 'true');
  });

  test('one character fewer fits one fragment', async ({ page }) => {
    await page.getByLabel('name', { exact: true }).fill(`${'a'.repeat(95)}…`);
    await page.getByLabel('code', { exact: true }).fill('ḉ');
    await expect(page.getByTestId('sms-characters')).toHaveText('160 of 918');
    await expect(page.getByTestId('sms-fragments')).toHaveText('1');
    await expect(page.getByTestId('sms-cost')).toContainText('£0.0233');
  });

  test('ấ is sent as â but does not switch the message to UCS-2', async ({ page }) => {
    await page.getByLabel('name', { exact: true }).fill(`ấ${'a'.repeat(90)}`);
    await page.getByLabel('code', { exact: true }).fill('1');
    await expect(page.getByTestId('sms-preview')).toContainText(`Hello â${'a'.repeat(90)},`);
    await expect(page.getByTestId('sms-stats')).toContainText('GSM-7');
    await expect(page.getByTestId('sms-fragments')).toHaveText('1');
  });
});
