/**
 * The sandbox's state: services, keys, templates, notifications, received texts and counters.
 *
 * Every change goes through a method here, which applies it in memory and hands a record to the
 * journal; `replay` rebuilds the same state from those records after a restart.
 */
import { randomUUID } from 'node:crypto';
import type { TemplateType } from '../src-shared/statuses';
import type { Fixture, FixtureService, KeyType } from './fixtures';
import type {
  ApiKey,
  Complaint,
  ReceivedText,
  Service,
  StoredNotification,
  Template,
  UnsubscribeRequest,
} from './model';

export type JournalRecord =
  | { t: 'notification'; n: StoredNotification }
  | { t: 'update'; id: string; patch: Partial<StoredNotification> }
  | { t: 'received'; r: ReceivedText }
  | { t: 'service'; s: Service }
  | { t: 'key'; k: ApiKey }
  | { t: 'template'; serviceId: string; tpl: Template }
  | { t: 'unsubscribe'; u: UnsubscribeRequest }
  | { t: 'complaint'; c: Complaint }
  | { t: 'purge'; ids: string[] }
  /** Back to the starting fixture: everything before it is forgotten. */
  | { t: 'reset' };

export interface Journal {
  /** Resolves once the record is durable (immediately for an in-memory sandbox). */
  append(record: JournalRecord): Promise<void>;
}

const DONE: Promise<void> = Promise.resolve();
export const memoryJournal: Journal = { append: () => DONE };

const DAY_MS = 86_400_000;

export class SandboxStore {
  readonly services = new Map<string, Service>();
  readonly keys = new Map<string, ApiKey[]>();
  readonly templates = new Map<string, Template & { serviceId: string }>();
  readonly notifications = new Map<string, StoredNotification>();
  /** Per `${serviceId}:${keyType}`, ascending by createdAt. */
  private readonly lists = new Map<string, StoredNotification[]>();
  private readonly received = new Map<string, ReceivedText[]>();
  readonly unsubscribes: UnsubscribeRequest[] = [];
  readonly complaints: Complaint[] = [];
  /** `${serviceId}-${type}-${YYYY-MM-DD}` → count, as Notify's Redis keys. */
  readonly dailyCounts = new Map<string, number>();
  journal: Journal = memoryJournal;
  /** What a reset goes back to (also when a `reset` record is replayed). */
  startingFixture: Fixture | null = null;
  /**
   * Told of each notification stored, changed or removed (its id), and of a reset (null): the change
   * feed that inbox tools and test kits follow.
   */
  onChange: ((id: string | null) => void) | null = null;

  constructor(private readonly nowMicros: () => number) {}

  /** Back to the starting fixture (same keys); resolves once the reset is durable. */
  async reset(): Promise<void> {
    this.replay({ t: 'reset' });
    await this.journal.append({ t: 'reset' });
  }

  /** Loads a (completed) fixture; times missing from received texts are spread over the last hour. */
  loadFixture(fixture: Fixture): void {
    for (const s of fixture.services) this.loadService(s);
  }

  private loadService(fs: FixtureService): void {
    const { api_keys, templates, received_texts, ...service } = fs;
    this.services.set(service.id, service);
    this.keys.set(
      service.id,
      api_keys.map((k) => ({
        id: k.id ?? randomUUID(),
        serviceId: service.id,
        name: k.name,
        keyType: k.key_type,
        secret: k.secret ?? randomUUID(),
        revokedAt: k.revoked_at ? Date.parse(k.revoked_at) : null,
      })),
    );
    for (const t of templates) this.templates.set(t.id, { ...t, serviceId: service.id });
    const now = this.nowMicros();
    received_texts.forEach((r, i) => {
      this.addReceivedInMemory({
        id: r.id ?? randomUUID(),
        serviceId: service.id,
        userNumber: r.user_number,
        notifyNumber: r.notify_number ?? service.inbound_number ?? '',
        content: r.content,
        createdAt: r.created_at
          ? Date.parse(r.created_at) * 1000
          : now - (received_texts.length - i) * 600_000_000,
      });
    });
  }

  /** Forgets everything (before loading a fixture again). */
  clear(): void {
    for (const m of [
      this.services,
      this.keys,
      this.templates,
      this.notifications,
      this.lists,
      this.received,
      this.dailyCounts,
    ])
      m.clear();
    this.unsubscribes.length = 0;
    this.complaints.length = 0;
  }

  /** Applies a journal record without journaling it again (used at start-up). */
  replay(rec: JournalRecord): void {
    switch (rec.t) {
      case 'notification':
        this.addNotificationInMemory(rec.n);
        break;
      case 'update': {
        const n = this.notifications.get(rec.id);
        if (n) {
          Object.assign(n, rec.patch);
          this.onChange?.(n.id);
        }
        break;
      }
      case 'received':
        this.addReceivedInMemory(rec.r);
        break;
      case 'service':
        this.services.set(rec.s.id, rec.s);
        if (!this.keys.has(rec.s.id)) this.keys.set(rec.s.id, []);
        break;
      case 'key': {
        const list = this.keys.get(rec.k.serviceId) ?? [];
        const i = list.findIndex((k) => k.id === rec.k.id);
        if (i >= 0) list[i] = rec.k;
        else list.push(rec.k);
        this.keys.set(rec.k.serviceId, list);
        break;
      }
      case 'template':
        this.templates.set(rec.tpl.id, { ...rec.tpl, serviceId: rec.serviceId });
        break;
      case 'unsubscribe':
        this.unsubscribes.push(rec.u);
        break;
      case 'complaint':
        this.complaints.push(rec.c);
        break;
      case 'purge':
        for (const id of rec.ids) this.removeNotificationInMemory(id);
        break;
      case 'reset':
        this.clear();
        if (this.startingFixture) this.loadFixture(this.startingFixture);
        this.onChange?.(null);
        break;
    }
  }

  // ---- keys -------------------------------------------------------------------------------

  /** Keys Notify would try: live ones and those revoked within the last 7 days. */
  candidateKeys(serviceId: string, nowMs: number): ApiKey[] {
    return (this.keys.get(serviceId) ?? []).filter(
      (k) => k.revokedAt === null || k.revokedAt > nowMs - 7 * DAY_MS,
    );
  }

  async putKey(k: ApiKey): Promise<void> {
    this.replay({ t: 'key', k });
    await this.journal.append({ t: 'key', k });
  }

  async putService(s: Service): Promise<void> {
    this.replay({ t: 'service', s });
    await this.journal.append({ t: 'service', s });
  }

  async putTemplate(serviceId: string, tpl: Template): Promise<void> {
    this.replay({ t: 'template', serviceId, tpl });
    await this.journal.append({ t: 'template', serviceId, tpl });
  }

  templatesOf(serviceId: string): (Template & { serviceId: string })[] {
    return [...this.templates.values()].filter((t) => t.serviceId === serviceId);
  }

  // ---- notifications ----------------------------------------------------------------------

  /** Stores a notification and bumps the daily counters; resolves when it is durable. */
  async addNotification(n: StoredNotification): Promise<void> {
    this.addNotificationInMemory(n);
    await this.journal.append({ t: 'notification', n });
  }

  private addNotificationInMemory(n: StoredNotification): void {
    this.notifications.set(n.id, n);
    this.onChange?.(n.id);
    const key = `${n.serviceId}:${n.keyType}`;
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = []));
    // Appends are in time order; replayed or imported ones may not be.
    if (list.length === 0 || list[list.length - 1]!.createdAt <= n.createdAt) list.push(n);
    else list.splice(lowerBound(list, n.createdAt), 0, n);
    if (n.keyType !== 'test') {
      this.bumpDaily(n.serviceId, n.type, n.createdAt);
      if (n.type === 'sms' && n.international) this.bumpDaily(n.serviceId, 'international_sms', n.createdAt);
    }
  }

  private bumpDaily(
    serviceId: string,
    type: TemplateType | 'international_sms',
    createdAtMicros: number,
  ): void {
    const k = dailyKey(serviceId, type, createdAtMicros / 1000);
    this.dailyCounts.set(k, (this.dailyCounts.get(k) ?? 0) + 1);
  }

  dailyCount(serviceId: string, type: TemplateType | 'international_sms', nowMs: number): number {
    return this.dailyCounts.get(dailyKey(serviceId, type, nowMs)) ?? 0;
  }

  /** Applies a change to a notification and journals it. */
  updateNotification(id: string, patch: Partial<StoredNotification>): Promise<void> {
    const n = this.notifications.get(id);
    if (!n) return DONE;
    Object.assign(n, patch);
    this.onChange?.(id);
    return this.journal.append({ t: 'update', id, patch });
  }

  /** The list for a service and key type, ascending by created_at. */
  listFor(serviceId: string, keyType: KeyType): readonly StoredNotification[] {
    return this.lists.get(`${serviceId}:${keyType}`) ?? [];
  }

  allFor(serviceId: string): StoredNotification[] {
    const out: StoredNotification[] = [];
    for (const kt of ['normal', 'team', 'test'] as const) out.push(...this.listFor(serviceId, kt));
    return out.sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Drops notifications past their service's retention, as Notify's nightly task does. */
  async purgeExpired(nowMs: number): Promise<number> {
    const ids: string[] = [];
    for (const n of this.notifications.values()) {
      const s = this.services.get(n.serviceId);
      const days = s?.data_retention_days ?? 7;
      if (n.createdAt / 1000 < nowMs - days * DAY_MS) ids.push(n.id);
    }
    if (ids.length === 0) return 0;
    for (const id of ids) this.removeNotificationInMemory(id);
    await this.journal.append({ t: 'purge', ids });
    return ids.length;
  }

  private removeNotificationInMemory(id: string): void {
    const n = this.notifications.get(id);
    if (!n) return;
    this.notifications.delete(id);
    this.onChange?.(id);
    const list = this.lists.get(`${n.serviceId}:${n.keyType}`);
    if (list) {
      const i = list.indexOf(n);
      if (i >= 0) list.splice(i, 1);
    }
  }

  // ---- received texts ---------------------------------------------------------------------

  async addReceived(r: ReceivedText): Promise<void> {
    this.addReceivedInMemory(r);
    await this.journal.append({ t: 'received', r });
  }

  private addReceivedInMemory(r: ReceivedText): void {
    let list = this.received.get(r.serviceId);
    if (!list) this.received.set(r.serviceId, (list = []));
    if (list.length === 0 || list[list.length - 1]!.createdAt <= r.createdAt) list.push(r);
    else list.splice(lowerBound(list, r.createdAt), 0, r);
  }

  receivedFor(serviceId: string): readonly ReceivedText[] {
    return this.received.get(serviceId) ?? [];
  }

  async addUnsubscribe(u: UnsubscribeRequest): Promise<void> {
    this.unsubscribes.push(u);
    await this.journal.append({ t: 'unsubscribe', u });
  }

  async addComplaint(c: Complaint): Promise<void> {
    this.complaints.push(c);
    await this.journal.append({ t: 'complaint', c });
  }

  /** Everything, for a snapshot. */
  snapshot(): JournalRecord[] {
    const out: JournalRecord[] = [];
    for (const s of this.services.values()) out.push({ t: 'service', s });
    for (const list of this.keys.values()) for (const k of list) out.push({ t: 'key', k });
    for (const { serviceId, ...tpl } of this.templates.values()) out.push({ t: 'template', serviceId, tpl });
    for (const list of this.received.values()) for (const r of list) out.push({ t: 'received', r });
    const all = [...this.notifications.values()].sort((a, b) => a.createdAt - b.createdAt);
    for (const n of all) out.push({ t: 'notification', n });
    for (const u of this.unsubscribes) out.push({ t: 'unsubscribe', u });
    for (const c of this.complaints) out.push({ t: 'complaint', c });
    return out;
  }
}

function lowerBound(list: readonly { createdAt: number }[], createdAt: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.createdAt < createdAt) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

let cachedDay = NaN;
let cachedDate = '';

function dailyKey(serviceId: string, type: string, ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(ms).toISOString().slice(0, 10);
  }
  return `${serviceId}-${type}-${cachedDate}`;
}

export { lowerBound };
