/**
 * The panel's faults: the sandbox's own (`/_sandbox/faults`, each with a one-line summary), plus the
 * "daily limit reached" the panel makes by setting a service's daily limits to 0 — the sandbox then
 * answers a send with Notify's real 429 `TooManyRequestsError` ("Exceeded send limits (sms: 0) for
 * today"). The limits it replaced are kept here, so removing the fault puts them back; a reset of
 * the sandbox puts back the fixture's limits and ends the fault too.
 *
 * A watcher reads the sandbox's faults every few seconds while the console runs and tells the
 * window when they change (a counted fault used up, one a script added), so the header's "fault
 * active" marker is true on every screen.
 */
import type { PanelFault } from '../../contract/sandbox';
import type { CoreEvents } from '../events';
import type { Logger } from '../ports';
import type { ControlFault, ControlLimits, SandboxControlApi } from './control-api';

/** The prefix of a daily-limit fault's id: `daily-limit:<service id>`. */
const DAILY_LIMIT_PREFIX = 'daily-limit:';
const ZERO_LIMITS: ControlLimits = { email: 0, sms: 0, letter: 0, international_sms: 0 };

/** One line for a person: what the fault does, to which requests, for how long. */
function faultSummary(f: ControlFault): string {
  const what =
    f.kind === 'error'
      ? errorWords(f.status ?? 500)
      : f.kind === 'latency'
        ? `Answers ${(f.latency_ms ?? 1000).toLocaleString('en-GB')} ms late`
        : f.kind === 'slow_network'
          ? `Requests arrive ${(f.latency_ms ?? 1000).toLocaleString('en-GB')} ms late (a slow network)`
          : f.phase === 'after'
            ? 'Drops the connection after the request is processed (the outcome is unknown)'
            : 'Drops the connection before the request is processed';
  const which = `${f.method ? `${f.method} ` : ''}${f.path_prefix}… requests`;
  const until =
    f.remaining === null ? 'until removed' : `${f.remaining} more ${f.remaining === 1 ? 'time' : 'times'}`;
  return `${what}, on ${which}, ${until}`;
}

function errorWords(status: number): string {
  if (status === 429) return '429 rate limit (RateLimitError)';
  if (status === 500) return '500 Internal server error';
  if (status >= 500) return `${status} from a gateway (an HTML page, not JSON)`;
  return `${status} error`;
}

function toPanelFault(f: ControlFault): PanelFault {
  return {
    id: f.id,
    kind: f.kind,
    status: f.status ?? (f.kind === 'error' ? 500 : null),
    latencyMs: f.kind === 'latency' || f.kind === 'slow_network' ? (f.latency_ms ?? 1000) : null,
    remaining: f.remaining,
    hits: f.hits,
    pathPrefix: f.path_prefix,
    method: f.method ?? null,
    phase: f.phase,
    retryAfter: f.retry_after ?? null,
    serviceId: null,
    summary: faultSummary(f),
  };
}

/** The faults as the panel lists them, and the daily limits it set to 0. */
export class PanelFaults {
  /** Per service: the daily limits before the panel set them to 0, and the service's name. */
  private readonly dailyLimits = new Map<string, { name: string; before: ControlLimits }>();
  private lastSent = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly control: SandboxControlApi,
    private readonly events: CoreEvents,
    private readonly logger: Logger,
    private readonly pollMs = 3000,
  ) {}

  /** Every active fault: the sandbox's, then the daily limits reached. */
  async list(): Promise<PanelFault[]> {
    const own = (await this.control.faults()).map(toPanelFault);
    const daily = [...this.dailyLimits].map(([serviceId, { name }]): PanelFault => ({
      id: `${DAILY_LIMIT_PREFIX}${serviceId}`,
      kind: 'daily-limit',
      status: 429,
      latencyMs: null,
      remaining: null,
      hits: 0,
      pathPrefix: '/v2/notifications',
      method: 'POST',
      phase: 'before',
      retryAfter: null,
      serviceId,
      summary: `429 daily limit reached (TooManyRequestsError) for every send from ${name}, until removed`,
    }));
    return [...own, ...daily];
  }

  /** Lists the faults and tells the window if they changed. */
  async refresh(): Promise<PanelFault[]> {
    const faults = await this.list();
    this.publish(faults);
    return faults;
  }

  async add(body: Record<string, unknown>): Promise<PanelFault[]> {
    await this.control.addFault(body);
    return this.refresh();
  }

  async remove(id: string): Promise<PanelFault[]> {
    if (id.startsWith(DAILY_LIMIT_PREFIX))
      return this.setDailyLimitReached(id.slice(DAILY_LIMIT_PREFIX.length), false);
    await this.control.removeFault(id);
    return this.refresh();
  }

  async clear(): Promise<PanelFault[]> {
    await this.control.clearFaults();
    for (const serviceId of [...this.dailyLimits.keys()]) await this.restoreLimits(serviceId);
    return this.refresh();
  }

  async setDailyLimitReached(serviceId: string, reached: boolean): Promise<PanelFault[]> {
    if (reached && !this.dailyLimits.has(serviceId)) {
      const current = await this.control.patchService(serviceId, {});
      await this.control.patchService(serviceId, { limits: ZERO_LIMITS });
      this.dailyLimits.set(serviceId, { name: current.name, before: current.limits });
    } else if (!reached && this.dailyLimits.has(serviceId)) {
      await this.restoreLimits(serviceId);
    }
    return this.refresh();
  }

  /** After a reset the fixture's limits are back: no daily-limit fault is left. */
  forgetDailyLimits(): void {
    this.dailyLimits.clear();
  }

  /** Reads the faults every `pollMs` and tells the window when they change. */
  start(): void {
    if (this.closed || this.timer) return;
    const tick = async () => {
      try {
        if (this.control.running) await this.refresh();
      } catch (err) {
        this.logger.warn('could not read the embedded sandbox’s faults', {
          error: err instanceof Error ? err.message : String(err),
        });
      }
      if (!this.closed) this.timer = setTimeout(() => void tick(), this.pollMs);
      this.timer?.unref?.();
    };
    this.timer = setTimeout(() => void tick(), this.pollMs);
    this.timer.unref?.();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async restoreLimits(serviceId: string): Promise<void> {
    const saved = this.dailyLimits.get(serviceId);
    if (!saved) return;
    await this.control.patchService(serviceId, { limits: saved.before });
    this.dailyLimits.delete(serviceId);
  }

  private publish(faults: PanelFault[]): void {
    const text = JSON.stringify(faults);
    if (text === this.lastSent) return;
    this.lastSent = text;
    this.events.emit('sandbox.faults', { faults });
  }
}
