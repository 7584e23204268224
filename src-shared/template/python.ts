/**
 * Small re-implementations of the Python built-ins that notifications-utils relies on.
 *
 * Notify's rendering is written in Python, so its exact output depends on Python's idea of
 * whitespace (`str.split()`, `str.strip()`), line boundaries (`str.splitlines()`), string
 * conversion (`str()` of numbers, booleans, lists and dicts) and character counting (`len()`
 * counts code points, not UTF-16 units). JavaScript differs on every one of these, so the
 * renderer goes through these helpers instead of the JS built-ins.
 */

/** Characters for which Python's `str.isspace()` is true (used by `split()`, `strip()`, `\s`). */
const PY_WHITESPACE =
  '\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005' +
  '\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

/** A regex character-class body matching Python's `\s` for `str` patterns. */
export const PY_S =
  '\\t\\n\\u000b\\u000c\\r\\u001c-\\u001f \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** A regex character-class body matching Python's `\w` for `str` patterns (needs the `u` flag). */
export const PY_W = '\\p{L}\\p{Nd}\\p{Nl}\\p{No}_';

const PY_WHITESPACE_SET = new Set(PY_WHITESPACE);
const PY_LSTRIP_RE = new RegExp(`^[${PY_S}]+`, 'u');
const PY_RSTRIP_RE = new RegExp(`[${PY_S}]+$`, 'u');
/** Line boundaries recognised by Python's `str.splitlines()`. */
// eslint-disable-next-line no-control-regex -- Python treats these control characters as line breaks.
const SPLITLINES_RE = /\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/;

/**
 * Python `str.strip()` with no arguments.
 *
 * Python strips more characters than JS `trim()` (for example `\x1c`) and fewer (not `\ufeff`).
 */
export function pyStrip(value: string): string {
  if (value === '') return value;
  const first = value[0] as string;
  const last = value[value.length - 1] as string;
  if (!PY_WHITESPACE_SET.has(first) && !PY_WHITESPACE_SET.has(last)) return value;
  return value.replace(PY_LSTRIP_RE, '').replace(PY_RSTRIP_RE, '');
}

/**
 * Python `str.lstrip()` with no arguments.
 *
 * Used where Notify strips leading whitespace only (the plain-text email part).
 */
export function pyLstrip(value: string): string {
  return value.replace(PY_LSTRIP_RE, '');
}

/**
 * Python `str.splitlines()` without `keepends`.
 *
 * Recognises every line boundary Python does (including `\x0b`, `\x1c`, `\u2028`), and, like
 * Python, yields no trailing empty line for a string ending in a line break.
 */
export function pySplitlines(value: string): string[] {
  if (value === '') return [];
  const lines = value.split(SPLITLINES_RE);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Python `len()` of a string: the number of code points.
 *
 * An emoji outside the BMP is one character in Python but two UTF-16 units in JS.
 */
export function pyLen(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/**
 * Python `len(value.encode('utf8'))`.
 *
 * Lone surrogates (which Python would refuse to encode) are counted as three bytes.
 */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Python `repr()` of a float, for a finite non-integer JS number.
 *
 * Both languages print the shortest round-tripping digits; they only differ on when to switch
 * to exponent notation (Python: exponent < -4 or >= 16) and on how the exponent is written.
 */
function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  const [mantissa = '0', expPart = '0'] = value.toExponential().split('e');
  const exponent = Number(expPart);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.slice(1);
    const expSign = exponent < 0 ? '-' : '+';
    const expAbs = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${digits[0] ?? '0'}${rest ? `.${rest}` : ''}e${expSign}${expAbs}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intLen = exponent + 1;
  if (digits.length <= intLen) return `${sign}${digits.padEnd(intLen, '0')}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

/**
 * Python `str()` of a JSON number.
 *
 * JSON integers become Python `int`s and print without a decimal point; other numbers become
 * floats. A JSON `1.0` cannot be told apart from `1` once parsed in JS, so it prints as `1`
 * (Python would print `1.0`).
 */
function pyNumberStr(value: number): string {
  if (Number.isInteger(value)) {
    if (Object.is(value, -0)) return '0';
    return Math.abs(value) < Number.MAX_SAFE_INTEGER ? String(value) : BigInt(value).toString();
  }
  return pyFloatRepr(value);
}

/**
 * Python `repr()` of a string, choosing quotes the way Python does.
 *
 * Used when a list or dict value is converted with `str()`.
 */
function pyStrRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

function pyRepr(value: unknown): string {
  if (typeof value === 'string') return pyStrRepr(value);
  return pyStr(value);
}

/**
 * Python `str()` of a value parsed from JSON.
 *
 * Notify converts every personalisation value with `str()`, so `true` shows as `True`, `null`
 * inside a list as `None`, and objects in Python's dict syntax.
 */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumberStr(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}
