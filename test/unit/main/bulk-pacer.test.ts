import { describe, expect, it } from 'vitest';
import { SendPacer } from '../../../src-main/core/bulk/send-pacer';
import { decide } from '../../../src-main/core/bulk/send-policy';

/** A pacer on a fake clock: sleeping moves the clock. */
function fakePacer(ratePerMinute: number | null, burst?: number) {
  let now = 0;
  const pacer = new SendPacer({
    ratePerMinute,
    burst,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  });
  return { pacer, clock: () => now, advance: (ms: number) => (now += ms) };
}

describe('send pacer', () => {
  it('spaces sends evenly at the rate: 3,000 a minute is one every 20 ms', async () => {
    const { pacer, clock } = fakePacer(3_000);
    const times: number[] = [];
    for (let i = 0; i < 3_001; i++) {
      await pacer.acquire();
      times.push(clock());
    }
    expect(times[3_000]! - times[0]!).toBe(60_000);
    expect(new Set(times.slice(1).map((t, i) => t - times[i]!))).toEqual(new Set([20]));
  });

  it('lets a batch that fell behind catch up by its burst only', async () => {
    const { pacer, clock, advance } = fakePacer(3_000, 10);
    await pacer.acquire();
    advance(10_000);
    const start = clock();
    for (let i = 0; i < 10; i++) await pacer.acquire();
    expect(clock()).toBe(start);
    await pacer.acquire();
    await pacer.acquire();
    expect(clock()).toBeGreaterThan(start);
  });

  it('after a 429 waits Retry-After, halves the pace, then recovers 5 % every 5 s', async () => {
    const { pacer, clock, advance } = fakePacer(3_000);
    await pacer.acquire();
    pacer.slowDown(2_000);
    expect(pacer.ratePerMinute).toBe(1_500);
    await pacer.acquire();
    expect(clock()).toBe(2_000);
    advance(5_000);
    await pacer.acquire();
    expect(pacer.ratePerMinute).toBe(1_650);
    advance(60_000);
    await pacer.acquire();
    expect(pacer.ratePerMinute).toBe(3_000);
  });

  it('waits a second after a 429 without Retry-After; can go below the refill rate, to one a minute', async () => {
    const { pacer, clock } = fakePacer(100);
    pacer.slowDown(null);
    await pacer.acquire();
    expect(clock()).toBe(1_000);
    for (let i = 0; i < 10; i++) {
      await pacer.acquire();
      pacer.slowDown(null);
    }
    expect(pacer.ratePerMinute).toBe(1);
  });

  it('halves once for the 429s of requests sent before the slowdown took effect', () => {
    const { pacer, advance } = fakePacer(3_000);
    pacer.slowDown(null);
    advance(100);
    pacer.slowDown(null);
    pacer.slowDown(null);
    expect(pacer.ratePerMinute).toBe(1_500);
    advance(1_000);
    pacer.slowDown(null);
    expect(pacer.ratePerMinute).toBe(750);
  });

  it('never goes back above the limit Notify’s 429 names', async () => {
    const { pacer, advance } = fakePacer(6_000);
    pacer.slowDown(null, 600);
    expect(pacer.ratePerMinute).toBe(300);
    advance(600_000);
    await pacer.acquire();
    expect(pacer.ratePerMinute).toBe(600);
  });

  it('no rate: no waiting, except a hold', async () => {
    const { pacer, clock } = fakePacer(null);
    for (let i = 0; i < 1_000; i++) await pacer.acquire();
    expect(clock()).toBe(0);
    pacer.hold(500);
    await pacer.acquire();
    expect(clock()).toBe(500);
  });
});

describe('what each answer means', () => {
  const error = (status: number, message: string, errorClass: string | null = 'BadRequestError') =>
    decide({ kind: 'error', status, errorClass, message, retryAfterMs: null });

  it.each([
    [429, 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds', 'retry'],
    [429, 'Exceeded send limits (sms: 250000) for today', 'stop'],
    [403, 'Invalid token: API key revoked', 'stop'],
    [403, 'Error: Your system clock must be accurate to within 30 seconds', 'stop'],
    [400, 'Service is not allowed to send text messages', 'stop'],
    [400, 'Template not found', 'stop'],
    [400, "Can't send to this recipient using a team-only API key", 'failed'],
    [400, 'phone_number Not a UK mobile number', 'failed'],
    [400, 'Missing personalisation: name', 'failed'],
  ])('%d %j → %s', (status, message, action) => {
    expect(error(status, message).action).toBe(action);
  });

  it('a redirect or a page from something other than Notify stops the batch', () => {
    expect(error(302, 'redirected', null).action).toBe('stop');
  });

  it('reads the service’s limit from a rate-limit 429', () => {
    const decision = error(429, 'Exceeded rate limit for key type TEAM of 1200 requests per 60 seconds');
    expect(decision).toMatchObject({ action: 'retry', why: 'rate-limited', limitPerMinute: 1200 });
  });

  it('only a 201 or a lookup says sent; a lost answer is looked up', () => {
    expect(decide({ kind: 'created', id: 'x' })).toEqual({ action: 'sent', id: 'x' });
    expect(decide({ kind: 'unknown', message: 'reset' }).action).toBe('look-up');
    expect(decide({ kind: 'not-sent', message: 'refused' }).action).toBe('retry');
  });
});
