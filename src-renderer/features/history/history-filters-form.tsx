/**
 * Every filter `GET /v2/notifications` takes: template type, status (including `failed`),
 * reference and include_jobs.
 */
import { useState } from 'react';
import type { HistoryFilters } from '../../../src-main/contract/methods';
import { Checkbox, TextField } from '../../components/fields';
import {
  emptyHistoryFilterForm,
  toHistoryFilterForm,
  toHistoryFilters,
  type HistoryFilterForm,
} from './history-filters';
import { STATUS_FILTER_OPTIONS } from '../../components/status-tone';

const TYPES = [
  { value: 'sms', label: 'Text message' },
  { value: 'email', label: 'Email' },
  { value: 'letter', label: 'Letter' },
] as const;

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list, item] : list.filter((x) => x !== item);

export function HistoryFiltersForm({
  applied,
  onApply,
}: {
  applied: HistoryFilters;
  onApply: (filters: HistoryFilters) => void;
}) {
  const [form, setForm] = useState<HistoryFilterForm>(() => toHistoryFilterForm(applied));
  const patch = (p: Partial<HistoryFilterForm>) => setForm({ ...form, ...p });
  return (
    <form
      className="filters filters--history"
      aria-label="History filters"
      data-testid="history-filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(toHistoryFilters(form));
      }}
    >
      <fieldset className="fieldset fieldset--inline">
        <legend className="fieldset__legend">Template type</legend>
        {TYPES.map((t) => (
          <Checkbox
            key={t.value}
            label={t.label}
            checked={form.templateTypes.includes(t.value)}
            onChange={(on) => patch({ templateTypes: toggle(form.templateTypes, t.value, on) })}
          />
        ))}
      </fieldset>
      <details className="disclosure" open={form.statuses.length > 0}>
        <summary>Status{form.statuses.length ? ` (${form.statuses.length} chosen)` : ''}</summary>
        <fieldset className="fieldset fieldset--grid">
          <legend className="visually-hidden">Status</legend>
          {STATUS_FILTER_OPTIONS.map((s) => (
            <Checkbox
              key={s}
              label={s === 'failed' ? 'failed (every failure)' : s}
              checked={form.statuses.includes(s)}
              onChange={(on) => patch({ statuses: toggle(form.statuses, s, on) })}
              testId={`status-filter-${s}`}
            />
          ))}
        </fieldset>
      </details>
      <TextField
        label="Reference"
        value={form.reference}
        onChange={(reference) => patch({ reference })}
        data-search=""
        data-sensitive=""
        autoComplete="off"
      />
      <Checkbox
        label="Include notifications from CSV jobs (include_jobs)"
        checked={form.includeJobs}
        onChange={(includeJobs) => patch({ includeJobs })}
        hint="Not in Notify’s published docs; the API accepts it."
      />
      <div className="form__actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setForm(emptyHistoryFilterForm);
            onApply({});
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
