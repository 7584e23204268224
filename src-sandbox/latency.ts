/**
 * Realistic response times: how long Notify takes to answer each route, as a seeded log-normal
 * distribution per route.
 *
 * Real Notify answers a send in tens of milliseconds and a precompiled letter in hundreds (it uploads
 * the PDF to S3 before it answers); a sandbox that answers everything in a millisecond lets client
 * code (and its tests) assume timings no real client sees. The figures and their basis are in
 * docs/sandbox.md ("Response times"): Notify publishes no API latency figures, so they come from
 * reasoning about what each route does in Notify's architecture, not from measurements.
 *
 * The delay is added after the request has been taken in and processed (as the `latency` fault
 * does), so a send exists before its answer arrives. Each route draws from its own stream, seeded
 * from the sandbox's seed and the route's name: the same seed and the same requests give the same
 * delays whatever other routes are called in between.
 */
import { z } from 'zod';

/** The routes whose response times are modelled, in Notify's words where it has them. */
const LATENCY_ROUTES = [
  'post_sms',
  'post_email',
  'post_email_with_file',
  'post_letter',
  'post_precompiled_letter',
  'get_notification',
  'get_notifications',
  'get_pdf',
  'get_template',
  'get_templates',
  'post_template_preview',
  'get_received_texts',
  'status',
  'unsubscribe',
  'error',
] as const;
export type LatencyRoute = (typeof LATENCY_ROUTES)[number];

interface LatencyFigure {
  /** What it covers, for the control API and the docs. */
  what: string;
  medianMs: number;
  p95Ms: number;
}

/**
 * Median and 95th percentile per route, in milliseconds, as a client in the UK sees them (network
 * round trip included). docs/sandbox.md gives the reasoning for each.
 */
const LATENCY_FIGURES: Readonly<Record<LatencyRoute, LatencyFigure>> = {
  post_sms: { what: 'POST /v2/notifications/sms', medianMs: 45, p95Ms: 110 },
  post_email: { what: 'POST /v2/notifications/email', medianMs: 45, p95Ms: 110 },
  post_email_with_file: {
    what: 'POST /v2/notifications/email with a file to send (Document Download upload)',
    medianMs: 380,
    p95Ms: 900,
  },
  post_letter: { what: 'POST /v2/notifications/letter (templated)', medianMs: 55, p95Ms: 130 },
  post_precompiled_letter: {
    what: 'POST /v2/notifications/letter (precompiled PDF, uploaded before the answer)',
    medianMs: 420,
    p95Ms: 1100,
  },
  get_notification: { what: 'GET /v2/notifications/{id}', medianMs: 30, p95Ms: 80 },
  get_notifications: { what: 'GET /v2/notifications (a page of up to 250)', medianMs: 90, p95Ms: 240 },
  get_pdf: { what: 'GET /v2/notifications/{id}/pdf (read from S3)', medianMs: 280, p95Ms: 700 },
  get_template: { what: 'GET /v2/template/{id}[/version/{v}]', medianMs: 25, p95Ms: 70 },
  get_templates: { what: 'GET /v2/templates', medianMs: 40, p95Ms: 110 },
  post_template_preview: { what: 'POST /v2/template/{id}/preview', medianMs: 60, p95Ms: 170 },
  get_received_texts: { what: 'GET /v2/received-text-messages', medianMs: 45, p95Ms: 120 },
  status: { what: 'GET /_status, and OPTIONS answers', medianMs: 15, p95Ms: 40 },
  unsubscribe: { what: 'POST /unsubscribe/{id}/{token}', medianMs: 35, p95Ms: 90 },
  error: {
    what: 'any 4xx or 5xx answer, and paths Notify has no route for',
    medianMs: 20,
    p95Ms: 60,
  },
};

/** The standard normal's 95th percentile: p95 = median × e^(1.6449 σ). */
const Z95 = 1.6448536269514722;
/** Draws are kept within [median / 4, p95 × 4]: no zero-time answer, no minute-long freak. */
const LOW_FACTOR = 4;
const HIGH_FACTOR = 4;

export const LATENCY_MODES = ['realistic', 'none'] as const;
export type LatencyMode = (typeof LATENCY_MODES)[number];

/** The setting as a fixture, an option or the control API gives it. */
export const latencySettingSchema = z.union([
  z.enum(LATENCY_MODES),
  z.strictObject({
    mode: z.enum(LATENCY_MODES),
    seed: z.number().int().min(0).max(0xffffffff).optional(),
  }),
]);
export type LatencySetting = z.input<typeof latencySettingSchema>;

/** The seed used when none is given: runs are reproducible unless asked otherwise. */
const DEFAULT_LATENCY_SEED = 14;

/** `mulberry32`: a small, fast 32-bit generator; enough for delays, not for secrets. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a route's name mixed with the seed, so each route has a stream of its own. */
function streamSeed(seed: number, route: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < route.length; i++) h = Math.imul(h ^ route.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A log-normal sampler with the given median and 95th percentile, drawing from `random`. */
function logNormalSampler(figure: LatencyFigure, random: () => number): () => number {
  const mu = Math.log(figure.medianMs);
  const sigma = Math.log(figure.p95Ms / figure.medianMs) / Z95;
  const low = figure.medianMs / LOW_FACTOR;
  const high = figure.p95Ms * HIGH_FACTOR;
  return () => {
    // Box–Muller; 1 - u keeps the logarithm away from 0.
    const u = 1 - random();
    const v = random();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.min(high, Math.max(low, Math.exp(mu + sigma * z)));
  };
}

/** How many of each route's latest delays are kept for the quantiles `describe()` reports. */
const RECENT = 1000;

interface RouteStream {
  next: () => number;
  requests: number;
  addedMs: number;
  /** The latest delays, a ring of `RECENT`. */
  recent: number[];
}

/** The sandbox's latency model: a mode, a seed, and a stream and counters per route. */
export class Latency {
  private streams = new Map<LatencyRoute, RouteStream>();
  mode: LatencyMode;
  seed: number;

  constructor(setting: LatencySetting = 'realistic') {
    const s = normaliseSetting(setting);
    this.mode = s.mode;
    this.seed = s.seed;
  }

  /** Changes the mode and, when given, the seed; a new seed starts every stream again. */
  set(setting: LatencySetting): void {
    const s = typeof setting === 'string' ? { mode: setting, seed: undefined } : setting;
    this.mode = s.mode;
    if (s.seed !== undefined) {
      this.seed = s.seed;
      this.streams.clear();
    }
  }

  /** Back to a setting with fresh streams and counters (a sandbox reset). */
  restart(setting: LatencySetting): void {
    const s = normaliseSetting(setting);
    this.mode = s.mode;
    this.seed = s.seed;
    this.streams.clear();
  }

  /** The delay to add to an answer on `route`, in ms: 0 with latency off. */
  draw(route: LatencyRoute): number {
    if (this.mode === 'none') return 0;
    let stream = this.streams.get(route);
    if (!stream) {
      const next = logNormalSampler(LATENCY_FIGURES[route], mulberry32(streamSeed(this.seed, route)));
      this.streams.set(route, (stream = { next, requests: 0, addedMs: 0, recent: [] }));
    }
    const ms = Math.round(stream.next());
    stream.recent[stream.requests % RECENT] = ms;
    stream.requests++;
    stream.addedMs += ms;
    return ms;
  }

  /**
   * The setting and each route's figures and what was added so far (with the median and p95 of its
   * latest 1,000 delays), for `GET /_sandbox/latency`.
   */
  describe() {
    return {
      mode: this.mode,
      seed: this.seed,
      routes: LATENCY_ROUTES.map((route) => {
        const stream = this.streams.get(route);
        const recent = [...(stream?.recent ?? [])].sort((a, b) => a - b);
        const at = (q: number) => (recent.length ? recent[Math.floor(q * (recent.length - 1))]! : null);
        return {
          route,
          what: LATENCY_FIGURES[route].what,
          median_ms: LATENCY_FIGURES[route].medianMs,
          p95_ms: LATENCY_FIGURES[route].p95Ms,
          requests: stream?.requests ?? 0,
          added_ms: stream?.addedMs ?? 0,
          recent_median_ms: at(0.5),
          recent_p95_ms: at(0.95),
        };
      }),
    };
  }
}

function normaliseSetting(setting: LatencySetting): { mode: LatencyMode; seed: number } {
  const s = latencySettingSchema.parse(setting);
  return typeof s === 'string'
    ? { mode: s, seed: DEFAULT_LATENCY_SEED }
    : { mode: s.mode, seed: s.seed ?? DEFAULT_LATENCY_SEED };
}
