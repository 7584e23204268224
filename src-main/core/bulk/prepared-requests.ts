/**
 * A batch's requests as its `rows.jsonl` holds them (one JSON object a line, batch-files.ts), with
 * any reference that would break the exactly-once lookup: two rows sharing one, or one longer than
 * Notify takes.
 *
 * Made in the sheet worker for an upload (sheet-worker.ts), and in the core for a resend of a
 * batch's failed rows (bulk-service.ts); a batch with a reference problem is never written.
 */
import {
  referenceProblems,
  type NotificationRequest,
  type ReferenceProblem,
} from '../../../src-shared/spreadsheet/index';

/** A sendable sheet's requests, one JSON object a line, and any reference problems. */
export interface PreparedRequests {
  jsonl: string;
  count: number;
  problems: ReferenceProblem[];
}

export function prepareRequests(requests: readonly NotificationRequest[]): PreparedRequests {
  return {
    jsonl: requests.map((r) => `${JSON.stringify(r)}\n`).join(''),
    count: requests.length,
    problems: referenceProblems(requests),
  };
}
