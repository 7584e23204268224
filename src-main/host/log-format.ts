/**
 * The console's log line, the same in the desktop app (electron-log writes it) and in browser mode
 * (./file-log.ts writes it): `2026-12-03T11:55:02.123Z [warn] message {"key":"value"}`, one line,
 * secrets masked.
 *
 * Callers are asked never to log a secret (core/ports.ts `Logger`); this is the net under that
 * promise: API keys (masked as Notify's own key list shows them: the name and the last 4), JWTs,
 * bearer tokens, the sandbox's control secret and the browser session token (registered with
 * {@link Redactor.addSecret}), passphrase vault envelopes, and any field whose name says it holds a
 * secret (`apiKey`, `token`, `secret`, `passphrase`, `authorization`…).
 */
import { maskedKey, parseApiKey } from '../../src-shared/notify/api-key';

export type LogLevel = 'info' | 'warn' | 'error';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A Notify API key: a name, the service id and the secret, joined by dashes. */
const API_KEY = new RegExp(`[A-Za-z0-9_.-]*-${UUID}-${UUID}`, 'gi');
/** A JWT: three base64url parts, the first two JSON objects. */
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[^\s"',;]+/gi;
/** The vault's sealed values: ciphertext, but nothing a log needs. */
const ENVELOPE = /nc1:(?:passphrase|os|vault):[A-Za-z0-9_+/=-]+/g;
const SECRET_FIELD = /(?:api[-_]?key|secret|token|passphrase|password|authori[sz]ation|envelope|cookie)/i;

export class Redactor {
  private readonly secrets = new Set<string>();

  /** A value that must never appear in the log (the control secret, the session token). */
  addSecret(secret: string): void {
    if (secret.length >= 8) this.secrets.add(secret);
  }

  text(value: string): string {
    let out = value;
    for (const s of this.secrets) out = out.split(s).join('[secret]');
    return out
      .replace(JWT, '[JWT]')
      .replace(BEARER, '$1 [token]')
      .replace(ENVELOPE, '[sealed]')
      .replace(API_KEY, (key) => {
        const parsed = parseApiKey(key);
        return parsed.ok
          ? `[API key ${maskedKey({ name: parsed.key.name, serviceId: parsed.key.serviceId, last4: parsed.key.secretLast4 })}]`
          : '[API key]';
      });
  }

  /** A copy of `data` with secret-named fields dropped to `[redacted]` and every string masked. */
  data(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > 6) return '[…]';
    if (value instanceof Error) return this.text(value.message);
    if (Array.isArray(value)) return value.slice(0, 50).map((v) => this.data(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = SECRET_FIELD.test(k) ? '[redacted]' : this.data(v, depth + 1);
    return out;
  }
}

/** One log line, masked, without the trailing newline. */
export function formatLogLine(
  redactor: Redactor,
  level: LogLevel,
  msg: string,
  data: Record<string, unknown> | undefined,
  at: Date,
): string {
  const fields = data && Object.keys(data).length > 0 ? ` ${JSON.stringify(redactor.data(data))}` : '';
  // One entry per line: a message with line breaks cannot forge a second entry.
  return `${at.toISOString()} [${level}] ${redactor.text(msg)}${fields}`.replace(/[\r\n]+/g, ' ⏎ ');
}
