/**
 * Profiles: the list, the active one, create/edit/delete, connection tests, export and import.
 */
import type { MethodInput, MethodOutput } from '../../../src-main/contract/methods';
import type { Result } from '../../../src-main/contract/result';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { idle, loading, settle, type Loadable } from '../loadable';
import type { AppState, SliceCreator } from '../types';

export type ConnectionTest = MethodOutput<'profiles.testConnection'>;

export interface ProfilesSlice {
  profiles: Loadable<PublicProfile[]>;
  activeProfileId: string | null;
  /** By profile id, or `draft` for the add-profile form. */
  connectionTests: Record<string, Loadable<ConnectionTest>>;
  loadProfiles(): Promise<void>;
  createProfile(input: MethodInput<'profiles.create'>): Promise<Result<PublicProfile>>;
  updateProfile(input: MethodInput<'profiles.update'>): Promise<Result<MethodOutput<'profiles.update'>>>;
  deleteProfile(id: string): Promise<Result<{ deleted: boolean }>>;
  setActiveProfile(id: string): Promise<void>;
  testConnection(key: string, input: MethodInput<'profiles.testConnection'>): Promise<void>;
  clearConnectionTest(key: string): void;
  exportProfiles(): Promise<Result<{ json: string }>>;
  importProfiles(json: string): Promise<Result<MethodOutput<'profiles.import'>>>;
}

/**
 * Connection results that a later report has made stale: "Connected — the key works" for a
 * profile whose key Notify has since reported revoked (a revoked key never works again).
 */
function withoutStaleConnectionTests(
  tests: Readonly<Record<string, Loadable<ConnectionTest>>>,
  profiles: readonly PublicProfile[],
): Record<string, Loadable<ConnectionTest>> {
  const stale = new Set(
    profiles.filter((p) => p.key?.revokedSeenAt && tests[p.id]?.value?.verdict === 'ok').map((p) => p.id),
  );
  return Object.fromEntries(Object.entries(tests).filter(([id]) => !stale.has(id)));
}

/** The active profile, or null. */
export function selectActiveProfile(
  state: Pick<AppState, 'profiles' | 'activeProfileId'>,
): PublicProfile | null {
  return state.profiles.value?.find((p) => p.id === state.activeProfileId) ?? null;
}

/** A profile by id, or null. */
export function selectProfile(
  state: Pick<AppState, 'profiles'>,
  id: string | null | undefined,
): PublicProfile | null {
  return (id && state.profiles.value?.find((p) => p.id === id)) || null;
}

export const createProfilesSlice: SliceCreator<ProfilesSlice> = (set, get, { api }) => ({
  profiles: idle(),
  activeProfileId: null,
  connectionTests: {},
  async loadProfiles() {
    set({ profiles: loading(get().profiles) });
    const result = await api.call('profiles.list', {});
    set({ profiles: settle(get().profiles, result, (v) => v.profiles) });
    if (result.ok) {
      set({ connectionTests: withoutStaleConnectionTests(get().connectionTests, result.value.profiles) });
      const active = result.value.activeId;
      const exists = result.value.profiles.some((p) => p.id === active);
      if (active !== get().activeProfileId) get().resetProfileScopedState();
      set({ activeProfileId: exists ? active : (result.value.profiles[0]?.id ?? null) });
    }
  },
  async createProfile(input) {
    const result = await api.call('profiles.create', input);
    if (result.ok) await get().loadProfiles();
    return result;
  },
  async updateProfile(input) {
    const result = await api.call('profiles.update', input);
    if (result.ok) await get().loadProfiles();
    return result;
  },
  async deleteProfile(id) {
    const result = await api.call('profiles.delete', { id });
    if (result.ok) await get().loadProfiles();
    return result;
  },
  async setActiveProfile(id) {
    const previous = get().activeProfileId;
    if (previous === id) return;
    get().resetProfileScopedState();
    set({ activeProfileId: id });
    const result = await api.call('profiles.setActive', { id });
    if (!result.ok) {
      set({ activeProfileId: previous });
      get().pushToast('error', `Could not switch profile: ${result.error.message}`);
    }
  },
  async testConnection(key, input) {
    set({ connectionTests: { ...get().connectionTests, [key]: loading(get().connectionTests[key]) } });
    const result = await api.call('profiles.testConnection', input);
    set({ connectionTests: { ...get().connectionTests, [key]: settle(undefined, result, (v) => v) } });
  },
  clearConnectionTest(key) {
    const { [key]: _gone, ...rest } = get().connectionTests;
    set({ connectionTests: rest });
  },
  exportProfiles: () => api.call('profiles.export', {}),
  async importProfiles(json) {
    const result = await api.call('profiles.import', { json });
    if (result.ok) await get().loadProfiles();
    return result;
  },
});
