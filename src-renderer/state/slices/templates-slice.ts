/**
 * Templates per profile, their versions, and the list's filter.
 */
import type { Template } from '../../../src-main/contract/schemas';
import type { TemplateFilter } from '../../features/templates/template-filter';
import { loading, settle, type Loadable } from '../loadable';
import type { AppState, SliceCreator } from '../types';

export interface TemplatesSlice {
  templatesByProfile: Record<string, Loadable<Template[]>>;
  /** Keyed by `${profileId}:${templateId}`. */
  versionsByTemplate: Record<string, Loadable<Template[]>>;
  templateFilter: TemplateFilter;
  loadTemplates(profileId: string, options?: { force?: boolean }): Promise<void>;
  loadVersions(profileId: string, templateId: string): Promise<void>;
  setTemplateFilter(patch: Partial<TemplateFilter>): void;
}

export const versionsKey = (profileId: string, templateId: string): string => `${profileId}:${templateId}`;

/** A template of a profile's loaded list, or null. */
export function selectTemplate(
  state: Pick<AppState, 'templatesByProfile'>,
  profileId: string | null,
  templateId: string | null | undefined,
): Template | null {
  if (!profileId || !templateId) return null;
  return state.templatesByProfile[profileId]?.value?.find((t) => t.id === templateId) ?? null;
}

export const createTemplatesSlice: SliceCreator<TemplatesSlice> = (set, get, { api }) => ({
  templatesByProfile: {},
  versionsByTemplate: {},
  templateFilter: { type: 'all', search: '' },
  async loadTemplates(profileId, options) {
    const current = get().templatesByProfile[profileId];
    if (!options?.force && (current?.status === 'ready' || current?.status === 'loading')) return;
    set({ templatesByProfile: { ...get().templatesByProfile, [profileId]: loading(current) } });
    const result = await api.call('templates.list', { profileId });
    set({
      templatesByProfile: {
        ...get().templatesByProfile,
        [profileId]: settle(get().templatesByProfile[profileId], result, (v) => v.templates),
      },
    });
  },
  async loadVersions(profileId, templateId) {
    const key = versionsKey(profileId, templateId);
    set({
      versionsByTemplate: { ...get().versionsByTemplate, [key]: loading(get().versionsByTemplate[key]) },
    });
    const result = await api.call('templates.versions', { profileId, id: templateId });
    set({
      versionsByTemplate: {
        ...get().versionsByTemplate,
        [key]: settle(get().versionsByTemplate[key], result, (v) => v.versions),
      },
    });
  },
  setTemplateFilter: (patch) => set({ templateFilter: { ...get().templateFilter, ...patch } }),
});
