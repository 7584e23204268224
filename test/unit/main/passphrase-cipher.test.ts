import { randomUUID } from 'node:crypto';
import { legacyVaultParts } from '../../support/legacy-vault';
import { describe, expect, it } from 'vitest';
import type { EnvelopeRewrite, JsonValue } from '../../../src-main/core/ports';
import { MemoryStore } from '../../support/memory-store';
import { DEFAULT_VAULT_HEADER_KEY, PassphraseCipher } from '../../../src-main/core/vault/passphrase-cipher';
import { describeWait, UnlockThrottle } from '../../../src-main/core/vault/unlock-throttle';
import {
  ForeignEnvelopeError,
  MalformedEnvelopeError,
  PassphraseTooShortError,
  TamperedEnvelopeError,
  UnlockThrottledError,
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
    // OWASP's minimum for scrypt: N = 2^17 with r = 8, p = 1.
    expect(body).toMatchObject({ v: 1, kdf: { alg: 'scrypt', N: 2 ** 17, r: 8, p: 1 } });
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

    let now = 0;
    const restarted = new PassphraseCipher(store, { now: () => now });
    const error = await restarted.unlock(OTHER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPassphraseError);
    expect((error as WrongPassphraseError).code).toBe('wrong_passphrase');
    expect(restarted.isLocked()).toBe(true);
    expect(snapshot(store)).toEqual(before);

    // After the one-second wait a wrong passphrase earns (see the throttle tests below).
    now += 1000;
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
    let now = 0;
    const restarted = new PassphraseCipher(store, { now: () => now });
    await expect(restarted.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    now += 1000;
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

/** A legacy vault in a store: header at the default key, envelopes under `secret-<id>`. */
function legacyVault(passphrase: string, secrets: Record<string, string>): Record<string, JsonValue> {
  const { header, envelopes } = legacyVaultParts(passphrase, secrets);
  return {
    [DEFAULT_VAULT_HEADER_KEY]: header,
    ...Object.fromEntries(Object.entries(envelopes).map(([id, e]) => [`secret-${id}`, e])),
  };
}

function headerOf(store: MemoryStore): Record<string, any> {
  return decodeEnvelope(store.get(DEFAULT_VAULT_HEADER_KEY) as string);
}

function withHeader(
  store: MemoryStore,
  edit: (h: Record<string, any>) => Record<string, any>,
): Promise<void> {
  const edited = edit(structuredClone(headerOf(store)));
  return store.set(
    DEFAULT_VAULT_HEADER_KEY,
    `nc1:vault:${Buffer.from(JSON.stringify(edited)).toString('base64url')}`,
  );
}

describe('PassphraseCipher: current guidance (issue 8.9)', () => {
  it('a new vault derives with scrypt N = 2^17, r = 8, p = 1, in a checksummed version 2 header', async () => {
    const { store } = await newVault();
    const header = headerOf(store);
    expect(header).toMatchObject({ v: 2, kdf: { alg: 'scrypt', N: 2 ** 17, r: 8, p: 1 } });
    expect(header.digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('re-wraps a vault made with N = 2^15 at its next unlock: header and every key, readable after a restart', async () => {
    const store = new MemoryStore(legacyVault(PASS, { a: 'plain-a', b: 'plain-b' }));
    const old = snapshot(store);
    const vault = new PassphraseCipher(store);
    await vault.unlock(PASS, rewriteFor(store, ['a', 'b']));

    expect(headerOf(store)).toMatchObject({ v: 2, kdf: { N: 2 ** 17 } });
    for (const id of ['a', 'b']) {
      expect(store.get(`secret-${id}`)).not.toBe(old[`secret-${id}`]);
      expect(decodeEnvelope(store.get(`secret-${id}`) as string)).toMatchObject({ kdf: { N: 2 ** 17 } });
      expect(await vault.decrypt(store.get(`secret-${id}`) as string)).toBe(`plain-${id}`);
    }
    const restarted = new PassphraseCipher(store);
    await restarted.unlock(PASS);
    expect(await restarted.decrypt(store.get('secret-b') as string)).toBe('plain-b');
  });

  it('an old vault with a wrong passphrase is a wrong passphrase, and nothing is rewritten', async () => {
    const store = new MemoryStore(legacyVault(PASS, { a: 'plain-a' }));
    const before = snapshot(store);
    await expect(new PassphraseCipher(store).unlock(OTHER, rewriteFor(store, ['a']))).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    expect(snapshot(store)).toEqual(before);
  });

  it('a failed re-wrap write leaves the old vault as it was, unlocked and usable', async () => {
    const store = new FailingStore(legacyVault(PASS, { a: 'plain-a' }));
    const before = snapshot(store);
    store.failNext = true;
    const vault = new PassphraseCipher(store);
    await vault.unlock(PASS, rewriteFor(store, ['a']));
    expect(snapshot(store)).toEqual(before);
    expect(await vault.decrypt(store.get('secret-a') as string)).toBe('plain-a');
  });

  it('unlocking runs scrypt off the event loop: timers keep firing while it derives', async () => {
    const { store } = await newVault();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      await new PassphraseCipher(store).unlock(PASS);
    } finally {
      clearInterval(timer);
    }
    // scryptSync would let none fire; N = 2^17 takes hundreds of milliseconds.
    expect(ticks).toBeGreaterThan(5);
  });
});

describe('PassphraseCipher: failed unlocks are throttled', () => {
  it('waits 1 s, 2 s, 4 s… after wrong passphrases, says how long, and refuses early attempts without deriving', async () => {
    const { store } = await newVault();
    let now = 1_000_000;
    const vault = new PassphraseCipher(store, { now: () => now });

    const first = await vault.unlock(OTHER).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(WrongPassphraseError);
    expect((first as Error).message).toMatch(/try again in 1 second\./);

    // Too early, even with the right passphrase: refused at once, with the time left.
    const early = await vault.unlock(PASS).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(UnlockThrottledError);
    expect(early).toMatchObject({ code: 'vault_throttled', details: { retryAfterSeconds: 1 } });
    expect((early as Error).message).toMatch(/wait 1 second before trying again/);

    now += 1000;
    expect(((await vault.unlock(OTHER).catch((e: unknown) => e)) as Error).message).toMatch(/in 2 seconds/);
    now += 2000;
    expect(((await vault.unlock(OTHER).catch((e: unknown) => e)) as Error).message).toMatch(/in 4 seconds/);
    now += 1500;
    expect(await vault.unlock(PASS).catch((e: unknown) => e)).toMatchObject({
      details: { retryAfterSeconds: 3 },
    });
    now += 2500;
    await vault.unlock(PASS);
    expect(vault.isLocked()).toBe(false);

    // A right passphrase resets the count.
    vault.lock();
    expect(((await vault.unlock(OTHER).catch((e: unknown) => e)) as Error).message).toMatch(/in 1 second\./);
  });

  it('a wrong old passphrase in a passphrase change counts too', async () => {
    const { store } = await newVault();
    const now = 5;
    const vault = new PassphraseCipher(store, { now: () => now });
    await expect(vault.changePassphrase(OTHER, 'another new one')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(vault.changePassphrase(PASS, 'another new one')).rejects.toBeInstanceOf(
      UnlockThrottledError,
    );
  });

  it('the wait doubles up to five minutes, said in minutes', () => {
    let now = 0;
    const throttle = new UnlockThrottle(() => now);
    const waits = Array.from({ length: 12 }, () => {
      const wait = throttle.failed();
      now += wait;
      return wait / 1000;
    });
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    expect(describeWait(300_000)).toBe('5 minutes');
    expect(describeWait(65_000)).toBe('1 minute 5 seconds');
    expect(describeWait(1)).toBe('1 second');
  });
});

describe('PassphraseCipher: a tampered header says so', () => {
  it.each([
    ['its check value', (h: Record<string, any>) => ({ ...h, check: { ...h.check, ct: flip(h.check.ct) } })],
    ['its salt', (h: Record<string, any>) => ({ ...h, kdf: { ...h.kdf, salt: flip(h.kdf.salt) } })],
    ['its cost, within range', (h: Record<string, any>) => ({ ...h, kdf: { ...h.kdf, N: 2 ** 18 } })],
  ])(
    'an edit of %s is "tampered", with the right passphrase or a wrong one, and changes nothing',
    async (_l, edit) => {
      const { store } = await newVault();
      await withHeader(store, edit);
      const before = snapshot(store);
      for (const pass of [PASS, OTHER]) {
        const error = await new PassphraseCipher(store).unlock(pass).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(VaultHeaderError);
        expect(error).not.toBeInstanceOf(WrongPassphraseError);
        expect((error as Error).message).toMatch(/has been tampered with \(its checksum does not match/);
      }
      expect(new PassphraseCipher(store).headerProblem()).toMatch(/tampered/);
      expect(snapshot(store)).toEqual(before);
    },
  );

  it.each([
    [
      'N = 2^30',
      { N: 2 ** 30 },
      /scrypt's cost N is 1073741824; it must be a power of two from 2\^15 to 2\^20/,
    ],
    ['N not a power of two', { N: 100_000 }, /scrypt's cost N is 100000; it must be a power of two/],
    ['N = 2^10', { N: 2 ** 10 }, /cost N is 1024/],
    ['r = 1000', { r: 1000 }, /block size r must be from 1 to 32/],
    ['p = 0', { p: 0 }, /parallelism p must be from 1 to 4/],
    ['N = 2^20 with r = 32', { N: 2 ** 20, r: 32 }, /would need more than 512 MiB of memory/],
    ['another algorithm', { alg: 'pbkdf2' }, /must be scrypt/],
  ])(
    'out-of-range parameters (%s) are refused by the schema, with the bound, before any derivation',
    async (_l, kdf, message) => {
      const { store } = await newVault();
      await withHeader(store, (h) => ({ ...h, kdf: { ...h.kdf, ...kdf } }));
      const error = await new PassphraseCipher(store).unlock(PASS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VaultHeaderError);
      expect(error).toMatchObject({ code: 'vault_header_invalid' });
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/tampered with or damaged/);
    },
  );

  it('an envelope with out-of-range parameters is malformed, naming the bound', async () => {
    const { vault } = await newVault();
    const body = decodeEnvelope(await vault.encrypt('x'));
    const error = await vault
      .decrypt(encodeEnvelope({ ...body, kdf: { ...(body.kdf as object), N: 2 ** 40 } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedEnvelopeError);
    expect((error as Error).message).toMatch(/must be a power of two from 2\^15 to 2\^20/);
  });
});

function flip(b64: string): string {
  const bytes = Buffer.from(b64, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}
