/**
 * Callback replay: the status screen's "Callback payload" tab POSTs the delivery-status callback to
 * an endpoint on this computer (a tiny HTTP server started by the test), with a bearer token, and
 * logs each delivery with a Resend button.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { sendVerificationSms, speedUpLifecycle, tabTo } from './helpers';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const TOKEN = 'e2e-callback-token-7c41';

async function sendAndOpen(page: Page): Promise<string> {
  const id = await sendVerificationSms(page);
  await page.getByRole('button', { name: 'Follow its status' }).click();
  await expect(page.getByTestId('notification-detail')).toContainText(id);
  return id;
}

test.describe('Callback replay', () => {
  let server: Server;
  let received: Received[];
  let base: string;

  test.beforeEach(async ({ server: consoleServer }) => {
    await speedUpLifecycle(consoleServer);
    received = [];
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('got it');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterEach(async () => {
    await new Promise((r) => server.close(r));
  });

  test('replays the payload to a local endpoint, logs errors and resends', async ({ page }) => {
    const id = await sendAndOpen(page);
    const detail = page.getByTestId('notification-detail');
    await expect(detail.getByTestId('status')).toHaveText('delivered', { timeout: 30_000 });
    await detail.getByRole('tab', { name: 'Callback payload' }).click();
    const shown = JSON.parse((await detail.getByTestId('callback-payload').locator('code').textContent())!);
    expect(shown.id).toBe(id);

    const replay = detail.getByTestId('callback-replay');
    const url = replay.getByLabel('Endpoint URL');
    const token = replay.getByLabel('Bearer token (optional)');
    await expect(token).toHaveAttribute('type', 'password');

    // A plain-http URL to another host is refused next to the field, before anything is sent.
    await url.fill('http://example.com/callback');
    await replay.getByRole('button', { name: 'Send to my endpoint' }).click();
    await expect(replay.getByTestId('field-error')).toContainText(
      'only allowed for an endpoint on this computer',
    );
    await expect(url).toHaveAttribute('aria-invalid', 'true');

    // Keyboard only: fill the fields and press Enter in the form.
    await url.fill(`${base}/notify/status`);
    await tabTo(page, token);
    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');

    const log = replay.getByTestId('replay-log');
    const entries = log.getByTestId('replay-entry');
    await expect(entries).toHaveCount(1);
    await expect(entries.first().getByTestId('replay-outcome')).toHaveText('HTTP 200');
    await expect(entries.first()).toContainText(`${base}/notify/status`);
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe('/notify/status');
    expect(received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0]!.body)).toEqual(shown);
    expect(Object.keys(JSON.parse(received[0]!.body))).toEqual(Object.keys(shown));
    // The response body is behind a disclosure.
    await entries.first().getByText('Response body').click();
    await expect(entries.first().getByTestId('replay-response')).toHaveText('got it');

    // A closed port: an error entry, not a failed screen.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await url.fill(`http://127.0.0.1:${closedPort}/cb`);
    await replay.getByRole('button', { name: 'Send to my endpoint' }).click();
    await expect(entries).toHaveCount(2);
    await expect(entries.first().getByTestId('replay-outcome')).toHaveText('Nothing is listening there');
    await expect(entries.first().getByTestId('replay-error')).toContainText(
      `Nothing is listening on 127.0.0.1:${closedPort}`,
    );
    await expect(entries.first()).toHaveAttribute('data-ok', 'false');

    // Resend the first (successful) delivery: it reaches the server again.
    await entries
      .nth(1)
      .getByRole('button', { name: /^Resend/ })
      .click();
    await expect(entries).toHaveCount(3);
    await expect(entries.first().getByTestId('replay-outcome')).toHaveText('HTTP 200');
    expect(received).toHaveLength(2);
    expect(received[1]!.body).toBe(received[0]!.body);
    expect(received[1]!.headers.authorization).toBe(`Bearer ${TOKEN}`);

    // The form, a field error and the log pass axe (WCAG 2.2 AA), with a response body open.
    await url.fill('ftp://127.0.0.1/');
    await replay.getByRole('button', { name: 'Send to my endpoint' }).click();
    await expect(replay.getByTestId('field-error')).toContainText('not supported');
    const axe = await new AxeBuilder({ page })
      .include('[data-testid="callback-replay"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // The token is never in the status screen's text or in local storage.
    expect(await detail.innerText()).not.toContain(TOKEN);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(TOKEN);
  });
});
