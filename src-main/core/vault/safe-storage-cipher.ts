/**
 * The OS-keychain cipher (Electron's `safeStorage`) and the choice between it and the passphrase vault.
 *
 * safeStorage is injected through {@link SafeStorageLike}, so this file never imports Electron and
 * runs in plain-Node tests with a fake. On Linux, safeStorage silently falls back to a hard-coded
 * password when no secret service is running (`basic_text`); that is obfuscation, not encryption, so
 * {@link chooseCipher} refuses it and explains why, as ARCHITECTURE.md "Secrets" asks.
 */
import { CoreError, silentLogger, type KeyValueStore, type Logger, type SecretCipher } from '../ports';
import { DEFAULT_VAULT_HEADER_KEY, PassphraseCipher } from './passphrase-cipher';
import { MalformedEnvelopeError } from './vault-errors';

/** The part of Electron's `safeStorage` this cipher uses; Electron's object satisfies it as is. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  decryptStringAsync?(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt?: boolean } | string>;
}

const ENVELOPE_PREFIX = 'nc1:os:';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The keychain refused to encrypt or decrypt; the RPC layer passes its code and message on. */
class KeychainError extends CoreError {
  override name = 'KeychainError';
}

/**
 * A {@link SecretCipher} backed by the operating system's keychain.
 *
 * Never locked: the OS unlocks the keychain with the user's login. Uses the asynchronous safeStorage
 * API where Electron provides it (the synchronous one is deprecated and can block the main process
 * on a keychain prompt).
 */
class SafeStorageCipher implements SecretCipher {
  readonly kind = 'os-keychain' as const;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly logger: Logger = silentLogger,
  ) {}

  isLocked(): boolean {
    return false;
  }

  async encrypt(plain: string): Promise<string> {
    let encrypted: Buffer;
    try {
      encrypted = this.safeStorage.encryptStringAsync
        ? await this.safeStorage.encryptStringAsync(plain)
        : this.safeStorage.encryptString(plain);
    } catch (err) {
      throw new KeychainError(
        'keychain_encrypt_failed',
        'The OS keychain could not encrypt the key, so it was not saved. Check that your keychain is unlocked and try again.',
        undefined,
        { cause: err },
      );
    }
    return ENVELOPE_PREFIX + Buffer.from(encrypted).toString('base64');
  }

  async decrypt(envelope: string): Promise<string> {
    if (typeof envelope !== 'string' || !envelope.startsWith(ENVELOPE_PREFIX)) {
      throw new MalformedEnvelopeError(
        typeof envelope === 'string' && envelope.startsWith('nc1:passphrase:')
          ? 'it was encrypted by the passphrase vault, not the OS keychain'
          : 'unknown format',
      );
    }
    const body = envelope.slice(ENVELOPE_PREFIX.length);
    if (body.length === 0 || !BASE64.test(body)) throw new MalformedEnvelopeError('not base64');
    const encrypted = Buffer.from(body, 'base64');
    let result: string;
    try {
      if (this.safeStorage.decryptStringAsync) {
        const out = await this.safeStorage.decryptStringAsync(encrypted);
        if (typeof out === 'string') {
          result = out;
        } else {
          result = out.result;
          if (out.shouldReEncrypt) {
            // Electron rotated its key; the envelope still works. Re-encrypting is the owner's job.
            this.logger.info('safeStorage suggests re-encrypting a stored key');
          }
        }
      } else {
        result = this.safeStorage.decryptString(encrypted);
      }
    } catch (err) {
      throw new KeychainError(
        'keychain_decrypt_failed',
        'The OS keychain could not decrypt this key. It may have been saved under another user account or computer, or the keychain was reset. Re-enter the key.',
        undefined,
        { cause: err },
      );
    }
    if (typeof result !== 'string') {
      throw new KeychainError(
        'keychain_decrypt_failed',
        'The OS keychain returned no key. Re-enter the key.',
      );
    }
    return result;
  }
}

/** The cipher to use and one sentence, for the UI, saying why. */
interface CipherChoice {
  cipher: SecretCipher;
  reason: string;
}

interface ChooseCipherOptions {
  platform: NodeJS.Platform;
  /** Electron's safeStorage, or null where there is none (browser mode). */
  safeStorage: SafeStorageLike | null;
  /** The settings store: the passphrase vault keeps its header here. */
  store: KeyValueStore;
  /** The user asked for a passphrase even though a keychain is available. */
  preferPassphrase?: boolean;
  vaultHeaderKey?: string;
  logger?: Logger;
  /** The clock the passphrase vault's unlock throttle reads. */
  now?: () => number;
}

const PLATFORM_KEYCHAINS: Readonly<Record<string, string>> = {
  darwin: 'the macOS Keychain',
  win32: 'Windows (DPAPI)',
};
// Every backend Electron reports except `basic_text` and `unknown`, which are not real keychains.
const LINUX_KEYCHAINS: Readonly<Record<string, string>> = {
  gnome_libsecret: 'the GNOME keyring (libsecret)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet',
  kwallet6: 'KWallet',
};

/**
 * Chooses the OS keychain or the passphrase vault, and says why.
 *
 * A vault that already holds a header keeps being used, so switching machines' keychain state
 * never strands keys the user saved under a passphrase. Otherwise the keychain wins when it is
 * available and real; on Linux `basic_text` and `unknown` backends count as not real.
 */
export async function chooseCipher(options: ChooseCipherOptions): Promise<CipherChoice> {
  const { platform, safeStorage, store, logger = silentLogger } = options;
  const vault = (reason: string): CipherChoice => ({
    cipher: new PassphraseCipher(store, {
      headerKey: options.vaultHeaderKey ?? DEFAULT_VAULT_HEADER_KEY,
      logger,
      ...(options.now ? { now: options.now } : {}),
    }),
    reason,
  });

  if (store.get(options.vaultHeaderKey ?? DEFAULT_VAULT_HEADER_KEY) !== undefined) {
    return vault('Your API keys are protected by the passphrase you set earlier, so it stays in use.');
  }
  if (options.preferPassphrase) {
    return vault('Your API keys are protected by a passphrase, as you chose in settings.');
  }
  if (!safeStorage) {
    return vault(
      'Browser mode cannot reach the operating system keychain, so your API keys are protected by a passphrase you choose.',
    );
  }

  let available: boolean;
  try {
    available = safeStorage.isAsyncEncryptionAvailable
      ? await safeStorage.isAsyncEncryptionAvailable()
      : safeStorage.isEncryptionAvailable();
  } catch (err) {
    logger.warn('safeStorage availability check failed', {
      error: err instanceof Error ? err.message : String(err),
    });
    available = false;
  }
  if (!available) {
    return vault(
      "The operating system keychain isn't available, so your API keys are protected by a passphrase you choose.",
    );
  }

  if (platform === 'linux') {
    let backend = 'unknown';
    try {
      backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    } catch {
      backend = 'unknown';
    }
    if (backend === 'basic_text') {
      return vault(
        'No Linux secret service (GNOME Keyring or KWallet) is running, and without one Electron would store keys under a fixed, publicly known password, so your API keys are protected by a passphrase you choose.',
      );
    }
    const keychain = Object.hasOwn(LINUX_KEYCHAINS, backend) ? LINUX_KEYCHAINS[backend] : undefined;
    if (keychain === undefined) {
      return vault(
        "The Linux keychain in use couldn't be identified, so your API keys are protected by a passphrase you choose.",
      );
    }
    return {
      cipher: new SafeStorageCipher(safeStorage, logger),
      reason: `Your API keys are encrypted by ${keychain}.`,
    };
  }
  const name =
    (Object.hasOwn(PLATFORM_KEYCHAINS, platform) ? PLATFORM_KEYCHAINS[platform] : undefined) ??
    'the operating system keychain';
  return {
    cipher: new SafeStorageCipher(safeStorage, logger),
    reason: `Your API keys are encrypted by ${name}.`,
  };
}
