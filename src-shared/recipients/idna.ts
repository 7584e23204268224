/**
 * Python’s built-in `idna` codec (IDNA 2003, RFC 3490) for host names: what UTILS’ email validation
 * calls as `hostname.encode("idna")`.
 *
 * Pure TypeScript so it runs without `node:url` or the DOM. Nameprep (RFC 3491) is reproduced for the
 * parts that decide success or failure: mapping (B.1, case folding, NFKC), prohibited output and the
 * bidirectional rule, which goes by each character's bidirectional class in Unicode 3.2 (R and AL against
 * L), not by its script: Arabic-Indic digits (class AN) are neither. Like Python, it allows code points
 * that Unicode 3.2 had not assigned (they have no bidirectional class there).
 */

import { ASSIGNED_IN_UNICODE_3_2, BIDI_LEFT_TO_RIGHT, BIDI_RIGHT_TO_LEFT } from './idna-data';

const LABEL_SEPARATORS = /[.\u3002\uFF0E\uFF61]/;
const ACE_PREFIX = 'xn--';

/** RFC 3491 table B.1: mapped to nothing. */
const MAPPED_TO_NOTHING = /[\u00AD\u1806\u200B-\u200D\u2060\uFEFF]|\u034F|[\u180B-\u180D]|[\uFE00-\uFE0F]/g;

/** RFC 3491 prohibited output: tables C.1.2, C.2.2 and C.3–C.9 (Python does not check table A.1). */
const PROHIBITED =
  /[\u0340-\u0341\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\u0080-\u009F\u06DD\u070F\u180E\u200C-\u200D\u2028\u2029\u2060-\u2063\u206A-\u206F\uFEFF\uFFF9-\uFFFD\u{1D173}-\u{1D17A}\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}\uFDD0-\uFDEF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{10FFFE}\u{10FFFF}\u2FF0-\u2FFB\u200E\u200F\u202A-\u202E\u{E0001}\u{E0020}-\u{E007F}\p{Cs}]/u;

/** A generated table (`1f,20-7e,…`) as sorted `[start, end]` pairs, parsed on first use. */
class CodePointSet {
  #source: string;
  #ranges: Array<readonly [number, number]> | undefined;

  constructor(source: string) {
    this.#source = source;
  }

  has(codePoint: number): boolean {
    this.#ranges ??= this.#source.split(',').map((item) => {
      const [start = '', end = start] = item.split('-');
      return [parseInt(start, 16), parseInt(end, 16)] as const;
    });
    let low = 0;
    let high = this.#ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = this.#ranges[middle] ?? [0, -1];
      if (codePoint < start) high = middle - 1;
      else if (codePoint > end) low = middle + 1;
      else return true;
    }
    return false;
  }
}

const ASSIGNED = new CodePointSet(ASSIGNED_IN_UNICODE_3_2);
const RIGHT_TO_LEFT = new CodePointSet(BIDI_RIGHT_TO_LEFT);
const LEFT_TO_RIGHT = new CodePointSet(BIDI_LEFT_TO_RIGHT);

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * NFKC as Unicode 3.2 had it (`unicodedata.ucd_3_2_0.normalize`): characters assigned since are left
 * alone, so only the runs of characters 3.2 knew are normalised.
 */
function normalizeUnicode32(text: string): string {
  let out = '';
  let run = '';
  for (const c of text) {
    if (ASSIGNED.has(c.codePointAt(0) ?? 0)) {
      run += c;
    } else {
      out += run.normalize('NFKC') + c;
      run = '';
    }
  }
  return out + run.normalize('NFKC');
}

/** RFC 3491 nameprep; null where Python raises `UnicodeError`. */
function nameprep(label: string): string | null {
  // Python's table B.2 folds case with today's `str.lower()`, whatever Unicode 3.2 knew.
  const mapped = normalizeUnicode32(
    label.replace(MAPPED_TO_NOTHING, '').toLowerCase().replaceAll('\u00DF', 'ss'),
  );
  if (PROHIBITED.test(mapped)) return null;
  const codePoints = Array.from(mapped, (c) => c.codePointAt(0) ?? 0);
  if (codePoints.some((c) => RIGHT_TO_LEFT.has(c))) {
    // RFC 3454 section 6: no left-to-right character, and a right-to-left one at each end.
    if (codePoints.some((c) => LEFT_TO_RIGHT.has(c))) return null;
    const first = codePoints[0] ?? 0;
    const last = codePoints[codePoints.length - 1] ?? 0;
    if (!RIGHT_TO_LEFT.has(first) || !RIGHT_TO_LEFT.has(last)) return null;
  }
  return mapped;
}

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitToBasic(digit: number): string {
  return String.fromCharCode(digit + 22 + 75 * (digit < 26 ? 1 : 0));
}

/**
 * RFC 3492 Punycode encoding of one label (the part after `xn--`).
 *
 * Used by `toAscii` for labels that stay non-ASCII after nameprep.
 */
function punycodeEncode(input: string): string {
  const codePoints = Array.from(input, (c) => c.codePointAt(0) ?? 0);
  let output = '';
  for (const cp of codePoints) if (cp < 0x80) output += String.fromCharCode(cp);
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength > 0) output += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < codePoints.length) {
    let m = Number.MAX_SAFE_INTEGER;
    for (const cp of codePoints) if (cp >= n && cp < m) m = cp;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of codePoints) {
      if (cp < n) delta++;
      if (cp === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) break;
          output += digitToBasic(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        output += digitToBasic(q);
        bias = adapt(delta, handled + 1, handled === basicLength);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

/** Python `encodings.idna.ToASCII` for one label; null where it raises. */
function labelToAscii(label: string): string | null {
  if (isAscii(label)) return label.length > 0 && label.length < 64 ? label : null;
  const prepped = nameprep(label);
  if (prepped === null) return null;
  if (isAscii(prepped)) return prepped.length > 0 && prepped.length < 64 ? prepped : null;
  if (prepped.startsWith(ACE_PREFIX)) return null;
  const encoded = ACE_PREFIX + punycodeEncode(prepped);
  return encoded.length < 64 ? encoded : null;
}

/**
 * `hostname.encode("idna").decode("ascii")` with Python’s codec; null where Python raises `UnicodeError`.
 *
 * An all-ASCII name passes through unchanged (only label lengths are checked); other names are split on
 * any IDNA dot, nameprepped and Punycode-encoded label by label.
 */
export function toAscii(hostname: string): string | null {
  if (hostname === '') return '';
  if (isAscii(hostname)) {
    const labels = hostname.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const len = labels[i]?.length ?? 0;
      if (len === 0 || len >= 64) return null;
    }
    return (labels[labels.length - 1]?.length ?? 0) >= 64 ? null : hostname;
  }
  const labels = hostname.split(LABEL_SEPARATORS);
  let trailingDot = '';
  if (labels.length > 0 && labels[labels.length - 1] === '') {
    trailingDot = '.';
    labels.pop();
  }
  const out: string[] = [];
  for (const label of labels) {
    const ascii = labelToAscii(label);
    if (ascii === null) return null;
    out.push(ascii);
  }
  return out.join('.') + trailingDot;
}
