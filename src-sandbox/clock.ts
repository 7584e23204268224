/**
 * The sandbox's clock and scheduler.
 *
 * Everything time-dependent (JWT `iat` checks, status lifecycles, daily limits, retention, callback
 * retries) reads this clock, so tests and demos can move time forward and run a week in a second.
 * The clock itself runs at real speed (so clients' JWT `iat` stays valid); `timeScale` compresses
 * the delays of scheduled events, and `advance()` jumps the clock, firing whatever falls due.
 */
const TIMER_GRANULARITY_MS = 2;

interface Timer {
  cancel(): void;
}

class Event implements Timer {
  cancelled = false;
  /** The lane holding this event; null while it is in the heap. */
  lane: Lane | null = null;
  constructor(
    readonly due: number, // sandbox ms
    readonly seq: number,
    readonly fn: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

/**
 * Events scheduled with the same delay fall due in the order they were scheduled, so each delay gets
 * a first-in-first-out lane: O(1) to add and to take, however many notifications are in flight. An
 * event that would break a lane's order (the clock stepped back, the time scale changed) goes to a
 * binary heap instead. The next event is the earliest of the lanes' heads and the heap's top.
 */
class Lane {
  items: (Event | undefined)[] = [];
  head = 0;

  constructor(readonly delay: number) {}

  peek(): Event | undefined {
    return this.items[this.head];
  }

  last(): Event | undefined {
    return this.items[this.items.length - 1];
  }

  shift(): void {
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

export class SandboxClock {
  private offsetMs = 0;
  private lastMicros = 0;
  private readonly lanes = new Map<number, Lane>();
  private readonly heap: Event[] = [];
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
    const delay = Math.max(0, delayMs);
    const ev = new Event(this.nowMs() + delay / this.timeScale, this.seq++, fn);
    let lane = this.lanes.get(delay);
    if (!lane) this.lanes.set(delay, (lane = new Lane(delay)));
    const tail = lane.last();
    if (tail === undefined || tail.due <= ev.due) {
      ev.lane = lane;
      lane.items.push(ev);
    } else heapPush(this.heap, ev);
    this.rearm();
    return ev;
  }

  /** Pending scheduled events (for idle checks). */
  pending(): number {
    let n = this.heap.filter((e) => !e.cancelled).length;
    for (const lane of this.lanes.values()) {
      for (let i = lane.head; i < lane.items.length; i++) if (!lane.items[i]!.cancelled) n++;
    }
    return n;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = Infinity;
    this.heap.length = 0;
    this.lanes.clear();
  }

  /** The earliest event: the first of the lanes' heads and the heap's top, by due time then order. */
  private earliest(): Event | undefined {
    let best: Event | undefined = this.heap[0];
    for (const lane of this.lanes.values()) {
      const head = lane.peek();
      if (head !== undefined && (best === undefined || before(head, best))) best = head;
    }
    return best;
  }

  /** Removes an event that is at the head of its lane or the top of the heap. */
  private remove(ev: Event): void {
    const lane = ev.lane;
    if (lane === null) {
      heapPop(this.heap);
      return;
    }
    lane.shift();
    if (lane.peek() === undefined) this.lanes.delete(lane.delay);
  }

  private rearm(): void {
    if (this.closed) return;
    this.runDue();
    const next = this.earliest();
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
      const head = this.earliest();
      if (!head || head.due > now) return;
      this.remove(head);
      if (!head.cancelled) head.fn();
    }
  }
}

function heapPush(q: Event[], ev: Event): void {
  let i = q.length;
  q.push(ev);
  while (i > 0) {
    const p = (i - 1) >> 1;
    const parent = q[p]!;
    if (before(parent, ev)) break;
    q[i] = parent;
    i = p;
  }
  q[i] = ev;
}

function heapPop(q: Event[]): void {
  const last = q.pop();
  if (q.length === 0 || last === undefined) return;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= q.length) break;
    const r = l + 1;
    const m = r < q.length && before(q[r]!, q[l]!) ? r : l;
    if (!before(q[m]!, last)) break;
    q[i] = q[m]!;
    i = m;
  }
  q[i] = last;
}

function before(a: Event, b: Event): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}
