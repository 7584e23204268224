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

// Python's ensure_ascii escapes everything outside space to tilde: DEL (0x7f) too, which JSON.stringify leaves.
const HAS_NON_ASCII = /[\u007f-\uffff]/;
const NON_ASCII = /[\u007f-\uffff]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

function ser(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return serString(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      if (v instanceof PyFloat) return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + ser(v[i]);
        return `${out}]`;
      }
      const obj = v as Record<string, unknown>;
      let keys = Object.keys(obj);
      // Responses are mostly built with their keys in order already: sort only when they are not.
      for (let i = 1; i < keys.length; i++) {
        if (keys[i - 1]! > keys[i]!) {
          keys = keys.sort();
          break;
        }
      }
      let out = '{';
      let first = true;
      for (const key of keys) {
        const val = obj[key];
        if (val === undefined) continue;
        out += (first ? '' : ',') + serKey(key) + ser(val);
        first = false;
      }
      return `${out}}`;
    }
    default:
      return 'null';
  }
}

/** `"key":`, kept for the few dozen keys Notify's responses use. */
const KEYS = new Map<string, string>();
function serKey(key: string): string {
  let out = KEYS.get(key);
  if (out === undefined) {
    out = `${serString(key)}:`;
    if (KEYS.size < 1000) KEYS.set(key, out);
  }
  return out;
}

/** Printable ASCII without `"` or `\\`: written as it is, between quotes. */
const PLAIN_STRING = /^[ !#-[\]-~]*$/;

function serString(v: string): string {
  if (PLAIN_STRING.test(v)) return `"${v}"`;
  const s = JSON.stringify(v);
  return HAS_NON_ASCII.test(s) ? s.replace(NON_ASCII, escapeChar) : s;
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

const INT16_RE = /^\s*\+?(?:0[xX]_?)?([0-9a-fA-F](?:_?[0-9a-fA-F])*)\s*$/;

/**
 * Parses a UUID the way Python's `uuid.UUID(str)` accepts it, returning the canonical lower-case form.
 *
 * Notify validates ids with `UUID(value)`: `urn:` and `uuid:` are removed, surrounding braces stripped,
 * hyphens dropped, then 32 characters must remain and parse with `int(hex, 16)`, which also takes
 * surrounding whitespace, a `+`, a `0x` prefix and underscores between digits.
 */
const CANONICAL_UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function parseUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // The common case, a canonical UUID, without the general parse below.
  if (value.length === 36 && CANONICAL_UUID.test(value)) return value.toLowerCase();
  const hex = value
    .replaceAll('urn:', '')
    .replaceAll('uuid:', '')
    .replace(/^[{}]+|[{}]+$/g, '')
    .replaceAll('-', '');
  if ([...hex].length !== 32) return null;
  const m = INT16_RE.exec(hex);
  if (!m) return null;
  const digits = m[1]!.replaceAll('_', '').toLowerCase().padStart(32, '0');
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
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
  if (typeof value === 'number') return numberRepr(value);
  if (typeof value === 'string') return strRepr(value);
  if (Array.isArray(value)) return `[${value.map(repr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${repr(k)}: ${repr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/**
 * Python's repr of a JSON number: an int for integers JavaScript holds exactly, otherwise a float
 * (`1e-05`, `1.5e+300`, `inf`). Beyond 2**53 a JSON number was almost certainly written as a float;
 * `5.0` cannot be told from `5` once parsed, so it prints as `5` (Python: `5.0`).
 */
function numberRepr(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 53) return Object.is(n, -0) ? '0' : String(n);
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  const [mantissa = '0', expPart = '0'] = n.toExponential().split('e');
  const exponent = Number(expPart);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.slice(1);
    const abs = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0]}${rest ? `.${rest}` : ''}e${exponent < 0 ? '-' : '+'}${abs}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intLen = exponent + 1;
  if (digits.length <= intLen) return `${sign}${digits.padEnd(intLen, '0')}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

/** Characters Python's `str.isprintable()` refuses: other (Cc, Cf, Cs, Co, Cn) and separators but space. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's `repr()` of a str: its choice of quotes, and escapes for what is not printable. */
function strRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x7f || ch === ' ' || !NOT_PRINTABLE.test(ch)) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out + quote;
}
