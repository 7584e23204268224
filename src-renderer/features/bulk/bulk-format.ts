/**
 * Words for a batch's state and time to go, and saving the files the core makes.
 */
import type { BulkBatchState } from '../../../src-main/contract/bulk';
import { downloadText } from '../../components/download';
import type { CsvFile } from './bulk-slice';

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

/** Saves a CSV file the core made (nothing when the call failed: its error was shown). */
export function saveCsv(file: CsvFile | null): void {
  if (file) downloadText(file.fileName, file.csv, 'text/csv');
}
