import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyValueStore, Logger } from '../../../src-main/core/ports';
import { MemoryStore } from '../../support/memory-store';
import { waitUntil } from '../../support/wait';
import { StoredProfiles } from '../../../src-main/core/profiles/stored-profiles';
import { PassphraseCipher } from '../../../src-main/core/vault/passphrase-cipher';
import { SettingsStore, type SettingsStoreOptions } from '../../../src-main/core/store/settings-store';

const posix = process.platform !== 'win32';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nc-store-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function recordingLogger() {
  const warnings: { msg: string; data?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: () => undefined,
    warn: (msg, data) => warnings.push({ msg, data }),
    error: () => undefined,
  };
  return { logger, warnings };
}

/** conf runs its migrations up to this version. */
const OPTS: SettingsStoreOptions = { version: '0.1.0' };

/** The file's entries without conf's own bookkeeping (`__internal__`: the migrations' version). */
function userEntries(text: string): Record<string, unknown> {
  const { __internal__: _internal, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
}

const fixedClock = { now: () => Date.parse('2026-11-27T20:45:31.123Z') };

/** The KeyValueStore contract, run against both implementations. */
describe.each([
  ['MemoryStore', async (): Promise<KeyValueStore> => new MemoryStore()],
  ['SettingsStore', async (): Promise<KeyValueStore> => SettingsStore.open(join(dir, 'settings.json'), OPTS)],
])('%s follows the KeyValueStore contract', (_name, make) => {
  it('sets, gets, lists and deletes', async () => {
    const store = await make();
    expect(store.get('missing')).toBeUndefined();
    await store.set('a', { x: [1, 'two', null, true] });
    await store.set('b', 'text');
    expect(store.get('a')).toEqual({ x: [1, 'two', null, true] });
    expect(store.keys().sort()).toEqual(['a', 'b']);
    await store.delete('a');
    expect(store.get('a')).toBeUndefined();
    expect(store.keys()).toEqual(['b']);
  });

  it('hands out copies: mutating a value read or written does not change the store', async () => {
    const store = await make();
    const value = { list: [1] };
    await store.set('k', value);
    value.list.push(2);
    const read = store.get('k') as { list: number[] };
    read.list.push(3);
    expect(store.get('k')).toEqual({ list: [1] });
  });

  it('writes several entries at once, deleting those set to undefined', async () => {
    const store = await make();
    await store.setMany({ a: 1, b: 2 });
    await store.setMany({ a: undefined, c: 3 });
    expect(Object.fromEntries(store.keys().map((k) => [k, store.get(k)]))).toEqual({ b: 2, c: 3 });
  });

  it('rejects a value that is not JSON and leaves the store as it was', async () => {
    const store = await make();
    await store.set('a', 1);
    await expect(store.setMany({ a: 2, b: 10n as unknown as number })).rejects.toThrow();
    expect(store.get('a')).toBe(1);
    expect(store.get('b')).toBeUndefined();
  });

  it('keeps a key named __proto__ as a plain entry', async () => {
    const store = await make();
    await store.set('__proto__', { polluted: true });
    expect(store.get('__proto__')).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps every one of many concurrent writes', async () => {
    const store = await make();
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.set(`k${i}`, i)));
    expect(store.keys()).toHaveLength(25);
  });
});

describe('SettingsStore on disk', () => {
  it('starts empty when there is no file, creating the folder', async () => {
    const path = join(dir, 'nested', 'deeper', 'settings.json');
    const store = await SettingsStore.open(path, OPTS);
    expect(store.keys()).toEqual([]);
    expect(store.recovered).toBeNull();
    await store.set('x', 1);
    expect(userEntries(await readFile(path, 'utf8'))).toEqual({ x: 1 });
  });

  it('survives a restart', async () => {
    const path = join(dir, 'settings.json');
    const first = await SettingsStore.open(path, OPTS);
    await first.setMany({ notes: { items: ['a'] }, theme: 'dark' });
    const second = await SettingsStore.open(path, OPTS);
    expect(second.get('notes')).toEqual({ items: ['a'] });
    expect(second.get('theme')).toBe('dark');
  });

  it.runIf(posix)('writes the file with mode 0600', async () => {
    const path = join(dir, 'settings.json');
    const store = await SettingsStore.open(path, OPTS);
    await store.set('x', 1);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await store.set('x', 2);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it.runIf(posix)('tightens a file that others could read as soon as it is opened', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, '{"x":1}');
    await chmod(path, 0o644);
    await SettingsStore.open(path, OPTS);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it.runIf(posix)('creates a missing folder as private (0700)', async () => {
    const sub = join(dir, 'private');
    await SettingsStore.open(join(sub, 'settings.json'), OPTS);
    expect((await stat(sub)).mode & 0o777).toBe(0o700);
  });

  it('leaves no temporary files behind', async () => {
    const store = await SettingsStore.open(join(dir, 'settings.json'), OPTS);
    await Promise.all([store.set('a', 1), store.set('b', 2), store.set('c', 3)]);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('reads a file saved with a byte order mark by a Windows editor', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, '\ufeff{"x":1}');
    const store = await SettingsStore.open(path, OPTS);
    expect(store.recovered).toBeNull();
    expect(store.get('x')).toBe(1);
  });

  it.each([
    ['invalid JSON', '{"profiles": [', /not valid JSON/],
    ['a truncated write', '{"a":1,"b":{"c"', /not valid JSON/],
    ['a JSON array', '[1,2,3]', /not hold a JSON object/],
    ['JSON null', 'null', /not hold a JSON object/],
    ['an empty file', '', /empty/],
  ])('backs up %s, starts empty and reports it', async (_label, content, reason) => {
    const path = join(dir, 'settings.json');
    await writeFile(path, content);
    const { logger, warnings } = recordingLogger();
    const store = await SettingsStore.open(path, { ...OPTS, clock: fixedClock, logger });

    expect(store.keys()).toEqual([]);
    expect(store.recovered).not.toBeNull();
    expect(store.recovered?.reason).toMatch(reason);
    expect(store.recovered?.backupPath).toBe(`${path}.corrupt-2026-11-27T204531.123Z`);
    // Byte for byte what was there: the backup is the original file, moved, not rewritten.
    expect(await readFile(store.recovered?.backupPath ?? '', 'utf8')).toBe(content);
    expect(warnings).toHaveLength(1);

    await store.set('fresh', true);
    expect(userEntries(await readFile(path, 'utf8'))).toEqual({ fresh: true });
    expect(await readFile(store.recovered?.backupPath ?? '', 'utf8')).toBe(content);
  });

  it('never overwrites an earlier backup', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, 'first corruption');
    const a = await SettingsStore.open(path, { ...OPTS, clock: fixedClock });
    await writeFile(path, 'second corruption');
    const b = await SettingsStore.open(path, { ...OPTS, clock: fixedClock });
    expect(a.recovered?.backupPath).not.toBe(b.recovered?.backupPath);
    expect(await readFile(a.recovered?.backupPath ?? '', 'utf8')).toBe('first corruption');
    expect(await readFile(b.recovered?.backupPath ?? '', 'utf8')).toBe('second corruption');
  });

  it('throws (instead of starting empty) when the path cannot be read at all', async () => {
    const path = join(dir, 'settings.json');
    await mkdir(path);
    await expect(SettingsStore.open(path, OPTS)).rejects.toThrow(/EISDIR/);
    expect((await stat(path)).isDirectory()).toBe(true);
  });

  it('keeps the old file and the in-memory state when a write fails', async () => {
    const path = join(dir, 'settings.json');
    const store = await SettingsStore.open(path, OPTS);
    await store.set('a', 1);
    // Put a non-empty folder where the file was: the final rename cannot replace it.
    await unlink(path);
    await mkdir(path);
    await writeFile(join(path, 'blocker'), '');
    await expect(store.setMany({ a: 2, b: 3 })).rejects.toThrow();
    expect(store.get('a')).toBe(1);
    expect(store.get('b')).toBeUndefined();
    // conf's writer (atomically) removes its temporary file with an unlink it does not wait for,
    // so the folder is clean a moment after the failure, not at once.
    await waitUntil(
      async () => (await readdir(dir)).filter((f) => f.includes('.tmp')),
      (left) => left.length === 0,
    );
    // Later writes are not blocked by the failed one.
    await rm(path, { recursive: true });
    await store.set('c', 4);
    expect(userEntries(await readFile(path, 'utf8'))).toEqual({ a: 1, c: 4 });
  });
});

describe('SettingsStore on conf: schema, migrations, old files (issue 10.6)', () => {
  const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'settings');
  /** The passphrase and key the fixture files were written with (test/fixtures/settings). */
  const FIXTURE_PASS = 'fixture vault passphrase';
  const FIXTURE_KEY = 'fixture_key-11111111-1111-4111-8111-111111111111-22222222-2222-4222-8222-222222222222';
  const FIXTURE_ID = '9c5e7a2e-3f0b-4c1d-8e6f-000000000001';

  it.each([
    ['version 1 (before the key dates)', 'v1.json', null],
    ['version 2', 'v2.json', '2026-04-01T12:00:00.000Z'],
  ])(
    'a settings file of %s still loads: profiles, the active one, and the key in its vault',
    async (_l, file, lastUsed) => {
      const path = join(dir, 'settings.json');
      await writeFile(path, await readFile(join(FIXTURES, file)));
      const store = await SettingsStore.open(path, OPTS);
      expect(store.recovered).toBeNull();
      // conf's migration for 0.1.0 wrote the profiles document as version 2, dates unknown where absent.
      const written = JSON.parse(await readFile(path, 'utf8')) as Record<string, any>;
      expect(written.profiles.version).toBe(2);
      expect(written.profiles.items[0]).toMatchObject({ keyLastUsedAt: lastUsed, keyRevokedSeenAt: null });
      expect(written.__internal__).toEqual({ migrations: { version: '0.1.0' } });
      expect(store.keys()).not.toContain('__internal__');

      const cipher = new PassphraseCipher(store);
      const profiles = new StoredProfiles({ store, cipher });
      expect(profiles.getActive()?.id).toBe(FIXTURE_ID);
      await profiles.unlockVault(FIXTURE_PASS);
      expect(await profiles.withApiKey(FIXTURE_ID, (k) => k.key.value)).toBe(FIXTURE_KEY);
      // The unlock re-wrapped the old vault (N = 2^15) through the same store; it opens again.
      await store.flush();
      const again = await SettingsStore.open(path, OPTS);
      const reopened = new StoredProfiles({ store: again, cipher: new PassphraseCipher(again) });
      await reopened.unlockVault(FIXTURE_PASS);
      expect(await reopened.withApiKey(FIXTURE_ID, (k) => k.key.value)).toBe(FIXTURE_KEY);
    },
  );

  it('runs a migration once: a file already migrated is not migrated again', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, await readFile(join(FIXTURES, 'v1.json')));
    await SettingsStore.open(path, OPTS);
    // A version 1 document written after the migration ran is left as it is (the reader copes).
    const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, any>;
    file.profiles.version = 1;
    await writeFile(path, JSON.stringify(file));
    await SettingsStore.open(path, OPTS);
    expect((JSON.parse(await readFile(path, 'utf8')) as Record<string, any>).profiles.version).toBe(1);
  });

  it('moves aside a file that is JSON but not the settings layout, says why, and starts empty', async () => {
    const path = join(dir, 'settings.json');
    const content = '{"profiles": {"version": "two", "items": {}}, "passphraseVault": 42}';
    await writeFile(path, content);
    const { logger, warnings } = recordingLogger();
    const store = await SettingsStore.open(path, { ...OPTS, clock: fixedClock, logger });
    expect(store.keys()).toEqual([]);
    expect(store.recovered?.reason).toMatch(/does not have the layout of the console's settings/);
    expect(store.recovered?.reason).toMatch(/passphraseVault/);
    expect(await readFile(store.recovered?.backupPath ?? '', 'utf8')).toBe(content);
    expect(warnings).toHaveLength(1);
  });

  it('refuses a write that would break the layout, and keeps memory and disk as they were', async () => {
    const path = join(dir, 'settings.json');
    const store = await SettingsStore.open(path, OPTS);
    await store.set('passphraseVault', 'nc1:vault:abc');
    const before = await readFile(path, 'utf8');
    await expect(store.setMany({ passphraseVault: 7, other: 1 })).rejects.toThrow(/schema violation/);
    await expect(store.set('profiles', { items: [] })).rejects.toThrow(/version/);
    expect(store.get('passphraseVault')).toBe('nc1:vault:abc');
    expect(store.get('other')).toBeUndefined();
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('keeps conf’s bookkeeping through writes, and will not let a caller overwrite it', async () => {
    const path = join(dir, 'settings.json');
    const store = await SettingsStore.open(path, OPTS);
    await store.set('a', 1);
    await expect(store.set('__internal__', {})).rejects.toThrow(/conf's own entry/);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      a: 1,
      __internal__: { migrations: { version: '0.1.0' } },
    });
  });
});
