/**
 * The passphrase vault: API keys encrypted with a key derived from a passphrase the user chooses.
 *
 * Used in browser mode and wherever the OS keychain is missing or untrustworthy. scrypt derives a
 * 256-bit key once per unlock (./kdf.ts, off the event loop); each secret is sealed with AES-256-GCM
 * under a fresh IV. The vault keeps a header in the store (./vault-header.ts) so a wrong passphrase
 * is detected before anything is decrypted or written, and a tampered header is told apart from one.
 * Wrong passphrases slow the next attempt down (./unlock-throttle.ts). A passphrase change, and the
 * re-wrap of a vault made with older parameters at its next unlock, re-encrypt every secret and the
 * header in one atomic write.
 */
import { z } from 'zod';
import {
  CoreError,
  silentLogger,
  type EnvelopeRewrite,
  type KeyValueStore,
  type Logger,
  type RekeyableCipher,
} from '../ports';
import { kdfSchema, sameKdf, type KdfParams } from './kdf';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from './passphrase-limits';
import { decodeJson, encodeJson, open, seal, sealedSchema } from './sealing';
import { UnlockThrottle } from './unlock-throttle';
import {
  createHeader,
  headerIsOutdated,
  openHeader,
  parseHeader,
  type Unlocked,
  type VaultHeader,
} from './vault-header';
import {
  WrongPassphraseError,
  PassphraseTooShortError,
  PassphraseTooLongError,
  UnlockThrottledError,
  VaultLockedError,
  VaultNotInitialisedError,
  VaultAlreadyInitialisedError,
  MalformedEnvelopeError,
  TamperedEnvelopeError,
  ForeignEnvelopeError,
} from './vault-errors';

/** Where the vault header lives in the store unless told otherwise. */
export const DEFAULT_VAULT_HEADER_KEY = 'passphraseVault';

const ENVELOPE_PREFIX = 'nc1:passphrase:';
const envelopeSchema = z.strictObject({ v: z.literal(1), kdf: kdfSchema, ...sealedSchema.shape });

interface PassphraseCipherOptions {
  headerKey?: string;
  /** The clock the unlock throttle reads. */
  now?: () => number;
  logger?: Logger;
}

/**
 * A {@link RekeyableCipher} keyed by the user's passphrase.
 *
 * Starts locked. `initialise` sets the first passphrase, `unlock` derives the key from it, `lock`
 * forgets the key. The passphrase itself is never kept.
 */
export class PassphraseCipher implements RekeyableCipher {
  readonly kind = 'passphrase' as const;
  private unlocked: Unlocked | null = null;
  // Serialises operations that change the header, so two passphrase changes cannot interleave.
  private queue: Promise<unknown> = Promise.resolve();
  private readonly headerKey: string;
  private readonly throttle: UnlockThrottle;
  private readonly logger: Logger;

  constructor(
    private readonly store: KeyValueStore,
    options: PassphraseCipherOptions = {},
  ) {
    this.headerKey = options.headerKey ?? DEFAULT_VAULT_HEADER_KEY;
    this.throttle = new UnlockThrottle(options.now);
    this.logger = options.logger ?? silentLogger;
  }

  /** Whether a passphrase has been set in this store. */
  isInitialised(): boolean {
    return this.store.get(this.headerKey) !== undefined;
  }

  isLocked(): boolean {
    return this.unlocked === null;
  }

  /** Why the stored header cannot be used (tampered, out of range), or null when it can or there is none. */
  headerProblem(): string | null {
    if (!this.isInitialised()) return null;
    try {
      this.readHeader();
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  /**
   * Sets the first passphrase and leaves the vault unlocked.
   *
   * Refuses if a vault already exists, so an existing passphrase can never be overwritten by
   * accident (that would orphan every stored key).
   */
  initialise(passphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const pass = checkPassphrase(passphrase);
      if (this.isInitialised()) throw new VaultAlreadyInitialisedError();
      const next = await createHeader(pass);
      await this.store.set(this.headerKey, next.header);
      this.replaceKey(next.unlocked);
    });
  }

  /**
   * Derives the key from the passphrase; a wrong one throws {@link WrongPassphraseError} (saying how
   * long the next attempt must wait), an attempt during that wait {@link UnlockThrottledError}.
   *
   * A vault made with older parameters is re-wrapped with the current ones, `rewrite`'s envelopes
   * with it, in one write; if that write fails the vault is still unlocked and the re-wrap is tried
   * again at the next unlock.
   */
  unlock(passphrase: string, rewrite?: EnvelopeRewrite): Promise<void> {
    return this.exclusive(async () => {
      const header = this.readHeader();
      const pass = typeof passphrase === 'string' ? passphrase.normalize('NFC') : '';
      const unlocked = await this.openThrottled(header, pass);
      this.replaceKey(unlocked);
      if (!headerIsOutdated(header)) return;
      try {
        await this.rewrap(unlocked, pass, rewrite);
        this.logger.info('vault re-wrapped with current key derivation parameters', {
          keys: rewrite?.envelopes.size ?? 0,
        });
      } catch (err) {
        this.logger.warn('could not re-wrap the vault; it stays as it was and is tried again next unlock', {
          error: err instanceof Error ? err.message : String(err),
        });
      }
    });
  }

  /** Forgets the derived key; encrypt and decrypt throw {@link VaultLockedError} until unlocked. */
  lock(): void {
    this.replaceKey(null);
  }

  async encrypt(plain: string): Promise<string> {
    return sealEnvelope(this.requireUnlocked(), plain);
  }

  async decrypt(envelope: string): Promise<string> {
    return decryptWith(this.requireUnlocked(), envelope);
  }

  /**
   * Changes the passphrase and re-encrypts every envelope in `rewrite`, all or nothing.
   *
   * The old passphrase is checked first (and counts towards the unlock throttle). Every envelope is
   * decrypted and re-sealed in memory under a fresh salt; only then are the new header and the
   * re-encrypted envelopes written, in one `setMany`. If any envelope cannot be read, or the write
   * fails, nothing on disk changes and the old passphrase keeps working. On success the vault is
   * unlocked with the new passphrase.
   */
  changePassphrase(oldPassphrase: string, newPassphrase: string, rewrite?: EnvelopeRewrite): Promise<void> {
    return this.exclusive(async () => {
      const nextPass = checkPassphrase(newPassphrase);
      const header = this.readHeader();
      const old = await this.openThrottled(
        header,
        typeof oldPassphrase === 'string' ? oldPassphrase.normalize('NFC') : '',
      );
      try {
        await this.rewrap(old, nextPass, rewrite);
      } finally {
        if (this.unlocked !== old) old.key.fill(0);
      }
    });
  }

  /** Seals every envelope under a new header for `passphrase`, writes all at once, and switches to it. */
  private async rewrap(old: Unlocked, passphrase: string, rewrite?: EnvelopeRewrite): Promise<void> {
    const next = await createHeader(passphrase);
    const reencrypted = new Map<string, string>();
    try {
      for (const [id, envelope] of rewrite?.envelopes ?? []) {
        let plain: string;
        try {
          plain = decryptWith(old, envelope);
        } catch (err) {
          if (err instanceof CoreError) {
            throw new CoreError(
              err.code,
              `${err.message} The passphrase was not changed: fix or remove that key first.`,
              { id },
              { cause: err },
            );
          }
          throw err;
        }
        reencrypted.set(id, sealEnvelope(next.unlocked, plain));
      }
      await this.store.setMany({ ...(rewrite?.entries(reencrypted) ?? {}), [this.headerKey]: next.header });
    } catch (err) {
      next.unlocked.key.fill(0);
      throw err;
    }
    this.replaceKey(next.unlocked);
  }

  private async openThrottled(header: VaultHeader, passphrase: string): Promise<Unlocked> {
    const wait = this.throttle.waitMs();
    if (wait > 0) throw new UnlockThrottledError(wait);
    try {
      const unlocked = await openHeader(header, passphrase);
      this.throttle.succeeded();
      return unlocked;
    } catch (err) {
      if (err instanceof WrongPassphraseError) throw new WrongPassphraseError(this.throttle.failed());
      throw err;
    }
  }

  private requireUnlocked(): Unlocked {
    if (!this.unlocked) throw new VaultLockedError();
    return this.unlocked;
  }

  private readHeader(): VaultHeader {
    const raw = this.store.get(this.headerKey);
    if (raw === undefined) throw new VaultNotInitialisedError();
    return parseHeader(raw);
  }

  private replaceKey(next: Unlocked | null): void {
    // Best effort: zero the old key bytes; JavaScript gives no stronger guarantee than this.
    if (this.unlocked && this.unlocked !== next) this.unlocked.key.fill(0);
    this.unlocked = next;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function checkPassphrase(passphrase: unknown): string {
  // NFC so the same passphrase typed on different systems (composed vs decomposed accents) matches.
  const pass = typeof passphrase === 'string' ? passphrase.normalize('NFC') : '';
  const length = [...pass].length;
  if (length < MIN_PASSPHRASE_LENGTH) throw new PassphraseTooShortError(length);
  if (length > MAX_PASSPHRASE_LENGTH) throw new PassphraseTooLongError();
  return pass;
}

function sealEnvelope(unlocked: Unlocked, plain: string): string {
  const sealed = seal(unlocked.key, plain, envelopeAad(unlocked.kdf));
  return ENVELOPE_PREFIX + encodeJson({ v: 1, kdf: unlocked.kdf, ...sealed });
}

function decryptWith(unlocked: Unlocked, envelope: string): string {
  if (typeof envelope !== 'string' || !envelope.startsWith(ENVELOPE_PREFIX)) {
    throw new MalformedEnvelopeError(
      typeof envelope === 'string' && envelope.startsWith('nc1:os:')
        ? 'it was encrypted by the OS keychain, not the passphrase vault'
        : 'unknown format',
    );
  }
  const parsed = envelopeSchema.safeParse(decodeJson(envelope.slice(ENVELOPE_PREFIX.length)));
  if (!parsed.success) throw new MalformedEnvelopeError(parsed.error.issues[0]?.message ?? 'unreadable');
  const { kdf, iv, tag, ct } = parsed.data;
  if (!sameKdf(kdf, unlocked.kdf)) throw new ForeignEnvelopeError();
  try {
    return open(unlocked.key, { iv, tag, ct }, envelopeAad(kdf));
  } catch {
    throw new TamperedEnvelopeError();
  }
}

// The AAD binds the version and KDF parameters to the ciphertext, so editing them is detected.
function envelopeAad(kdf: KdfParams): Buffer {
  return Buffer.from(`${ENVELOPE_PREFIX}v1:${kdf.alg}:${kdf.salt}:${kdf.N}:${kdf.r}:${kdf.p}`);
}
