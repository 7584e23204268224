import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EnvelopeRewrite, JsonValue } from '../../../src-main/core/ports';
import { MemoryStore } from '../../../src-main/core/store/json-file-store';
import { DEFAULT_VAULT_HEADER_KEY, PassphraseCipher } from '../../../src-main/core/vault/passphrase-cipher';
import {
  ForeignEnvelopeError,
  MalformedEnvelopeError,
  PassphraseTooShortError,
  TamperedEnvelopeError,
  VaultAlreadyInitialisedError,
  VaultHeaderError,
  VaultLockedError,
  VaultNotInitialisedError,
  WrongPassphraseError,
} from '../../../src-main/core/vault/vault-errors';

const PASS = 'correct horse battery';
const OTHER = 'a different passphrase';

/** A store whose next `setMany` fails, as a full disk would. */
class FailingStore extends MemoryStore {
  failNext = false;
  override async setMany(entries: Readonly<Record<string, JsonValue | undefined>>): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('ENOSPC: no space left on device');
    }
    await super.setMany(entries);
  }
}

function snapshot(store: MemoryStore): Record<string, JsonValue | undefined> {
  return Object.fromEntries(store.keys().map((k) => [k, store.get(k)]));
}

function decodeEnvelope(envelope: string): Record<string, unknown> {
  const [, , body] = envelope.split(':');
  return JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

function encodeEnvelope(value: unknown): string {
  return `nc1:passphrase:${Buffer.from(JSON.stringify(value)).toString('base64url')}`;
}

/** A rewrite that stores envelopes under `secret-<id>` keys, as a profile store would. */
function rewriteFor(store: MemoryStore, ids: string[]): EnvelopeRewrite {
  return {
    envelopes: new Map(ids.map((id) => [id, store.get(`secret-${id}`) as string])),
    entries: (reencrypted) => Object.fromEntries([...reencrypted].map(([id, env]) => [`secret-${id}`, env])),
  };
}

async function newVault(store = new MemoryStore()): Promise<{ store: MemoryStore; vault: PassphraseCipher }> {
  const vault = new PassphraseCipher(store);
  await vault.initialise(PASS);
  return { store, vault };
}

describe('PassphraseCipher: setting up and unlocking', () => {
  it('starts uninitialised and locked; initialise unlocks it', async () => {
    const vault = new PassphraseCipher(new MemoryStore());
    expect(vault.kind).toBe('passphrase');
    expect(vault.isInitialised()).toBe(false);
    expect(vault.isLocked()).toBe(true);
    await vault.initialise(PASS);
    expect(vault.isInitialised()).toBe(true);
    expect(vault.isLocked()).toBe(false);
  });

  it('round-trips a secret, and the envelope is versioned and holds no plaintext', async () => {
    const { vault } = await newVault();
    const secret = `key-${randomUUID()}-${randomUUID()}`;
    const envelope = await vault.encrypt(secret);
    expect(envelope).toMatch(/^nc1:passphrase:[A-Za-z0-9_-]+$/);
    expect(envelope).not.toContain(secret);
    const body = decodeEnvelope(envelope);
    expect(body).toMatchObject({ v: 1, kdf: { alg: 'scrypt', N: 2 ** 15, r: 8, p: 1 } });
    expect(Object.keys(body).sort()).toEqual(['ct', 'iv', 'kdf', 'tag', 'v']);
    expect(JSON.stringify(body)).not.toContain(secret);
    expect(await vault.decrypt(envelope)).toBe(secret);
  });

  it('uses a fresh IV each time, so equal secrets give different envelopes', async () => {
    const { vault } = await newVault();
    const a = await vault.encrypt('same');
    const b = await vault.encrypt('same');
    expect(a).not.toBe(b);
  });

  it('is locked after a restart and unlocks with the passphrase', async () => {
    const { store, vault } = await newVault();
    const envelope = await vault.encrypt('secret value');
    const restarted = new PassphraseCipher(store);
    expect(restarted.isLocked()).toBe(true);
    await expect(restarted.decrypt(envelope)).rejects.toBeInstanceOf(VaultLockedError);
    await restarted.unlock(PASS);
    expect(await restarted.decrypt(envelope)).toBe('secret value');
  });

  it('treats a differently-composed passphrase as the same one (NFC)', async () => {
    const store = new MemoryStore();
    await new PassphraseCipher(store).initialise('caf\u00e9 au lait');
    await expect(new PassphraseCipher(store).unlock('cafe\u0301 au lait')).resolves.toBeUndefined();
  });

  it('refuses to initialise twice, which would orphan every stored key', async () => {
    const { store, vault } = await newVault();
    const before = snapshot(store);
    await expect(vault.initialise(OTHER)).rejects.toBeInstanceOf(VaultAlreadyInitialisedError);
    expect(snapshot(store)).toEqual(before);
  });

  it('says there is no passphrase yet when unlocking an empty vault', async () => {
    await expect(new PassphraseCipher(new MemoryStore()).unlock(PASS)).rejects.toBeInstanceOf(
      VaultNotInitialisedError,
    );
  });

  it('lock() forgets the key', async () => {
    const { vault } = await newVault();
    const envelope = await vault.encrypt('x');
    vault.lock();
    expect(vault.isLocked()).toBe(true);
    await expect(vault.encrypt('y')).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.decrypt(envelope)).rejects.toThrow(/Enter your passphrase/);
  });
});

describe('PassphraseCipher: passphrase rules', () => {
  it.each(['', 'short', '1234567', '\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9'])(
    'refuses %j with a clear minimum-length error',
    async (pass) => {
      const vault = new PassphraseCipher(new MemoryStore());
      const error = await vault.initialise(pass).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PassphraseTooShortError);
      expect((error as Error).message).toMatch(/at least 8 characters \(this one has \d\)/);
      expect(vault.isInitialised()).toBe(false);
    },
  );

  it('counts characters, not UTF-16 units: eight emoji are long enough', async () => {
    await expect(new PassphraseCipher(new MemoryStore()).initialise('🔑'.repeat(8))).resolves.toBeUndefined();
  });
});

describe('PassphraseCipher: a wrong passphrase is an error, never data loss', () => {
  it('rejects a wrong passphrase, stays locked, and the right one still works', async () => {
    const { store, vault } = await newVault();
    const envelope = await vault.encrypt('my secret');
    const before = snapshot(store);

    const restarted = new PassphraseCipher(store);
    const error = await restarted.unlock(OTHER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPassphraseError);
    expect((error as WrongPassphraseError).code).toBe('wrong_passphrase');
    expect(restarted.isLocked()).toBe(true);
    expect(snapshot(store)).toEqual(before);

    await restarted.unlock(PASS);
    expect(await restarted.decrypt(envelope)).toBe('my secret');
  });

  it('keeps an unlocked vault usable after a failed unlock attempt', async () => {
    const { vault } = await newVault();
    const envelope = await vault.encrypt('kept');
    await expect(vault.unlock(OTHER)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await vault.decrypt(envelope)).toBe('kept');
  });
});

describe('PassphraseCipher: tampering is detected', () => {
  it('detects a changed ciphertext, tag or IV', async () => {
    const { vault } = await newVault();
    const envelope = await vault.encrypt('integrity matters');
    const body = decodeEnvelope(envelope);
    for (const field of ['ct', 'tag', 'iv'] as const) {
      const bytes = Buffer.from(body[field] as string, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      const tampered = encodeEnvelope({ ...body, [field]: bytes.toString('base64url') });
      await expect(vault.decrypt(tampered), field).rejects.toBeInstanceOf(TamperedEnvelopeError);
    }
  });

  it('detects edited KDF parameters', async () => {
    const { vault } = await newVault();
    const body = decodeEnvelope(await vault.encrypt('x'));
    const kdf = body.kdf as Record<string, unknown>;
    await expect(
      vault.decrypt(encodeEnvelope({ ...body, kdf: { ...kdf, N: 2 ** 16 } })),
    ).rejects.toBeInstanceOf(ForeignEnvelopeError);
  });

  it('refuses an envelope from another vault with a clear error', async () => {
    const { vault: a } = await newVault();
    const { vault: b } = await newVault();
    const fromB = await b.encrypt('not yours');
    const error = await a.decrypt(fromB).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignEnvelopeError);
    expect((error as Error).message).toMatch(/different passphrase/);
  });

  it.each([
    ['empty', ''],
    ['another prefix', 'nc0:passphrase:abc'],
    ['an OS-keychain envelope', 'nc1:os:AAAA'],
    ['bad base64url', 'nc1:passphrase:!!!'],
    ['not JSON', `nc1:passphrase:${Buffer.from('nope').toString('base64url')}`],
    ['a wrong version', encodeEnvelope({ v: 2 })],
    ['extra fields', encodeEnvelope({ v: 1, kdf: {}, iv: '', tag: '', ct: '', extra: 1 })],
  ])('rejects %s as malformed', async (_label, envelope) => {
    const { vault } = await newVault();
    await expect(vault.decrypt(envelope)).rejects.toBeInstanceOf(MalformedEnvelopeError);
  });

  it('refuses a tampered vault header without hanging on absurd KDF parameters', async () => {
    const { store } = await newVault();
    const header = store.get(DEFAULT_VAULT_HEADER_KEY) as string;
    const body = decodeEnvelope(header);
    const evil = `nc1:vault:${Buffer.from(JSON.stringify({ ...body, kdf: { ...(body.kdf as object), N: 2 ** 30 } })).toString('base64url')}`;
    await store.set(DEFAULT_VAULT_HEADER_KEY, evil);
    const error = await new PassphraseCipher(store).unlock(PASS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultHeaderError);
    expect(store.get(DEFAULT_VAULT_HEADER_KEY)).toBe(evil);
  });
});

describe('PassphraseCipher: changing the passphrase', () => {
  async function vaultWithSecrets(store: MemoryStore, ids: string[]) {
    const vault = new PassphraseCipher(store);
    await vault.initialise(PASS);
    for (const id of ids) await store.set(`secret-${id}`, await vault.encrypt(`plain-${id}`));
    return vault;
  }

  it('re-encrypts every secret; the new passphrase opens them after a restart and the old one does not', async () => {
    const store = new MemoryStore();
    const ids = ['a', 'b', 'c'];
    const vault = await vaultWithSecrets(store, ids);
    const oldEnvelopes = ids.map((id) => store.get(`secret-${id}`));

    await vault.changePassphrase(PASS, OTHER, rewriteFor(store, ids));

    expect(vault.isLocked()).toBe(false);
    for (const [i, id] of ids.entries()) {
      expect(store.get(`secret-${id}`)).not.toBe(oldEnvelopes[i]);
      expect(await vault.decrypt(store.get(`secret-${id}`) as string)).toBe(`plain-${id}`);
    }
    const restarted = new PassphraseCipher(store);
    await expect(restarted.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    await restarted.unlock(OTHER);
    for (const id of ids)
      expect(await restarted.decrypt(store.get(`secret-${id}`) as string)).toBe(`plain-${id}`);
    // Envelopes under the old passphrase are now foreign, not silently readable.
    await expect(restarted.decrypt(oldEnvelopes[0] as string)).rejects.toBeInstanceOf(ForeignEnvelopeError);
  });

  it('works while locked, given the old passphrase', async () => {
    const store = new MemoryStore();
    const vault = await vaultWithSecrets(store, ['a']);
    vault.lock();
    await vault.changePassphrase(PASS, OTHER, rewriteFor(store, ['a']));
    expect(await vault.decrypt(store.get('secret-a') as string)).toBe('plain-a');
  });

  it('with a wrong old passphrase writes nothing', async () => {
    const store = new MemoryStore();
    const vault = await vaultWithSecrets(store, ['a', 'b']);
    const before = snapshot(store);
    await expect(
      vault.changePassphrase('not the passphrase', OTHER, rewriteFor(store, ['a', 'b'])),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(snapshot(store)).toEqual(before);
    expect(await vault.decrypt(store.get('secret-a') as string)).toBe('plain-a');
  });

  it('with a too-short new passphrase writes nothing', async () => {
    const store = new MemoryStore();
    const vault = await vaultWithSecrets(store, ['a']);
    const before = snapshot(store);
    await expect(vault.changePassphrase(PASS, 'short', rewriteFor(store, ['a']))).rejects.toBeInstanceOf(
      PassphraseTooShortError,
    );
    expect(snapshot(store)).toEqual(before);
  });

  it('writes nothing if one envelope cannot be read, and names it', async () => {
    const store = new MemoryStore();
    const vault = await vaultWithSecrets(store, ['a', 'b', 'c']);
    const body = decodeEnvelope(store.get('secret-b') as string);
    const ct = Buffer.from(body.ct as string, 'base64url');
    ct[0] = (ct[0] ?? 0) ^ 0xff;
    await store.set('secret-b', encodeEnvelope({ ...body, ct: ct.toString('base64url') }));
    const before = snapshot(store);

    const error = await vault
      .changePassphrase(PASS, OTHER, rewriteFor(store, ['a', 'b', 'c']))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'envelope_tampered', details: { id: 'b' } });
    expect((error as Error).message).toMatch(/passphrase was not changed/);
    expect(snapshot(store)).toEqual(before);

    const restarted = new PassphraseCipher(store);
    await restarted.unlock(PASS);
    expect(await restarted.decrypt(store.get('secret-a') as string)).toBe('plain-a');
  });

  it('writes nothing and keeps the old key in use when the store write fails', async () => {
    const store = new FailingStore();
    const vault = await vaultWithSecrets(store, ['a']);
    const before = snapshot(store);
    store.failNext = true;
    await expect(vault.changePassphrase(PASS, OTHER, rewriteFor(store, ['a']))).rejects.toThrow(/ENOSPC/);
    expect(snapshot(store)).toEqual(before);
    // The in-memory key is still the old one, matching what is on disk.
    expect(await vault.decrypt(store.get('secret-a') as string)).toBe('plain-a');
    await vault.encrypt('new secret').then((env) => vault.decrypt(env));
    const restarted = new PassphraseCipher(store);
    await restarted.unlock(PASS);
  });

  it('changes the passphrase of an empty vault without a rewrite', async () => {
    const { store, vault } = await newVault();
    await vault.changePassphrase(PASS, OTHER);
    await new PassphraseCipher(store).unlock(OTHER);
  });
});
