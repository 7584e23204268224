/**
 * Words for a batch's state and time to go.
 */
import type { BulkBatchState } from '../../../src-main/contract/bulk';

export const STATE_LABELS: Readonly<Record<BulkBatchState, string>> = {
  ready: 'Ready to send',
  running: 'Sending',
  paused: 'Paused',
  stopped: 'Stopped',
  cancelled: 'Cancelled',
  done: 'Sent',
  interrupted: 'Interrupted — resume',
};

/** "about 3 minutes left", or that it is not known yet. */
export function etaText(seconds: number | null): string {
  if (seconds === null) return 'time left not known yet';
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} minute${minutes === 1 ? '' : 's'} left`;
  return `about ${Math.round(minutes / 60)} hours left`;
}
