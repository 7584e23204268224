/**
 * A status lookup explains a malformed id in plain words (issue 9.11): what was pasted, what is
 * wrong with it and what an id looks like, with Notify's own message beside it; an id inside a
 * pasted link is offered.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures';
import { goTo, sendVerificationSms } from './helpers';

test('explains a malformed id and offers the id inside a pasted link', async ({ page }) => {
  await goTo(page, 'Status', 'Notification status');
  const form = page.getByRole('form', { name: 'Open a notification by id' });
  await form.getByLabel('Notification ID').fill('3f2504e0-4f89-41d3-9a0c-0305e82c33');
  await form.getByRole('button', { name: 'Open' }).click();
  const help = page.getByTestId('malformed-id');
  await expect(help).toBeFocused();
  await expect(help).toContainText('“3f2504e0-4f89-41d3-9a0c-0305e82c33” is not a notification id.');
  await expect(help).toContainText('It has 30 characters other than hyphens; an id has 32');
  await expect(help).toContainText('groups of 8-4-4-4-12');
  await expect(help).toContainText('Notify says: notification_id is not a valid UUID');

  const id = await sendVerificationSms(page);
  await goTo(page, 'Status', 'Notification status');
  await form.getByLabel('Notification ID').fill(`https://example.gov.uk/notifications/${id}`);
  await form.getByRole('button', { name: 'Open' }).click();
  await expect(help).toContainText('It has an id inside it');
  await help.getByRole('button', { name: `Open ${id}` }).click();
  await expect(page.getByTestId('notification-detail')).toContainText(id);
});
