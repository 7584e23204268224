/**
 * The passphrase vault's key derivation: scrypt, its parameters, and the bounds a stored header or
 * envelope must stay within.
 *
 * New vaults use N = 2^17, r = 8, p = 1: OWASP's minimum for scrypt (Password Storage Cheat Sheet),
 * 128 MiB and about half a second per derivation on a laptop. Older vaults (N = 2^15) still open and
 * are re-wrapped with these parameters at their next unlock. The bounds keep a tampered header from
 * making an unlock run for minutes or take gigabytes: anything outside them is refused with a
 * sentence saying which bound, never attempted.
 */
import { scrypt } from 'node:crypto';
import { z } from 'zod';

/** scrypt parameters as stored in every envelope and in the vault header. */
export interface KdfParams {
  alg: 'scrypt';
  salt: string;
  N: number;
  r: number;
  p: number;
}

/** What a new vault, or a re-wrapped one, uses. */
export const CURRENT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;

/** The oldest vaults this console wrote used 2^15; nothing weaker is accepted. */
const MIN_LOG_N = 15;
const MAX_LOG_N = 20;
/** scrypt needs 128 × N × r bytes; above this, refuse rather than exhaust memory. */
const MAX_KDF_MEMORY_BYTES = 512 * 1024 * 1024;

const KEY_BYTES = 32;

const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'is not base64url');

export const kdfSchema = z
  .strictObject({
    alg: z.literal('scrypt', { error: 'the key derivation must be scrypt' }),
    salt: b64url.min(16, 'the salt is too short').max(128, 'the salt is too long'),
    N: z
      .number()
      .int()
      .refine((n) => n >= 2 ** MIN_LOG_N && n <= 2 ** MAX_LOG_N && (n & (n - 1)) === 0, {
        error: (issue) =>
          `scrypt's cost N is ${String(issue.input)}; it must be a power of two from 2^${MIN_LOG_N} to 2^${MAX_LOG_N}`,
      }),
    r: z
      .number()
      .int()
      .min(1, "scrypt's block size r must be from 1 to 32")
      .max(32, "scrypt's block size r must be from 1 to 32"),
    p: z
      .number()
      .int()
      .min(1, "scrypt's parallelism p must be from 1 to 4")
      .max(4, "scrypt's parallelism p must be from 1 to 4"),
  })
  .refine((k) => 128 * k.N * k.r <= MAX_KDF_MEMORY_BYTES, {
    message: `scrypt's parameters would need more than ${MAX_KDF_MEMORY_BYTES / 1024 / 1024} MiB of memory`,
  });

export function sameKdf(a: KdfParams, b: KdfParams): boolean {
  return a.alg === b.alg && a.salt === b.salt && a.N === b.N && a.r === b.r && a.p === b.p;
}

/**
 * Derives the vault key, on libuv's thread pool (the callback scrypt), so the console keeps
 * answering while it runs. `maxmem` is set from the parameters, which the schema has bounded.
 */
export function deriveKey(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const maxmem = 128 * kdf.N * kdf.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase,
      Buffer.from(kdf.salt, 'base64url'),
      KEY_BYTES,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}
