/**
 * The Sandbox panel's state: the overview (services, masked keys, templates, clock), the active
 * faults (which the header's marker reads on every screen), per-service received texts and
 * settings, the callbacks and unsubscribes, and the inbox with what each notification looks like
 * (and a complaint filed about an email there).
 *
 * No API key is ever kept here: the overview's keys are masked, and Copy's answer in browser mode
 * goes straight to the clipboard from `copySandboxKey`, never into the state.
 */
import type { ReceivedText } from '../../../src-shared/notify/resources';
import type { MethodInput, MethodOutput } from '../../../src-main/contract/methods';
import type { Result } from '../../../src-main/contract/result';
import type {
  InboxFilters,
  InboxItem,
  InboxRendered,
  PanelClock,
  PanelFault,
  PanelOverview,
  PanelServiceSettings,
} from '../../../src-main/contract/sandbox';
import { idle, loading, settle, type Loadable } from '../../state/loadable';
import type { SliceCreator } from '../../state/types';

interface InboxState {
  filters: InboxFilters;
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: InboxItem[];
  nextOlderThan: string | null;
  error: Loadable<unknown>['error'];
  /** Bumped on each filter change, so a late answer for old filters is dropped. */
  generation: number;
}

const INBOX_PAGE = 100;

export interface SandboxSlice {
  sandboxPanel: Loadable<PanelOverview>;
  /** Active faults: from the overview, each change made here, and the `sandbox.faults` event. */
  sandboxFaults: PanelFault[];
  sandboxReceived: Record<string, Loadable<ReceivedText[]>>;
  sandboxSettings: Record<string, Loadable<PanelServiceSettings>>;
  sandboxActivity: Loadable<MethodOutput<'sandbox.activity'>>;
  inbox: InboxState;
  inboxRendered: Record<string, Loadable<InboxRendered>>;
  loadSandboxPanel(): Promise<void>;
  loadSandboxFaults(): Promise<void>;
  applySandboxFaults(faults: PanelFault[]): void;
  createSandboxKey(input: MethodInput<'sandbox.createKey'>): Promise<Result<unknown>>;
  revokeSandboxKey(keyId: string): Promise<Result<unknown>>;
  /**
   * Puts a key on the clipboard: the desktop app's main process writes it; in browser mode the key
   * answered to this call is written with `write` here and dropped, never stored or shown.
   */
  copySandboxKey(keyId: string, write: (text: string) => Promise<boolean>): Promise<Result<unknown>>;
  addSandboxKeyProfile(keyId: string): Promise<Result<MethodOutput<'sandbox.addKeyProfile'>>>;
  loadSandboxReceived(serviceId: string): Promise<void>;
  injectSandboxInbound(input: MethodInput<'sandbox.injectInbound'>): Promise<Result<unknown>>;
  addSandboxFault(input: MethodInput<'sandbox.addFault'>): Promise<Result<unknown>>;
  setSandboxDailyLimit(serviceId: string, reached: boolean): Promise<Result<unknown>>;
  removeSandboxFault(id: string): Promise<Result<unknown>>;
  clearSandboxFaults(): Promise<Result<unknown>>;
  setSandboxClock(input: MethodInput<'sandbox.setClock'>): Promise<Result<PanelClock>>;
  setSandboxLatency(input: MethodInput<'sandbox.setLatency'>): Promise<Result<unknown>>;
  resetSandbox(): Promise<Result<unknown>>;
  loadSandboxSettings(serviceId: string): Promise<void>;
  updateSandboxService(input: MethodInput<'sandbox.updateService'>): Promise<Result<unknown>>;
  createSandboxTemplate(
    input: MethodInput<'sandbox.createTemplate'>,
  ): Promise<Result<{ id: string; version: number }>>;
  loadSandboxActivity(): Promise<void>;
  /** Loads the inbox's first page for these filters (or, with `more`, the next page). */
  loadInbox(filters?: InboxFilters, more?: boolean): Promise<void>;
  /** The inbox changed in the sandbox: read the first page again, keeping older pages loaded. */
  refreshInbox(): Promise<void>;
  loadInboxRendered(id: string): Promise<void>;
  forceInboxStatus(id: string, status: string): Promise<Result<unknown>>;
  /** Files the email's recipient's complaint (reported as spam); says where the callback went. */
  complainAboutEmail(id: string): Promise<Result<MethodOutput<'sandbox.complain'>>>;
}

const emptyInbox: InboxState = {
  filters: {},
  status: 'idle',
  items: [],
  nextOlderThan: null,
  error: null,
  generation: 0,
};

/** Newest first, one row per notification (a fresher copy wins). */
function mergeInbox(fresh: InboxItem[], older: InboxItem[]): InboxItem[] {
  const seen = new Set(fresh.map((n) => n.id));
  return [...fresh, ...older.filter((n) => !seen.has(n.id))].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
  );
}

export const createSandboxSlice: SliceCreator<SandboxSlice> = (set, get, { api }) => {
  /** Runs a change, then reads the overview again so every section shows the sandbox as it is. */
  const change = async <T>(run: () => Promise<Result<T>>): Promise<Result<T>> => {
    const r = await run();
    if (r.ok) void get().loadSandboxPanel();
    return r;
  };
  const faultsChange = async (run: () => Promise<Result<{ faults: PanelFault[] }>>) => {
    const r = await run();
    if (r.ok) get().applySandboxFaults(r.value.faults);
    return r;
  };
  return {
    sandboxPanel: idle(),
    sandboxFaults: [],
    sandboxReceived: {},
    sandboxSettings: {},
    sandboxActivity: idle(),
    inbox: emptyInbox,
    inboxRendered: {},

    async loadSandboxPanel() {
      set({ sandboxPanel: loading(get().sandboxPanel) });
      const r = await api.call('sandbox.panel', {});
      set({ sandboxPanel: settle(get().sandboxPanel, r, (v) => v) });
      if (r.ok) set({ sandboxFaults: r.value.faults });
    },
    async loadSandboxFaults() {
      const r = await api.call('sandbox.faults', {});
      if (r.ok) set({ sandboxFaults: r.value.faults });
    },
    applySandboxFaults(faults) {
      set({ sandboxFaults: faults });
    },
    createSandboxKey: (input) => change(() => api.call('sandbox.createKey', input)),
    revokeSandboxKey: (keyId) => change(() => api.call('sandbox.revokeKey', { keyId })),
    async copySandboxKey(keyId, write) {
      const r = await api.call('sandbox.copyKey', { keyId });
      if (!r.ok) return r;
      if (r.value.copied) return { ok: true, value: null };
      const ok = await write(r.value.apiKey);
      return ok
        ? { ok: true, value: null }
        : { ok: false, error: { code: 'internal', message: 'Could not write to the clipboard.' } };
    },
    async addSandboxKeyProfile(keyId) {
      const r = await api.call('sandbox.addKeyProfile', { keyId });
      if (r.ok) void get().loadProfiles();
      return r;
    },
    async loadSandboxReceived(serviceId) {
      set({
        sandboxReceived: { ...get().sandboxReceived, [serviceId]: loading(get().sandboxReceived[serviceId]) },
      });
      const r = await api.call('sandbox.receivedTexts', { serviceId });
      set({
        sandboxReceived: {
          ...get().sandboxReceived,
          [serviceId]: settle(get().sandboxReceived[serviceId], r, (v) => v.messages),
        },
      });
    },
    async injectSandboxInbound(input) {
      const r = await api.call('sandbox.injectInbound', input);
      if (r.ok) void get().loadSandboxReceived(input.serviceId);
      return r;
    },
    addSandboxFault: (input) => faultsChange(() => api.call('sandbox.addFault', input)),
    setSandboxDailyLimit: (serviceId, reached) =>
      faultsChange(() => api.call('sandbox.setDailyLimitReached', { serviceId, reached })),
    removeSandboxFault: (id) => faultsChange(() => api.call('sandbox.removeFault', { id })),
    clearSandboxFaults: () => faultsChange(() => api.call('sandbox.clearFaults', {})),
    setSandboxClock: (input) => change(() => api.call('sandbox.setClock', input)),
    setSandboxLatency: (input) => change(() => api.call('sandbox.setLatency', input)),
    async resetSandbox() {
      const r = await change(() => api.call('sandbox.reset', { confirm: true }));
      if (r.ok) set({ sandboxReceived: {}, sandboxSettings: {}, inboxRendered: {} });
      return r;
    },
    async loadSandboxSettings(serviceId) {
      set({
        sandboxSettings: { ...get().sandboxSettings, [serviceId]: loading(get().sandboxSettings[serviceId]) },
      });
      const r = await api.call('sandbox.serviceSettings', { serviceId });
      set({
        sandboxSettings: {
          ...get().sandboxSettings,
          [serviceId]: settle(get().sandboxSettings[serviceId], r, (v) => v),
        },
      });
    },
    async updateSandboxService(input) {
      const r = await change(() => api.call('sandbox.updateService', input));
      if (r.ok)
        set({
          sandboxSettings: {
            ...get().sandboxSettings,
            [input.serviceId]: { status: 'ready', value: r.value, error: null },
          },
        });
      return r;
    },
    createSandboxTemplate: (input) => change(() => api.call('sandbox.createTemplate', input)),
    async loadSandboxActivity() {
      set({ sandboxActivity: loading(get().sandboxActivity) });
      const r = await api.call('sandbox.activity', {});
      set({ sandboxActivity: settle(get().sandboxActivity, r, (v) => v) });
    },

    async loadInbox(filters, more = false) {
      const before = get().inbox;
      const next: InboxState = more
        ? { ...before, status: 'loading' }
        : {
            ...before,
            filters: filters ?? before.filters,
            status: 'loading',
            generation: before.generation + 1,
          };
      if (!more && filters) next.items = [];
      set({ inbox: next });
      const r = await api.call('sandbox.inbox', {
        filters: next.filters,
        pageSize: INBOX_PAGE,
        ...(more && before.nextOlderThan ? { olderThan: before.nextOlderThan } : {}),
      });
      const now = get().inbox;
      if (now.generation !== next.generation) return;
      if (!r.ok) return set({ inbox: { ...now, status: 'error', error: r.error } });
      set({
        inbox: {
          ...now,
          status: 'ready',
          error: null,
          items: more ? mergeInbox(now.items, r.value.notifications) : r.value.notifications,
          nextOlderThan: r.value.nextOlderThan,
        },
      });
    },
    async refreshInbox() {
      const { generation, filters, status } = get().inbox;
      if (status === 'idle') return;
      const r = await api.call('sandbox.inbox', { filters, pageSize: INBOX_PAGE });
      const now = get().inbox;
      if (!r.ok || now.generation !== generation) return;
      // Older pages the user loaded stay; what the first page says now wins.
      const fresh = new Set(r.value.notifications.map((n) => n.id));
      const newestKept = r.value.notifications[r.value.notifications.length - 1]?.createdAt ?? '';
      const older = now.items.filter((n) => !fresh.has(n.id) && n.createdAt < newestKept);
      set({
        inbox: {
          ...now,
          status: 'ready',
          error: null,
          items: mergeInbox(r.value.notifications, older),
          nextOlderThan: older.length ? now.nextOlderThan : r.value.nextOlderThan,
        },
      });
    },
    async loadInboxRendered(id) {
      set({ inboxRendered: { ...get().inboxRendered, [id]: loading(get().inboxRendered[id]) } });
      const r = await api.call('sandbox.inboxRendered', { id });
      set({ inboxRendered: { ...get().inboxRendered, [id]: settle(get().inboxRendered[id], r, (v) => v) } });
    },
    async forceInboxStatus(id, status) {
      const r = await api.call('sandbox.forceStatus', { id, status });
      if (r.ok) void get().refreshInbox();
      return r;
    },
    async complainAboutEmail(id) {
      const r = await api.call('sandbox.complain', { id });
      // The callback it sent is in the settings tab's list: read it again if it is shown.
      if (r.ok && get().sandboxActivity.status !== 'idle') void get().loadSandboxActivity();
      return r;
    },
  };
};
