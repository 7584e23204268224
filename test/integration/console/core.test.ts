import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../../src-main/host/start-console';
import { methods, type MethodName } from '../../../src-main/contract/methods';
import { DEMO_TEMPLATES } from '../../support/demo-fixture';
import { waitUntil } from '../../support/wait';

let core: RunningConsole;
let dataDir: string;
/** The core's clock (the vault's unlock throttle reads it); tests move it instead of sleeping. */
let now = Date.parse('2026-12-01T10:00:00Z');
const events: { name: string; payload: any }[] = [];
const call = async (method: MethodName | string, input: unknown = {}) =>
  core.endpoint.call(method, input, { transport: 'test' }) as Promise<any>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-core-'));
  core = await startConsole({
    dataDir,
    mode: 'browser',
    platform: 'linux',
    sandboxTimeScale: 200,
    clock: { now: () => now },
    tracker: { minIntervalMs: 20, maxIntervalMs: 100 },
  });
  core.endpoint.subscribe((name, payload) => events.push({ name, payload }));
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('console core on the embedded sandbox', () => {
  it('starts with built-in sandbox profiles and a passphrase vault in browser mode', async () => {
    const status = await call('app.status');
    expect(status.ok).toBe(true);
    expect(status.value).toMatchObject({
      mode: 'browser',
      vault: { kind: 'passphrase', needsSetup: true },
      activeProfileId: 'sandbox-test',
    });
    const list = await call('profiles.list');
    expect(list.value.profiles.map((p: { name: string }) => p.name)).toEqual([
      'Local sandbox',
      'Local sandbox (live key)',
      'Local sandbox (team key)',
      'Trial service (team key)',
    ]);
    expect(list.value.profiles[0]).toMatchObject({
      keyType: 'test',
      isSandbox: true,
      builtIn: true,
      needsKey: false,
    });
  });

  it('lists templates, sends a text and follows it to delivered with observations', async () => {
    const templates = await call('templates.list', { profileId: 'sandbox-test', type: 'sms' });
    expect(templates.ok).toBe(true);
    expect(templates.value.templates.length).toBeGreaterThan(1);
    const sent = await call('notifications.send', {
      profileId: 'sandbox-test',
      request: {
        type: 'sms',
        phone_number: '07700900123',
        template_id: DEMO_TEMPLATES.smsVerification,
        personalisation: { name: 'Ann', code: '123' },
        reference: 'core-test-1',
      },
    });
    expect(sent.ok).toBe(true);
    expect(sent.value.tracked).toBe(true);
    const done = await waitUntil(
      () => call('notifications.get', { profileId: 'sandbox-test', id: sent.value.id }),
      (r) => r.value?.notification.status === 'delivered',
    );
    expect(done.value.final).toBe(true);
    expect(done.value.observations[0].status).toBe('created');
    expect(done.value.observations.at(-1).status).toBe('delivered');
    expect(events.some((e) => e.name === 'notification.updated' && e.payload.id === sent.value.id)).toBe(
      true,
    );
  });

  it('explains a permanent failure', async () => {
    const sent = await call('notifications.send', {
      profileId: 'sandbox-test',
      request: {
        type: 'sms',
        phone_number: '07700900002',
        template_id: DEMO_TEMPLATES.smsVerification,
        personalisation: { name: 'A', code: '1' },
      },
    });
    const failed = await waitUntil(
      () => call('notifications.get', { profileId: 'sandbox-test', id: sent.value.id }),
      (r) => r.value?.notification.status === 'permanent-failure',
    );
    expect(failed.value.explanation).toMatchObject({ charged: 'yes' });
    expect(failed.value.explanation.nextSteps.length).toBeGreaterThan(0);
  });

  it('reports Notify’s own error with an explanation', async () => {
    const r = await call('notifications.send', {
      profileId: 'sandbox-test',
      request: {
        type: 'sms',
        phone_number: '07700900123',
        template_id: DEMO_TEMPLATES.smsVerification,
        personalisation: {},
      },
    });
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('notify');
    expect(r.error.details.status).toBe(400);
    expect(r.error.details.errors[0]).toEqual({
      error: 'BadRequestError',
      message: 'Missing personalisation: name, code',
    });
    expect(r.error.details.explanation.title).toBeTruthy();
  });

  it('finds a notification by id or reference across every profile', async () => {
    const sent = await call('notifications.send', {
      profileId: 'sandbox-live',
      request: {
        type: 'email',
        email_address: 'someone@example.gov.uk',
        template_id: DEMO_TEMPLATES.emailPasswordReset,
        personalisation: { name: 'A', 'reset link': 'https://x' },
        reference: 'lookup-me',
      },
    });
    expect(sent.ok).toBe(true);
    const byId = await call('notifications.lookup', { query: sent.value.id });
    // Any key of the service can read it by id: test, live and team profiles of the demo service
    // all find it, and it is one result (one notification of one service) found through all three.
    expect(byId.value.results).toHaveLength(1);
    expect(byId.value.results[0].profiles.map((r: { profileId: string }) => r.profileId).sort()).toEqual([
      'sandbox-live',
      'sandbox-team',
      'sandbox-test',
    ]);
    expect(byId.value.results[0].templateName).toEqual(expect.any(String));
    const byRef = await call('notifications.lookup', { query: 'lookup-me' });
    expect(byRef.value.results.map((r: { profileId: string }) => r.profileId)).toEqual(['sandbox-live']);
    expect(byRef.value.searched).toHaveLength(4);
  });

  it('refuses a bad key when adding a profile, with a clear message', async () => {
    const r = await call('profiles.create', {
      name: 'Mine',
      baseUrl: 'https://api.notifications.service.gov.uk',
      apiKey: 'not-a-key',
      keyType: 'live',
    });
    expect(r.ok).toBe(false);
    expect(r.error.message).toMatch(/key/i);
  });

  it('Test connection with typed-in settings refuses plain http to another host, as adding a profile does', async () => {
    const apiKey = 'my_key-11111111-1111-4111-8111-111111111111-22222222-2222-4222-8222-222222222222';
    const baseUrl = 'http://api.notifications.service.gov.uk';
    const tested = await call('profiles.testConnection', { baseUrl, apiKey });
    expect(tested.ok).toBe(true);
    expect(tested.value).toMatchObject({
      verdict: 'not-notify',
      message: expect.stringMatching(/Use https:\/\//),
    });
    const created = await call('profiles.create', { name: 'Plain', baseUrl, apiKey, keyType: 'live' });
    expect(created.ok).toBe(false);
    expect(created.error.message).toMatch(/Use https:\/\//);
  });

  it('stores a real profile’s key encrypted: no key in plaintext anywhere in the console’s data', async () => {
    expect((await call('vault.setup', { passphrase: 'correct horse battery' })).ok).toBe(true);
    const sandboxUrl = (await call('app.status')).value.sandboxUrl;
    const info: any = await (
      await fetch(`${sandboxUrl}/_sandbox/info`, {
        headers: { 'X-Sandbox-Secret': core.sandbox!.controlSecret },
      })
    ).json();
    const key: string = info.services[0].api_keys.find(
      (k: { key_type: string }) => k.key_type === 'test',
    ).api_key;
    const created = await call('profiles.create', {
      name: 'My sandbox copy',
      baseUrl: sandboxUrl,
      apiKey: key,
      keyType: 'test',
    });
    expect(created.ok).toBe(true);
    const t = await call('templates.list', { profileId: created.value.id });
    expect(t.ok).toBe(true);
    const files = await walk(dataDir, ['sandbox']);
    const secret = key.slice(-36);
    for (const f of files) {
      const text = (await readFile(f)).toString('latin1');
      expect(text.includes(secret), f).toBe(false);
      expect(text.includes(Buffer.from(secret).toString('base64')), f).toBe(false);
    }
    if (process.platform !== 'win32')
      expect((await stat(join(dataDir, 'settings.json'))).mode & 0o777).toBe(0o600);
    // Locked: the key cannot be used, and the error says why.
    await call('vault.lock');
    const locked = await call('templates.list', { profileId: created.value.id });
    expect(locked.ok).toBe(false);
    const wrong = await call('vault.unlock', { passphrase: 'wrong passphrase!' });
    expect(wrong.error).toMatchObject({ code: 'wrong_passphrase', message: /try again in 1 second/ });
    // Straight after a wrong passphrase even the right one waits (issue 8.9), and is told for how long.
    expect((await call('vault.unlock', { passphrase: 'correct horse battery' })).error).toMatchObject({
      code: 'vault_throttled',
      details: { retryAfterSeconds: 1 },
    });
    now += 1000;
    expect((await call('vault.unlock', { passphrase: 'correct horse battery' })).ok).toBe(true);
    expect((await call('templates.list', { profileId: created.value.id })).ok).toBe(true);
  });

  it('never puts a secret in any output: every method, with and without valid input', async () => {
    const info: any = await (
      await fetch(`${(await call('app.status')).value.sandboxUrl}/_sandbox/info`, {
        headers: { 'X-Sandbox-Secret': core.sandbox!.controlSecret },
      })
    ).json();
    const secrets: string[] = info.services.flatMap((s: { api_keys: { api_key: string }[] }) =>
      s.api_keys.map((k) => k.api_key.slice(-36)),
    );
    const outputs: string[] = [];
    for (const m of Object.keys(methods) as MethodName[]) {
      outputs.push(JSON.stringify(await call(m, {})));
      outputs.push(
        JSON.stringify(
          await call(m, {
            profileId: 'sandbox-test',
            id: DEMO_TEMPLATES.smsVerification,
            query: 'x',
            json: '{}',
            reference: 'x',
            language: 'curl',
          }),
        ),
      );
    }
    outputs.push(
      JSON.stringify(
        await call('snippets.render', {
          profileId: 'sandbox-live',
          language: 'python',
          request: { type: 'sms', phone_number: '07700900123', template_id: DEMO_TEMPLATES.smsVerification },
        }),
      ),
    );
    outputs.push(JSON.stringify(await call('inspector.list', { limit: 1000 })));
    outputs.push(JSON.stringify(events));
    const all = outputs.join('\n');
    for (const s of secrets) expect(all.includes(s)).toBe(false);
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{20,}/);
  });

  it('keeps a redacted request log with JWT claims and clock skew', async () => {
    const log = await call('inspector.list', { limit: 5 });
    expect(log.value.entries.length).toBeGreaterThan(0);
    const e = log.value.entries[0];
    expect(e.jwtClaims).toMatchObject({ iss: expect.any(String), iat: expect.any(Number) });
    expect(typeof e.durationMs).toBe('number');
  });

  it('rejects unknown methods and bad input without throwing', async () => {
    expect((await call('nope.nothing')).error.code).toBe('unknown-method');
    expect((await call('notifications.get', { profileId: 'sandbox-test', id: 'x' })).error.code).toBe(
      'validation',
    );
    expect((await call('profiles.delete', { id: 'sandbox-test' })).error.code).toBe('built-in');
  });
});

async function walk(dir: string, skip: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (skip.includes(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, skip)));
    else out.push(p);
  }
  return out;
}
