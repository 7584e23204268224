/**
 * Support: one search across every profile, and recent failures grouped across profiles.
 */
import type { MethodOutput } from '../../../src-main/contract/methods';
import { idle, loading, settle, type Loadable } from '../loadable';
import type { SliceCreator } from '../types';

export type LookupOutput = MethodOutput<'notifications.lookup'>;
type FailuresOutput = MethodOutput<'failures.summary'>;

export interface SupportSlice {
  lookup: Loadable<LookupOutput> & { query: string };
  failures: Loadable<FailuresOutput>;
  runLookup(query: string): Promise<void>;
  loadFailures(): Promise<void>;
}

export const createSupportSlice: SliceCreator<SupportSlice> = (set, get, { api }) => ({
  lookup: { ...idle<LookupOutput>(), query: '' },
  failures: idle(),
  async runLookup(query) {
    const q = query.trim();
    if (!q) return;
    set({ lookup: { ...loading(get().lookup), query: q } });
    const result = await api.call('notifications.lookup', { query: q });
    // Only the answer to the latest search counts.
    if (get().lookup.query !== q) return;
    set({ lookup: { ...settle(get().lookup, result, (v) => v), query: q } });
  },
  async loadFailures() {
    set({ failures: loading(get().failures) });
    const result = await api.call('failures.summary', {});
    set({ failures: settle(get().failures, result, (v) => v) });
  },
});
