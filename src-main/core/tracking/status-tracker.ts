/**
 * Follows in-flight notifications until they reach a final status, and records what it saw.
 *
 * Notify keeps no status history, only `created_at` / `sent_at` / `completed_at`; the timeline the
 * console shows is those plus every status this tracker observed, with when it observed it. With
 * few notifications in flight for a profile it asks for each one; with many it reads the newest
 * pages of `GET /v2/notifications` (250 a page), so 1,000 in flight cost 4 requests a round, not
 * 1,000. Intervals adapt: quick while statuses move, slower while nothing changes.
 */
import { isFinalStatus, type TemplateType } from '../../../src-shared/statuses';

export interface TrackedNotificationLike {
  id: string;
  type: TemplateType;
  status: string;
  created_at: string;
  [k: string]: unknown;
}

/** What the tracker needs from a Notify client. */
export interface StatusSource<N extends TrackedNotificationLike = TrackedNotificationLike> {
  getNotification(id: string): Promise<N>;
  getNotifications(query: { template_type?: string[]; older_than?: string }): Promise<{
    notifications: N[];
  }>;
}

interface Observation {
  status: string;
  observedAt: string;
  source: 'response' | 'poll' | 'callback';
}

export interface TrackedEntry<N extends TrackedNotificationLike = TrackedNotificationLike> {
  profileId: string;
  notification: N;
  observations: Observation[];
  final: boolean;
}

interface TrackerOptions<N extends TrackedNotificationLike = TrackedNotificationLike> {
  /** The client for a profile (resolved per round, so a profile's new key is picked up). */
  sourceFor: (profileId: string) => Promise<StatusSource<N>>;
  onUpdate: (entry: TrackedEntry<N>, observation: Observation) => void;
  now?: () => number;
  /** At or below this many in flight, single GETs; above it, list pages. */
  singleGetThreshold?: number;
  /** Most list pages one round may read. */
  maxPagesPerRound?: number;
  minIntervalMs?: number;
  maxIntervalMs?: number;
  /** Timer hooks, replaced in tests to run rounds by hand. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const CLOCK_MARGIN_MS = 10 * 60_000;

function isNotFound(err: unknown): boolean {
  const e = err as { status?: unknown; details?: { status?: unknown } } | null;
  return e?.status === 404 || e?.details?.status === 404;
}

interface ProfileLoop {
  timer: unknown;
  intervalMs: number;
  running: boolean;
}

export class StatusTracker<N extends TrackedNotificationLike = TrackedNotificationLike> {
  private readonly entries = new Map<string, TrackedEntry<N>>(); // `${profileId}:${id}`
  private readonly loops = new Map<string, ProfileLoop>();
  private readonly opts: Required<TrackerOptions<N>>;

  constructor(options: TrackerOptions<N>) {
    this.opts = {
      now: Date.now,
      singleGetThreshold: 5,
      maxPagesPerRound: 5,
      minIntervalMs: 1000,
      maxIntervalMs: 30_000,
      setTimer: (fn, ms) => {
        const t = setTimeout(fn, ms);
        t.unref?.();
        return t;
      },
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  /** Starts following a notification (idempotent), recording its current status as observed now. */
  track(profileId: string, notification: N, source: Observation['source'] = 'response'): TrackedEntry<N> {
    const key = `${profileId}:${notification.id}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { profileId, notification, observations: [], final: false };
      this.entries.set(key, entry);
    }
    this.observe(entry, notification, source);
    if (!entry.final) this.ensureLoop(profileId, true);
    return entry;
  }

  untrack(profileId: string, id: string): boolean {
    const removed = this.entries.delete(`${profileId}:${id}`);
    if (!this.inFlight(profileId).length) this.stopLoop(profileId);
    return removed;
  }

  get(profileId: string, id: string): TrackedEntry<N> | undefined {
    return this.entries.get(`${profileId}:${id}`);
  }

  all(): TrackedEntry<N>[] {
    return [...this.entries.values()];
  }

  /** Forgets a profile entirely (profile deleted). */
  forgetProfile(profileId: string): void {
    for (const [k, e] of this.entries) if (e.profileId === profileId) this.entries.delete(k);
    this.stopLoop(profileId);
  }

  inFlight(profileId: string): TrackedEntry<N>[] {
    return [...this.entries.values()].filter((e) => e.profileId === profileId && !e.final);
  }

  close(): void {
    for (const id of [...this.loops.keys()]) this.stopLoop(id);
  }

  /** One polling round for a profile; returns the number of requests it made. Public for tests and benchmarks. */
  async pollOnce(profileId: string): Promise<{ requests: number; changed: number; polled: number }> {
    const pending = this.inFlight(profileId);
    if (pending.length === 0) return { requests: 0, changed: 0, polled: 0 };
    const source = await this.opts.sourceFor(profileId);
    let requests = 0;
    let changed = 0;
    const seen = new Set<string>();
    if (pending.length > this.opts.singleGetThreshold) {
      const want = new Map(pending.map((e) => [e.notification.id, e]));
      const types = [...new Set(pending.map((e) => e.notification.type))];
      // The earliest created_at we track, less a margin: times recorded at send come from this
      // computer's clock, which may run ahead of Notify's.
      // A loop, not Math.min(...list): a spread of 100,000 arguments can overflow the stack.
      const oldest =
        pending.reduce((min, e) => Math.min(min, Date.parse(e.notification.created_at)), Infinity) -
        CLOCK_MARGIN_MS;
      let olderThan: string | undefined;
      for (let page = 0; page < this.opts.maxPagesPerRound && want.size > 0; page++) {
        requests++;
        const res = await source.getNotifications({
          template_type: types,
          ...(olderThan ? { older_than: olderThan } : {}),
        });
        for (const n of res.notifications) {
          const e = want.get(n.id);
          if (!e) continue;
          want.delete(n.id);
          seen.add(n.id);
          if (this.observe(e, n, 'poll')) changed++;
        }
        const last = res.notifications[res.notifications.length - 1];
        if (!last || res.notifications.length < 250 || Date.parse(last.created_at) < oldest) break;
        olderThan = last.id;
      }
    }
    // Few in flight, or ones the pages did not show (another key type, or past the pages read).
    const rest = pending.filter((e) => !seen.has(e.notification.id));
    const budget =
      pending.length > this.opts.singleGetThreshold
        ? Math.max(0, this.opts.maxPagesPerRound - requests)
        : rest.length;
    for (const e of rest.slice(0, budget)) {
      requests++;
      try {
        const n = await source.getNotification(e.notification.id);
        seen.add(n.id);
        if (this.observe(e, n, 'poll')) changed++;
      } catch (err) {
        // Not found: past retention, or never stored (a smoke-test recipient). Asking again cannot
        // help, so following it ends; any other failure is retried next round.
        if (isNotFound(err)) e.final = true;
      }
    }
    return { requests, changed, polled: seen.size };
  }

  private observe(entry: TrackedEntry<N>, n: N, source: Observation['source']): boolean {
    entry.notification = { ...entry.notification, ...n };
    const last = entry.observations[entry.observations.length - 1];
    if (last && last.status === n.status) return false;
    const observation: Observation = {
      status: n.status,
      observedAt: new Date(this.opts.now()).toISOString(),
      source,
    };
    entry.observations.push(observation);
    entry.final = isFinalStatus(n.status);
    this.opts.onUpdate(entry, observation);
    return true;
  }

  private ensureLoop(profileId: string, reset: boolean): void {
    let loop = this.loops.get(profileId);
    if (!loop) {
      loop = { timer: null, intervalMs: this.opts.minIntervalMs, running: false };
      this.loops.set(profileId, loop);
    } else if (reset) {
      loop.intervalMs = this.opts.minIntervalMs;
    }
    if (loop.timer === null && !loop.running) this.schedule(profileId, loop);
  }

  private schedule(profileId: string, loop: ProfileLoop): void {
    loop.timer = this.opts.setTimer(() => {
      loop.timer = null;
      loop.running = true;
      void this.pollOnce(profileId)
        .then(({ changed }) => {
          // Quick while things move; back off while nothing changes.
          loop.intervalMs = changed
            ? this.opts.minIntervalMs
            : Math.min(this.opts.maxIntervalMs, Math.round(loop.intervalMs * 1.6));
        })
        .catch(() => {
          loop.intervalMs = Math.min(this.opts.maxIntervalMs, loop.intervalMs * 2);
        })
        .finally(() => {
          loop.running = false;
          if (this.loops.get(profileId) !== loop) return;
          if (this.inFlight(profileId).length) this.schedule(profileId, loop);
          else this.stopLoop(profileId);
        });
    }, loop.intervalMs);
  }

  private stopLoop(profileId: string): void {
    const loop = this.loops.get(profileId);
    if (loop?.timer) this.opts.clearTimer(loop.timer);
    this.loops.delete(profileId);
  }
}
