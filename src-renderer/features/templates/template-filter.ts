/**
 * Filtering the template list by type and free text.
 */
import type { Template } from '../../../src-main/contract/schemas';

export type TemplateTypeFilter = 'all' | Template['type'];

export interface TemplateFilter {
  type: TemplateTypeFilter;
  search: string;
}

/** Templates of the chosen type whose name, id, subject or body contains every search word. */
export function filterTemplates(templates: readonly Template[], filter: TemplateFilter): Template[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return templates.filter((t) => {
    if (filter.type !== 'all' && t.type !== filter.type) return false;
    if (words.length === 0) return true;
    const hay = `${t.name} ${t.id} ${t.subject ?? ''} ${t.body}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Versions newest first, one per version number. */
export function sortVersions(versions: readonly Template[]): Template[] {
  const byVersion = new Map<number, Template>();
  for (const v of versions) byVersion.set(v.version, v);
  return [...byVersion.values()].sort((a, b) => b.version - a.version);
}

export const TEMPLATE_TYPE_LABELS: Readonly<Record<Template['type'], string>> = {
  sms: 'Text message',
  email: 'Email',
  letter: 'Letter',
};
