/**
 * History filters: from the form's loose values to the contract's `HistoryFilters`.
 */
import type { HistoryFilters } from '../../../src-main/contract/methods';

export interface HistoryFilterForm {
  templateTypes: Array<'sms' | 'email' | 'letter'>;
  statuses: string[];
  reference: string;
  includeJobs: boolean;
}

export const emptyHistoryFilterForm: HistoryFilterForm = {
  templateTypes: [],
  statuses: [],
  reference: '',
  includeJobs: false,
};

/** Only the filters that filter something (Notify rejects `include_jobs=false`, so it is left out). */
export function toHistoryFilters(form: HistoryFilterForm): HistoryFilters {
  const out: HistoryFilters = {};
  if (form.templateTypes.length) out.template_type = [...form.templateTypes];
  if (form.statuses.length) out.status = [...form.statuses];
  if (form.reference.trim()) out.reference = form.reference.trim();
  if (form.includeJobs) out.include_jobs = true;
  return out;
}

/** The form for some filters (to show what is applied). */
export function toHistoryFilterForm(filters: HistoryFilters): HistoryFilterForm {
  return {
    templateTypes: [...(filters.template_type ?? [])],
    statuses: [...(filters.status ?? [])],
    reference: filters.reference ?? '',
    includeJobs: filters.include_jobs === true,
  };
}

/** A short description: `sms, email · failed · reference "abc" · including jobs`. */
export function describeHistoryFilters(filters: HistoryFilters): string {
  const parts: string[] = [];
  if (filters.template_type?.length) parts.push(filters.template_type.join(', '));
  if (filters.status?.length) parts.push(filters.status.join(', '));
  if (filters.reference) parts.push(`reference “${filters.reference}”`);
  if (filters.include_jobs) parts.push('including jobs');
  return parts.length ? parts.join(' · ') : 'no filters';
}

/** Stable key for a set of filters, to tell whether a page belongs to the current query. */
export function filtersKey(filters: HistoryFilters): string {
  return JSON.stringify({
    t: [...(filters.template_type ?? [])].sort(),
    s: [...(filters.status ?? [])].sort(),
    r: filters.reference ?? '',
    j: filters.include_jobs === true,
  });
}
