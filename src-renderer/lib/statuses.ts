/**
 * How statuses look in the console: a tone for colour and the filter choices Notify accepts.
 */
import { STATUS_FILTER_VALUES } from '../../src-shared/statuses';

export type StatusTone = 'success' | 'failure' | 'pending' | 'neutral';

const SUCCESS = new Set(['delivered', 'sent', 'received']);
const FAILURE = new Set([
  'permanent-failure',
  'temporary-failure',
  'technical-failure',
  'failed',
  'validation-failed',
  'virus-scan-failed',
  'returned-letter',
]);
const PENDING = new Set(['created', 'sending', 'pending', 'accepted', 'pending-virus-check']);

/** The colour family of a status. */
export function statusTone(status: string): StatusTone {
  if (SUCCESS.has(status)) return 'success';
  if (FAILURE.has(status)) return 'failure';
  if (PENDING.has(status)) return 'pending';
  return 'neutral';
}

/** Every value the list endpoint's `status` filter accepts, `failed` (all failures) first. */
export const STATUS_FILTER_OPTIONS: readonly string[] = [
  'failed',
  ...STATUS_FILTER_VALUES.filter((s) => s !== 'failed'),
];
