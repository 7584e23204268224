/**
 * A float that Python would print with a decimal point (`0.0`, `1.0`), as Notify's cost fields are.
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

/**
 * JSON output as Flask produces it: keys sorted, compact, non-ASCII escaped.
 *
 * Notify's responses come from Flask's default JSON provider (`sort_keys=True`, `ensure_ascii=True`),
 * so `Can’t` travels as `Can\u2019t`; clients that snapshot raw bodies see the same bytes here.
 */
export function sortedJson(value: unknown): string {
  return ser(value);
}

const HAS_NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII = /[\u0080-\uffff]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

function ser(v: unknown): string {
  switch (typeof v) {
    case 'string': {
      const s = JSON.stringify(v);
      return HAS_NON_ASCII.test(s) ? s.replace(NON_ASCII, escapeChar) : s;
    }
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      if (v instanceof PyFloat) return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
      if (Array.isArray(v)) return `[${v.map(ser).join(',')}]`;
      const obj = v as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(obj).sort()) {
        const val = obj[key];
        if (val !== undefined) parts.push(`${ser(key)}:${ser(val)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return 'null';
  }
}

/**
 * Formats a time as Notify's DATETIME_FORMAT, `%Y-%m-%dT%H:%M:%S.%fZ`.
 *
 * Times are held as integer microseconds since the epoch so that ordering by `created_at` is strict,
 * as it is in Notify's database.
 */
export function formatDatetime(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString(); // 2024-05-17T15:58:38.342Z
  const frac = String(micros % 1_000_000).padStart(6, '0');
  return `${iso.slice(0, 19)}.${frac}Z`;
}

/** The same format from a Date (microseconds zero-filled). */
export function formatDate(date: Date): string {
  return formatDatetime(date.getTime() * 1000);
}

const UUID_RE = /^(?:urn:uuid:)?\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/**
 * Parses a UUID the way Python's `uuid.UUID(str)` accepts it, returning the canonical lower-case form.
 *
 * Notify validates ids with `UUID(value)`, which also takes braces, `urn:uuid:` and hyphen-less hex.
 */
export function parseUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = UUID_RE.exec(value.replace(/-/g, '').length === 32 ? value : '');
  if (!m) return null;
  return `${m[1]}-${m[2]}-${m[3]}-${m[4]}-${m[5]}`.toLowerCase();
}

/**
 * A Python-style `repr` for values echoed in validation messages, with `'` removed as Notify does.
 *
 * jsonschema formats the offending value with Python's repr; Notify then strips every single quote.
 */
export function pyRepr(value: unknown): string {
  return repr(value).replace(/'/g, '');
}

function repr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloat(value);
  if (typeof value === 'string') return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(repr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${repr(k)}: ${repr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function pyFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : n < 0 ? '-inf' : 'nan';
  return String(n);
}

/** Python's `str()` of a JSON value, used where Notify formats values into text. */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : repr(value);
}
