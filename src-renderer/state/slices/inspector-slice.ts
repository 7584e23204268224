/**
 * The request inspector: every HTTP request the core made to Notify, newest first.
 */
import type { RequestLogEntry } from '../../../src-main/contract/schemas';
import { idle, loading, type Loadable } from '../loadable';
import type { SliceCreator } from '../types';

const MAX_INSPECTOR_ENTRIES = 1000;

export interface InspectorSlice {
  inspector: Loadable<RequestLogEntry[]> & { selectedId: string | null; profileFilter: string };
  loadInspector(): Promise<void>;
  applyRequestLogged(entry: RequestLogEntry): void;
  selectInspectorEntry(id: string | null): void;
  setInspectorProfileFilter(profileId: string): void;
}

/** Adds a logged request at the top, once, keeping at most {@link MAX_INSPECTOR_ENTRIES}. */
function prependEntry(entries: readonly RequestLogEntry[], entry: RequestLogEntry): RequestLogEntry[] {
  if (entries.some((e) => e.id === entry.id)) return [...entries];
  return [entry, ...entries].slice(0, MAX_INSPECTOR_ENTRIES);
}

/** Entries newest first by start time. */
function sortEntries(entries: readonly RequestLogEntry[]): RequestLogEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

export const createInspectorSlice: SliceCreator<InspectorSlice> = (set, get, { api }) => ({
  inspector: { ...idle<RequestLogEntry[]>(), selectedId: null, profileFilter: 'all' },
  async loadInspector() {
    const current = get().inspector;
    set({ inspector: { ...current, ...loading(current) } });
    const result = await api.call('inspector.list', { limit: MAX_INSPECTOR_ENTRIES });
    const now = get().inspector;
    if (result.ok) {
      // Events may have arrived while loading: keep them.
      let merged = sortEntries(result.value.entries);
      for (const e of [...(now.value ?? [])].reverse()) merged = prependEntry(merged, e);
      set({ inspector: { ...now, status: 'ready', value: sortEntries(merged), error: null } });
    } else {
      set({ inspector: { ...now, status: 'error', error: result.error } });
    }
  },
  applyRequestLogged(entry) {
    const current = get().inspector;
    set({ inspector: { ...current, value: prependEntry(current.value ?? [], entry) } });
  },
  selectInspectorEntry: (id) => set({ inspector: { ...get().inspector, selectedId: id } }),
  setInspectorProfileFilter: (profileFilter) => set({ inspector: { ...get().inspector, profileFilter } }),
});
