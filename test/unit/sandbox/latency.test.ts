/**
 * The response-time model: each route's draws follow its documented median and 95th percentile, the
 * same seed gives the same delays, routes do not disturb each other, and `none` adds nothing.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Latency, latencySettingSchema, type LatencyRoute } from '../../../src-sandbox/latency';

/**
 * Each modelled route's median and p95 in ms, in the order docs/sandbox.md ("Response times") lists
 * them: the figures are a product decision reasoned from Notify's architecture, stated here so that a
 * changed figure fails until the docs say the same.
 */
const DOCUMENTED: [route: LatencyRoute, medianMs: number, p95Ms: number][] = [
  ['post_sms', 45, 110],
  ['post_email', 45, 110],
  ['post_email_with_file', 380, 900],
  ['post_letter', 55, 130],
  ['post_precompiled_letter', 420, 1100],
  ['get_notification', 30, 80],
  ['get_notifications', 90, 240],
  ['get_pdf', 280, 700],
  ['get_template', 25, 70],
  ['get_templates', 40, 110],
  ['post_template_preview', 60, 170],
  ['get_received_texts', 45, 120],
  ['status', 15, 40],
  ['unsubscribe', 35, 90],
  ['error', 20, 60],
];
/** The seed when none is given (docs/sandbox.md, `--latency-seed`). */
const DEFAULT_SEED = 14;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function draws(latency: Latency, route: LatencyRoute, n: number): number[] {
  return Array.from({ length: n }, () => latency.draw(route));
}

describe('realistic response times', () => {
  it('models the documented routes, in order, and reports their figures', () => {
    expect(new Latency('realistic').describe().routes.map((r) => [r.route, r.median_ms, r.p95_ms])).toEqual(
      DOCUMENTED,
    );
  });

  it.each(DOCUMENTED)(
    '%s: 20,000 draws have the documented median and p95, within the clamp',
    (route, medianMs, p95Ms) => {
      const sorted = draws(new Latency('realistic'), route, 20_000).sort((a, b) => a - b);
      expect(quantile(sorted, 0.5)).toBeGreaterThanOrEqual(medianMs * 0.96);
      expect(quantile(sorted, 0.5)).toBeLessThanOrEqual(medianMs * 1.04);
      expect(quantile(sorted, 0.95)).toBeGreaterThanOrEqual(p95Ms * 0.94);
      expect(quantile(sorted, 0.95)).toBeLessThanOrEqual(p95Ms * 1.06);
      expect(sorted[0]).toBeGreaterThanOrEqual(Math.round(medianMs / 4));
      expect(sorted[sorted.length - 1]).toBeLessThanOrEqual(Math.round(p95Ms * 4));
    },
  );

  it('a precompiled letter takes hundreds of ms, a send tens, a GET of one notification less', () => {
    const median = (route: LatencyRoute) =>
      quantile(
        draws(new Latency('realistic'), route, 2001).sort((a, b) => a - b),
        0.5,
      );
    expect(median('post_precompiled_letter')).toBeGreaterThanOrEqual(300);
    expect(median('post_sms')).toBeGreaterThanOrEqual(20);
    expect(median('post_sms')).toBeLessThan(100);
    expect(median('get_notification')).toBeLessThan(median('post_sms'));
    expect(median('post_template_preview')).toBeGreaterThan(median('post_sms'));
  });

  it('the same seed gives the same delays; another seed other delays', () => {
    const a = draws(new Latency({ mode: 'realistic', seed: 7 }), 'post_sms', 50);
    const b = draws(new Latency({ mode: 'realistic', seed: 7 }), 'post_sms', 50);
    const c = draws(new Latency({ mode: 'realistic', seed: 8 }), 'post_sms', 50);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Latency('realistic').seed).toBe(DEFAULT_SEED);
  });

  it('each route has its own stream: calls to other routes in between change nothing', () => {
    const alone = draws(new Latency('realistic'), 'get_notification', 30);
    const mixed = new Latency('realistic');
    const interleaved: number[] = [];
    for (let i = 0; i < 30; i++) {
      mixed.draw('post_sms');
      mixed.draw('post_precompiled_letter');
      interleaved.push(mixed.draw('get_notification'));
    }
    expect(interleaved).toEqual(alone);
  });

  it('restart() begins the streams again and clears the counters; set() with a seed does too', () => {
    const latency = new Latency('realistic');
    const first = draws(latency, 'post_email', 10);
    expect(latency.describe().routes.find((r) => r.route === 'post_email')).toMatchObject({
      requests: 10,
      added_ms: first.reduce((x, y) => x + y, 0),
    });
    latency.restart('realistic');
    expect(draws(latency, 'post_email', 10)).toEqual(first);
    latency.set({ mode: 'realistic', seed: DEFAULT_SEED });
    expect(draws(latency, 'post_email', 10)).toEqual(first);
  });

  it('none adds nothing and counts nothing', () => {
    const latency = new Latency('none');
    expect(draws(latency, 'post_precompiled_letter', 100).every((ms) => ms === 0)).toBe(true);
    expect(latency.describe().routes.every((r) => r.requests === 0 && r.added_ms === 0)).toBe(true);
    latency.set('realistic');
    expect(latency.draw('post_precompiled_letter')).toBeGreaterThan(0);
  });

  it('refuses a setting that is not a mode, or a seed that is not a 32-bit whole number', () => {
    for (const bad of ['fast', '', 'REALISTIC', { mode: 'slow' }, { mode: 'none', seed: -1 }, { seed: 1 }]) {
      expect(latencySettingSchema.safeParse(bad).success).toBe(false);
      expect(() => new Latency(bad as never)).toThrow();
    }
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const ok = latencySettingSchema.safeParse(value).success;
        const known =
          value === 'none' ||
          value === 'realistic' ||
          (typeof value === 'object' && value !== null && 'mode' in value);
        return !ok || known;
      }),
    );
  });
});

describe('docs/sandbox.md', () => {
  it('documents every route with the figures the model uses, in the same order', () => {
    const doc = readFileSync(new URL('../../../docs/sandbox.md', import.meta.url), 'utf8');
    const section = doc.slice(
      doc.indexOf('## Response times'),
      doc.indexOf('\n## ', doc.indexOf('## Response times') + 5),
    );
    const rows = [...section.matchAll(/^\|[^|]+\|\s*(\d+) ms\s*\|\s*(\d+) ms\s*\|$/gm)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(rows).toEqual(DOCUMENTED.map(([, medianMs, p95Ms]) => [medianMs, p95Ms]));
    expect(section).toContain('Basis: reasoning from Notify');
  });
});
