/**
 * Render what Notify renders (issue 9.8): the letter preview shows headings and bullets as the PDF
 * prints them, the status screen shows an email's body as the email, and both have a Raw toggle.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures';
import { chooseTemplate, DEMO_TEMPLATES, demoKey, goTo, sendDirect, useProfile } from './helpers';

test('the letter preview renders # and * as the PDF does, raw on request', async ({ page }) => {
  await useProfile(page, 'Local sandbox');
  await goTo(page, 'Send', 'Send a message');
  await chooseTemplate(page, 'Appointment letter (Letter)');
  const rendered = page.getByTestId('letter-body-rendered');
  await expect(rendered.getByRole('heading', { name: 'Where to go' })).toBeVisible();
  await expect(rendered.getByRole('listitem')).toHaveText(['this letter', 'photo ID']);
  await expect(rendered).not.toContainText('# Where to go');
  await expect(rendered).not.toContainText('* photo ID');
  await page.getByTestId('preview').getByTestId('raw-toggle').click();
  await expect(page.getByTestId('letter-body-raw')).toContainText('# Where to go');
  await expect(page.getByTestId('letter-body-raw')).toContainText('* photo ID');
});

test('the status screen shows an email as the email, raw on request', async ({ page, server }) => {
  await useProfile(page, 'Local sandbox');
  const { id } = await sendDirect(server, await demoKey(server, 'test'), 'email', {
    email_address: 'delivered@example.gov.uk',
    template_id: DEMO_TEMPLATES.emailWelcome,
    personalisation: { name: 'Ada', 'reference number': 'R-1' },
  });
  await goTo(page, 'Status', 'Notification status');
  const form = page.getByRole('form', { name: 'Open a notification by id' });
  await form.getByLabel('Notification ID').fill(id);
  await form.getByRole('button', { name: 'Open' }).click();
  const frame = page.frameLocator('[data-testid="notification-body-rendered"]');
  await expect(frame.getByRole('heading', { name: 'Your account is ready' })).toBeVisible();
  await expect(frame.getByRole('listitem').first()).toHaveText('we check your details');
  await expect(frame.locator('body')).not.toContainText('# Your account');
  await page.getByTestId('notification-detail').getByTestId('raw-toggle').click();
  const raw = page.getByTestId('notification-body');
  await expect(raw).toContainText('# Your account is ready');
  await expect(raw).toContainText('* we check your details');
});
