/**
 * The passphrase vault's header: its KDF parameters and a known value sealed with the derived key,
 * so a wrong passphrase is found before anything is decrypted or written.
 *
 * Version 2 adds a SHA-256 digest of the rest, so a header edited or damaged on disk is reported
 * as tampered (whatever passphrase is typed) instead of as a wrong passphrase. Version 1 headers
 * (no digest, N = 2^15) still open and are rewritten as version 2 at the next unlock.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CURRENT_KDF, deriveKey, kdfSchema, type KdfParams } from './kdf';
import { decodeJson, encodeJson, open, seal, sealedSchema } from './sealing';
import { VaultHeaderError, WrongPassphraseError } from './vault-errors';

const HEADER_PREFIX = 'nc1:vault:';
const CHECK_PLAINTEXT = 'notify-console passphrase vault';

const headerV1 = z.strictObject({ v: z.literal(1), kdf: kdfSchema, check: sealedSchema });
const headerV2 = z.strictObject({
  v: z.literal(2),
  kdf: kdfSchema,
  check: sealedSchema,
  digest: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the digest is not a SHA-256'),
});
const headerSchema = z.discriminatedUnion('v', [headerV1, headerV2], {
  error: 'the header is of an unknown version',
});
export type VaultHeader = z.infer<typeof headerSchema>;

/** The vault's key once unlocked, and the parameters it was derived with. */
export interface Unlocked {
  key: Buffer;
  kdf: KdfParams;
}

/** Reads a stored header; throws {@link VaultHeaderError} saying what is wrong with it. */
export function parseHeader(raw: unknown): VaultHeader {
  if (typeof raw !== 'string' || !raw.startsWith(HEADER_PREFIX)) throw new VaultHeaderError('unknown format');
  const parsed = headerSchema.safeParse(decodeJson(raw.slice(HEADER_PREFIX.length)));
  if (!parsed.success) throw new VaultHeaderError(parsed.error.issues[0]?.message ?? 'unreadable');
  const header = parsed.data;
  if (header.v === 2) {
    const expected = Buffer.from(digestOf(header.kdf, header.check), 'base64url');
    const actual = Buffer.from(header.digest, 'base64url');
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw new VaultHeaderError('its checksum does not match: it was changed after it was written', true);
    }
  }
  return header;
}

/** Whether the header should be rewritten (an older version, or weaker KDF parameters). */
export function headerIsOutdated(header: VaultHeader): boolean {
  return header.v !== 2 || header.kdf.N < CURRENT_KDF.N || header.kdf.r < CURRENT_KDF.r;
}

/** A new header for `passphrase`, under a fresh salt and the current KDF parameters. */
export async function createHeader(passphrase: string): Promise<{ header: string; unlocked: Unlocked }> {
  const kdf: KdfParams = { alg: 'scrypt', salt: randomBytes(16).toString('base64url'), ...CURRENT_KDF };
  const key = await deriveKey(passphrase, kdf);
  const check = seal(key, CHECK_PLAINTEXT, headerAad(2, kdf));
  const header = { v: 2, kdf, check, digest: digestOf(kdf, check) };
  return { header: HEADER_PREFIX + encodeJson(header), unlocked: { key, kdf } };
}

/** Derives the key and checks it against the header; a wrong passphrase throws {@link WrongPassphraseError}. */
export async function openHeader(header: VaultHeader, passphrase: string): Promise<Unlocked> {
  const key = await deriveKey(passphrase, header.kdf);
  let check: string;
  try {
    check = open(key, header.check, headerAad(header.v, header.kdf));
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

// The AAD binds the version and KDF parameters to the sealed check value.
function headerAad(v: 1 | 2, kdf: KdfParams): Buffer {
  return Buffer.from(`${HEADER_PREFIX}v${v}:${kdf.alg}:${kdf.salt}:${kdf.N}:${kdf.r}:${kdf.p}`);
}

function digestOf(kdf: KdfParams, check: { iv: string; tag: string; ct: string }): string {
  const canonical = JSON.stringify([
    2,
    kdf.alg,
    kdf.salt,
    kdf.N,
    kdf.r,
    kdf.p,
    check.iv,
    check.tag,
    check.ct,
  ]);
  return createHash('sha256').update(canonical).digest('base64url');
}
