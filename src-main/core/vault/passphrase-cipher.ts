/**
 * The passphrase vault: API keys encrypted with a key derived from a passphrase the user chooses.
 *
 * Used in browser mode and wherever the OS keychain is missing or untrustworthy. scrypt derives a
 * 256-bit key once per unlock; each secret is sealed with AES-256-GCM under a fresh IV. The vault
 * keeps a header in the store (KDF parameters and a sealed known value) so a wrong passphrase is
 * detected before anything is decrypted or written, and a passphrase change re-encrypts every
 * secret and the header in one atomic write.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CoreError, type EnvelopeRewrite, type KeyValueStore, type RekeyableCipher } from '../ports';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from './passphrase-limits';
import {
  WrongPassphraseError,
  PassphraseTooShortError,
  PassphraseTooLongError,
  VaultLockedError,
  VaultNotInitialisedError,
  VaultAlreadyInitialisedError,
  VaultHeaderError,
  MalformedEnvelopeError,
  TamperedEnvelopeError,
  ForeignEnvelopeError,
} from './vault-errors';

/** Where the vault header lives in the store unless told otherwise. */
export const DEFAULT_VAULT_HEADER_KEY = 'passphraseVault';

const ENVELOPE_PREFIX = 'nc1:passphrase:';
const HEADER_PREFIX = 'nc1:vault:';
const CHECK_PLAINTEXT = 'notify-console passphrase vault';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// 2^15 × r=8 needs 32 MiB; the headroom lets a future header raise N a step without failing here.
const SCRYPT_MAXMEM = 256 * 1024 * 1024;

/** scrypt parameters as stored in every envelope and in the vault header. */
export interface KdfParams {
  alg: 'scrypt';
  salt: string;
  N: number;
  r: number;
  p: number;
}

const DEFAULT_KDF = { N: 2 ** 15, r: 8, p: 1 } as const;

const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'not base64url');
const kdfSchema = z.strictObject({
  alg: z.literal('scrypt'),
  salt: b64url.min(16).max(128),
  // Bounds keep a tampered header from making unlock run for minutes or exhaust memory.
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(4),
});
const sealedSchema = z.strictObject({
  iv: b64url.min(1).max(64),
  tag: b64url.min(1).max(64),
  ct: b64url.max(1_000_000),
});
const envelopeSchema = z.strictObject({ v: z.literal(1), kdf: kdfSchema, ...sealedSchema.shape });
const headerSchema = z.strictObject({ v: z.literal(1), kdf: kdfSchema, check: sealedSchema });

type Sealed = z.infer<typeof sealedSchema>;
type Header = z.infer<typeof headerSchema>;

interface Unlocked {
  key: Buffer;
  kdf: KdfParams;
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

  constructor(
    private readonly store: KeyValueStore,
    private readonly headerKey = DEFAULT_VAULT_HEADER_KEY,
  ) {}

  /** Whether a passphrase has been set in this store. */
  isInitialised(): boolean {
    return this.store.get(this.headerKey) !== undefined;
  }

  isLocked(): boolean {
    return this.unlocked === null;
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
      const next = await createVault(pass);
      await this.store.set(this.headerKey, next.header);
      this.replaceKey(next.unlocked);
    });
  }

  /** Derives the key from the passphrase; a wrong one throws {@link WrongPassphraseError}. */
  unlock(passphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const header = this.readHeader();
      const unlocked = await openVault(
        header,
        typeof passphrase === 'string' ? passphrase.normalize('NFC') : '',
      );
      this.replaceKey(unlocked);
    });
  }

  /** Forgets the derived key; encrypt and decrypt throw {@link VaultLockedError} until unlocked. */
  lock(): void {
    this.replaceKey(null);
  }

  async encrypt(plain: string): Promise<string> {
    const unlocked = this.requireUnlocked();
    const sealed = seal(unlocked.key, plain, envelopeAad(unlocked.kdf));
    return ENVELOPE_PREFIX + encodeJson({ v: 1, kdf: unlocked.kdf, ...sealed });
  }

  async decrypt(envelope: string): Promise<string> {
    return decryptWith(this.requireUnlocked(), envelope);
  }

  /**
   * Changes the passphrase and re-encrypts every envelope in `rewrite`, all or nothing.
   *
   * The old passphrase is checked first. Every envelope is decrypted and re-sealed in memory under a
   * fresh salt; only then are the new header and the re-encrypted envelopes written, in one
   * `setMany`. If any envelope cannot be read, or the write fails, nothing on disk changes and the
   * old passphrase keeps working. On success the vault is unlocked with the new passphrase.
   */
  changePassphrase(oldPassphrase: string, newPassphrase: string, rewrite?: EnvelopeRewrite): Promise<void> {
    return this.exclusive(async () => {
      const nextPass = checkPassphrase(newPassphrase);
      const header = this.readHeader();
      const old = await openVault(
        header,
        typeof oldPassphrase === 'string' ? oldPassphrase.normalize('NFC') : '',
      );
      const next = await createVault(nextPass);
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
          const sealed = seal(next.unlocked.key, plain, envelopeAad(next.unlocked.kdf));
          reencrypted.set(id, ENVELOPE_PREFIX + encodeJson({ v: 1, kdf: next.unlocked.kdf, ...sealed }));
        }
        await this.store.setMany({ ...(rewrite?.entries(reencrypted) ?? {}), [this.headerKey]: next.header });
      } catch (err) {
        old.key.fill(0);
        next.unlocked.key.fill(0);
        throw err;
      }
      old.key.fill(0);
      this.replaceKey(next.unlocked);
    });
  }

  private requireUnlocked(): Unlocked {
    if (!this.unlocked) throw new VaultLockedError();
    return this.unlocked;
  }

  private readHeader(): Header {
    const raw = this.store.get(this.headerKey);
    if (raw === undefined) throw new VaultNotInitialisedError();
    if (typeof raw !== 'string' || !raw.startsWith(HEADER_PREFIX))
      throw new VaultHeaderError('unknown format');
    const parsed = headerSchema.safeParse(decodeJson(raw.slice(HEADER_PREFIX.length)));
    if (!parsed.success) throw new VaultHeaderError(parsed.error.issues[0]?.message ?? 'unreadable');
    return parsed.data;
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

async function createVault(passphrase: string): Promise<{ header: string; unlocked: Unlocked }> {
  const kdf: KdfParams = { alg: 'scrypt', salt: randomBytes(16).toString('base64url'), ...DEFAULT_KDF };
  const key = await deriveKey(passphrase, kdf);
  const check = seal(key, CHECK_PLAINTEXT, headerAad(kdf));
  const header: Header = { v: 1, kdf, check };
  return { header: HEADER_PREFIX + encodeJson(header), unlocked: { key, kdf } };
}

async function openVault(header: Header, passphrase: string): Promise<Unlocked> {
  const key = await deriveKey(passphrase, header.kdf);
  let check: string;
  try {
    check = open(key, header.check, headerAad(header.kdf));
  } catch {
    key.fill(0);
    throw new WrongPassphraseError();
  }
  const expected = Buffer.from(CHECK_PLAINTEXT);
  const actual = Buffer.from(check);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    key.fill(0);
    throw new WrongPassphraseError();
  }
  return { key, kdf: header.kdf };
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

function deriveKey(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase,
      Buffer.from(kdf.salt, 'base64url'),
      KEY_BYTES,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: SCRYPT_MAXMEM },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

function seal(key: Buffer, plain: string, aad: Buffer): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ct: ct.toString('base64url'),
  };
}

/** Throws on any authentication failure; callers decide what that means. */
function open(key: Buffer, sealed: Sealed, aad: Buffer): string {
  const iv = Buffer.from(sealed.iv, 'base64url');
  const tag = Buffer.from(sealed.tag, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('bad iv or tag length');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}

// The AAD binds the version and KDF parameters to the ciphertext, so editing them is detected.
function envelopeAad(kdf: KdfParams): Buffer {
  return Buffer.from(`${ENVELOPE_PREFIX}v1:${kdf.alg}:${kdf.salt}:${kdf.N}:${kdf.r}:${kdf.p}`);
}

function headerAad(kdf: KdfParams): Buffer {
  return Buffer.from(`${HEADER_PREFIX}v1:${kdf.alg}:${kdf.salt}:${kdf.N}:${kdf.r}:${kdf.p}`);
}

function sameKdf(a: KdfParams, b: KdfParams): boolean {
  return a.alg === b.alg && a.salt === b.salt && a.N === b.N && a.r === b.r && a.p === b.p;
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeJson(text: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
