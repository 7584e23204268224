/**
 * The app store: a vanilla zustand store built from its dependencies.
 *
 * `createAppStore(api)` takes the API client (and, optionally, preferences storage and a clock), so
 * tests build a store around a fake API with no global state to reset. Slices are merged into one
 * store; the event feed is attached separately so a test decides whether it wants events.
 */
import { createStore } from 'zustand/vanilla';
import type { ApiClient, AppEvent } from '../api/client';
import { createBulkSlice } from '../features/bulk/bulk-slice';
import { createArchiveSlice } from '../features/archive/archive-slice';
import { createSandboxSlice } from '../features/sandbox/sandbox-slice';
import { createAppSlice } from './slices/app-slice';
import { createConsoleHealthSlice } from './slices/console-health-slice';
import { createHistorySlice } from './slices/history-slice';
import { createInspectorSlice } from './slices/inspector-slice';
import { createProfilesSlice } from './slices/profiles-slice';
import { createReceivedSlice } from './slices/received-slice';
import { createReplaySlice } from './slices/replay-slice';
import { createSendSlice, initialSendState } from './slices/send-slice';
import { createSupportSlice } from './slices/support-slice';
import { createTemplatesSlice } from './slices/templates-slice';
import { createTrackingSlice } from './slices/tracking-slice';
import { createUiSlice } from './slices/ui-slice';
import type { AppState, AppStore, PrefsStorage, StoreDeps } from './types';

/** In-memory preferences, for a window without localStorage (they last as long as the window). */
function memoryPrefs(initial: Record<string, string> = {}): PrefsStorage {
  const map = new Map(Object.entries(initial));
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

export function createAppStore(api: ApiClient, options: Partial<Omit<StoreDeps, 'api'>> = {}): AppStore {
  const deps: StoreDeps = { api, prefs: options.prefs ?? memoryPrefs(), now: options.now ?? Date.now };
  return createStore<AppState>()((set, get) => ({
    ...createUiSlice(set, get, deps),
    ...createAppSlice(set, get, deps),
    ...createProfilesSlice(set, get, deps),
    ...createTemplatesSlice(set, get, deps),
    ...createSendSlice(set, get, deps),
    ...createTrackingSlice(set, get, deps),
    ...createHistorySlice(set, get, deps),
    ...createInspectorSlice(set, get, deps),
    ...createReceivedSlice(set, get, deps),
    ...createReplaySlice(set, get, deps),
    ...createSupportSlice(set, get, deps),
    ...createConsoleHealthSlice(set, get, deps),
    ...createBulkSlice(set, get, deps),
    ...createArchiveSlice(set, get, deps),
    ...createSandboxSlice(set, get, deps),
    resetProfileScopedState() {
      set({ send: { ...initialSendState, form: { ...get().send.form, values: {}, address: {} } } });
      get().resetHistory();
    },
  }));
}

/** Routes one core event to the slice that owns it. */
function handleEvent(store: AppStore, event: AppEvent): void {
  const state = store.getState();
  switch (event.name) {
    case 'notification.updated':
      state.applyNotificationUpdated(event.payload);
      break;
    case 'request.logged':
      state.applyRequestLogged(event.payload);
      break;
    case 'vault.changed':
      state.applyVaultChanged(event.payload.locked);
      if (!event.payload.locked) void state.loadProfiles();
      void state.loadArchiveStatus();
      break;
    case 'profiles.changed':
      void state.loadProfiles();
      break;
    case 'app.notices':
      state.applyNotices(event.payload.notices);
      break;
    case 'bulk.updated':
      state.applyBulkUpdated(event.payload);
      break;
    case 'archive.changed':
      void state.loadArchiveStatus();
      break;
    case 'archive.syncProgress':
      state.applyArchiveProgress(event.payload);
      break;
    case 'sandbox.faults':
      state.applySandboxFaults(event.payload.faults);
      break;
    case 'sandbox.inboxChanged':
      void state.refreshInbox();
      break;
  }
}

/** Feeds the core's events into the store; returns the function that stops it. */
export function startEventFeed(store: AppStore, api: ApiClient): () => void {
  return api.onEvent((event) => handleEvent(store, event));
}

/** Loads what every screen needs first: the console's status and the profiles. */
export async function bootstrap(store: AppStore): Promise<void> {
  await Promise.all([
    store.getState().loadAppStatus(),
    store.getState().loadProfiles(),
    store.getState().loadNotices(),
    store.getState().loadSandboxFaults(),
  ]);
}
