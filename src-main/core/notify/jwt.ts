/**
 * Notify's request tokens: an HS256 JWT with `iss` (service id) and `iat` (seconds), made with jose.
 *
 * Follows the official clients exactly (reference §2.1–2.2): the key is split from its end, the
 * 36-character secret string itself is the HMAC key, and the header is `{"alg":"HS256","typ":"JWT"}`.
 * A token is reused for a few seconds because signing is cheap but not free, and Notify accepts
 * an `iat` up to 30 seconds old.
 */
import { SignJWT } from 'jose';

/** The claims Notify reads, as the request log shows them (never the signature). */
export type JwtClaims = { iss: string; iat: number };

/**
 * Makes (and briefly reuses) request tokens for one API key.
 *
 * Reuse stops after `maxAgeMs`, and whenever the clock goes backwards, so a token is never older
 * than a few seconds when it leaves.
 */
export class TokenSource {
  // #private so that inspecting a client never prints the signing key or a token.
  #cached: { jwt: string; claims: JwtClaims; madeAtMs: number } | null = null;
  readonly #key: Uint8Array;

  constructor(
    private readonly serviceId: string,
    secret: string,
    private readonly clock: () => number,
    private readonly maxAgeMs = 5_000,
  ) {
    this.#key = new TextEncoder().encode(secret);
  }

  /** A token and the claims it carries. */
  async token(): Promise<{ jwt: string; claims: JwtClaims }> {
    const now = this.clock();
    const c = this.#cached;
    if (c && now >= c.madeAtMs && now - c.madeAtMs < this.maxAgeMs) return { jwt: c.jwt, claims: c.claims };
    const claims: JwtClaims = { iss: this.serviceId, iat: Math.floor(now / 1000) };
    const jwt = await new SignJWT({ iss: claims.iss, iat: claims.iat })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(this.#key);
    this.#cached = { jwt, claims, madeAtMs: now };
    return { jwt, claims };
  }
}
