/**
 * Notifications the user is looking at: details, observed statuses, the letter PDF, live updates.
 */
import type { EventPayload, TrackedNotification } from '../../../src-main/contract/methods';
import type { Explanation } from '../../../src-shared/notify/explanation';
import type { RpcError } from '../../../src-main/contract/result';
import type { Notification, Observation } from '../../../src-main/contract/schemas';
import { idle, loading, settle, type Loadable, type LoadStatus } from '../loadable';
import type { SliceCreator } from '../types';

interface TrackedEntry {
  profileId: string;
  id: string;
  load: LoadStatus;
  error: RpcError | null;
  notification: Notification | null;
  observations: Observation[];
  final: boolean;
  explanation: Explanation | null;
  /** The template's name at the notification's version, once the core has told it. */
  templateName: string | null;
}

export interface TrackingSlice {
  /** Keyed by `${profileId}:${id}`. */
  notifications: Record<string, TrackedEntry>;
  trackedList: Loadable<TrackedNotification[]>;
  /** Letter PDFs as base64, by notification key. */
  pdfs: Record<string, Loadable<string>>;
  loadNotification(profileId: string, id: string): Promise<void>;
  loadTrackedList(): Promise<void>;
  setTracking(profileId: string, id: string, on: boolean): Promise<void>;
  loadPdf(profileId: string, id: string): Promise<void>;
  seedSentNotification(profileId: string, id: string): void;
  applyNotificationUpdated(payload: EventPayload<'notification.updated'>): void;
}

export const notificationKey = (profileId: string, id: string): string => `${profileId}:${id}`;

function emptyEntry(profileId: string, id: string): TrackedEntry {
  return {
    profileId,
    id,
    load: 'idle',
    error: null,
    notification: null,
    observations: [],
    final: false,
    explanation: null,
    templateName: null,
  };
}

/** Observations merged without duplicates (same status seen at the same time), oldest first. */
function mergeObservations(a: readonly Observation[], b: readonly Observation[]): Observation[] {
  const seen = new Set<string>();
  const out: Observation[] = [];
  for (const o of [...a, ...b]) {
    const key = `${o.status}|${o.observedAt}|${o.source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(o);
  }
  return out.sort((x, y) => Date.parse(x.observedAt) - Date.parse(y.observedAt));
}

/** An entry after `notifications.get` answered. */
function applyTracked(entry: TrackedEntry, tracked: TrackedNotification): TrackedEntry {
  return {
    ...entry,
    load: 'ready',
    error: null,
    notification: tracked.notification,
    observations: mergeObservations(entry.observations, tracked.observations),
    final: tracked.final,
    explanation: tracked.explanation,
    templateName: tracked.templateName ?? entry.templateName,
  };
}

/** An entry after a `notification.updated` event: the new status and its observation. */
function applyUpdate(entry: TrackedEntry, payload: EventPayload<'notification.updated'>): TrackedEntry {
  return {
    ...entry,
    notification: entry.notification ? { ...entry.notification, status: payload.status } : null,
    observations: mergeObservations(entry.observations, [payload.observation]),
    final: payload.final,
  };
}

export const createTrackingSlice: SliceCreator<TrackingSlice> = (set, get, { api }) => {
  const putEntry = (entry: TrackedEntry): void =>
    set({ notifications: { ...get().notifications, [notificationKey(entry.profileId, entry.id)]: entry } });
  const entryOf = (profileId: string, id: string): TrackedEntry =>
    get().notifications[notificationKey(profileId, id)] ?? emptyEntry(profileId, id);

  return {
    notifications: {},
    trackedList: idle(),
    pdfs: {},
    async loadNotification(profileId, id) {
      putEntry({ ...entryOf(profileId, id), load: 'loading', error: null });
      const result = await api.call('notifications.get', { profileId, id });
      const entry = entryOf(profileId, id);
      putEntry(
        result.ok ? applyTracked(entry, result.value) : { ...entry, load: 'error', error: result.error },
      );
    },
    async loadTrackedList() {
      set({ trackedList: loading(get().trackedList) });
      const result = await api.call('notifications.tracked', {});
      set({ trackedList: settle(get().trackedList, result, (v) => v.tracked) });
    },
    async setTracking(profileId, id, on) {
      const result = on
        ? await api.call('notifications.track', { profileId, id })
        : await api.call('notifications.untrack', { profileId, id });
      if (!result.ok) get().pushToast('error', result.error.message);
      else void get().loadTrackedList();
    },
    async loadPdf(profileId, id) {
      const key = notificationKey(profileId, id);
      set({ pdfs: { ...get().pdfs, [key]: loading(get().pdfs[key]) } });
      const result = await api.call('notifications.pdf', { profileId, id });
      set({ pdfs: { ...get().pdfs, [key]: settle(get().pdfs[key], result, (v) => v.base64) } });
    },
    seedSentNotification(profileId, id) {
      if (!get().notifications[notificationKey(profileId, id)]) putEntry(emptyEntry(profileId, id));
    },
    applyNotificationUpdated(payload) {
      const key = notificationKey(payload.profileId, payload.id);
      const existing = get().notifications[key];
      putEntry(applyUpdate(existing ?? emptyEntry(payload.profileId, payload.id), payload));
      // Refresh what Notify says (sent_at, completed_at, the explanation) for one being looked at.
      if (existing && existing.load !== 'idle' && existing.load !== 'loading') {
        void get().loadNotification(payload.profileId, payload.id);
      }
      const list = get().trackedList;
      if (list.value?.some((t) => t.profileId === payload.profileId && t.notification.id === payload.id)) {
        set({
          trackedList: {
            ...list,
            value: list.value.map((t) =>
              t.profileId === payload.profileId && t.notification.id === payload.id
                ? {
                    ...t,
                    notification: { ...t.notification, status: payload.status },
                    final: payload.final,
                    observations: mergeObservations(t.observations, [payload.observation]),
                  }
                : t,
            ),
          },
        });
      }
    },
  };
};
