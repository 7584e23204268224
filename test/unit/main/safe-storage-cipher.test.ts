import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Logger, SecretCipher } from '../../../src-main/core/ports';
import { MemoryStore } from '../../support/memory-store';
import { PassphraseCipher } from '../../../src-main/core/vault/passphrase-cipher';
import { MalformedEnvelopeError } from '../../../src-main/core/vault/vault-errors';
import { chooseCipher, type SafeStorageLike } from '../../../src-main/core/vault/safe-storage-cipher';

interface FakeOptions {
  available?: boolean;
  asyncAvailable?: boolean;
  backend?: string;
  withAsync?: boolean;
  /** decryptStringAsync answers a bare string, as some Electron versions did. */
  asyncReturnsString?: boolean;
  shouldReEncrypt?: boolean;
  /** The keychain says it is available, then refuses to encrypt (a locked keychain, a denied prompt). */
  encryptFails?: boolean;
}

/** A stand-in for Electron's safeStorage: real AES-GCM under a per-instance key, with call counts. */
function fakeSafeStorage(options: FakeOptions = {}) {
  const key = randomBytes(32);
  const calls = { sync: 0, async: 0 };
  const encrypt = (plain: string): Buffer => {
    if (options.available === false || options.encryptFails) throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]);
  };
  const decrypt = (buf: Buffer): string => {
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
    decipher.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
  };
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (s) => {
      calls.sync++;
      return encrypt(s);
    },
    decryptString: (b) => {
      calls.sync++;
      return decrypt(b);
    },
    ...(options.backend === undefined
      ? {}
      : { getSelectedStorageBackend: () => options.backend ?? 'unknown' }),
    ...(options.withAsync
      ? {
          isAsyncEncryptionAvailable: async () => options.asyncAvailable ?? options.available ?? true,
          encryptStringAsync: async (s: string) => {
            calls.async++;
            return encrypt(s);
          },
          decryptStringAsync: async (b: Buffer) => {
            calls.async++;
            const result = decrypt(b);
            return options.asyncReturnsString
              ? result
              : { result, shouldReEncrypt: options.shouldReEncrypt ?? false };
          },
        }
      : {}),
  };
  return { storage, calls };
}

function recordingLogger() {
  const lines: { level: string; msg: string; data?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: (msg, data) => lines.push({ level: 'info', msg, data }),
    warn: (msg, data) => lines.push({ level: 'warn', msg, data }),
    error: (msg, data) => lines.push({ level: 'error', msg, data }),
  };
  return { logger, lines };
}

const secret = () => `console-${randomUUID()}-${randomUUID()}`;

/** The OS keychain cipher, as the console chooses it on macOS for this safeStorage. */
async function keychainCipher(storage: SafeStorageLike, logger?: Logger): Promise<SecretCipher> {
  const { cipher } = await chooseCipher({
    platform: 'darwin',
    safeStorage: storage,
    store: new MemoryStore(),
    ...(logger ? { logger } : {}),
  });
  expect(cipher.kind).toBe('os-keychain');
  return cipher;
}

describe('the OS keychain cipher', () => {
  it('round-trips through the sync API when that is all there is', async () => {
    const { storage, calls } = fakeSafeStorage();
    const cipher = await keychainCipher(storage);
    const plain = secret();
    const envelope = await cipher.encrypt(plain);
    expect(envelope).toMatch(/^nc1:os:[A-Za-z0-9+/]+=*$/);
    expect(envelope).not.toContain(plain);
    expect(Buffer.from(envelope.slice('nc1:os:'.length), 'base64').toString('latin1')).not.toContain(plain);
    expect(await cipher.decrypt(envelope)).toBe(plain);
    expect(calls).toEqual({ sync: 2, async: 0 });
  });

  it('prefers the async API where Electron provides it', async () => {
    const { storage, calls } = fakeSafeStorage({ withAsync: true });
    const cipher = await keychainCipher(storage);
    const plain = secret();
    expect(await cipher.decrypt(await cipher.encrypt(plain))).toBe(plain);
    expect(calls).toEqual({ sync: 0, async: 2 });
  });

  it('accepts a bare string from decryptStringAsync', async () => {
    const { storage } = fakeSafeStorage({ withAsync: true, asyncReturnsString: true });
    const cipher = await keychainCipher(storage);
    expect(await cipher.decrypt(await cipher.encrypt('abc'))).toBe('abc');
  });

  it('logs (without the secret) when safeStorage asks for re-encryption', async () => {
    const { storage } = fakeSafeStorage({ withAsync: true, shouldReEncrypt: true });
    const { logger, lines } = recordingLogger();
    const cipher = await keychainCipher(storage, logger);
    const plain = secret();
    expect(await cipher.decrypt(await cipher.encrypt(plain))).toBe(plain);
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain(plain.slice(-36));
  });

  it('is never locked', async () => {
    const cipher = await keychainCipher(fakeSafeStorage().storage);
    expect(cipher.kind).toBe('os-keychain');
    expect(cipher.isLocked()).toBe(false);
  });

  it('turns a keychain decryption failure into a clear error, never an empty string', async () => {
    const envelope = await (await keychainCipher(fakeSafeStorage().storage)).encrypt('from another machine');
    const otherMachine = await keychainCipher(fakeSafeStorage({ withAsync: true }).storage);
    const error = await otherMachine.decrypt(envelope).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'KeychainError', code: 'keychain_decrypt_failed' });
    expect((error as Error).message).toMatch(/Re-enter the key/);
  });

  it('detects a tampered envelope', async () => {
    const cipher = await keychainCipher(fakeSafeStorage().storage);
    const envelope = await cipher.encrypt('integrity');
    const bytes = Buffer.from(envelope.slice(7), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    await expect(cipher.decrypt(`nc1:os:${bytes.toString('base64')}`)).rejects.toMatchObject({
      name: 'KeychainError',
      code: 'keychain_decrypt_failed',
      message: expect.stringMatching(/could not decrypt this key/),
    });
  });

  it('reports an encryption failure as a keychain error, so nothing is saved', async () => {
    const cipher = await keychainCipher(fakeSafeStorage({ encryptFails: true }).storage);
    await expect(cipher.encrypt('x')).rejects.toMatchObject({
      name: 'KeychainError',
      code: 'keychain_encrypt_failed',
      message: expect.stringMatching(/so it was not saved/),
    });
  });

  it.each([
    ['a passphrase envelope', 'nc1:passphrase:abc', /passphrase vault/],
    ['another format', 'plain text', /unknown format/],
    ['an empty body', 'nc1:os:', /not base64/],
    ['bad base64', 'nc1:os:@@@@', /not base64/],
  ])('rejects %s as malformed', async (_label, envelope, message) => {
    const cipher = await keychainCipher(fakeSafeStorage().storage);
    const error = await cipher.decrypt(envelope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedEnvelopeError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('chooseCipher', () => {
  const oneSentence = /^[A-Z][^\n]*\.$/;

  async function choose(platform: NodeJS.Platform, safeStorage: SafeStorageLike | null, extra = {}) {
    const choice = await chooseCipher({ platform, safeStorage, store: new MemoryStore(), ...extra });
    expect(choice.reason).toMatch(oneSentence);
    expect(choice.reason.split('. ')).toHaveLength(1);
    return choice;
  }

  it.each([
    ['darwin', undefined, /macOS Keychain/],
    ['win32', undefined, /Windows/],
    ['linux', 'gnome_libsecret', /GNOME keyring/],
    ['linux', 'kwallet6', /KWallet/],
  ] as const)('uses the keychain on %s (%s)', async (platform, backend, reason) => {
    const choice = await choose(platform, fakeSafeStorage({ backend, withAsync: true }).storage);
    expect(choice.cipher.kind).toBe('os-keychain');
    expect(choice.reason).toMatch(reason);
  });

  it('refuses the Linux basic_text backend and says why', async () => {
    const choice = await choose('linux', fakeSafeStorage({ backend: 'basic_text' }).storage);
    expect(choice.cipher).toBeInstanceOf(PassphraseCipher);
    expect(choice.reason).toMatch(/secret service.*passphrase/);
  });

  it('refuses an unknown Linux backend, or one it cannot ask about', async () => {
    expect((await choose('linux', fakeSafeStorage({ backend: 'unknown' }).storage)).cipher.kind).toBe(
      'passphrase',
    );
    expect((await choose('linux', fakeSafeStorage({ backend: 'toString' }).storage)).cipher.kind).toBe(
      'passphrase',
    );
    const noBackendCall = fakeSafeStorage().storage;
    const choice = await choose('linux', noBackendCall);
    expect(choice.cipher.kind).toBe('passphrase');
    expect(choice.reason).toMatch(/couldn't be identified/);
  });

  it('uses the passphrase vault when encryption is unavailable on any platform', async () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const choice = await choose(
        platform,
        fakeSafeStorage({ available: false, backend: 'gnome_libsecret' }).storage,
      );
      expect(choice.cipher.kind).toBe('passphrase');
      expect(choice.reason).toMatch(/isn't available/);
    }
  });

  it('trusts the async availability check over the sync one', async () => {
    const choice = await choose(
      'darwin',
      fakeSafeStorage({ withAsync: true, available: true, asyncAvailable: false }).storage,
    );
    expect(choice.cipher.kind).toBe('passphrase');
  });

  it('treats a throwing availability check as unavailable, and logs it', async () => {
    const storage: SafeStorageLike = {
      ...fakeSafeStorage().storage,
      isEncryptionAvailable: () => {
        throw new Error('not ready');
      },
    };
    const { logger, lines } = recordingLogger();
    const choice = await choose('win32', storage, { logger });
    expect(choice.cipher.kind).toBe('passphrase');
    expect(lines.map((l) => l.level)).toEqual(['warn']);
  });

  it('uses the passphrase vault in browser mode (no safeStorage)', async () => {
    const choice = await choose('linux', null);
    expect(choice.cipher.kind).toBe('passphrase');
    expect(choice.reason).toMatch(/Browser mode/);
  });

  it('honours a preference for the passphrase', async () => {
    const choice = await choose('darwin', fakeSafeStorage().storage, { preferPassphrase: true });
    expect(choice.cipher.kind).toBe('passphrase');
  });

  it('keeps using an existing passphrase vault so saved keys stay readable', async () => {
    const store = new MemoryStore();
    await new PassphraseCipher(store).initialise('a long enough passphrase');
    const choice = await chooseCipher({ platform: 'darwin', safeStorage: fakeSafeStorage().storage, store });
    expect(choice.cipher.kind).toBe('passphrase');
    expect(choice.cipher.isLocked()).toBe(true);
    expect(choice.reason).toMatch(/set earlier/);
  });
});
