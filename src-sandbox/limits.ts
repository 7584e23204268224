/**
 * Notify's rate limit (a token bucket per service and key type) and daily limits per channel.
 *
 * Reference §8: capacity `min(ceil(rate/3)+1, 1000)`, refill `rate/60` a second in whole tokens, reject
 * when the tokens left after taking one are below 1 (rejected requests use a token too); daily counters keyed
 * by UTC date, checked as `count + 1 > limit`; test keys on trial services use the live defaults.
 */
import type { TemplateType } from '../src-shared/statuses';
import type { KeyType } from './fixtures';
import { V2Error } from './http';
import type { Service } from './model';
import type { SandboxStore } from './store';

const DEFAULT_LIVE_SERVICE_RATE_LIMITS = {
  email: 250_000,
  sms: 250_000,
  letter: 20_000,
  international_sms: 100,
};

const KEY_TYPE_LABEL: Record<KeyType, string> = { normal: 'LIVE', team: 'TEAM', test: 'TEST' };

interface Bucket {
  /** Whole tokens left (Redis stores an `i4`). */
  tokens: number;
  /** Seconds: when the last whole token granted was due, not when the last request came. */
  lastReplenished: number;
}

export class Limits {
  private readonly buckets = new Map<string, Bucket>();
  /** Off switch for load tests and for users who want to exercise only validation. */
  enabled = true;

  constructor(
    private readonly store: SandboxStore,
    private readonly nowMs: () => number,
  ) {}

  /**
   * Takes one token for (service, key type) or throws Notify's RateLimitError.
   *
   * UTILS `redis_client.py` "tally-bucket-rate-limit": a new bucket starts full; each call adds the
   * *whole* tokens earned since `lastReplenished` (`floor(elapsed × rate/60)`), moves `lastReplenished`
   * on by exactly the time those tokens took (so fractions carry over), caps at the capacity, then takes
   * one token, never going below 0. The API refuses the request when fewer than 1 token is left.
   */
  checkRateLimit(service: Service, keyType: KeyType): void {
    if (!this.enabled) return;
    const rate = service.rate_limit;
    const perSecond = rate / 60;
    const capacity = Math.min(Math.ceil(rate / 3) + 1, 1000);
    const key = `${service.id}-tokens-${keyType}`;
    const now = this.nowMs() / 1000;
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { tokens: capacity, lastReplenished: now }));
    const elapsed = Math.max(now - b.lastReplenished, 0);
    const replenishment = perSecond > 0 ? Math.floor(elapsed * perSecond) : 0;
    b.tokens = Math.min(b.tokens + replenishment, capacity);
    b.tokens = Math.max(b.tokens - 1, 0);
    if (replenishment > 0) b.lastReplenished += replenishment / perSecond;
    if (b.tokens < 1) {
      throw V2Error.one(
        429,
        'RateLimitError',
        `Exceeded rate limit for key type ${KEY_TYPE_LABEL[keyType]} of ${rate} requests per 60 seconds`,
      );
    }
  }

  /** Throws TooManyRequestsError when one more of `type` would pass today's limit. */
  checkDailyLimit(service: Service, keyType: KeyType, type: TemplateType | 'international_sms'): void {
    if (!this.enabled) return;
    const limit =
      keyType === 'test' && service.restricted
        ? DEFAULT_LIVE_SERVICE_RATE_LIMITS[type]
        : service.limits[type];
    const count = this.store.dailyCount(service.id, type, this.nowMs());
    if (count + 1 > limit) {
      throw V2Error.one(429, 'TooManyRequestsError', `Exceeded send limits (${type}: ${limit}) for today`);
    }
  }

  /** Forgets every bucket (sandbox reset). */
  reset(): void {
    this.buckets.clear();
  }
}
