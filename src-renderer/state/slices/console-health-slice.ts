/**
 * What the console recovered from (its notices, shown as a banner until dismissed) and its
 * diagnostics for the "About / diagnostics" dialog.
 */
import type { ConsoleNotice, Diagnostics } from '../../../src-main/contract/methods';
import type { Result } from '../../../src-main/contract/result';
import { idle, loading, settle, type Loadable } from '../loadable';
import type { SliceCreator } from '../types';

export interface ConsoleHealthSlice {
  notices: ConsoleNotice[];
  diagnostics: Loadable<Diagnostics>;
  loadNotices(): Promise<void>;
  applyNotices(notices: ConsoleNotice[]): void;
  dismissNotice(id: string): Promise<void>;
  /** Moves the embedded sandbox's damaged data aside; resolves with where it went, or the error. */
  moveSandboxDataAside(): Promise<Result<{ movedTo: string }>>;
  loadDiagnostics(): Promise<void>;
}

export const createConsoleHealthSlice: SliceCreator<ConsoleHealthSlice> = (set, get, { api }) => ({
  notices: [],
  diagnostics: idle(),
  async loadNotices() {
    const r = await api.call('app.notices', {});
    if (r.ok) set({ notices: r.value.notices });
  },
  applyNotices(notices) {
    set({ notices });
  },
  async dismissNotice(id) {
    const r = await api.call('app.dismissNotice', { id });
    if (r.ok) set({ notices: r.value.notices });
  },
  async moveSandboxDataAside() {
    const r = await api.call('sandbox.moveDataAside', {});
    if (!r.ok) return r;
    set({ notices: r.value.notices });
    await Promise.all([get().loadAppStatus(), get().loadProfiles()]);
    return { ok: true, value: { movedTo: r.value.movedTo } };
  },
  async loadDiagnostics() {
    set({ diagnostics: loading(get().diagnostics) });
    const r = await api.call('app.diagnostics', {});
    set({ diagnostics: settle(get().diagnostics, r, (v) => v) });
  },
});
