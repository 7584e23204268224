/**
 * Reading a failed Result: what to show the user.
 *
 * The core keeps Notify's HTTP status, error class and message and adds its own explanation in
 * `error.details`; validation failures carry per-field issues. The exact shape of `details` differs
 * by error, so this reads it defensively and never assumes a field is there.
 */
import { explanation as explanationSchema, type Explanation } from '../../src-shared/notify/explanation';
import type { RpcError } from '../../src-main/contract/result';

export interface FieldIssue {
  field: string;
  message: string;
}

export interface ErrorView {
  code: string;
  message: string;
  httpStatus: number | null;
  errorClass: string | null;
  notifyMessage: string | null;
  explanation: Explanation | null;
  skewSeconds: number | null;
  reference: string | null;
  fieldIssues: FieldIssue[];
  /** Notify's own `errors` list, when it sent several. */
  notifyErrors: Array<{ error: string; message: string }>;
  /** The request that failed (`POST /v2/notifications/sms`), when the core says. */
  request: string | null;
  /** For network failures: which layer failed (`dns`, `timeout`, `tls`…). */
  networkKind: string | null;
  details: unknown;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const firstNumber = (o: Record<string, unknown>, keys: string[]): number | null => {
  for (const k of keys) if (typeof o[k] === 'number' && Number.isFinite(o[k])) return o[k];
  return null;
};
const firstString = (o: Record<string, unknown>, keys: string[]): string | null => {
  for (const k of keys) if (typeof o[k] === 'string' && o[k] !== '') return o[k];
  return null;
};

function issuesOf(details: Record<string, unknown>): FieldIssue[] {
  const raw = details['issues'];
  if (!Array.isArray(raw)) return [];
  const out: FieldIssue[] = [];
  for (const item of raw) {
    const o = asRecord(item);
    if (!o || typeof o['message'] !== 'string') continue;
    const field =
      typeof o['field'] === 'string'
        ? o['field']
        : Array.isArray(o['path'])
          ? o['path'].map((p) => String(p)).join('.')
          : '';
    out.push({ field, message: o['message'] });
  }
  return out;
}

/** Everything the error panel shows, read from a failed Result. */
export function describeRpcError(error: RpcError): ErrorView {
  const d = asRecord(error.details) ?? {};
  const notify = asRecord(d['notify']) ?? d;
  const parsed = explanationSchema.safeParse(d['explanation']);
  const notifyErrors = (Array.isArray(notify['errors']) ? notify['errors'] : [])
    .map(asRecord)
    .filter((e): e is Record<string, unknown> => e !== null)
    .map((e) => ({ error: String(e['error'] ?? ''), message: String(e['message'] ?? '') }));
  // Notify's app-level envelope (`{"message": …}` without `errors`) arrives as `app`.
  const app = asRecord(notify['app']);
  const method = firstString(d, ['method']);
  const path = firstString(d, ['path']);
  return {
    code: error.code,
    message: error.message,
    httpStatus: firstNumber(notify, ['status', 'statusCode', 'httpStatus', 'status_code']),
    errorClass: firstString(notify, ['errorClass', 'error_class']) ?? (notifyErrors[0]?.error || null),
    notifyMessage:
      firstString(notify, ['notifyMessage']) ??
      (notifyErrors[0]?.message || null) ??
      (app ? firstString(app, ['message']) : null),
    explanation: parsed.success ? parsed.data : null,
    skewSeconds: firstNumber(d, ['skewSeconds', 'clockSkewSeconds']),
    reference: firstString(d, ['reference']),
    fieldIssues: issuesOf(d),
    notifyErrors,
    request: method && path ? `${method} ${path}` : null,
    networkKind: error.code === 'network' ? firstString(d, ['kind']) : null,
    details: error.details,
  };
}

/**
 * Field name → first message, for showing each problem next to its input.
 *
 * Paths like `request.phone_number` are reduced to their last part as well, so a form can look up
 * either spelling.
 */
export function fieldErrors(error: RpcError | null): Record<string, string> {
  if (!error) return {};
  const out: Record<string, string> = {};
  for (const issue of describeRpcError(error).fieldIssues) {
    const last = issue.field.split('.').pop() ?? issue.field;
    for (const key of [issue.field, last]) if (key && !(key in out)) out[key] = issue.message;
  }
  return out;
}

/** A Result-shaped transport failure for when the host itself could not answer. */
export function transportError(message: string, details?: unknown): RpcError {
  return details === undefined ? { code: 'transport', message } : { code: 'transport', message, details };
}
