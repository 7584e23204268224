/**
 * Security: the page works only with the session token from the printed link, the API refuses
 * anyone without it, and no API key (nor a signed token) ever reaches the page's DOM, on any screen.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import {
  allSecrets,
  chooseTemplate,
  createDemoKey,
  demoKey,
  ensureVaultUnlocked,
  expectNoSecrets,
  goTo,
  pageText,
  useProfile,
} from './helpers';
import type { Page } from '@playwright/test';

const tokenOf = (url: string): string => new URL(url).hash.replace(/^#token=/, '');
const originOf = (url: string): string => new URL(url).origin;

/** A signed JWT anywhere in the page would be a usable credential for a few seconds. */
async function expectNoJwt(page: Page, where: string): Promise<void> {
  expect(await pageText(page), `a signed token in the DOM of ${where}`).not.toMatch(
    /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{20,}/,
  );
}

test.describe('Session token', () => {
  test('the page opened without the token says it cannot connect and how to fix it', async ({
    browserInstance,
    server,
  }) => {
    const context = await browserInstance.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${originOf(server.url)}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open Notify Console from its link');
      await expect(page.getByRole('main')).toContainText('opened without the one-time link');
      await expect(page.getByRole('main')).toContainText('#token=');
      await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
      await expect(page.getByTestId('profile-switcher')).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test('the page opened with a wrong token says the console did not accept it', async ({
    browserInstance,
    server,
  }) => {
    const context = await browserInstance.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${originOf(server.url)}/#token=${randomBytes(32).toString('base64url')}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open Notify Console from its link');
      await expect(page.getByRole('main')).toContainText('did not accept this page’s session');
      await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test('the token is taken out of the address bar once the page has it', async ({ page }) => {
    await expect(page.getByTestId('active-profile-name')).not.toBeEmpty();
    expect(page.url()).not.toContain('token');
    // A reload keeps working: the tab keeps the token for itself.
    await page.reload();
    await expect(page.getByTestId('active-profile-name')).not.toBeEmpty();
  });

  test('/rpc and the event stream refuse requests without the token', async ({ server }) => {
    const origin = originOf(server.url);
    const call = JSON.stringify({ method: 'app.status', input: {} });
    const json = { 'Content-Type': 'application/json' };

    const anonymous = await fetch(`${origin}/rpc`, { method: 'POST', headers: json, body: call });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    const wrong = await fetch(`${origin}/rpc`, {
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${randomBytes(32).toString('base64url')}` },
      body: call,
    });
    expect(wrong.status).toBe(401);

    const ticket = await fetch(`${origin}/events-ticket`, { method: 'POST', headers: json, body: '{}' });
    expect(ticket.status).toBe(401);
    const events = await fetch(`${origin}/events?ticket=${randomUUID()}`);
    expect(events.status).toBe(401);

    // With the token, the same call works; from another site, even the token is not enough.
    const bearer = { ...json, Authorization: `Bearer ${tokenOf(server.url)}` };
    const allowed = await fetch(`${origin}/rpc`, { method: 'POST', headers: bearer, body: call });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
    const crossSite = await fetch(`${origin}/rpc`, {
      method: 'POST',
      headers: { ...bearer, 'Sec-Fetch-Site': 'cross-site' },
      body: call,
    });
    expect(crossSite.status).toBe(403);
  });
});

test.describe('Secrets', () => {
  test('no API key or signed token is in the DOM of any screen', async ({ page, server }) => {
    const secrets = [...(await allSecrets(server)), tokenOf(server.url)];
    const check = async (where: string) => {
      await expectNoSecrets(page, secrets, where);
      await expectNoJwt(page, where);
    };
    await useProfile(page, 'Local sandbox');

    await goTo(page, 'Templates', 'Templates');
    await page.getByTestId('template-item').filter({ hasText: 'Verification code' }).click();
    await page.getByRole('tab', { name: 'Versions and diff' }).click();
    await page.getByRole('tab', { name: 'Compare versions' }).click();
    await expect(page.getByTestId('diff-stats')).toContainText('added');
    await check('Templates');

    await goTo(page, 'Send', 'Send a message');
    await chooseTemplate(page, 'Verification code (Text message)');
    await page.getByLabel('Phone number').fill('07700900123');
    await page.getByLabel('name', { exact: true }).fill('Ada');
    await page.getByLabel('code', { exact: true }).fill('246810');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const snippets = page.getByTestId('snippets');
    for (const language of ['curl', 'Node', 'Python']) {
      await snippets.getByRole('tab', { name: language }).click();
      await expect(snippets.getByTestId('snippet-code')).toContainText('NOTIFY_API_KEY');
      await check(`Send (${language} snippet)`);
    }
    const id = (await page.getByTestId('sent-id').textContent())!;

    await page.getByRole('button', { name: 'Follow its status' }).click();
    await expect(page.getByTestId('notification-detail')).toContainText(id);
    await check('Status');
    await page.getByRole('tab', { name: 'Callback payload' }).click();
    await expect(page.getByTestId('callback-payload')).toContainText(id);
    await check('Status (callback payload)');

    await goTo(page, 'History', 'History');
    await expect(page.getByTestId('history-list')).toBeVisible();
    await check('History');

    await goTo(page, 'Support', 'Support');
    await page.getByLabel('Notification id or reference').fill(id);
    await page.getByRole('button', { name: 'Search all profiles' }).click();
    await expect(page.getByTestId('lookup-results')).toContainText('Found 1 notification');
    await expect(page.getByTestId('failures').getByRole('status')).toHaveCount(0);
    await check('Support');

    await goTo(page, 'Received texts', 'Received text messages');
    await expect(page.getByTestId('received-list')).toBeVisible();
    await check('Received texts');

    await goTo(page, 'Inspector', 'Request inspector');
    await page.getByRole('button', { name: 'POST /v2/notifications/sms' }).first().click();
    await expect(page.getByTestId('jwt-claims')).toBeVisible();
    await check('Inspector');

    // The Sandbox panel: keys masked on every tab; Copy puts the whole key on the clipboard only.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await goTo(page, 'Sandbox', 'Sandbox');
    await expect(page.getByTestId('sandbox-key').first()).toBeVisible();
    await check('Sandbox');
    const testKey = page.getByTestId('sandbox-key').filter({ hasText: 'demo test key' }).first();
    await testKey.getByRole('button', { name: 'Copy the key demo test key' }).click();
    await expect(page.getByTestId('toast').last()).toContainText('Copied the key');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await demoKey(server, 'test'));
    await check('Sandbox (after Copy)');
    for (const tab of ['Templates', 'Received texts', 'Faults', 'Clock', 'Inbox', 'Service settings']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('.spinner')).toHaveCount(0);
      await check(`Sandbox (${tab})`);
    }

    await goTo(page, 'Profiles', 'Profiles');
    await expect(page.getByTestId('profile-card').first()).toBeVisible();
    await check('Profiles');
    await page.getByRole('button', { name: 'Edit Local sandbox', exact: true }).click();
    await expect(page.getByRole('form', { name: 'Edit Local sandbox' })).toBeVisible();
    await check('Profiles (edit dialog)');
  });

  test('a saved API key is never shown again', async ({ page, server }) => {
    await ensureVaultUnlocked(page);
    const name = `Secret check ${randomUUID().slice(0, 8)}`;
    const { api_key: apiKey } = await createDemoKey(server, `e2e ${name}`, 'test');
    const secrets = [apiKey, apiKey.slice(-36)];

    await page.getByRole('main').getByRole('button', { name: 'Add a profile' }).click();
    const form = page.getByRole('form', { name: 'Add a profile' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('API key', { exact: true }).fill(apiKey);
    // The check is able to see a key: while it is being typed, it is in the page.
    expect(await pageText(page)).toContain(apiKey);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(form).toBeHidden();

    const card = page.getByTestId('profile-card').filter({ hasText: name });
    await expect(card.getByTestId('profile-key')).toContainText(`ending ${apiKey.slice(-4)}`);
    await expectNoSecrets(page, secrets, 'Profiles, after saving');
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect(card.getByTestId('connection-result')).toHaveAttribute('data-verdict', 'ok');
    await expectNoSecrets(page, secrets, 'Profiles, after testing the connection');
    await card.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('form', { name: `Edit ${name}` });
    await expect(edit.getByLabel('API key', { exact: true })).toHaveValue('');
    await expectNoSecrets(page, secrets, 'the edit dialog');
  });
});
