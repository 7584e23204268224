/**
 * History with the archive: the profile's notifications as Notify lists them (the last 7 days) and,
 * merged in by creation time, those only the archive still holds, each row marked with where it
 * came from. A notification in both is shown once, as Notify has it now.
 *
 * While Notify has more pages to give, archived rows are shown only down to the oldest row loaded
 * from Notify (an older archived row may still be on Notify's next page); once Notify's list is
 * complete, every archived row matching the filters follows.
 */
import type { ArchiveSearchInput, ArchivedSummary } from '../../../src-main/contract/archive';
import type { HistoryFilters } from '../../../src-main/contract/methods';
import type { Notification } from '../../../src-main/contract/schemas';

export type HistorySource = 'notify' | 'archive';
type HistoryRow = Notification & { source: HistorySource };

/** An archived summary in the shape History's rows have. */
function archivedRow(a: ArchivedSummary): HistoryRow {
  const recipient = a.recipient ?? '';
  return {
    id: a.id,
    reference: a.reference,
    type: a.type,
    status: a.status,
    template: { id: a.templateId, version: a.templateVersion, uri: '' },
    body: '',
    subject: a.subject,
    created_at: a.createdAt,
    sent_at: null,
    completed_at: null,
    email_address: a.type === 'email' ? recipient : null,
    phone_number: a.type === 'sms' ? recipient : null,
    ...(a.type === 'letter' ? { line_1: recipient.replace(/\n/g, ', ') } : {}),
    source: 'archive',
  };
}

const at = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : 0;
};

export function mergeHistory(
  live: readonly Notification[],
  archived: readonly ArchivedSummary[],
  liveComplete: boolean,
): HistoryRow[] {
  const liveIds = new Set(live.map((n) => n.id.toLowerCase()));
  const oldestLive = live.length ? Math.min(...live.map((n) => at(n.created_at))) : Infinity;
  const extra = archived
    .filter((a) => !liveIds.has(a.id.toLowerCase()))
    .filter((a) => liveComplete || at(a.createdAt) >= oldestLive)
    .map(archivedRow);
  const rows: HistoryRow[] = [...live.map((n) => ({ ...n, source: 'notify' as const })), ...extra];
  // Stable: Notify's own order among its rows, archived rows slotted in by creation time.
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => at(y.row.created_at) - at(x.row.created_at) || x.i - y.i)
    .map((x) => x.row);
}

/**
 * The archive search for History's filters. Notify's filters that the archive has no exact
 * counterpart for are matched after the search (several channels), or need nothing (include_jobs:
 * the archive keeps job rows the sync saw either way).
 */
export function archiveSearchFor(profileId: string, filters: HistoryFilters): ArchiveSearchInput {
  const types = filters.template_type ?? [];
  return {
    profileId,
    ...(types.length === 1 ? { type: types[0] } : {}),
    ...(filters.status?.length ? { status: filters.status.slice(0, 20) } : {}),
    ...(filters.reference ? { reference: filters.reference } : {}),
    limit: 200,
  };
}

/** The archived rows that match filters the search could not express. */
export function matchesHistoryFilters(a: ArchivedSummary, filters: HistoryFilters): boolean {
  const types = filters.template_type ?? [];
  return types.length <= 1 || types.includes(a.type);
}
