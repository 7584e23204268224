/**
 * Received texts: a text someone sends to the service's number shows on the screen, newest first.
 * Texts are simulated through the sandbox's control API; each test's text carries its own words.
 */
import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import { DEMO_SERVICE_ID, goTo, sandboxControl, useProfile } from './helpers';
import type { ConsoleServer } from './fixtures';

const receive = (server: ConsoleServer, content: string) =>
  sandboxControl(server, 'POST', `services/${DEMO_SERVICE_ID}/inbound`, {
    user_number: '447700900765',
    content,
  });

test.describe('Received texts', () => {
  test.beforeEach(async ({ page }) => {
    await useProfile(page, 'Local sandbox');
  });

  test('a text sent to the service number appears', async ({ page, server }) => {
    const content = `Yes, 3pm suits me (${randomUUID()})`;
    await receive(server, content);

    await goTo(page, 'Received texts', 'Received text messages');

    const row = page.getByTestId('received-row').filter({ hasText: content });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(1)).toHaveText('447700900765');
    await expect(row.getByRole('cell').nth(2)).toHaveText(/7700900500$/);
    // Newest first.
    await expect(page.getByTestId('received-row').first()).toContainText(content);
    // The demo service's own texts are there too.
    await expect(
      page.getByTestId('received-row').filter({ hasText: 'Yes, I can make the appointment.' }),
    ).toHaveCount(1);
  });

  test('a text that arrives while the screen is open shows after a refresh', async ({ page, server }) => {
    await goTo(page, 'Received texts', 'Received text messages');
    await expect(page.getByTestId('received-list')).toBeVisible();
    const content = `Please call me after 5 (${randomUUID()})`;
    await expect(page.getByTestId('received-row').filter({ hasText: content })).toHaveCount(0);

    await receive(server, content);
    await page.getByRole('main').getByRole('button', { name: 'Refresh' }).click();

    await expect(page.getByTestId('received-row').first()).toContainText(content);
  });
});
