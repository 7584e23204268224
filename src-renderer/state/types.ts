/**
 * The store's combined type and what every slice receives.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../api/client';
import type { BulkSlice } from '../features/bulk/bulk-slice';
import type { ArchiveSlice } from '../features/archive/archive-slice';
import type { SandboxSlice } from '../features/sandbox/sandbox-slice';
import type { AppSlice } from './slices/app-slice';
import type { ConsoleHealthSlice } from './slices/console-health-slice';
import type { HistorySlice } from './slices/history-slice';
import type { InspectorSlice } from './slices/inspector-slice';
import type { ProfilesSlice } from './slices/profiles-slice';
import type { ReceivedSlice } from './slices/received-slice';
import type { ReplaySlice } from './slices/replay-slice';
import type { SendSlice } from './slices/send-slice';
import type { SupportSlice } from './slices/support-slice';
import type { TemplatesSlice } from './slices/templates-slice';
import type { TrackingSlice } from './slices/tracking-slice';
import type { UiSlice } from './slices/ui-slice';

export type AppState = AppSlice &
  ProfilesSlice &
  TemplatesSlice &
  SendSlice &
  TrackingSlice &
  HistorySlice &
  InspectorSlice &
  ReceivedSlice &
  ReplaySlice &
  SupportSlice &
  BulkSlice &
  ArchiveSlice &
  SandboxSlice &
  UiSlice &
  ConsoleHealthSlice & {
    /** Clears what belongs to the previous profile (send form results, history) on a switch. */
    resetProfileScopedState(): void;
  };

export type AppStore = StoreApi<AppState>;

/** Small key/value persistence (localStorage in the window, a Map in tests). */
export interface PrefsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface StoreDeps {
  api: ApiClient;
  prefs: PrefsStorage;
  now: () => number;
}

export type SliceCreator<T> = (set: AppStore['setState'], get: () => AppState, deps: StoreDeps) => T;
