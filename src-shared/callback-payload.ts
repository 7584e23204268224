/**
 * The delivery-status callback Notify POSTs for a notification (reference §7.6), built from the
 * notification as `GET /v2/notifications/{id}` returns it, and serialised the way Notify sends it.
 *
 * One implementation for the renderer (the status screen's "Callback payload" tab) and the core
 * (`callbacks.replay`, which POSTs it to the developer's own endpoint). Field order follows Notify's
 * (API `send_delivery_status_to_service`), and the sandbox's `deliveryStatusPayload`.
 */

/** The delivery-status callback body, in Notify's field order. */
export interface CallbackPayload {
  id: string;
  reference: string | null;
  to: string | null;
  status: string;
  created_at: string;
  completed_at: string | null;
  sent_at: string | null;
  notification_type: string;
  template_id: string;
  template_version: number;
}

/** The fields of a Notify notification the payload needs (letters add `line_1`…`postcode`). */
interface CallbackSource {
  id: string;
  reference?: string | null;
  type: string;
  status: string;
  template: { id: string; version: number };
  created_at: string;
  sent_at?: string | null;
  completed_at?: string | null;
  email_address?: string | null;
  phone_number?: string | null;
  [key: string]: unknown;
}

const ADDRESS_KEYS = ['line_1', 'line_2', 'line_3', 'line_4', 'line_5', 'line_6', 'postcode'] as const;

/** The address lines of a letter, as Notify returns them (`line_1`…`line_6`, `postcode`). */
function letterAddressLines(n: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const key of ADDRESS_KEYS) {
    const value = n[key];
    if (typeof value === 'string' && value.trim() !== '') lines.push(value);
  }
  return lines;
}

/**
 * Who a notification went to, as one string: its email address, its phone number, or a letter's
 * address lines joined by `addressSeparator` (the callback's `to` and the archive's view use a line
 * break, tables and CSV exports `, `); null when it has none. One rule for the callback payload, the
 * notification tables, history's and the archive's CSV exports and the archive's views.
 */
export function notificationRecipient(n: Record<string, unknown>, addressSeparator: string): string | null {
  const email = n['email_address'];
  if (typeof email === 'string' && email !== '') return email;
  const phone = n['phone_number'];
  if (typeof phone === 'string' && phone !== '') return phone;
  const address = letterAddressLines(n);
  return address.length ? address.join(addressSeparator) : null;
}

/** Builds the callback body from a notification as `GET /v2/notifications/{id}` returned it. */
export function buildCallbackPayload(n: CallbackSource): CallbackPayload {
  return {
    id: n.id,
    reference: n.reference ?? null,
    to: notificationRecipient(n, '\n'),
    status: n.status,
    created_at: n.created_at,
    completed_at: n.completed_at ?? null,
    sent_at: n.sent_at ?? null,
    notification_type: n.type,
    template_id: n.template.id,
    template_version: n.template.version,
  };
}

/**
 * Serialises like Python's `json.dumps` with default arguments, as Notify's callbacks do: `", "` and
 * `": "` separators, keys in insertion order, and every character outside printable ASCII escaped
 * as `\uXXXX`.
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return pythonJsonDumps(`${value.toISOString().slice(0, 23)}000Z`);
  if (Array.isArray(value)) return `[${value.map((item) => pythonJsonDumps(item)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${pythonJsonDumps(k)}: ${pythonJsonDumps(v)}`).join(', ')}}`;
  }
  return 'null';
}

/** The exact request body Notify would POST for this payload. */
export function callbackBody(payload: CallbackPayload): string {
  return pythonJsonDumps(payload);
}
