/**
 * The preview scheduler (issue 8, "Left open"): small previews render at once, large ones in a
 * worker; the latest request wins, so an answer to an older one never replaces a newer preview; a
 * render past the time limit says the preview is too large and ends its worker, and the next large
 * preview starts a new one. A fake worker stands in for the Web Worker.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPreviewScheduler,
  PREVIEW_INLINE_CHARS,
  type PreviewOutcome,
  type PreviewReply,
  type PreviewRequest,
  type PreviewWorkerLike,
} from '../../../src-renderer/lib/preview-scheduler';
import { previewJobSize, runPreviewTask } from '../../../src-renderer/components/preview/preview-tasks';
import { renderEmailHtml, renderSmsBody } from '../../../src-shared/template';

interface Job {
  text: string;
}

class FakeWorker implements PreviewWorkerLike<Job, string> {
  posted: PreviewRequest<Job>[] = [];
  terminated = false;
  onmessage: ((event: { data: PreviewReply<string> }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  postMessage(message: PreviewRequest<Job>): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers the n-th posted job as the real worker would. */
  answer(n: number): void {
    const req = this.posted[n];
    if (!req) throw new Error(`no job ${n}`);
    this.onmessage?.({ data: { id: req.id, ok: true, value: render(req.job) } });
  }
}

const render = (job: Job): string => `rendered ${job.text.length}`;
const large = (extra = 0): Job => ({ text: 'x'.repeat(PREVIEW_INLINE_CHARS + extra) });

function setup(timeLimitMs = 1000) {
  const workers: FakeWorker[] = [];
  const outcomes: PreviewOutcome<string>[] = [];
  const inlineRenders: Job[] = [];
  const scheduler = createPreviewScheduler<Job, string>({
    render: (job) => {
      inlineRenders.push(job);
      return render(job);
    },
    size: (job) => job.text.length,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    onOutcome: (o) => outcomes.push(o),
    timeLimitMs,
  });
  return { scheduler, workers, outcomes, inlineRenders };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('threshold', () => {
  it('renders a preview under 4,096 characters at once, without a worker', () => {
    const { scheduler, workers, outcomes } = setup();
    const job = { text: 'x'.repeat(PREVIEW_INLINE_CHARS - 1) };
    expect(scheduler.request(job)).toEqual({
      status: 'ready',
      value: `rendered ${PREVIEW_INLINE_CHARS - 1}`,
    });
    expect(workers).toHaveLength(0);
    expect(outcomes).toHaveLength(0);
  });

  it('sends one of 4,096 characters or more to the worker and gives its answer later', () => {
    const { scheduler, workers, outcomes, inlineRenders } = setup();
    expect(scheduler.request(large())).toEqual({ status: 'pending' });
    expect(inlineRenders).toHaveLength(0);
    expect(workers).toHaveLength(1);
    workers[0]!.answer(0);
    expect(outcomes).toEqual([{ status: 'ready', value: `rendered ${PREVIEW_INLINE_CHARS}` }]);
  });

  it('reuses one worker for successive large previews', () => {
    const { scheduler, workers, outcomes } = setup();
    scheduler.request(large(1));
    workers[0]!.answer(0);
    scheduler.request(large(2));
    workers[0]!.answer(1);
    expect(workers).toHaveLength(1);
    expect(outcomes.map((o) => o.status === 'ready' && o.value)).toEqual([
      `rendered ${PREVIEW_INLINE_CHARS + 1}`,
      `rendered ${PREVIEW_INLINE_CHARS + 2}`,
    ]);
  });

  it('says why when the inline render throws, and keeps working', () => {
    const scheduler = createPreviewScheduler<Job, string>({
      render: (job) => {
        if (job.text === 'bad') throw new RangeError('Invalid string length');
        return job.text;
      },
      size: (job) => job.text.length,
      createWorker: () => new FakeWorker(),
      onOutcome: () => undefined,
    });
    expect(scheduler.request({ text: 'bad' })).toEqual({
      status: 'failed',
      message: 'Invalid string length',
    });
    expect(scheduler.request({ text: 'good' })).toEqual({ status: 'ready', value: 'good' });
  });
});

describe('latest wins', () => {
  it('keeps only the newest request waiting while the worker is busy, and drops the older answer', () => {
    const { scheduler, workers, outcomes } = setup();
    scheduler.request(large(1));
    scheduler.request(large(2));
    scheduler.request(large(3));
    const w = workers[0]!;
    // Only the first went to the worker; the third replaced the second in waiting.
    expect(w.posted.map((p) => p.job.text.length)).toEqual([PREVIEW_INLINE_CHARS + 1]);
    w.answer(0);
    expect(outcomes).toEqual([]);
    expect(w.posted.map((p) => p.job.text.length)).toEqual([
      PREVIEW_INLINE_CHARS + 1,
      PREVIEW_INLINE_CHARS + 3,
    ]);
    w.answer(1);
    expect(outcomes).toEqual([{ status: 'ready', value: `rendered ${PREVIEW_INLINE_CHARS + 3}` }]);
  });

  it('drops a large answer once a small preview has replaced it', () => {
    const { scheduler, workers, outcomes } = setup();
    scheduler.request(large());
    expect(scheduler.request({ text: 'short' })).toEqual({ status: 'ready', value: 'rendered 5' });
    workers[0]!.answer(0);
    expect(outcomes).toEqual([]);
  });

  it('ignores an answer with an id it did not send, and answers after dispose', () => {
    const { scheduler, workers, outcomes } = setup();
    scheduler.request(large());
    const w = workers[0]!;
    w.onmessage?.({ data: { id: 999, ok: true, value: 'forged' } });
    expect(outcomes).toEqual([]);
    const handler = w.onmessage;
    scheduler.dispose();
    expect(w.terminated).toBe(true);
    handler?.({ data: { id: w.posted[0]!.id, ok: true, value: 'late' } });
    expect(outcomes).toEqual([]);
  });

  it('gives the worker’s failure for the latest request', () => {
    const { scheduler, workers, outcomes } = setup();
    scheduler.request(large());
    const w = workers[0]!;
    w.onmessage?.({ data: { id: w.posted[0]!.id, ok: false, message: 'Maximum call stack size exceeded' } });
    expect(outcomes).toEqual([{ status: 'failed', message: 'Maximum call stack size exceeded' }]);
  });

  it('replaces a worker that fails to load, failing its job with a message', () => {
    const { scheduler, workers, outcomes } = setup();
    scheduler.request(large());
    workers[0]!.onerror?.(new Event('error'));
    expect(workers[0]!.terminated).toBe(true);
    expect(outcomes).toEqual([{ status: 'failed', message: 'The preview could not be rendered.' }]);
    scheduler.request(large(1));
    expect(workers).toHaveLength(2);
  });

  it('holds for any interleaving of requests, answers and time (fast-check)', () => {
    const step = fc.oneof(
      fc.record({
        op: fc.constant('request' as const),
        size: fc.integer({ min: 0, max: 2 * PREVIEW_INLINE_CHARS }),
      }),
      fc.record({ op: fc.constant('answer' as const) }),
      fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 1500 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { scheduler, workers, outcomes } = setup(1000);
        let latestSize: number | null = null;
        let latestSettled = false;
        for (const s of steps) {
          const before = outcomes.length;
          if (s.op === 'request') {
            const got = scheduler.request({ text: 'y'.repeat(s.size) });
            latestSize = s.size;
            latestSettled = got.status !== 'pending';
            expect(got.status).toBe(s.size < PREVIEW_INLINE_CHARS ? 'ready' : 'pending');
          } else if (s.op === 'answer') {
            const w = workers.at(-1);
            if (w && !w.terminated && w.posted.length > 0) w.answer(w.posted.length - 1);
          } else {
            vi.advanceTimersByTime(s.ms);
          }
          const fresh = outcomes.slice(before);
          // At most one outcome a step, only for the latest request, and only once.
          expect(fresh.length).toBeLessThanOrEqual(1);
          for (const o of fresh) {
            expect(latestSettled).toBe(false);
            latestSettled = true;
            if (o.status === 'ready') expect(o.value).toBe(`rendered ${latestSize}`);
            else expect(o.status).toBe('too-large');
          }
          // Never more than one live worker, never more than one job in it at a time.
          expect(workers.filter((w) => !w.terminated).length).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('time limit', () => {
  it('says the preview is too large, ends the worker and starts a new one for the next', () => {
    const { scheduler, workers, outcomes } = setup(1000);
    scheduler.request(large());
    vi.advanceTimersByTime(999);
    expect(outcomes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(outcomes).toEqual([{ status: 'too-large' }]);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[0]!.onmessage).toBeNull();

    scheduler.request(large(1));
    expect(workers).toHaveLength(2);
    workers[1]!.answer(0);
    expect(outcomes.at(-1)).toEqual({ status: 'ready', value: `rendered ${PREVIEW_INLINE_CHARS + 1}` });
  });

  it('starts the waiting request in a new worker when the running, stale one times out', () => {
    const { scheduler, workers, outcomes } = setup(1000);
    scheduler.request(large(1));
    vi.advanceTimersByTime(600);
    scheduler.request(large(2));
    vi.advanceTimersByTime(400);
    // The stale job timed out: nothing is said about it, and the newest runs in a fresh worker.
    expect(outcomes).toEqual([]);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.posted.map((p) => p.job.text.length)).toEqual([PREVIEW_INLINE_CHARS + 2]);
    workers[1]!.answer(0);
    expect(outcomes).toEqual([{ status: 'ready', value: `rendered ${PREVIEW_INLINE_CHARS + 2}` }]);
  });

  it('times each job from when it reaches the worker, not from when it was asked for', () => {
    const { scheduler, workers, outcomes } = setup(1000);
    scheduler.request(large(1));
    vi.advanceTimersByTime(900);
    scheduler.request(large(2));
    workers[0]!.answer(0);
    vi.advanceTimersByTime(900);
    workers[0]!.answer(1);
    expect(outcomes).toEqual([{ status: 'ready', value: `rendered ${PREVIEW_INLINE_CHARS + 2}` }]);
  });
});

describe('preview jobs', () => {
  it('counts every character of template and personalisation, lists included', () => {
    const job = {
      kind: 'sms' as const,
      body: 'Hi ((name))',
      shown: { name: 'Ada', items: ['ab', 'c'] },
      actual: { name: 'Ada' },
      sent: {},
      rateMultiplier: 1,
    };
    // 'sms' + body + shown + actual: the kind counts too, harmlessly.
    expect(previewJobSize(job)).toBe(3 + 11 + 3 + 3 + 3);
  });

  it('renders with the shared template code, as sent and as shown', () => {
    const result = runPreviewTask({
      kind: 'sms',
      body: 'Hello ((name)), code ((code))',
      shown: { name: 'Ada', code: '((code))' },
      actual: { name: 'Ada', code: '' },
      sent: { name: 'Ada', code: '' },
      rateMultiplier: 1,
    });
    expect(result).toMatchObject({
      kind: 'sms',
      text: renderSmsBody('Hello ((name)), code ((code))', { name: 'Ada', code: '((code))' }),
      localBody: 'Hello Ada, code',
    });
    expect(runPreviewTask({ kind: 'sent-email', body: '# Title' })).toEqual({
      kind: 'sent-body',
      html: renderEmailHtml('# Title', {}),
    });
  });
});
