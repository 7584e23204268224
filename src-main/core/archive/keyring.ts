/**
 * The archive's keys and its record envelope.
 *
 * Key hierarchy: a random 256-bit data key, stored only wrapped by the console's vault (the
 * `SecretCipher` that protects API keys). Two subkeys are derived from it with HKDF-SHA-256: one
 * encrypts records (AES-256-GCM), one keys the HMAC-SHA-256 search hashes. A key check value (an
 * HMAC of a fixed label) tells a wrong key from damaged records before anything is read.
 *
 * Record envelope (a BLOB): `01` version, a flags byte (bit 0: deflated), a 12-byte random nonce,
 * the ciphertext, the 16-byte tag. The associated data binds the version, the flags and the
 * notification id, so an envelope copied onto another row does not open.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const DATA_KEY_PREFIX = 'nc-archive-dk1:';
const ENVELOPE_VERSION = 1;
const FLAG_DEFLATED = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 2;
/** Hashes are cut to 128 bits: ample for exact-match lookups, half the index size. */
const HASH_BYTES = 16;
/** An authenticated record never inflates past this (records are capped at 4 MB before sealing). */
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
/** Records smaller than this are stored as they are: deflate saves little on them. */
const DEFLATE_FROM_BYTES = 256;

/** The unwrapped keys of one archive. */
export interface ArchiveKeys {
  readonly recordKey: Buffer;
  readonly hashKey: Buffer;
  readonly check: Buffer;
}

/** A fresh data key, and the string the vault encrypts to store it. */
export function newDataKey(): { dataKey: Buffer; plain: string } {
  const dataKey = randomBytes(32);
  return { dataKey, plain: DATA_KEY_PREFIX + dataKey.toString('base64url') };
}

/** The data key inside the vault's plaintext, or null when it is not one of ours. */
export function parseDataKey(plain: string): Buffer | null {
  if (!plain.startsWith(DATA_KEY_PREFIX)) return null;
  const key = Buffer.from(plain.slice(DATA_KEY_PREFIX.length), 'base64url');
  return key.length === 32 ? key : null;
}

/** Derives the record and hash subkeys; `salt` is the archive's own random id. */
export function deriveKeys(dataKey: Buffer, salt: Buffer): ArchiveKeys {
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', dataKey, salt, info, 32));
  const hashKey = sub('notify-console archive search-hash v1');
  return {
    recordKey: sub('notify-console archive record v1'),
    hashKey,
    check: createHmac('sha256', hashKey).update('notify-console archive key check').digest().subarray(0, 16),
  };
}

/** Whether a stored key check value matches these keys (constant time). */
export function checkMatches(keys: ArchiveKeys, stored: Buffer): boolean {
  return stored.length === keys.check.length && timingSafeEqual(stored, keys.check);
}

/** Zeroes key bytes; JavaScript promises no more than this. */
export function forgetKeys(keys: ArchiveKeys): void {
  keys.recordKey.fill(0);
  keys.hashKey.fill(0);
}

/**
 * The keyed hash a search term is stored and looked up by. `kind` separates recipients from
 * references, so the same text in both never shares a hash.
 */
export function searchHash(keys: ArchiveKeys, kind: 'recipient' | 'reference', term: string): Buffer {
  return createHmac('sha256', keys.hashKey)
    .update(`${kind}\u0000${term}`, 'utf8')
    .digest()
    .subarray(0, HASH_BYTES);
}

function aad(version: number, flags: number, id: string): Buffer {
  return Buffer.concat([
    Buffer.from('nc-archive-record'),
    Buffer.from([version, flags]),
    Buffer.from(id, 'utf8'),
  ]);
}

/** Encrypts one record's JSON for the row of notification `id`. */
export function sealRecord(keys: ArchiveKeys, id: string, json: string): Buffer {
  let plain = Buffer.from(json, 'utf8');
  let flags = 0;
  if (plain.length >= DEFLATE_FROM_BYTES) {
    const packed = deflateRawSync(plain, { level: 6 });
    if (packed.length < plain.length) {
      plain = packed;
      flags |= FLAG_DEFLATED;
    }
  }
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.recordKey, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(ENVELOPE_VERSION, flags, id));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([ENVELOPE_VERSION, flags]), nonce, body, cipher.getAuthTag()]);
}

/** Decrypts a record envelope; null when it does not authenticate (damaged, or another row's). */
export function openRecord(keys: ArchiveKeys, id: string, envelope: Buffer): string | null {
  if (envelope.length < HEADER_BYTES + NONCE_BYTES + TAG_BYTES) return null;
  const version = envelope[0]!;
  const flags = envelope[1]!;
  if (version !== ENVELOPE_VERSION || (flags & ~FLAG_DEFLATED) !== 0) return null;
  const nonce = envelope.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
  const tag = envelope.subarray(envelope.length - TAG_BYTES);
  const body = envelope.subarray(HEADER_BYTES + NONCE_BYTES, envelope.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.recordKey, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(version, flags, id));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(body), decipher.final()]);
    return (
      flags & FLAG_DEFLATED ? inflateRawSync(plain, { maxOutputLength: MAX_INFLATED_BYTES }) : plain
    ).toString('utf8');
  } catch {
    return null;
  }
}
