/**
 * Keeps a batch under Notify's rate limit: evenly spaced sends, slowing down after a 429.
 *
 * Notify allows `rate_limit` requests a minute per service and key type (3,000 by default) with a
 * token bucket (docs/notify-api-reference.md §8.1). Sends are spaced `60,000 / rate` ms apart on an absolute
 * schedule, so timer jitter does not drift the rate; a send may run early only by a small burst when
 * the batch fell behind. A 429 halves the pace (never below one a second) and waits its
 * `Retry-After` (one second when there is none); the pace then grows back by 5 % of the target
 * every 5 seconds without a 429. `rate` null means no limit (a sandbox with limits off).
 */

interface PacerOptions {
  /** Sends a minute; null for unlimited. */
  ratePerMinute: number | null;
  /** How many sends may go out at once to catch up, default 10. */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const RECOVERY_STEP_MS = 5_000;
/** The slowest pace: one a minute. It must be able to go below Notify's refill rate, see below. */
const MIN_RATE_PER_MINUTE = 1;

export class SendPacer {
  private target: number | null;
  private current: number | null;
  private next = 0;
  private holdUntil = 0;
  private lastSlowdown = 0;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: PacerOptions) {
    this.target = options.ratePerMinute;
    this.current = options.ratePerMinute;
    this.burst = options.burst ?? 10;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The pace now, in sends a minute (null when unlimited). */
  get ratePerMinute(): number | null {
    return this.current;
  }

  /** Waits for this send's slot. */
  async acquire(): Promise<void> {
    const now = this.now();
    this.recover(now);
    const wait = Math.max(0, this.holdUntil - now);
    if (this.current === null) {
      if (wait > 0) await this.sleep(wait);
      return;
    }
    const interval = 60_000 / this.current;
    const earliest = Math.max(this.holdUntil, now - this.burst * interval);
    const slot = Math.max(this.next, earliest);
    this.next = slot + interval;
    if (slot > now) await this.sleep(slot - now);
  }

  /**
   * A 429 rate-limit answer: wait `retryAfterMs` (or a second) and halve the pace. Notify's message
   * names the service's limit (`… of 3000 requests per 60 seconds`): when the caller passes it, the
   * target never exceeds it again. Answers that arrive while an earlier slowdown's wait is still
   * running were sent before it took effect, so they do not halve the pace again.
   */
  slowDown(retryAfterMs: number | null, notifyLimitPerMinute: number | null = null): void {
    const now = this.now();
    if (notifyLimitPerMinute !== null && notifyLimitPerMinute > 0) {
      this.target = Math.min(this.target ?? Infinity, notifyLimitPerMinute);
      this.current = Math.min(this.current ?? Infinity, notifyLimitPerMinute);
    }
    if (now < this.holdUntil) return;
    this.holdUntil = now + (retryAfterMs ?? 1_000);
    this.next = Math.max(this.next, this.holdUntil);
    this.lastSlowdown = now;
    if (this.current !== null) this.current = Math.max(MIN_RATE_PER_MINUTE, this.current / 2);
  }

  /** Holds every send for `ms` (for example while the connection is down). */
  hold(ms: number): void {
    this.holdUntil = Math.max(this.holdUntil, this.now() + ms);
  }

  private recover(now: number): void {
    if (this.current === null || this.target === null || this.current >= this.target) return;
    const steps = Math.floor((now - this.lastSlowdown) / RECOVERY_STEP_MS);
    if (steps <= 0) return;
    this.current = Math.min(this.target, this.current + steps * 0.05 * this.target);
    this.lastSlowdown += steps * RECOVERY_STEP_MS;
  }
}
