/**
 * Notify's API authentication, step for step.
 *
 * Mirrors API `app/authentication/auth.py` `requires_auth` and PyJWT 2 as Notify calls it
 * (reference §2.2): the same checks in the same order, so every failure gets Notify's message.
 * Hand-written rather than a JWT library because the order of checks *is* the behaviour.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ApiKey, Service } from './model';
import type { SandboxStore } from './store';
import { parseUuid } from './json';

const AUTH_MESSAGES = {
  noToken: 'Unauthorized: authentication token must be provided',
  noBearer: 'Unauthorized: authentication bearer scheme must be used',
  invalidToken:
    'Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header',
  noIss: 'Invalid token: iss field not provided',
  badIss: 'Invalid token: service id is not the right data type',
  serviceNotFound: 'Invalid token: service not found',
  noKeys: 'Invalid token: service has no API keys',
  archived: 'Invalid token: service is archived',
  clock: 'Error: Your system clock must be accurate to within 30 seconds',
  algorithm: 'Invalid token: algorithm used is not HS256',
  revoked: 'Invalid token: API key revoked',
  keyNotFound: 'Invalid token: API key not found',
} as const;

export class AuthError {
  constructor(
    readonly status: 401 | 403,
    readonly message: string,
  ) {}
}

export interface AuthContext {
  service: Service;
  key: ApiKey;
}

const LEEWAY_S = 30;

interface DecodedToken {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

function b64urlJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(part)) throw new Error('bad base64');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** PyJWT's unverified decode: three segments, JSON header, JSON object payload. */
function decodeUnverified(token: string): DecodedToken | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts as [string, string, string];
  try {
    const header = b64urlJson(h);
    const payload = b64urlJson(p);
    if (!isObject(header) || !isObject(payload)) return null;
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s)) return null;
    return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
  } catch {
    return null;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

type KeyOutcome = 'next' | 'ok' | { error: string };

/**
 * Tokens whose signature a key's secret has verified, with their decoded parts. Clients reuse one
 * token for every request in the same second (same iss, iat and key), so a repeat skips the base64,
 * the JSON and the HMAC; the claims are still checked each time.
 *
 * Only verified tokens are kept (a stream of distinct bad tokens costs nothing to remember), oldest
 * out first, within a byte budget rather than a count: headers are limited to 8 KB a line, and a
 * count alone would let big tokens add up.
 */
const VERIFIED = new Map<string, { tok: DecodedToken; secret: string; bytes: number }>();
const VERIFIED_CACHE_BYTES = 4 * 1024 * 1024;
let verifiedBytes = 0;

/** What a cached token costs: the token, its signing input and claims (one byte a character), and the entry. */
function cacheCost(token: string): number {
  return token.length * 3 + 256;
}

function remember(token: string, tok: DecodedToken, secret: string): void {
  const bytes = cacheCost(token);
  if (bytes > VERIFIED_CACHE_BYTES || VERIFIED.has(token)) return;
  for (const [oldest, entry] of VERIFIED) {
    if (verifiedBytes + bytes <= VERIFIED_CACHE_BYTES) break;
    VERIFIED.delete(oldest);
    verifiedBytes -= entry.bytes;
  }
  VERIFIED.set(token, { tok, secret, bytes });
  verifiedBytes += bytes;
}

/**
 * The verified-token cache's size, for `GET /_sandbox/stats`: with the heap figures there, it shows
 * that a flood of tokens costs no more than the cache's budget.
 */
export function verifiedTokenCache(): { entries: number; bytes: number } {
  return { entries: VERIFIED.size, bytes: verifiedBytes };
}

/** One key's attempt: PyJWT's decode with `algorithms=["HS256"], leeway=30`, then Notify's own iat check. */
function tryKey(
  tok: DecodedToken,
  secret: string,
  nowS: number,
  token: string,
  verified: boolean,
): KeyOutcome {
  if (tok.header.alg !== 'HS256') return { error: AUTH_MESSAGES.algorithm };
  if (!verified) {
    const expected = createHmac('sha256', secret).update(tok.signingInput).digest();
    if (expected.length !== tok.signature.length || !timingSafeEqual(expected, tok.signature)) return 'next';
    remember(token, tok, secret);
  }
  const { iat, exp, nbf, aud } = tok.payload;
  // PyJWT raises MissingRequiredClaimError for a missing iat (Notify requires it): a decode error, so the next key is tried.
  if (iat === undefined) return 'next';
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return { error: AUTH_MESSAGES.clock };
  if (exp !== undefined) {
    if (typeof exp !== 'number') return { error: AUTH_MESSAGES.invalidToken };
    if (exp <= nowS - LEEWAY_S) return { error: AUTH_MESSAGES.invalidToken };
  }
  if (nbf !== undefined) {
    if (typeof nbf !== 'number') return { error: AUTH_MESSAGES.invalidToken };
    if (nbf > nowS + LEEWAY_S) return { error: AUTH_MESSAGES.clock };
  }
  if (aud !== undefined) return { error: AUTH_MESSAGES.invalidToken };
  const iatS = Math.trunc(iat);
  if (iatS > nowS + LEEWAY_S || nowS > iatS + LEEWAY_S) return { error: AUTH_MESSAGES.clock };
  return 'ok';
}

/**
 * Authenticates a request's Authorization header against the store.
 *
 * Returns the service and the key that signed the token, or the AuthError Notify would raise.
 */
export function authenticate(
  header: string | undefined,
  store: SandboxStore,
  nowMs: number,
): AuthContext | AuthError {
  if (!header) return new AuthError(401, AUTH_MESSAGES.noToken);
  if (header.slice(0, 7).toLowerCase() !== 'bearer ') return new AuthError(401, AUTH_MESSAGES.noBearer);
  const token = header.slice(7);
  const known = VERIFIED.get(token);
  const tok = known?.tok ?? decodeUnverified(token);
  if (!tok) return new AuthError(403, AUTH_MESSAGES.invalidToken);
  // `"iss" not in unverified`: a present `null` passes this check and fails the UUID one.
  if (!Object.hasOwn(tok.payload, 'iss')) return new AuthError(403, AUTH_MESSAGES.noIss);
  const iss = tok.payload.iss;
  const serviceId = parseUuid(iss);
  if (!serviceId) return new AuthError(403, AUTH_MESSAGES.badIss);
  const service = store.services.get(serviceId);
  if (!service) return new AuthError(403, AUTH_MESSAGES.serviceNotFound);
  const keys = store.candidateKeys(serviceId, nowMs);
  if (keys.length === 0) return new AuthError(403, AUTH_MESSAGES.noKeys);
  if (!service.active) return new AuthError(403, AUTH_MESSAGES.archived);
  const nowS = Math.floor(nowMs / 1000);
  for (const key of keys) {
    // A token verified before can only verify with that secret: skip the others' HMACs.
    if (known !== undefined && key.secret !== known.secret) continue;
    const outcome = tryKey(tok, key.secret, nowS, token, known !== undefined);
    if (outcome === 'next') continue;
    if (outcome !== 'ok') return new AuthError(403, outcome.error);
    if (key.revokedAt !== null) return new AuthError(403, AUTH_MESSAGES.revoked);
    return { service, key };
  }
  return new AuthError(403, AUTH_MESSAGES.keyNotFound);
}

/** Builds an API key string `{name}-{service_id}-{secret}` with the admin site's name formatting. */
export function formatApiKey(key: Pick<ApiKey, 'name' | 'serviceId' | 'secret'>): string {
  const name = key.name.toLowerCase().replace(/\s+/g, '_');
  return `${name}-${key.serviceId}-${key.secret}`;
}
