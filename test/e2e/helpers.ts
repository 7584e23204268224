/**
 * Helpers shared by the browser specs: talking to the worker's Notify Sandbox the way a client
 * does (its control API, and `/v2` with a JWT signed here), and driving the console's UI by role,
 * label and test id.
 *
 * A worker's console is shared by the tests that run in it, one after another, so nothing here
 * assumes a starting state: each helper first looks at the UI, then moves it where the test needs.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { CONTROL_SECRET_HEADER } from '../../src-sandbox/control';
import { DEMO_SERVICE_ID } from '../support/demo-fixture';
import { signToken } from '../support/notify-token';
import type { ConsoleServer } from './fixtures';

// The demo fixture's ids, as the tests state them (checked against the demo by
// test/integration/sandbox/demo-fixture.test.ts).
export { DEMO_SERVICE_ID, DEMO_TEMPLATES, TRIAL_SERVICE_ID } from '../support/demo-fixture';

/** Used for every test's vault, so whichever test meets the vault first can set it up. */
export const VAULT_PASSPHRASE = 'e2e vault passphrase';

export type SandboxKeyType = 'normal' | 'team' | 'test';

export interface SandboxKey {
  api_key: string;
  id: string;
  key_type: SandboxKeyType;
  name: string;
  revoked: boolean;
}

export interface SandboxInfo {
  base_url: string;
  services: Array<{ id: string; name: string; api_keys: SandboxKey[] }>;
}

export interface SandboxNotification {
  id: string;
  status: string;
  reference: string | null;
}

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** The embedded sandbox's control API answers only callers with the console's control secret. */
const secretHeader = (server: ConsoleServer) => ({ [CONTROL_SECRET_HEADER]: server.sandboxSecret });

/** `GET /_sandbox/info`: services with their API keys. */
export async function sandboxInfo(server: ConsoleServer): Promise<SandboxInfo> {
  return json(
    await fetch(`${server.sandboxUrl}/_sandbox/info`, { headers: secretHeader(server) }),
    'GET /_sandbox/info',
  );
}

/** One of the demo service's keys, by Notify's key type. */
export async function demoKey(server: ConsoleServer, keyType: SandboxKeyType): Promise<string> {
  const info = await sandboxInfo(server);
  const key = info.services
    .find((s) => s.id === DEMO_SERVICE_ID)
    ?.api_keys.find((k) => k.key_type === keyType && !k.revoked);
  if (!key) throw new Error(`The demo service has no ${keyType} key.`);
  return key.api_key;
}

/** Every API key the sandbox knows, and each key's secret part on its own. */
export async function allSecrets(server: ConsoleServer): Promise<string[]> {
  const info = await sandboxInfo(server);
  return info.services.flatMap((s) => s.api_keys.flatMap((k) => [k.api_key, k.api_key.slice(-36)]));
}

/** A call to the sandbox's control API (`/_sandbox/…`). */
export async function sandboxControl<T>(
  server: ConsoleServer,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.sandboxUrl}/_sandbox/${path}`, {
    method,
    headers: {
      ...secretHeader(server),
      ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
    },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  return json(res, `${method} /_sandbox/${path}`);
}

/**
 * Runs the sandbox's lifecycle 50 times faster than life, as the fixtures intend. The console's
 * CLI accepts `--sandbox-time-scale` but does not pass it on to the embedded sandbox (see the
 * report), so tests that wait for statuses set the scale through the control API themselves.
 */
export async function speedUpLifecycle(server: ConsoleServer): Promise<void> {
  await sandboxControl(server, 'POST', 'clock', { time_scale: 50 });
}

/** Creates an API key for the demo service; the sandbox shows the key this once. */
export async function createDemoKey(
  server: ConsoleServer,
  name: string,
  keyType: SandboxKeyType,
): Promise<{ id: string; api_key: string }> {
  return sandboxControl(server, 'POST', `services/${DEMO_SERVICE_ID}/keys`, { name, key_type: keyType });
}

/** The bearer token Notify wants: HS256 over `{iss: service id, iat: now}` with the key's secret. */
export function notifyJwt(apiKey: string): string {
  // The key ends `{service id}-{secret}`: signed as a client does (test/support/notify-token.ts).
  return signToken(apiKey.slice(-73, -37), apiKey.slice(-36));
}

/** `POST /v2/notifications/{type}` straight to the sandbox, as a service's own code would. */
export async function sendDirect(
  server: ConsoleServer,
  apiKey: string,
  type: 'sms' | 'email' | 'letter',
  body: Record<string, unknown>,
): Promise<{ id: string; reference: string | null }> {
  const res = await fetch(`${server.sandboxUrl}/v2/notifications/${type}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${notifyJwt(apiKey)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return json(res, `POST /v2/notifications/${type}`);
}

/** Sends many notifications, a few at a time; resolves with their ids in the order given. */
export async function sendManyDirect(
  server: ConsoleServer,
  apiKey: string,
  bodies: ReadonlyArray<Record<string, unknown>>,
  concurrency = 16,
): Promise<string[]> {
  const ids: string[] = new Array(bodies.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < bodies.length) {
      const index = next++;
      ids[index] = (await sendDirect(server, apiKey, 'sms', bodies[index]!)).id;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return ids;
}

/** Waits until the sandbox reports a notification in the given status. */
export async function waitForSandboxStatus(server: ConsoleServer, id: string, status: string): Promise<void> {
  await expect
    .poll(
      async () => (await sandboxControl<SandboxNotification>(server, 'GET', `notifications/${id}`)).status,
      {
        message: `notification ${id} reaches ${status}`,
        timeout: 30_000,
      },
    )
    .toBe(status);
}

// ---------------------------------------------------------------------------------------------
// The UI

/** Opens a screen from the navigation and waits for its heading. */
export async function goTo(page: Page, screen: string, heading: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: `${screen} screen` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** The header's profile switcher. */
export const switcher = (page: Page): Locator => page.getByTestId('profile-switcher');

/** One profile in the open switcher's listbox, by its exact name. */
export const switcherOption = (page: Page, name: string): Locator =>
  page
    .getByRole('listbox', { name: 'Profiles' })
    .getByRole('option')
    .filter({ has: page.getByText(name, { exact: true }) });

/** Makes `name` the active profile (the console remembers the last choice, shared by every tab). */
export async function useProfile(page: Page, name: string): Promise<void> {
  const active = page.getByTestId('active-profile-name');
  await expect(active).not.toBeEmpty();
  if ((await active.textContent()) === name) return;
  await switcher(page).click();
  await switcherOption(page, name).click();
  await expect(active).toHaveText(name);
}

/**
 * Gets the passphrase vault to "unlocked" from whatever state the worker's console left it in: set
 * up by the first test that needs it, then unlocked (or already open) for every later one.
 */
export async function ensureVaultUnlocked(page: Page): Promise<void> {
  await goTo(page, 'Profiles', 'Profiles');
  const status = page.getByTestId('vault-status');
  await expect(status).toHaveText(/not set up|locked|unlocked/);
  const state = await status.textContent();
  const panel = page.getByTestId('vault-panel');
  if (state === 'not set up') {
    await panel.getByLabel('New passphrase', { exact: true }).fill(VAULT_PASSPHRASE);
    await panel.getByLabel('Confirm passphrase', { exact: true }).fill(VAULT_PASSPHRASE);
    await panel.getByRole('button', { name: 'Set up vault' }).click();
  } else if (state === 'locked') {
    await panel.getByLabel('Passphrase', { exact: true }).fill(VAULT_PASSPHRASE);
    await panel.getByRole('button', { name: 'Unlock vault' }).click();
  }
  await expect(status).toHaveText('unlocked');
}

/**
 * Sends the demo service's "Verification code" text message from the Send screen with `profile`,
 * and returns the new notification's id as the send result shows it.
 */
export async function sendVerificationSms(
  page: Page,
  { profile = 'Local sandbox', phoneNumber = '07700900123', code = '123456' } = {},
): Promise<string> {
  await useProfile(page, profile);
  await goTo(page, 'Send', 'Send a message');
  await chooseTemplate(page, 'Verification code (Text message)');
  await page.getByLabel('Phone number').fill(phoneNumber);
  await page.getByLabel('name', { exact: true }).fill('Ada');
  await page.getByLabel('code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  return (await page.getByTestId('sent-id').textContent())!;
}

/** Chooses a template on the send screen by its name and type, as the select shows them. */
export async function chooseTemplate(page: Page, label: string): Promise<void> {
  const select = page.getByLabel('Template', { exact: true });
  await expect(select.getByRole('option', { name: label })).toBeAttached();
  await select.selectOption({ label });
}

/**
 * Everything a page could be showing or holding, from every frame: the HTML (attributes included)
 * and the live values of form fields, which the HTML does not carry.
 */
export async function pageText(page: Page): Promise<string> {
  const parts: string[] = [];
  for (const frame of page.frames()) {
    parts.push(await frame.content());
    parts.push(
      await frame.evaluate(() =>
        [...document.querySelectorAll('input, textarea, select')]
          .map((el) => (el as HTMLInputElement).value)
          .join('\n'),
      ),
    );
  }
  return parts.join('\n');
}

/** Fails, naming the screen, when any of `secrets` is anywhere in the page. */
export async function expectNoSecrets(page: Page, secrets: readonly string[], where: string): Promise<void> {
  const text = await pageText(page);
  const found = secrets.filter((s) => text.includes(s)).map((s) => `…${s.slice(-6)}`);
  expect(found, `secrets in the DOM of ${where}`).toEqual([]);
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it never does. */
export async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}
