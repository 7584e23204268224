/**
 * Reading a failed Result: what to show the user.
 *
 * The contract's error union (src-main/contract/errors.ts) says, by `code`, which details a
 * failure carries: Notify's status, error class and message with the console's explanation and the
 * measured clock skew; the failed layer of a network error; the reference of an unknown outcome;
 * per-field issues. A failure that does not match the union (an older host, a broken transport) is
 * shown by its code and message alone.
 */
import { rpcError, type FieldIssue, type RpcError } from '../../src-main/contract/errors';
import type { Explanation } from '../../src-shared/notify/explanation';

export type { FieldIssue };

interface ErrorView {
  code: string;
  message: string;
  httpStatus: number | null;
  errorClass: string | null;
  notifyMessage: string | null;
  explanation: Explanation | null;
  /** Notify's clock minus this computer's, measured from the failed answer. */
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

/** Everything the error panel shows, read from a failed Result. */
export function describeRpcError(error: RpcError): ErrorView {
  const view: ErrorView = {
    code: error.code,
    message: error.message,
    httpStatus: null,
    errorClass: null,
    notifyMessage: null,
    explanation: null,
    skewSeconds: null,
    reference: null,
    fieldIssues: [],
    notifyErrors: [],
    request: null,
    networkKind: null,
    details: error.details,
  };
  const parsed = rpcError.safeParse(error);
  if (!parsed.success) return view;
  const e = parsed.data;
  switch (e.code) {
    case 'notify': {
      const d = e.details;
      const first = d.errors[0];
      return {
        ...view,
        httpStatus: d.status,
        errorClass: first?.error || null,
        notifyMessage: first?.message || d.app?.message || null,
        explanation: d.explanation,
        skewSeconds: d.skewSeconds,
        notifyErrors: d.errors.map((x) => ({ error: x.error, message: x.message })),
        request: `${d.method} ${d.path}`,
      };
    }
    case 'network':
      return {
        ...view,
        httpStatus: e.details.status,
        explanation: e.details.explanation,
        request: `${e.details.method} ${e.details.path}`,
        networkKind: e.details.kind,
      };
    case 'unknown-outcome':
      return {
        ...view,
        httpStatus: e.details.status,
        explanation: e.details.explanation,
        reference: e.details.reference,
        request: `${e.details.method} ${e.details.path}`,
      };
    case 'validation':
    case 'invalid_profile':
    case 'invalid_import':
      return { ...view, fieldIssues: e.details.issues };
    default:
      return view;
  }
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
export function transportError(message: string, status?: number): RpcError {
  return status === undefined
    ? { code: 'transport', message }
    : { code: 'transport', message, details: { status } };
}
