import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonValue, KeyValueStore, Logger, SecretCipher } from '../../../src-main/core/ports';
import {
  KeyBindingError,
  NoApiKeyError,
  ProfileImportError,
  ProfileNotFoundError,
  ProfileStoreError,
  ProfileValidationError,
} from '../../../src-main/core/profiles/profile-errors';
import { KEY_USE_WRITE_INTERVAL_MS, type Profile } from '../../../src-main/core/profiles/profile-model';
import { StoredProfiles } from '../../../src-main/core/profiles/stored-profiles';
import { toPublicProfile } from '../../../src-main/core/profiles/public-profile';
import { normaliseBaseUrl } from '../../../src-shared/notify/key-destination';
import { publicProfile } from '../../../src-main/contract/schemas';
import { MemoryStore } from '../../support/memory-store';
import { SettingsStore } from '../../../src-main/core/store/settings-store';
import { legacyVaultParts } from '../../support/legacy-vault';
import { PassphraseCipher } from '../../../src-main/core/vault/passphrase-cipher';
import { VaultLockedError, WrongPassphraseError } from '../../../src-main/core/vault/vault-errors';
import { chooseCipher, type SafeStorageLike } from '../../../src-main/core/vault/safe-storage-cipher';

const PASS = 'correct horse battery';
const SANDBOX = 'http://127.0.0.1:6011';
const NOTIFY = 'https://api.notifications.service.gov.uk';

/** A freshly generated, well-formed key: never a real one. */
function makeKey(name = 'console_key') {
  const serviceId = randomUUID();
  const secret = randomUUID();
  return { value: `${name}-${serviceId}-${secret}`, serviceId, secret };
}

/** Fails if any 8-character run of any secret, or any envelope, appears in the output. */
function expectNoSecrets(output: unknown, secrets: readonly string[]): void {
  const json = JSON.stringify(output) ?? '';
  expect(json).not.toMatch(/nc1:(?:passphrase|os):/);
  for (const secret of secrets) {
    for (let i = 0; i + 8 <= secret.length; i++) expect(json).not.toContain(secret.slice(i, i + 8));
  }
}

function profilesDoc(store: KeyValueStore): { items: Profile[] } {
  return store.get('profiles') as unknown as { items: Profile[] };
}

function storedProfiles(store: KeyValueStore): Profile[] {
  return profilesDoc(store).items;
}

async function setup(store: KeyValueStore = new MemoryStore()) {
  const cipher = new PassphraseCipher(store);
  await cipher.initialise(PASS);
  let t = Date.parse('2026-11-27T10:00:00Z');
  const logged: unknown[] = [];
  const logger: Logger = {
    info: (...args) => logged.push(args),
    warn: (...args) => logged.push(args),
    error: (...args) => logged.push(args),
  };
  const service = new StoredProfiles({ store, cipher, logger, clock: { now: () => (t += 1000) } });
  return { store, cipher, service, logged };
}

/** An OS keychain stand-in: real AES-GCM under a per-instance key. */
function fakeSafeStorage(): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), ct]);
    },
    decryptString: (buf) => {
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/** The OS keychain cipher as the console chooses it on macOS, over that stand-in. */
async function keychainCipher(): Promise<SecretCipher> {
  const { cipher } = await chooseCipher({
    platform: 'darwin',
    safeStorage: fakeSafeStorage(),
    store: new MemoryStore(),
  });
  expect(cipher.kind).toBe('os-keychain');
  return cipher;
}

async function validationError(promise: Promise<unknown>): Promise<ProfileValidationError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a validation error');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProfileValidationError);
  return error as ProfileValidationError;
}

describe('StoredProfiles: creating and reading', () => {
  it('creates a profile with an encrypted key and shows only what the renderer may see', async () => {
    const { store, service } = await setup();
    const key = makeKey();
    const profile = await service.create({
      name: ' Sandbox ',
      baseUrl: `${SANDBOX}/`,
      keyType: 'test',
      apiKey: key.value,
    });

    expect(profile).toMatchObject({
      name: 'Sandbox',
      baseUrl: SANDBOX,
      keyType: 'test',
      keyTypeLabel: 'Test',
      proxy: null,
      createdAt: '2026-11-27T10:00:01.000Z',
      needsKey: false,
      keyProblem: null,
      isSandbox: true,
      key: {
        name: 'console_key',
        serviceId: key.serviceId,
        last4: key.secret.slice(-4),
        masked: `console_key-${key.serviceId}-••••${key.secret.slice(-4)}`,
      },
    });
    expect(profile.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(Object.keys(profile)).not.toContain('keyEnvelope');
    expectNoSecrets(profile, [key.secret]);

    const [stored] = storedProfiles(store);
    expect(stored?.keyEnvelope).toMatch(/^nc1:passphrase:/);
    expect(JSON.stringify(store.get('profiles'))).not.toContain(key.secret);
  });

  it('creates a profile without a key, flagged as needing one', async () => {
    const { service } = await setup();
    const profile = await service.create({ name: 'Later', baseUrl: NOTIFY, keyType: 'live' });
    expect(profile).toMatchObject({ needsKey: true, key: null, keyTypeLabel: 'Live', isSandbox: false });
  });

  it('holds several profiles, in creation order, each readable by id', async () => {
    const { service } = await setup();
    const a = await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: makeKey().value });
    const b = await service.create({ name: 'B', baseUrl: NOTIFY, keyType: 'team', colour: '#ABCDEF' });
    const c = await service.create({
      name: 'C',
      baseUrl: NOTIFY,
      keyType: 'live',
      proxy: 'http://proxy.local:3128/',
    });
    expect(service.list().map((p) => p.name)).toEqual(['A', 'B', 'C']);
    expect(service.get(b.id)).toMatchObject({
      name: 'B',
      colour: '#abcdef',
      keyTypeLabel: 'Team and guest list',
    });
    expect(service.get(c.id).proxy).toBe('http://proxy.local:3128');
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    expect(() => service.get('nope')).toThrow(ProfileNotFoundError);
  });

  it('tracks the active profile, and forgets it when that profile is deleted', async () => {
    const { service } = await setup();
    const a = await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test' });
    const b = await service.create({ name: 'B', baseUrl: SANDBOX, keyType: 'test' });
    expect(service.getActive()).toBeNull();
    await service.setActive(b.id);
    expect(service.getActive()?.id).toBe(b.id);
    await service.delete(a.id);
    expect(service.getActive()?.id).toBe(b.id);
    await service.delete(b.id);
    expect(service.getActive()).toBeNull();
    expect(service.list()).toEqual([]);
    await expect(service.setActive('missing')).rejects.toBeInstanceOf(ProfileNotFoundError);
    await expect(service.delete('missing')).rejects.toBeInstanceOf(ProfileNotFoundError);
    await service.setActive(null);
  });

  it('keeps every profile when several are created at once', async () => {
    const { service } = await setup();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        service.create({ name: `P${i}`, baseUrl: SANDBOX, keyType: 'test', apiKey: makeKey().value }),
      ),
    );
    expect(service.list()).toHaveLength(10);
  });

  it('lets only one of two simultaneous creates with the same name through', async () => {
    const { service } = await setup();
    const results = await Promise.allSettled([
      service.create({ name: 'Twin', baseUrl: SANDBOX, keyType: 'test' }),
      service.create({ name: 'twin', baseUrl: SANDBOX, keyType: 'test' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('writes nothing when the vault is locked and a key is given', async () => {
    const { cipher, service, store } = await setup();
    cipher.lock();
    await expect(
      service.create({ name: 'X', baseUrl: SANDBOX, keyType: 'test', apiKey: makeKey().value }),
    ).rejects.toBeInstanceOf(VaultLockedError);
    expect(store.get('profiles')).toBeUndefined();
  });

  it('survives a restart with a file store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nc-profiles-'));
    try {
      const path = join(dir, 'settings.json');
      const first = await setup(await SettingsStore.open(path, { version: '0.1.0' }));
      const key = makeKey();
      const created = await first.service.create({
        name: 'Kept',
        baseUrl: SANDBOX,
        keyType: 'test',
        apiKey: key.value,
      });
      await first.service.setActive(created.id);

      const store = await SettingsStore.open(path, { version: '0.1.0' });
      const cipher = new PassphraseCipher(store);
      const service = new StoredProfiles({ store, cipher });
      expect(service.getActive()?.name).toBe('Kept');
      await expect(service.withApiKey(created.id, () => 'x')).rejects.toBeInstanceOf(VaultLockedError);
      await cipher.unlock(PASS);
      expect(await service.withApiKey(created.id, (k) => k.key.value)).toBe(key.value);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('StoredProfiles: validation', () => {
  let service: StoredProfiles;
  beforeAll(async () => {
    ({ service } = await setup());
    await service.create({ name: 'Existing', baseUrl: SANDBOX, keyType: 'test' });
  });

  const valid = { name: 'New', baseUrl: NOTIFY, keyType: 'live' };

  it.each([
    ['an empty name', { name: '   ' }, 'name', /Enter a name/],
    [
      'a name over 60 characters',
      { name: 'x'.repeat(61) },
      'name',
      /at most 60 characters for the name \(this one has 61\)/,
    ],
    ['a duplicate name (any case)', { name: 'EXISTING' }, 'name', /already a profile called/],
    ['a name with a control character', { name: 'a\u202eb' }, 'name', /invisible or control/],
    ['a missing base URL', { baseUrl: undefined }, 'baseUrl', /Enter the API base URL/],
    [
      'plain http to a remote host',
      { baseUrl: 'http://api.notifications.service.gov.uk' },
      'baseUrl',
      /Use https/,
    ],
    [
      'a URL without a scheme',
      { baseUrl: 'api.notifications.service.gov.uk' },
      'baseUrl',
      /Start the URL with https/,
    ],
    ['an ftp URL', { baseUrl: 'ftp://example.com' }, 'baseUrl', /Start the URL with https/],
    [
      'credentials in the URL',
      { baseUrl: 'https://user:pw@example.com' },
      'baseUrl',
      /user name or password/,
    ],
    ['an empty user in the URL', { baseUrl: 'https://@example.com' }, 'baseUrl', /user name or password/],
    ['a query', { baseUrl: `${NOTIFY}/?key=1` }, 'baseUrl', /Remove the query/],
    ['an empty query', { baseUrl: `${NOTIFY}?` }, 'baseUrl', /Remove the query/],
    ['a fragment', { baseUrl: `${NOTIFY}#top` }, 'baseUrl', /Remove the part from “#”/],
    ['a /v2 path', { baseUrl: `${NOTIFY}/v2/` }, 'baseUrl', /Leave out \/v2/],
    ['a URL with a line break', { baseUrl: 'https://exa\nmple.com' }, 'baseUrl', /line break/],
    ['an unknown key type', { keyType: 'normal' }, 'keyType', /live, team or test/],
    ['a named colour', { colour: 'red' }, 'colour', /six hex digits/],
    ['a short hex colour', { colour: '#fff' }, 'colour', /six hex digits/],
    ['a socks proxy', { proxy: 'socks5://proxy:1080' }, 'proxy', /http:\/\/ or https:\/\//],
    ['proxy credentials', { proxy: 'http://u:p@proxy:3128' }, 'proxy', /HTTPS_PROXY/],
    ['a proxy with a path', { proxy: 'http://proxy:3128/path' }, 'proxy', /scheme, host and port/],
    ['a malformed API key', { apiKey: 'not-a-key' }, 'apiKey', /characters long/],
    ['an unknown field', { extra: 1 }, '', /Unknown field “extra”/],
  ])('rejects %s with a clear error on the right field', async (_label, change, fieldName, message) => {
    const error = await validationError(service.create({ ...valid, ...change }));
    const issue = error.issues.find((i) => i.field === fieldName);
    expect(issue?.message).toMatch(message);
    expect(error.code).toBe('invalid_profile');
    expect(error.message).toMatch(message);
  });

  it('lists every problem at once', async () => {
    const error = await validationError(
      service.create({ name: '', baseUrl: 'nope', keyType: 'x', colour: 'blue' }),
    );
    expect(error.issues.map((i) => i.field).sort()).toEqual(['baseUrl', 'colour', 'keyType', 'name']);
    expect(error.message).toMatch(/and 3 more problems/);
  });

  it('rejects input that is not an object', async () => {
    for (const input of [null, 'profile', 42, [valid]]) {
      expect((await validationError(service.create(input))).message).toMatch(/Expected an object/);
    }
  });

  it.each([
    [`${NOTIFY}/`, NOTIFY],
    [`${NOTIFY}///`, NOTIFY],
    ['  HTTPS://API.Example.COM:443/notify/ ', 'https://api.example.com/notify'],
    ['https://example.com:8443', 'https://example.com:8443'],
    ['http://localhost:6011/', 'http://localhost:6011'],
    ['http://127.0.0.1', 'http://127.0.0.1'],
    ['http://127.1:9000', 'http://127.0.0.1:9000'],
    ['http://127.250.3.4:80/', 'http://127.250.3.4'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
    ['http://[0:0:0:0:0:0:0:1]:8080', 'http://[::1]:8080'],
  ])('normalises the base URL %j to %j', (raw, expected) => {
    expect(normaliseBaseUrl(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'http://128.0.0.1',
    'http://localhost.example.com',
    'http://[::2]',
    'http://10.0.0.1',
    'http://0.0.0.0',
  ])('keeps plain http for loopback only: refuses %s', (raw) => {
    expect(normaliseBaseUrl(raw)).toMatchObject({ ok: false, message: expect.stringMatching(/Use https/) });
  });
});

describe('StoredProfiles: renderer outputs never carry a secret', () => {
  it('no output of any public method, nor any log line, contains a key, part of one, or an envelope', async () => {
    const { service, logged } = await setup();
    const keys = [makeKey(), makeKey(), makeKey()];
    const outputs: unknown[] = [];
    const a = await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: keys[0]?.value });
    const b = await service.create({ name: 'B', baseUrl: NOTIFY, keyType: 'live', apiKey: keys[1]?.value });
    outputs.push(a, b);
    outputs.push(await service.update(a.id, { name: 'A2', apiKey: keys[2]?.value }));
    await service.setActive(b.id);
    outputs.push(service.list(), service.get(a.id), service.getActive(), service.problems());
    const exported = service.exportProfiles();
    outputs.push(exported);
    const { service: other } = await setup();
    outputs.push(await other.importProfiles(exported), other.list());
    await service.withApiKey(a.id, () => undefined);
    await service.changePassphrase(PASS, 'another long passphrase');
    const secrets = keys.map((k) => k.secret);
    for (const output of outputs) expectNoSecrets(output, secrets);
    for (const profile of service.list())
      expectNoSecrets(toPublicProfile(storedProfile(service, profile.id)), secrets);
    expect(logged.length).toBeGreaterThan(3);
    expectNoSecrets(logged, secrets);
  });

  function storedProfile(service: StoredProfiles, id: string): Profile {
    const store = (service as unknown as { store: KeyValueStore }).store;
    const found = storedProfiles(store).find((p) => p.id === id);
    if (!found) throw new Error('missing');
    return found;
  }
});

describe('StoredProfiles: fits the console contract', () => {
  it('every public profile satisfies the contract schema the renderer validates against', async () => {
    const { service } = await setup();
    await service.create({ name: 'With key', baseUrl: SANDBOX, keyType: 'test', apiKey: makeKey().value });
    await service.create({ name: 'Without', baseUrl: NOTIFY, keyType: 'live', proxy: 'http://proxy:3128' });
    for (const profile of service.list()) expect(publicProfile.safeParse(profile).error).toBeUndefined();
  });
});

describe('StoredProfiles: no plaintext key on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nc-disk-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function scan(root: string): Promise<Buffer[]> {
    const out: Buffer[] = [];
    for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) out.push(await readFile(join(entry.parentPath, entry.name)));
    }
    return out;
  }

  /** Finds the secret as text (UTF-8, UTF-16, hex) or inside base64 runs, decoded up to three levels deep. */
  function containsSecret(bytes: Buffer, secret: string, depth = 0): boolean {
    const forms = [
      Buffer.from(secret, 'utf8'),
      Buffer.from(secret, 'utf16le'),
      Buffer.from(Buffer.from(secret).toString('hex')),
    ];
    if (forms.some((form) => bytes.includes(form))) return true;
    if (depth >= 3) return false;
    // Node's base64 decoder accepts both alphabets, so this covers base64url envelopes too.
    const runs = bytes.toString('latin1').match(/[A-Za-z0-9+/_-]{16,}/g) ?? [];
    return runs.some((run) => containsSecret(Buffer.from(run, 'base64'), secret, depth + 1));
  }

  async function expectNotOnDisk(secrets: string[]): Promise<void> {
    const files = await scan(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const bytes of files) {
      for (const secret of secrets) expect(containsSecret(bytes, secret)).toBe(false);
    }
  }

  it('the scanner itself finds a secret hidden in base64 inside JSON (positive control)', () => {
    const secret = randomUUID();
    const inner = Buffer.from(JSON.stringify({ ct: Buffer.from(secret).toString('base64url') })).toString(
      'base64url',
    );
    expect(containsSecret(Buffer.from(`{"keyEnvelope":"nc1:x:${inner}"}`), secret)).toBe(true);
    expect(containsSecret(Buffer.from(`{"k":"${Buffer.from(secret).toString('hex')}"}`), secret)).toBe(true);
    expect(containsSecret(Buffer.from('{"k":"nothing here"}'), secret)).toBe(false);
  });

  it('with the passphrase vault, after creating, updating and changing the passphrase', async () => {
    const { service } = await setup(
      await SettingsStore.open(join(dir, 'settings.json'), { version: '0.1.0' }),
    );
    const keys = [makeKey(), makeKey(), makeKey()];
    const a = await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: keys[0]?.value });
    await service.create({ name: 'B', baseUrl: NOTIFY, keyType: 'live', apiKey: keys[1]?.value });
    await service.update(a.id, { apiKey: keys[2]?.value });
    await service.changePassphrase(PASS, 'another long passphrase');
    await expectNotOnDisk(keys.flatMap((k) => [k.value, k.secret]));
  });

  it('with the OS keychain', async () => {
    const store = await SettingsStore.open(join(dir, 'settings.json'), { version: '0.1.0' });
    const service = new StoredProfiles({ store, cipher: await keychainCipher() });
    const key = makeKey();
    const created = await service.create({ name: 'K', baseUrl: NOTIFY, keyType: 'live', apiKey: key.value });
    expect(storedProfiles(store)[0]?.keyEnvelope).toMatch(/^nc1:os:/);
    await expectNotOnDisk([key.value, key.secret]);
    expect(await service.withApiKey(created.id, (k) => k.secret)).toBe(key.secret);
  });
});

describe('StoredProfiles: using a key', () => {
  it('lends the key, with the base URL it is bound to, for one call', async () => {
    const { service } = await setup();
    const key = makeKey();
    const p = await service.create({
      name: 'S',
      baseUrl: SANDBOX,
      keyType: 'test',
      proxy: 'http://proxy:3128',
      apiKey: key.value,
    });
    const seen = await service.withApiKey(p.id, async (k) => ({ ...k }));
    expect(seen).toMatchObject({
      profileId: p.id,
      baseUrl: SANDBOX,
      proxy: 'http://proxy:3128',
      serviceId: key.serviceId,
      secret: key.secret,
      key: { value: key.value },
    });
  });

  it('says the profile needs a key when it has none', async () => {
    const { service } = await setup();
    const p = await service.create({ name: 'Empty', baseUrl: SANDBOX, keyType: 'test' });
    const error = await service.withApiKey(p.id, () => 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoApiKeyError);
    expect((error as Error).message).toMatch(/“Empty” has no API key yet/);
    await expect(service.withApiKey('gone', () => 1)).rejects.toBeInstanceOf(ProfileNotFoundError);
  });

  it('refuses a key when the vault is locked, and never calls the function', async () => {
    const { cipher, service } = await setup();
    const p = await service.create({ name: 'S', baseUrl: SANDBOX, keyType: 'test', apiKey: makeKey().value });
    cipher.lock();
    let called = false;
    await expect(
      service.withApiKey(p.id, () => {
        called = true;
      }),
    ).rejects.toBeInstanceOf(VaultLockedError);
    expect(called).toBe(false);
  });

  it('refuses an envelope moved to another profile (it could send the key to another origin)', async () => {
    const { store, service } = await setup();
    const local = await service.create({
      name: 'Local',
      baseUrl: SANDBOX,
      keyType: 'test',
      apiKey: makeKey().value,
    });
    const remote = await service.create({ name: 'Remote', baseUrl: 'https://evil.example', keyType: 'live' });
    const doc = profilesDoc(store);
    const [first, second] = doc.items;
    if (!first || !second) throw new Error('setup');
    second.keyEnvelope = first.keyEnvelope;
    second.key = first.key;
    await store.set('profiles', doc as unknown as JsonValue);

    expect(service.get(remote.id).needsKey).toBe(false);
    const error = await service.withApiKey(remote.id, () => 'sent').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyBindingError);
    expect(await service.withApiKey(local.id, (k) => k.baseUrl)).toBe(SANDBOX);
  });

  it('refuses a key whose base URL was edited in the settings file', async () => {
    const { store, service } = await setup();
    const p = await service.create({ name: 'S', baseUrl: SANDBOX, keyType: 'test', apiKey: makeKey().value });
    const doc = profilesDoc(store);
    const [item] = doc.items;
    if (!item) throw new Error('setup');
    item.baseUrl = 'https://evil.example';
    await store.set('profiles', doc as unknown as JsonValue);
    await expect(service.withApiKey(p.id, () => 'sent')).rejects.toBeInstanceOf(KeyBindingError);
  });

  it('flags a key saved by another cipher as needing re-entry instead of failing later', async () => {
    const store = new MemoryStore();
    const keychain = new StoredProfiles({ store, cipher: await keychainCipher() });
    const p = await keychain.create({ name: 'K', baseUrl: NOTIFY, keyType: 'live', apiKey: makeKey().value });
    const cipher = new PassphraseCipher(store);
    await cipher.initialise(PASS);
    const vaulted = new StoredProfiles({ store, cipher });
    expect(vaulted.get(p.id)).toMatchObject({
      needsKey: true,
      keyProblem: expect.stringMatching(/OS keychain/),
    });
    await expect(vaulted.withApiKey(p.id, () => 1)).rejects.toThrow(/OS keychain/);
  });
});

describe('StoredProfiles: updating', () => {
  it('keeps the key when the name, colour or key type change', async () => {
    const { service } = await setup();
    const key = makeKey();
    const p = await service.create({ name: 'S', baseUrl: SANDBOX, keyType: 'test', apiKey: key.value });
    const result = await service.update(p.id, { name: 'Renamed', colour: '#000000', keyType: 'team' });
    expect(result.keyCleared).toBe(false);
    expect(result.profile).toMatchObject({
      name: 'Renamed',
      colour: '#000000',
      keyType: 'team',
      needsKey: false,
    });
    expect(await service.withApiKey(p.id, (k) => k.key.value)).toBe(key.value);
  });

  it('clears the key when the base URL changes and no key is re-entered', async () => {
    const { service } = await setup();
    const p = await service.create({ name: 'S', baseUrl: SANDBOX, keyType: 'test', apiKey: makeKey().value });
    const result = await service.update(p.id, { baseUrl: NOTIFY });
    expect(result).toMatchObject({
      keyCleared: true,
      profile: { baseUrl: NOTIFY, needsKey: true, key: null },
    });
    await expect(service.withApiKey(p.id, () => 1)).rejects.toBeInstanceOf(NoApiKeyError);
  });

  it('keeps the key bound to the new URL when the same key is re-entered', async () => {
    const { service } = await setup();
    const key = makeKey();
    const p = await service.create({ name: 'S', baseUrl: SANDBOX, keyType: 'test', apiKey: key.value });
    const result = await service.update(p.id, { baseUrl: `${NOTIFY}/`, apiKey: ` ${key.value}\n` });
    expect(result.keyCleared).toBe(false);
    expect(await service.withApiKey(p.id, (k) => [k.baseUrl, k.key.value])).toEqual([NOTIFY, key.value]);
  });

  it('does not treat a trailing-slash-only change as a new URL', async () => {
    const { service } = await setup();
    const p = await service.create({ name: 'S', baseUrl: NOTIFY, keyType: 'live', apiKey: makeKey().value });
    expect((await service.update(p.id, { baseUrl: `${NOTIFY}/` })).keyCleared).toBe(false);
  });

  it('removes the key on request, and lets a profile keep its own name in another case', async () => {
    const { service } = await setup();
    const p = await service.create({
      name: 'Mine',
      baseUrl: SANDBOX,
      keyType: 'test',
      apiKey: makeKey().value,
    });
    const result = await service.update(p.id, { apiKey: null, name: 'MINE' });
    expect(result.profile).toMatchObject({ name: 'MINE', needsKey: true });
  });

  it('validates a patch like a new profile and writes nothing when it fails', async () => {
    const { service, store } = await setup();
    await service.create({ name: 'Other', baseUrl: SANDBOX, keyType: 'test' });
    const p = await service.create({ name: 'S', baseUrl: SANDBOX, keyType: 'test' });
    const before = store.get('profiles');
    await validationError(service.update(p.id, { name: 'other' }));
    await validationError(service.update(p.id, { baseUrl: 'http://example.com' }));
    await validationError(service.update(p.id, { id: 'new-id' }));
    expect(store.get('profiles')).toEqual(before);
    await expect(service.update('missing', { name: 'x' })).rejects.toBeInstanceOf(ProfileNotFoundError);
  });
});

/** The export file's format name, as documented in profile-transfer.ts: files already saved carry it. */
const PROFILES_EXPORT_FORMAT = 'notify-console-profiles';

describe('StoredProfiles: export and import', () => {
  it('exports a documented, secret-free format', async () => {
    const { service } = await setup();
    const key = makeKey();
    await service.create({
      name: 'A',
      baseUrl: SANDBOX,
      keyType: 'test',
      colour: '#112233',
      apiKey: key.value,
    });
    const doc = JSON.parse(service.exportProfiles()) as Record<string, unknown>;
    expect(doc).toEqual({
      format: PROFILES_EXPORT_FORMAT,
      version: 1,
      exportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      profiles: [{ name: 'A', baseUrl: SANDBOX, keyType: 'test', colour: '#112233', proxy: null }],
    });
    expectNoSecrets(doc, [key.secret]);
    expect(JSON.stringify(doc)).not.toContain(key.serviceId);
  });

  it('imports into another console without keys, each flagged as needing one', async () => {
    const { service: from } = await setup();
    await from.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: makeKey().value });
    await from.create({ name: 'B', baseUrl: NOTIFY, keyType: 'live', proxy: 'https://proxy:8443' });
    const { service: to } = await setup();
    const report = await to.importProfiles(from.exportProfiles());
    expect(report.skipped).toEqual([]);
    expect(report.renamed).toEqual([]);
    expect(to.list()).toMatchObject([
      { name: 'A', baseUrl: SANDBOX, keyType: 'test', needsKey: true, key: null },
      { name: 'B', baseUrl: NOTIFY, keyType: 'live', proxy: 'https://proxy:8443', needsKey: true },
    ]);
  });

  it('skips profiles that already exist and renames ones whose name is taken', async () => {
    const { service } = await setup();
    await service.create({ name: 'Same', baseUrl: SANDBOX, keyType: 'test' });
    await service.create({ name: 'Taken', baseUrl: SANDBOX, keyType: 'test' });
    await service.create({ name: 'Taken (2)', baseUrl: SANDBOX, keyType: 'test' });
    const file = JSON.stringify({
      format: PROFILES_EXPORT_FORMAT,
      version: 1,
      profiles: [
        { name: 'same', baseUrl: `${SANDBOX}/`, keyType: 'test' },
        { name: 'Taken', baseUrl: NOTIFY, keyType: 'live' },
        { name: 'New', baseUrl: NOTIFY, keyType: 'live' },
        { name: 'New', baseUrl: NOTIFY, keyType: 'team' },
        { name: 'x'.repeat(60), baseUrl: NOTIFY, keyType: 'live' },
        { name: 'x'.repeat(60), baseUrl: NOTIFY, keyType: 'test' },
      ],
    });
    const report = await service.importProfiles(file);
    expect(report.skipped).toEqual([{ name: 'same', reason: expect.any(String) }]);
    expect(report.renamed).toEqual([
      { from: 'Taken', to: 'Taken (3)' },
      { from: 'New', to: 'New (2)' },
      { from: 'x'.repeat(60), to: `${'x'.repeat(56)} (2)` },
    ]);
    expect(report.imported).toHaveLength(5);
    expect(service.list().every((p) => [...p.name].length <= 60)).toBe(true);
  });

  it.each([
    ['not JSON', 'this is not json', /not JSON/],
    [
      'another file format',
      JSON.stringify({ format: 'something-else', version: 1, profiles: [] }),
      /not a Notify Console/,
    ],
    [
      'a newer format version',
      JSON.stringify({ format: PROFILES_EXPORT_FORMAT, version: 2, profiles: [] }),
      /newer version/,
    ],
    [
      'a profile carrying an API key',
      JSON.stringify({
        format: PROFILES_EXPORT_FORMAT,
        version: 1,
        profiles: [{ name: 'A', baseUrl: NOTIFY, keyType: 'live', apiKey: 'whatever' }],
      }),
      /profiles\[0\]: Remove “apiKey”: profiles are imported without API keys/,
    ],
    [
      'an invalid profile among valid ones',
      JSON.stringify({
        format: PROFILES_EXPORT_FORMAT,
        version: 1,
        profiles: [
          { name: 'Fine', baseUrl: NOTIFY, keyType: 'live' },
          { name: 'Bad', baseUrl: 'http://example.com', keyType: 'live' },
        ],
      }),
      /profiles\[1\]\.baseUrl: Use https/,
    ],
    ['a list instead of a file', '[]', /not a Notify Console/],
    [
      'unknown top-level fields',
      JSON.stringify({ format: PROFILES_EXPORT_FORMAT, version: 1, profiles: [], vault: 'x' }),
      /Unknown field “vault”/,
    ],
  ])('rejects %s and imports nothing', async (_label, file, message) => {
    const { service, store } = await setup();
    const error = await service.importProfiles(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileImportError);
    expect((error as Error).message).toMatch(/^Nothing was imported\./);
    expect((error as Error).message).toMatch(message);
    expect(store.get('profiles')).toBeUndefined();
  });
});

describe('StoredProfiles: changing the passphrase', () => {
  it('re-encrypts every key; after a restart the new passphrase unlocks them all', async () => {
    const { store, service } = await setup();
    const keys = [makeKey(), makeKey()];
    const a = await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: keys[0]?.value });
    const b = await service.create({ name: 'B', baseUrl: NOTIFY, keyType: 'live', apiKey: keys[1]?.value });
    await service.create({ name: 'C', baseUrl: NOTIFY, keyType: 'team' });
    const before = storedProfiles(store).map((p) => p.keyEnvelope);

    await service.changePassphrase(PASS, 'brand new passphrase');
    const after = storedProfiles(store).map((p) => p.keyEnvelope);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBeNull();

    let now = 0;
    const cipher = new PassphraseCipher(store, { now: () => now });
    const restarted = new StoredProfiles({ store, cipher });
    await expect(cipher.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    // A wrong passphrase makes the next attempt wait a second (issue 8.9).
    now += 1000;
    await cipher.unlock('brand new passphrase');
    expect(await restarted.withApiKey(a.id, (k) => k.key.value)).toBe(keys[0]?.value);
    expect(await restarted.withApiKey(b.id, (k) => k.key.value)).toBe(keys[1]?.value);
  });

  it('with a wrong old passphrase changes nothing', async () => {
    const { store, service } = await setup();
    await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: makeKey().value });
    const before = Object.fromEntries(store.keys().map((k) => [k, store.get(k)]));
    await expect(service.changePassphrase('wrong passphrase', 'brand new passphrase')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    expect(Object.fromEntries(store.keys().map((k) => [k, store.get(k)]))).toEqual(before);
  });

  it('lets a key saved during the change land under the new passphrase', async () => {
    const { store, service } = await setup();
    await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: makeKey().value });
    const late = makeKey();
    const [, created] = await Promise.all([
      service.changePassphrase(PASS, 'brand new passphrase'),
      service.create({ name: 'Late', baseUrl: SANDBOX, keyType: 'test', apiKey: late.value }),
    ]);
    const cipher = new PassphraseCipher(store);
    await cipher.unlock('brand new passphrase');
    const restarted = new StoredProfiles({ store, cipher });
    expect(await restarted.withApiKey(created.id, (k) => k.key.value)).toBe(late.value);
  });

  it('explains that the OS keychain has no passphrase', async () => {
    const service = new StoredProfiles({
      store: new MemoryStore(),
      cipher: await keychainCipher(),
    });
    await expect(service.changePassphrase(PASS, 'x'.repeat(10))).rejects.toMatchObject({
      code: 'not_passphrase_vault',
    });
  });
});

describe('StoredProfiles: unlocking re-wraps an old vault', () => {
  it('a vault written with N = 2^15 is re-wrapped at unlock, every key with it, and still opens after a restart', async () => {
    const key = makeKey();
    const id = 'legacy-profile';
    const payload = JSON.stringify({ v: 1, profileId: id, baseUrl: SANDBOX, apiKey: key.value });
    const legacy = legacyVaultParts(PASS, { [id]: payload });
    const store = new MemoryStore({
      passphraseVault: legacy.header,
      profiles: {
        version: 2,
        activeId: null,
        items: [
          {
            id,
            name: 'Old vault',
            baseUrl: SANDBOX,
            keyType: 'test',
            colour: '#1d70b8',
            proxy: null,
            createdAt: '2026-01-01T00:00:00.000Z',
            keyEnvelope: legacy.envelopes[id]!,
            key: { name: 'console_key', serviceId: key.serviceId, last4: key.secret.slice(-4) },
            keyAddedAt: null,
            keyLastUsedAt: null,
            keyRevokedSeenAt: null,
          },
        ],
      },
    });
    const service = new StoredProfiles({ store, cipher: new PassphraseCipher(store) });
    await service.unlockVault(PASS);
    const envelope = storedProfiles(store)[0]?.keyEnvelope ?? '';
    expect(envelope).not.toBe(legacy.envelopes[id]);
    const kdf = (s: string) => JSON.parse(Buffer.from(s.split(':')[2]!, 'base64url').toString()).kdf;
    expect(kdf(envelope)).toMatchObject({ N: 2 ** 17 });
    expect(kdf(store.get('passphraseVault') as string)).toMatchObject({ N: 2 ** 17 });
    expect(await service.withApiKey(id, (k) => k.key.value)).toBe(key.value);

    const restarted = new StoredProfiles({ store, cipher: new PassphraseCipher(store) });
    await restarted.unlockVault(PASS);
    expect(await restarted.withApiKey(id, (k) => k.key.value)).toBe(key.value);
  });
});

describe('StoredProfiles: stored data it cannot read is kept, not wiped', () => {
  it('keeps an unreadable stored profile through later writes, and reports it', async () => {
    const { store, service } = await setup();
    const weird = { id: 'x', name: 42, from: 'a future version' };
    await store.set('profiles', { version: 1, activeId: null, items: [weird] });
    expect(service.list()).toEqual([]);
    expect(service.problems()).toEqual(['1 saved profile could not be read and was left as saved.']);
    await service.create({ name: 'New', baseUrl: SANDBOX, keyType: 'test' });
    expect((store.get('profiles') as { items: unknown[] }).items).toContainEqual(weird);
  });

  it('refuses to touch profiles written by a newer version', async () => {
    const { store, service } = await setup();
    const future = { version: 3, activeId: null, items: [{ anything: true }] };
    await store.set('profiles', future);
    expect(() => service.list()).toThrow(ProfileStoreError);
    await expect(service.create({ name: 'New', baseUrl: SANDBOX, keyType: 'test' })).rejects.toThrow(
      /newer version/,
    );
    expect(store.get('profiles')).toEqual(future);
  });
});

describe('StoredProfiles: key hygiene (added, last used, revoked)', () => {
  /** A service on a clock the test moves by hand. */
  async function clocked(store: KeyValueStore = new MemoryStore()) {
    const cipher = new PassphraseCipher(store);
    await cipher.initialise(PASS);
    const clock = { t: Date.parse('2026-03-14T09:00:00Z') };
    const service = new StoredProfiles({ store, cipher, clock: { now: () => clock.t } });
    return { store, cipher, service, clock };
  }
  const info = (key: ReturnType<typeof makeKey>, name = 'console_key') => ({
    name,
    serviceId: key.serviceId,
    last4: key.secret.slice(-4),
  });

  it('records when a key is added, and again when it is replaced; removing it clears the dates', async () => {
    const { service, store, clock } = await clocked();
    const first = makeKey();
    const created = await service.create({
      name: 'A',
      baseUrl: SANDBOX,
      keyType: 'test',
      apiKey: first.value,
    });
    expect(created.key).toMatchObject({
      addedAt: '2026-03-14T09:00:00.000Z',
      lastUsedAt: null,
      revokedSeenAt: null,
    });
    expect(storedProfiles(store)[0]).toMatchObject({
      keyAddedAt: '2026-03-14T09:00:00.000Z',
      keyLastUsedAt: null,
      keyRevokedSeenAt: null,
    });

    clock.t += 86_400_000;
    const renamed = await service.update(created.id, { name: 'B' });
    expect(renamed.profile.key?.addedAt).toBe('2026-03-14T09:00:00.000Z');

    const second = makeKey();
    const replaced = await service.update(created.id, { apiKey: second.value });
    expect(replaced.profile.key?.addedAt).toBe('2026-03-15T09:00:00.000Z');

    const removed = await service.update(created.id, { apiKey: null });
    expect(removed.profile.key).toBeNull();
    expect(storedProfiles(store)[0]).toMatchObject({
      keyAddedAt: null,
      keyLastUsedAt: null,
      keyRevokedSeenAt: null,
    });

    const none = await service.create({ name: 'No key', baseUrl: SANDBOX, keyType: 'test' });
    expect(none.key).toBeNull();
    expect(storedProfiles(store)[1]).toMatchObject({ keyAddedAt: null });
  });

  it('writes last used at most once a minute per profile', async () => {
    const { service, store, clock } = await clocked();
    const key = makeKey();
    const p = await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: key.value });
    let writes = 0;
    const set = store.set.bind(store);
    store.set = (k, v) => {
      writes++;
      return set(k, v);
    };

    clock.t += 5_000;
    expect(await service.observeKey(p.id, info(key), 'accepted')).toBe(true);
    expect(service.get(p.id).key?.lastUsedAt).toBe('2026-03-14T09:00:05.000Z');
    for (let i = 0; i < 20; i++) {
      clock.t += 1_000;
      expect(await service.observeKey(p.id, info(key), 'accepted')).toBe(false);
    }
    expect(writes).toBe(1);
    expect(service.get(p.id).key?.lastUsedAt).toBe('2026-03-14T09:00:05.000Z');

    clock.t = Date.parse('2026-03-14T09:01:05Z');
    expect(await service.observeKey(p.id, info(key), 'accepted')).toBe(true);
    expect(writes).toBe(2);
    expect(service.get(p.id).key?.lastUsedAt).toBe('2026-03-14T09:01:05.000Z');
    expect(KEY_USE_WRITE_INTERVAL_MS).toBe(60_000);

    // Another profile has its own minute.
    const otherKey = makeKey();
    const other = await service.create({
      name: 'B',
      baseUrl: SANDBOX,
      keyType: 'test',
      apiKey: otherKey.value,
    });
    expect(await service.observeKey(other.id, info(otherKey), 'accepted')).toBe(true);
  });

  it('throttles across restarts by the stored time too', async () => {
    const { service, store, cipher, clock } = await clocked();
    const key = makeKey();
    const p = await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: key.value });
    expect(await service.observeKey(p.id, info(key), 'accepted')).toBe(true);
    const again = new StoredProfiles({ store, cipher, clock: { now: () => clock.t + 30_000 } });
    expect(await again.observeKey(p.id, info(key), 'accepted')).toBe(false);
  });

  it('records a revoked key once, shows it as the key problem, and forgets it when the key is replaced', async () => {
    const { service, clock } = await clocked();
    const key = makeKey();
    const p = await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: key.value });
    clock.t = Date.parse('2026-11-02T16:30:00Z');
    expect(await service.observeKey(p.id, info(key), 'revoked')).toBe(true);
    clock.t += 3_600_000;
    expect(await service.observeKey(p.id, info(key), 'revoked')).toBe(false);

    const revoked = service.get(p.id);
    expect(revoked.key?.revokedSeenAt).toBe('2026-11-02T16:30:00.000Z');
    expect(revoked.keyProblem).toMatch(/^Notify reported this key revoked on 2 Nov 2026/);
    expect(revoked.keyProblem).toMatch(/Replace it/);
    expect(publicProfile.parse({ ...revoked, builtIn: false })).toBeTruthy();
    // Notify's answer stays the authority: the key is still lent out, and the vault is not the problem.
    expect(revoked.needsKey).toBe(false);
    expect(await service.withApiKey(p.id, (k) => k.key.value)).toBe(key.value);

    const fresh = makeKey();
    const replaced = await service.update(p.id, { apiKey: fresh.value });
    expect(replaced.profile.key?.revokedSeenAt).toBeNull();
    expect(replaced.profile.keyProblem).toBeNull();
  });

  it('ignores what is seen of a key that has since been replaced, and of deleted profiles', async () => {
    const { service, clock } = await clocked();
    const old = makeKey();
    const p = await service.create({ name: 'A', baseUrl: SANDBOX, keyType: 'test', apiKey: old.value });
    const fresh = makeKey();
    await service.update(p.id, { apiKey: fresh.value });
    clock.t += 120_000;
    expect(await service.observeKey(p.id, info(old), 'revoked')).toBe(false);
    expect(await service.observeKey(p.id, info(old), 'accepted')).toBe(false);
    expect(service.get(p.id).key).toMatchObject({ lastUsedAt: null, revokedSeenAt: null });
    await service.delete(p.id);
    expect(await service.observeKey(p.id, info(fresh), 'revoked')).toBe(false);
  });

  it('loads a version 1 file (before key dates) with the dates unknown, and keeps them unknown', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nc-profiles-v1-'));
    try {
      const path = join(dir, 'settings.json');
      const fileStore = await SettingsStore.open(path, { version: '0.1.0' });
      const first = await clocked(fileStore);
      const key = makeKey();
      const created = await first.service.create({
        name: 'Old',
        baseUrl: SANDBOX,
        keyType: 'test',
        apiKey: key.value,
      });
      await fileStore.flush();
      // Rewrite the file as the previous version of the console wrote it.
      const file = JSON.parse(await readFile(path, 'utf8')) as {
        profiles: { version: number; items: Record<string, unknown>[] };
      };
      file.profiles.version = 1;
      for (const item of file.profiles.items) {
        delete item.keyAddedAt;
        delete item.keyLastUsedAt;
        delete item.keyRevokedSeenAt;
      }
      await writeFile(path, JSON.stringify(file));

      const store = await SettingsStore.open(path, { version: '0.1.0' });
      const cipher = new PassphraseCipher(store);
      await cipher.unlock(PASS);
      const service = new StoredProfiles({
        store,
        cipher,
        clock: { now: () => Date.parse('2026-04-01T00:00:00Z') },
      });
      expect(service.problems()).toEqual([]);
      const loaded = service.get(created.id);
      expect(loaded.key).toMatchObject({ addedAt: null, lastUsedAt: null, revokedSeenAt: null });
      expect(loaded.keyProblem).toBeNull();
      expect(await service.withApiKey(created.id, (k) => k.key.value)).toBe(key.value);

      expect(await service.observeKey(created.id, info(key), 'accepted')).toBe(true);
      await store.flush();
      const written = JSON.parse(await readFile(path, 'utf8')) as {
        profiles: { version: number; items: Profile[] };
      };
      expect(written.profiles.version).toBe(2);
      expect(written.profiles.items[0]).toMatchObject({
        keyAddedAt: null,
        keyLastUsedAt: '2026-04-01T00:00:00.000Z',
        keyRevokedSeenAt: null,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('StoredProfiles: fuzzing', () => {
  let cipher: SecretCipher;
  beforeAll(async () => {
    const c = new PassphraseCipher(new MemoryStore());
    await c.initialise(PASS);
    cipher = c;
  });

  const FIELDS = ['', 'name', 'baseUrl', 'keyType', 'colour', 'proxy', 'apiKey'];

  async function expectCleanOutcome(attempt: Promise<unknown>): Promise<void> {
    try {
      const profile = (await attempt) as { baseUrl: string; name: string };
      expect(profile.baseUrl).toMatch(/^(https:\/\/|http:\/\/(localhost|127\.|\[::1\]))/);
      expect(profile.baseUrl.endsWith('/')).toBe(false);
      expect([...profile.name].length).toBeLessThanOrEqual(60);
    } catch (error) {
      expect(error).toBeInstanceOf(ProfileValidationError);
      const { issues, message } = error as ProfileValidationError;
      expect(issues.length).toBeGreaterThan(0);
      expect(message.length).toBeGreaterThan(10);
      for (const issue of issues) {
        expect(FIELDS).toContain(issue.field);
        expect(issue.message.length).toBeGreaterThan(10);
      }
    }
  }

  it('create() with any value at all resolves or gives a clear validation error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withNullPrototype: true, withObjectString: true }), async (input) => {
        const service = new StoredProfiles({ store: new MemoryStore(), cipher });
        await expectCleanOutcome(service.create(input));
      }),
      { numRuns: 300 },
    );
  });

  it('create() with profile-shaped input of random strings resolves or gives a clear validation error', async () => {
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));
    const url = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      text,
      fc.constant(SANDBOX),
    );
    const input = fc.record(
      {
        name: text,
        baseUrl: url,
        keyType: fc.oneof(fc.constantFrom('live', 'team', 'test'), text),
        colour: fc.oneof(fc.stringMatching(/^#[0-9a-fA-F]{6}$/), text),
        proxy: fc.oneof(fc.constant(null), url),
        apiKey: fc.oneof(text, fc.constant(`k-${randomUUID()}-${randomUUID()}`)),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const service = new StoredProfiles({ store: new MemoryStore(), cipher });
        await expectCleanOutcome(service.create(value));
      }),
      { numRuns: 500 },
    );
  });

  it('importProfiles() with any value resolves or gives a clear import error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.json(), fc.string()), async (input) => {
        const service = new StoredProfiles({ store: new MemoryStore(), cipher });
        const error = await service.importProfiles(input).then(
          () => null,
          (e: unknown) => e,
        );
        if (error !== null) {
          expect(error).toBeInstanceOf(ProfileImportError);
          expect((error as Error).message).toMatch(/^Nothing was imported\. ./);
        }
      }),
      { numRuns: 300 },
    );
  });
});
