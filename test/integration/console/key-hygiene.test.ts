/**
 * Key hygiene end to end in the core: a request marks the key used, and once the sandbox revokes
 * the key (through its control API) the next request records it and the profile says so.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../../src-main/host/start-console';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { waitUntil } from '../../support/wait';

let core: RunningConsole;
let dataDir: string;
let sandboxUrl: string;
const events: { name: string; payload: unknown }[] = [];
const call = async (method: string, input: unknown = {}) =>
  core.endpoint.call(method, input, { transport: 'test' }) as Promise<any>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-key-hygiene-'));
  core = await startConsole({ dataDir, mode: 'browser', platform: 'linux', sandboxTimeScale: 200 });
  core.endpoint.subscribe((name, payload) => events.push({ name, payload }));
  sandboxUrl = core.sandboxUrl!;
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The embedded sandbox's control API, with the console's control secret. */
const controlFetch = (url: string, init: RequestInit = {}) =>
  fetch(url, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), 'X-Sandbox-Secret': core.sandbox!.controlSecret },
  });

async function profile(id: string): Promise<PublicProfile> {
  const list = await call('profiles.list');
  return list.value.profiles.find((p: PublicProfile) => p.id === id);
}

describe('key hygiene against the embedded sandbox', () => {
  it('marks a stored key used, then revoked when the sandbox revokes it', async () => {
    expect((await call('vault.setup', { passphrase: 'correct horse battery' })).ok).toBe(true);
    const info: any = await (await controlFetch(`${sandboxUrl}/_sandbox/info`)).json();
    const serviceId: string = info.services[0].id;
    const made = await controlFetch(`${sandboxUrl}/_sandbox/services/${serviceId}/keys`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'rotate me', key_type: 'test' }),
    });
    expect(made.status).toBe(201);
    const key = (await made.json()) as { id: string; api_key: string };

    const created = await call('profiles.create', {
      name: 'Hygiene',
      baseUrl: sandboxUrl,
      keyType: 'test',
      apiKey: key.api_key,
    });
    expect(created.ok).toBe(true);
    const id: string = created.value.id;
    expect(created.value.key).toMatchObject({ lastUsedAt: null, revokedSeenAt: null });
    expect(Date.parse(created.value.key.addedAt)).toBeGreaterThan(Date.now() - 60_000);

    expect((await call('templates.list', { profileId: id })).ok).toBe(true);
    const used = await waitUntil(
      () => profile(id),
      (p) => p.key?.lastUsedAt !== null,
    );
    expect(Date.parse(used.key!.lastUsedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(used.keyProblem).toBeNull();
    expect(events.some((e) => e.name === 'profiles.changed')).toBe(true);

    const revoked = await controlFetch(`${sandboxUrl}/_sandbox/keys/${key.id}/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(revoked.status).toBe(200);
    const refused = await call('templates.list', { profileId: id });
    expect(refused.ok).toBe(false);
    expect(refused.error.details).toMatchObject({ status: 403 });

    const seen = await waitUntil(
      () => profile(id),
      (p) => p.key?.revokedSeenAt !== null,
    );
    expect(seen.keyProblem).toMatch(/^Notify reported this key revoked on \d{1,2} [A-Z][a-z]{2} \d{4}/);
    expect(seen.keyProblem).toMatch(/Replace it/);
    // The last-used time is not moved by an auth error.
    expect(seen.key!.lastUsedAt).toBe(used.key!.lastUsedAt);

    await waitUntil(
      async () => JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')),
      (file: any) => file.profiles?.items?.[0]?.keyRevokedSeenAt === seen.key!.revokedSeenAt,
    );

    // Replacing the key clears the problem.
    const fresh = await controlFetch(`${sandboxUrl}/_sandbox/services/${serviceId}/keys`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'rotated', key_type: 'test' }),
    });
    const freshKey = (await fresh.json()) as { api_key: string };
    const updated = await call('profiles.update', { id, apiKey: freshKey.api_key });
    expect(updated.ok).toBe(true);
    expect(updated.value.profile.keyProblem).toBeNull();
    expect(updated.value.profile.key).toMatchObject({ lastUsedAt: null, revokedSeenAt: null });
  });

  it('learns the same from Test connection on a stored profile', async () => {
    const info: any = await (await controlFetch(`${sandboxUrl}/_sandbox/info`)).json();
    const made = await controlFetch(`${sandboxUrl}/_sandbox/services/${info.services[0].id}/keys`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'tested', key_type: 'team' }),
    });
    const key = (await made.json()) as { id: string; api_key: string };
    const created = await call('profiles.create', {
      name: 'Tested',
      baseUrl: sandboxUrl,
      keyType: 'team',
      apiKey: key.api_key,
    });
    const id: string = created.value.id;
    expect((await call('profiles.testConnection', { id })).value.verdict).toBe('ok');
    await waitUntil(
      () => profile(id),
      (p) => p.key?.lastUsedAt !== null,
    );
    await controlFetch(`${sandboxUrl}/_sandbox/keys/${key.id}/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect((await call('profiles.testConnection', { id })).value.verdict).toBe('revoked-key');
    const seen = await waitUntil(
      () => profile(id),
      (p) => p.key?.revokedSeenAt !== null,
    );
    expect(seen.keyProblem).toMatch(/revoked/);
  });

  it('keeps a built-in profile’s last use in memory only', async () => {
    expect((await call('templates.list', { profileId: 'sandbox-team' })).ok).toBe(true);
    const used = await waitUntil(
      () => profile('sandbox-team'),
      (p) => p.key?.lastUsedAt !== null,
    );
    expect(used.key?.addedAt).toBeNull();
    const file = await readFile(join(dataDir, 'settings.json'), 'utf8');
    expect(file).not.toContain('sandbox-team');
  });
});
