/**
 * What changed in the sandbox's notifications, for tools that follow it cheaply: an inbox that shows
 * new notifications as they arrive, a test that waits for a status.
 *
 * Each change (a notification stored, its status moved, it purged, everything reset) takes the next
 * number. A reader keeps the cursor it last saw and asks what changed after it, optionally waiting
 * (a long poll) until something does. The last `capacity` changes are kept; a cursor older than
 * that, from another run of the sandbox (its `epoch` differs), or from before a reset, is answered
 * "start again" (`complete: false`), and the reader reloads the list.
 */
import { randomBytes } from 'node:crypto';

/** Changes kept for readers that fall behind. */
const DEFAULT_CAPACITY = 10_000;

interface Waiter {
  resolve: () => void;
  timer: ReturnType<typeof setTimeout>;
}

interface Changes {
  /** The cursor to ask from next time. */
  cursor: string;
  /** Ids of the notifications that changed after the cursor asked from, newest change first, once each. */
  ids: string[];
  /** False when the changes since that cursor are not all known: reload the list. */
  complete: boolean;
}

export class ChangeFeed {
  /** Tells this run of the sandbox from another: a cursor from an earlier run is not this one's. */
  readonly epoch = randomBytes(4).toString('hex');
  private seq = 0;
  /** Sequence number of the last reset; cursors before it are incomplete. */
  private resetAt = 0;
  private readonly ring: (string | undefined)[];
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {
    this.ring = new Array<string | undefined>(capacity);
  }

  /** The cursor for "now". */
  cursor(): string {
    return `${this.epoch}.${this.seq}`;
  }

  /** A notification was stored, changed or removed. */
  record(id: string): void {
    this.seq++;
    this.ring[this.seq % this.capacity] = id;
    if (this.waiters.size) this.wake();
  }

  /** Everything was forgotten (a reset): earlier cursors must reload. */
  reset(): void {
    this.seq++;
    this.ring[this.seq % this.capacity] = undefined;
    this.resetAt = this.seq;
    if (this.waiters.size) this.wake();
  }

  /** What changed after `since` (null: from the start of this run's kept changes, i.e. reload). */
  since(since: string | null): Changes {
    const from = this.parse(since);
    if (from === null) return { cursor: this.cursor(), ids: [], complete: false };
    const seen = new Set<string>();
    const ids: string[] = [];
    for (let s = this.seq; s > from; s--) {
      const id = this.ring[s % this.capacity];
      if (id !== undefined && !seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    }
    return { cursor: this.cursor(), ids, complete: true };
  }

  /**
   * Resolves once something changed after `since`, or after `waitMs`, or when the feed closes:
   * at once when something already has (or the cursor is not this feed's current one).
   */
  wait(since: string | null, waitMs: number): Promise<void> {
    if (waitMs <= 0 || since !== this.cursor()) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve();
        }, waitMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Ends every wait now (the sandbox is closing). */
  close(): void {
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve();
    }
    this.waiters.clear();
  }

  /** The sequence number a cursor stands for, or null when it cannot be answered in full. */
  private parse(since: string | null): number | null {
    if (since === null) return null;
    const m = /^([0-9a-f]{8})\.(\d{1,15})$/.exec(since);
    if (!m || m[1] !== this.epoch) return null;
    const n = Number(m[2]);
    if (n > this.seq || n < this.resetAt || this.seq - n >= this.capacity) return null;
    return n;
  }
}
