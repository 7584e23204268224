/**
 * A passphrase vault exactly as the console wrote it before issue 8.9: a version 1 header (no
 * checksum) and envelopes derived with scrypt N = 2^15. Built here byte for byte from the old
 * format, so tests can check such vaults still open and are re-wrapped.
 */
import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';

export function legacyVaultParts(
  passphrase: string,
  secrets: Record<string, string>,
): { header: string; envelopes: Record<string, string> } {
  const kdf = { alg: 'scrypt', salt: randomBytes(16).toString('base64url'), N: 2 ** 15, r: 8, p: 1 };
  const key = scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64url'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 64 * 1024 * 1024,
  });
  const seal = (plain: string, aad: string) => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(Buffer.from(aad));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return {
      iv: iv.toString('base64url'),
      tag: c.getAuthTag().toString('base64url'),
      ct: ct.toString('base64url'),
    };
  };
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const params = `scrypt:${kdf.salt}:${kdf.N}:${kdf.r}:${kdf.p}`;
  const header = { v: 1, kdf, check: seal('notify-console passphrase vault', `nc1:vault:v1:${params}`) };
  const envelopes = Object.fromEntries(
    Object.entries(secrets).map(([id, plain]) => [
      id,
      `nc1:passphrase:${b64({ v: 1, kdf, ...seal(plain, `nc1:passphrase:v1:${params}`) })}`,
    ]),
  );
  return { header: `nc1:vault:${b64(header)}`, envelopes };
}
