/**
 * History keeps its place (issue 9.10): the filters are in the address, so a reload, Back and a
 * shared link keep them; new notifications are announced ("3 new — show") while the list stays
 * where the user scrolled it.
 */
import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import { DEMO_TEMPLATES, demoKey, goTo, sendManyDirect, useProfile } from './helpers';

const body = (reference: string, i: number) => ({
  phone_number: '07700900123',
  template_id: DEMO_TEMPLATES.smsVerification,
  personalisation: { name: `N${i}`, code: String(i) },
  reference,
});

test('filters live in the address: reload, Back and a shared link keep them', async ({ page, server }) => {
  await useProfile(page, 'Local sandbox');
  const reference = `place-${randomUUID()}`;
  await sendManyDirect(server, await demoKey(server, 'test'), [body(reference, 1), body(reference, 2)]);
  await goTo(page, 'History', 'History');
  const filters = page.getByRole('form', { name: 'History filters' });
  await filters.getByLabel('Text message').check();
  await filters.getByLabel('Reference', { exact: true }).fill(reference);
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  const count = page.getByTestId('history-count');
  await expect(count).toContainText('2 notifications loaded, that is all');
  const hash = new URL(page.url()).hash;
  expect(hash).toBe(`#/history?type=sms&reference=${encodeURIComponent(reference)}`);

  await page.reload();
  await expect(count).toContainText('2 notifications loaded, that is all');
  await expect(filters.getByLabel('Reference', { exact: true })).toHaveValue(reference);
  await expect(filters.getByLabel('Text message')).toBeChecked();

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toContainText('no filters');
  expect(new URL(page.url()).hash).toBe('#/history');
  await page.goBack();
  await expect(count).toContainText('2 notifications loaded, that is all');
  await expect(filters.getByLabel('Reference', { exact: true })).toHaveValue(reference);

  // Leaving and coming back through the navigation keeps them too.
  await goTo(page, 'Templates', 'Templates');
  await goTo(page, 'History', 'History');
  await expect(count).toContainText('2 notifications loaded, that is all');

  // A shared link, opened in a fresh page.
  const link = `${new URL(server.url).origin}/${hash}`;
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByTestId('history-count')).toContainText('2 notifications loaded, that is all');
});

test('new notifications are announced without moving the list', async ({ page, server }) => {
  await useProfile(page, 'Local sandbox');
  const reference = `new-${randomUUID()}`;
  const key = await demoKey(server, 'test');
  await sendManyDirect(
    server,
    key,
    Array.from({ length: 60 }, (_, i) => body(reference, i)),
  );
  await goTo(page, 'History', 'History');
  const filters = page.getByRole('form', { name: 'History filters' });
  await filters.getByLabel('Reference', { exact: true }).fill(reference);
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('history-count')).toContainText('60 notifications loaded');

  const viewport = page.getByTestId('history-list').locator('.vlist__viewport');
  await viewport.evaluate((el) => (el.scrollTop = 600));
  await page.waitForTimeout(200);
  const firstShown = await page.getByTestId('history-row').first().textContent();

  await sendManyDirect(server, key, [body(reference, 100), body(reference, 101), body(reference, 102)]);
  const announce = page.getByTestId('history-new');
  await expect(announce).toHaveText('3 new — show', { timeout: 15_000 });
  expect(await viewport.evaluate((el) => el.scrollTop)).toBe(600);
  expect(await page.getByTestId('history-row').first().textContent()).toBe(firstShown);
  await expect(page.getByTestId('history-count')).toContainText('60 notifications loaded');

  await announce.click();
  await expect(page.getByTestId('history-count')).toContainText('63 notifications loaded');
  expect(await viewport.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(page.getByTestId('history-row').first()).toContainText(reference);
  await expect(announce).toHaveCount(0);
});
