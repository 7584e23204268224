/**
 * "Test connection" for a profile: one cheap read, and a verdict a user can act on.
 *
 * `GET /v2/templates` has no side effect and needs a valid key, so its answer tells apart a wrong
 * or revoked key, a skewed clock, an archived service, the network layers (DNS, TLS, proxy, refused,
 * timeout), Notify itself down (5xx) or rate-limiting the key (429), and a base URL that is not the
 * Notify API at all.
 */
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { parseApiKey } from '../../../src-shared/notify/api-key';
import { CoreError } from '../ports';
import { NotifyClient } from './client';
import type { KeyVerdict } from './request-log';
import { NotifyApiError, NotifyNetworkError, UnknownOutcomeError } from './errors';
import { skewSentence } from '../../../src-shared/notify/error-catalogue';
import type { Timeouts } from './http';

/** The contract's `connectionVerdict`: what a connection test found. */
type ConnectionVerdict =
  | 'ok'
  | 'bad-key'
  | 'revoked-key'
  | 'clock-skew'
  | 'service-archived'
  | 'dns'
  | 'tls'
  | 'proxy'
  | 'refused'
  | 'timeout'
  | 'unavailable'
  | 'rate-limited'
  | 'not-notify';

/** The contract's output of `profiles.testConnection`. */
export type ConnectionTestResult = {
  verdict: ConnectionVerdict;
  /** A sentence or two for the user: what was found and what to do. Never contains the key. */
  message: string;
  skewSeconds: number | null;
  durationMs: number;
};

/** A profile's connection settings, as entered or as stored. */
type ConnectionTestOptions = {
  baseUrl: string;
  apiKey: string;
  proxy?: string | null;
  /** Shorter than a send's, because a user is waiting on the answer. */
  timeouts?: Partial<Timeouts>;
  fetchAgent?: Dispatcher;
  clock?: () => number;
  /** Told what Notify's answer says about the key (for the profile's last-used and revoked times). */
  onKeyVerdict?: (verdict: KeyVerdict) => void;
};

/** Skew worth a warning even when Notify accepted the token: close to its 30-second limit. */
const SKEW_WARNING_SECONDS = 15;

/**
 * Tests a base URL, API key and proxy against Notify and says what, if anything, is wrong.
 *
 * Never throws: every failure is a verdict. Makes a single attempt (no retries), because the user
 * wants to know how the connection behaves now.
 */
export async function testConnection(options: ConnectionTestOptions): Promise<ConnectionTestResult> {
  const t0 = performance.now();
  const done = (
    verdict: ConnectionVerdict,
    message: string,
    skewSeconds: number | null,
  ): ConnectionTestResult => ({
    verdict,
    message,
    skewSeconds,
    durationMs: Math.round(performance.now() - t0),
  });

  const key = parseApiKey(options.apiKey);
  if (!key.ok) return done('bad-key', key.message, null);

  let client: NotifyClient;
  try {
    client = new NotifyClient({
      baseUrl: options.baseUrl,
      apiKey: key.key.value,
      proxy: options.proxy ?? null,
      timeouts: { connectMs: 8_000, headersMs: 15_000, bodyMs: 15_000, totalMs: 30_000, ...options.timeouts },
      retry: { attempts: 1 },
      fetchAgent: options.fetchAgent,
      clock: options.clock,
      log: options.onKeyVerdict ? (entry) => options.onKeyVerdict?.(entry.keyVerdict) : undefined,
    });
  } catch (err) {
    const message = err instanceof CoreError ? err.message : 'The profile’s settings are not valid.';
    return done(err instanceof CoreError && err.code === 'bad-key' ? 'bad-key' : 'not-notify', message, null);
  }

  try {
    const { templates } = await client.getTemplates();
    const skew = client.lastSkewSeconds;
    const count = `${templates.length} template${templates.length === 1 ? '' : 's'}`;
    const warning =
      skew !== null && Math.abs(skew) >= SKEW_WARNING_SECONDS
        ? ` Warning: ${skewSentence(skew)} Notify rejects requests when the difference passes 30 seconds, so fix the clock soon.`
        : '';
    return done(
      'ok',
      `Connected to Notify as service ${key.key.serviceId}: the key works and the service has ${count}.${warning}`,
      skew,
    );
  } catch (err) {
    const skew = client.lastSkewSeconds;
    return done(...verdictFor(err, client), skew);
  } finally {
    await client.close().catch(() => undefined);
  }
}

function verdictFor(err: unknown, client: NotifyClient): [ConnectionVerdict, string] {
  if (err instanceof NotifyApiError) return apiVerdict(err, client);
  if (err instanceof NotifyNetworkError) {
    const steps = err.explanation.nextSteps[0] ? ` ${err.explanation.nextSteps[0]}` : '';
    const said = `${err.explanation.title}: ${err.explanation.whatHappened}${steps}`;
    switch (err.kind) {
      case 'dns':
      case 'tls':
      case 'proxy':
      case 'refused':
      case 'timeout':
        return [err.kind, said];
      case 'reset':
        return ['refused', said];
      case 'not-json':
        // A load balancer's or gateway's page in front of Notify: the service is down, not absent.
        if (err.status === 429) return ['rate-limited', said];
        return err.status !== null && err.status >= 500 ? ['unavailable', said] : ['not-notify', said];
      default:
        return ['not-notify', said];
    }
  }
  if (err instanceof UnknownOutcomeError) return ['timeout', err.explanation.whatHappened];
  return ['not-notify', 'The test failed in an unexpected way.'];
}

function apiVerdict(err: NotifyApiError, client: NotifyClient): [ConnectionVerdict, string] {
  const message = err.notifyMessage;
  const explained = `${err.explanation.whatHappened} ${err.explanation.nextSteps[0] ?? ''}`.trim();
  const notify = `Notify said: “${message}”.`;
  if (err.errorClass === 'AuthError' || err.status === 401 || err.status === 403) {
    if (message === 'Error: Your system clock must be accurate to within 30 seconds') {
      return [
        'clock-skew',
        `${notify} ${skewSentence(client.lastSkewSeconds)} ${err.explanation.nextSteps[0] ?? ''}`.trim(),
      ];
    }
    if (message === 'Invalid token: API key revoked') return ['revoked-key', `${notify} ${explained}`];
    if (message === 'Invalid token: service is archived')
      return ['service-archived', `${notify} ${explained}`];
    if (err.errorClass === 'AuthError') return ['bad-key', `${notify} ${explained}`];
  }
  if (err.status === 429) {
    // Notify checks the key before the rate limit, so a 429 means the key itself is good.
    return [
      'rate-limited',
      `${notify} The key was accepted, but the service is over its rate limit for this key type. ${explained}`.trim(),
    ];
  }
  if (err.status >= 500) {
    // Notify is not serving; whether the key is good cannot be told until it is.
    return [
      'unavailable',
      `Notify answered ${err.status}: it is not handling requests right now, so the key could not be checked. ${notify} Try again later.`,
    ];
  }
  return [
    'not-notify',
    `${notify} The server answers like Notify, but not as the Notify API does for GET /v2/templates. Check the base URL has no extra path after the host.`,
  ];
}
