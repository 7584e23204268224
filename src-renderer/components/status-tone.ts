/**
 * How statuses look in the console: a tone for colour and the filter choices Notify accepts.
 *
 * The classification itself is src-shared/statuses.ts's `statusOutcome`, shared with the core.
 */
import { STATUS_FILTER_VALUES, statusOutcome, type StatusOutcome } from '../../src-shared/statuses';

type StatusTone = 'success' | 'failure' | 'pending' | 'neutral';

const TONES: Readonly<Record<StatusOutcome, StatusTone>> = {
  delivered: 'success',
  failed: 'failure',
  'in-progress': 'pending',
  cancelled: 'neutral',
  unknown: 'neutral',
};

/** The colour family of a status. */
export function statusTone(status: string): StatusTone {
  return TONES[statusOutcome(status)];
}

/** Every value the list endpoint's `status` filter accepts, `failed` (all failures) first. */
export const STATUS_FILTER_OPTIONS: readonly string[] = [
  'failed',
  ...STATUS_FILTER_VALUES.filter((s) => s !== 'failed'),
];
