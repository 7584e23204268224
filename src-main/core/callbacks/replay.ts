/**
 * Callback replay: POSTs a notification's delivery-status callback to the developer's own endpoint,
 * as Notify would ("stripe listen" for Notify: Notify cannot reach a developer's localhost).
 *
 * The body is byte for byte what Notify sends (Python `json.dumps` of the payload, reference §7.6),
 * with `Content-Type: application/json` and, when a token is given, `Authorization: Bearer <token>`.
 * URLs are checked before anything is sent: `https://` anywhere, `http://` only on this computer
 * (localhost, 127.0.0.0/8, [::1]), never credentials in the URL. Redirects are never followed.
 * Loopback URLs are always reached directly; other URLs go through the profile's proxy (or
 * HTTP(S)_PROXY / NO_PROXY when the profile has none), like the profile's Notify requests.
 *
 * {@link replayCallback} never throws for a network failure: it comes back as `ok: false` with an
 * explanation. Neither the bearer token nor any API key appears in what it returns.
 */
import { performance } from 'node:perf_hooks';
import { Agent, request, type Dispatcher } from 'undici';
import { callbackBody, type CallbackPayload } from '../../../src-shared/callback-payload';
import type { Explanation } from '../../../src-shared/notify/explanation';
import { isLoopbackHost } from '../../../src-shared/notify/loopback';
import { classify, createDispatcher } from '../notify/http';

/** The whole exchange (connect, headers, body) must finish within this. */
const REPLAY_TIMEOUT_MS = 10_000;
/** How much of the endpoint's answer is kept. */
const REPLAY_RESPONSE_BYTES = 2048;
const REPLAY_URL_MAX = 2048;
const REPLAY_TOKEN_MAX = 1024;

/** What a replay did. */
export interface ReplayResult {
  /** The endpoint's HTTP status, or null when no answer came. */
  status: number | null;
  /** True only for a 2xx answer. */
  ok: boolean;
  durationMs: number;
  /** When the request started (ISO 8601). */
  sentAt: string;
  /** The first {@link REPLAY_RESPONSE_BYTES} bytes of the answer, as UTF-8 text. */
  responseBody: string;
  /** The answer was longer than what `responseBody` holds. */
  responseTruncated: boolean;
  /** What went wrong and what to do, or null for a 2xx answer. */
  error: Explanation | null;
  /** The payload that was sent. */
  payload: CallbackPayload;
}

/** A checked replay target. */
type CheckedUrl = { ok: true; url: URL; loopback: boolean } | { ok: false; message: string };

const EXAMPLES =
  'like https://example.com/notify/callback, or http://localhost:3000/callback on this computer';

/**
 * Checks a replay URL. The messages never repeat the URL itself (it may hold a secret a user pasted
 * by mistake), only its scheme or host where that helps.
 */
export function checkReplayUrl(raw: string): CheckedUrl {
  const text = raw.trim();
  if (text === '') return { ok: false, message: `Enter the URL of your callback endpoint, ${EXAMPLES}.` };
  if (text.length > REPLAY_URL_MAX)
    return { ok: false, message: `The URL is too long: at most ${REPLAY_URL_MAX} characters.` };
  // The URL parser silently drops tabs and newlines inside a URL; refuse them instead.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(text))
    return { ok: false, message: 'The URL contains spaces or control characters. Remove them.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: `That is not a full URL. Enter an address starting with https://, ${EXAMPLES}.`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    const scheme = /^[a-z][a-z0-9+.-]{0,20}:$/.test(url.protocol) ? `“${url.protocol}” ` : '';
    return {
      ok: false,
      message: `Only https:// URLs can be used (and http:// for an endpoint on this computer). The ${scheme}scheme is not supported.`,
    };
  }
  if (url.username !== '' || url.password !== '')
    return {
      ok: false,
      message:
        'Remove the user name and password from the URL: Notify never sends them. Put a token in the bearer token field instead.',
    };
  if (url.hostname === '')
    return { ok: false, message: `The URL has no host. Enter a full address, ${EXAMPLES}.` };
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback)
    return {
      ok: false,
      message: `Plain http:// is only allowed for an endpoint on this computer (localhost, 127.0.0.1 or [::1]). Notify only calls https:// callback URLs: use https://${url.host}.`,
    };
  return { ok: true, url, loopback };
}

/** Checks a bearer token: printable ASCII (it goes into an HTTP header). Never repeats the token. */
export function checkBearerToken(token: string): string | null {
  if (token.length > REPLAY_TOKEN_MAX)
    return `The bearer token is too long: at most ${REPLAY_TOKEN_MAX} characters.`;
  if (!/^[\x21-\x7e]+$/.test(token))
    return 'The bearer token can only contain printable ASCII characters, with no spaces.';
  return null;
}

interface ReplayOptions {
  url: URL;
  loopback: boolean;
  payload: CallbackPayload;
  bearerToken?: string | undefined;
  /** The profile's proxy, used only for non-loopback URLs. */
  proxy?: string | null;
  timeoutMs?: number;
  now?: () => Date;
}

/** POSTs the payload once. Never throws for network failures. */
export async function replayCallback(o: ReplayOptions): Promise<ReplayResult> {
  const timeoutMs = o.timeoutMs ?? REPLAY_TIMEOUT_MS;
  const timeouts = { connectMs: timeoutMs, headersMs: timeoutMs, bodyMs: timeoutMs, totalMs: timeoutMs };
  const dispatcher: Dispatcher = o.loopback
    ? new Agent({
        // localhost may resolve to ::1 and 127.0.0.1: try both, as a dev server may listen on either.
        connect: { timeout: timeoutMs, autoSelectFamily: true },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      })
    : createDispatcher(o.proxy ?? null, timeouts);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (o.bearerToken) headers['authorization'] = `Bearer ${o.bearerToken}`;
  const sentAt = (o.now?.() ?? new Date()).toISOString();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const base = { sentAt, payload: o.payload };
  let status: number | null = null;
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    const res = await request(o.url, {
      dispatcher,
      method: 'POST',
      headers,
      body: callbackBody(o.payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.statusCode;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      const room = REPLAY_RESPONSE_BYTES - size;
      if (chunk.byteLength > room) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.byteLength;
    }
    if (truncated) res.body.destroy();
    const durationMs = elapsed();
    const ok = status >= 200 && status < 300;
    return {
      ...base,
      status,
      ok,
      durationMs,
      responseBody: decode(chunks),
      responseTruncated: truncated,
      error: ok ? null : explainStatus(status, o.url),
    };
  } catch (err) {
    const durationMs = elapsed();
    const c = classify(err, o.url, !o.loopback && Boolean(o.proxy));
    return {
      ...base,
      status,
      ok: false,
      durationMs,
      responseBody: decode(chunks),
      responseTruncated: truncated,
      error: explainFailure(c.kind, c.detail, o.url, status !== null || c.sent, timeoutMs),
    };
  } finally {
    void dispatcher.close().catch(() => undefined);
  }
}

function decode(chunks: Buffer[]): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

const RETRIED = 'Notify would retry this callback up to 5 times, 5 minutes apart.';
const NOT_RETRIED = 'Notify would not retry this callback.';

function x(
  title: string,
  whatHappened: string,
  retry: Explanation['retry'],
  nextSteps: string[],
): Explanation {
  return { title, whatHappened, retry, charged: 'not-applicable', nextSteps };
}

/** Explains a non-2xx answer from the endpoint. */
function explainStatus(status: number, url: URL): Explanation {
  const host = url.host;
  if (status >= 300 && status < 400)
    return x(
      `Your endpoint redirected (HTTP ${status})`,
      `${host} answered ${status}, a redirect. The console does not follow redirects. ${NOT_RETRIED}`,
      'after-fixing',
      [
        'Use the final address as the callback URL, including https:// and any trailing slash your framework expects.',
      ],
    );
  if (status === 401 || status === 403)
    return x(
      `Your endpoint refused the request (HTTP ${status})`,
      `${host} answered ${status}: it did not accept the request’s credentials. ${NOT_RETRIED}`,
      'after-fixing',
      [
        'Check the bearer token matches the one your endpoint expects (Notify sends it as “Authorization: Bearer <token>”).',
      ],
    );
  if (status === 429 || status >= 500)
    return x(`Your endpoint answered HTTP ${status}`, `${host} answered ${status}. ${RETRIED}`, 'later', [
      'Check your endpoint’s logs; the answer’s first bytes are below.',
    ]);
  return x(
    `Your endpoint answered HTTP ${status}`,
    `${host} answered ${status} instead of a 2xx status. ${NOT_RETRIED}`,
    'after-fixing',
    [
      'Check the path of the URL, and that your endpoint accepts a JSON POST.',
      'Your endpoint should answer 2xx once it has stored the status.',
    ],
  );
}

/** Explains a replay that got no (complete) answer. */
function explainFailure(
  kind: string,
  detail: string,
  url: URL,
  sent: boolean,
  timeoutMs: number,
): Explanation {
  const host = url.host;
  switch (kind) {
    case 'refused':
      return x(
        'Nothing is listening there',
        `Nothing is listening on ${host}: the connection was refused (${detail}). ${RETRIED}`,
        'after-fixing',
        [
          'Start your server, and check the port in the URL.',
          'Check it listens on the same address (127.0.0.1 or ::1).',
        ],
      );
    case 'timeout':
      return x(
        'Your endpoint took too long',
        sent
          ? `${host} did not answer within ${timeoutMs / 1000} s. Notify gives up after 5 s. ${RETRIED}`
          : `No connection to ${host} could be made within ${timeoutMs / 1000} s. ${RETRIED}`,
        'after-fixing',
        ['Answer the callback quickly (store it and process later), in well under 5 seconds.'],
      );
    case 'dns':
      return x(
        'The endpoint’s name could not be found',
        `The name ${url.hostname} did not resolve to an address (${detail}). Nothing was sent.`,
        'after-fixing',
        ['Check the spelling of the host in the URL, and that this computer is online.'],
      );
    case 'tls':
      return x(
        'The secure connection could not be set up',
        `The TLS (HTTPS) handshake with ${host} failed: the certificate is not trusted, or the server speaks plain HTTP. Nothing was sent.`,
        'after-fixing',
        [
          'Notify only calls endpoints with a valid, publicly trusted certificate.',
          'For a server on this computer without TLS, use http://localhost:PORT.',
        ],
      );
    case 'proxy':
      return x(
        'The proxy did not let the request through',
        `The request to ${host} could not get through the profile’s proxy (${detail}). Nothing was sent.`,
        'after-fixing',
        ['Check the profile’s proxy, or HTTPS_PROXY and NO_PROXY.'],
      );
    case 'reset':
      return x(
        'The connection was cut off',
        `The connection to ${host} closed before a complete answer arrived. ${RETRIED}`,
        'later',
        ['Check your endpoint’s logs: it may have crashed while handling the request.'],
      );
    default:
      return x('The request failed', `The request to ${host} failed (${detail}).`, 'later', ['Try again.']);
  }
}
