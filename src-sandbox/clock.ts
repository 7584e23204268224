/**
 * The sandbox's clock and scheduler.
 *
 * Everything time-dependent (JWT `iat` checks, status lifecycles, daily limits, retention, callback
 * retries) reads this clock, so tests and demos can move time forward and run a week in a second.
 * The clock itself runs at real speed (so clients' JWT `iat` stays valid); `timeScale` compresses
 * the delays of scheduled events, and `advance()` jumps the clock, firing whatever falls due.
 */
const TIMER_GRANULARITY_MS = 2;

export interface Timer {
  cancel(): void;
}

class Event implements Timer {
  cancelled = false;
  constructor(
    readonly due: number, // sandbox ms
    readonly seq: number,
    readonly fn: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

export class SandboxClock {
  private offsetMs = 0;
  private lastMicros = 0;
  private readonly queue: Event[] = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Sandbox time the armed timer fires at; a later event needs no new timer. */
  private armedFor = Infinity;
  private closed = false;

  constructor(
    public timeScale = 1,
    private readonly realNow: () => number = Date.now,
  ) {}

  /** Sandbox time in ms since the epoch. */
  nowMs(): number {
    return this.realNow() + this.offsetMs;
  }

  /** Strictly increasing sandbox time in microseconds: two notifications never share a `created_at`. */
  nowMicros(): number {
    const m = this.nowMs() * 1000;
    this.lastMicros = m > this.lastMicros ? m : this.lastMicros + 1;
    return this.lastMicros;
  }

  /** Moves sandbox time forward and runs everything that has fallen due. */
  advance(ms: number): void {
    if (ms < 0 || !Number.isFinite(ms)) throw new RangeError('The clock only moves forward.');
    this.offsetMs += ms;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = Infinity;
    this.rearm();
  }

  /** Sets how much scheduled delays are compressed; events already scheduled keep their due times. */
  setTimeScale(scale: number): void {
    this.timeScale = scale;
    this.rearm();
  }

  /** Runs `fn` after `delayMs` of simulated time, that is `delayMs / timeScale` on the clock. */
  schedule(delayMs: number, fn: () => void): Timer {
    const due = this.nowMs() + Math.max(0, delayMs) / this.timeScale;
    const ev = new Event(due, this.seq++, fn);
    this.push(ev);
    this.rearm();
    return ev;
  }

  /** Pending scheduled events (for idle checks). */
  pending(): number {
    return this.queue.filter((e) => !e.cancelled).length;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = Infinity;
    this.queue.length = 0;
  }

  private push(ev: Event): void {
    const q = this.queue;
    q.push(ev);
    let i = q.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (before(q[p]!, q[i]!)) break;
      [q[p], q[i]] = [q[i]!, q[p]!];
      i = p;
    }
  }

  private pop(): Event | undefined {
    const q = this.queue;
    const top = q[0];
    const last = q.pop();
    if (q.length > 0 && last) {
      q[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < q.length && before(q[l]!, q[m]!)) m = l;
        if (r < q.length && before(q[r]!, q[m]!)) m = r;
        if (m === i) break;
        [q[m], q[i]] = [q[i]!, q[m]!];
        i = m;
      }
    }
    return top;
  }

  private rearm(): void {
    if (this.closed) return;
    this.runDue();
    const next = this.queue[0];
    if (!next) return;
    // One timer for the whole queue, re-armed only when an earlier event arrives. Events due within
    // the same few milliseconds run in one pass, which keeps timer churn flat under load.
    if (this.timer && next.due >= this.armedFor) return;
    if (this.timer) clearTimeout(this.timer);
    const realDelay = Math.max(TIMER_GRANULARITY_MS, Math.ceil(next.due - this.nowMs()));
    this.armedFor = next.due;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.armedFor = Infinity;
        this.rearm();
      },
      Math.min(realDelay, 2 ** 31 - 1),
    );
    this.timer.unref?.();
  }

  private runDue(): void {
    const now = this.nowMs();
    // Events run in due order; an event that schedules another at delay 0 runs in the same pass.
    for (;;) {
      const head = this.queue[0];
      if (!head || head.due > now) return;
      this.pop();
      if (!head.cancelled) head.fn();
    }
  }
}

function before(a: Event, b: Event): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}
