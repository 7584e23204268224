/**
 * Character sanitising: a port of notifications-utils `sanitise_text.py` (`SanitiseText`, `SanitiseSMS`,
 * `SanitiseASCII`) as the API runs it (reference §9.3).
 *
 * A character already in the allowed set is kept. Otherwise it is downgraded: a character with a
 * canonical decomposition becomes the first component of that decomposition, **but only when that
 * component is itself allowed** (`é` is kept in SMS, `ć` becomes `c`, `ḉ` becomes `?` because `ç` is not
 * sendable); a character without one is looked up in a fixed table (`…` becomes `...`). Anything else
 * becomes `?`. One code point is one character, as in Python, so an emoji becomes one `?`.
 */

import { CANONICAL_DECOMPOSITION_FIRST } from './unicode-data';

/** Characters of the GSM 03.38 extension table: allowed, but each takes two septets in GSM-7. */
const EXTENDED_GSM_CHARACTERS = '^{}\\[~]|€';

/** The GSM 03.38 basic character set plus the extension table (`SanitiseSMS.GSM_CHARACTERS`). */
const GSM_CHARACTERS =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà' +
  EXTENDED_GSM_CHARACTERS;

/** Welsh letters with diacritics, all kept as they are (`SanitiseSMS.WELSH_DIACRITICS`). */
const WELSH_DIACRITICS = 'àèìòùẁỳÀÈÌÒÙẀỲ' + 'áéíóúẃýÁÉÍÓÚẂÝ' + 'äëïöüẅÿÄËÏÖÜẄŸ' + 'âêîôûŵŷÂÊÎÔÛŴŶ';

const GSM_SET: ReadonlySet<string> = new Set(GSM_CHARACTERS);
const EXTENDED_SET: ReadonlySet<string> = new Set(EXTENDED_GSM_CHARACTERS);

/** What a text message may contain after sanitising: GSM-7 and the Welsh letters (`?` is GSM-7). */
const SMS_ALLOWED: ReadonlySet<string> = new Set([...GSM_CHARACTERS, ...WELSH_DIACRITICS]);

/** `SanitiseASCII.ALLOWED_CHARACTERS`: printable ASCII, space to `~`. */
const ASCII_ALLOWED: ReadonlySet<string> = new Set(
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
);

/** Welsh letters outside GSM-7: any of these forces the whole message into UCS-2. */
const WELSH_NON_GSM_SET: ReadonlySet<string> = new Set([...WELSH_DIACRITICS].filter((c) => !GSM_SET.has(c)));

/** `SanitiseText.REPLACEMENT_CHARACTERS`, for characters that have no canonical decomposition. */
const REPLACEMENT_CHARACTERS: ReadonlyMap<string, string> = new Map([
  ['\u2011', '-'], // non-breaking hyphen
  ['\u2013', '-'], // en dash
  ['\u2014', '-'], // em dash
  ['\u2212', '-'], // minus sign
  ['\u2026', '...'], // horizontal ellipsis
  ['\u2018', "'"], // left single quotation mark
  ['\u2019', "'"], // right single quotation mark
  ['\u201c', '"'], // left double quotation mark
  ['\u201d', '"'], // right double quotation mark
  ['\u201a', "'"], // single low-9 quotation mark
  ['\u201e', '"'], // double low-9 quotation mark
  ['\u180e', ''], // Mongolian vowel separator
  ['\u200b', ''], // zero width space
  ['\u200c', ''], // zero width non-joiner
  ['\u200d', ''], // zero width joiner
  ['\u2060', ''], // word joiner
  ['\ufeff', ''], // zero width no-break space
  ['\u2028', ''], // line separator
  ['\u2029', ''], // paragraph separator
  ['\u00a0', ' '], // no-break space
  ['\u202f', ' '], // narrow no-break space
  ['\t', ' '], // tab
  ['\u0141', 'L'], // Ł
  ['\u0142', 'l'], // ł
]);

let decompositionTable: Map<number, number> | undefined;

/** Code point to the first component of its canonical decomposition, parsed on first use. */
function decompositions(): Map<number, number> {
  if (decompositionTable) return decompositionTable;
  const table = new Map<number, number>();
  let codePoint = 0;
  for (const pair of CANONICAL_DECOMPOSITION_FIRST.split(',')) {
    const colon = pair.indexOf(':');
    codePoint += parseInt(pair.slice(0, colon), 16);
    table.set(codePoint, parseInt(pair.slice(colon + 1), 16));
  }
  decompositionTable = table;
  return table;
}

/**
 * `SanitiseText.downgrade_character` for one allowed set: the replacement, or null for none.
 *
 * A decomposable character is reduced to its base only if the base is allowed (Notify does not look
 * further: `ḉ` decomposes to `ç` + accent, and `ç` is not sendable, so `ḉ` has no downgrade); the fixed
 * table is consulted only for characters without a canonical decomposition.
 */
function downgrade(char: string, allowed: ReadonlySet<string>): string | null {
  const first = decompositions().get(char.codePointAt(0) ?? -1);
  if (first !== undefined) {
    const base = String.fromCodePoint(first);
    return allowed.has(base) ? base : null;
  }
  return REPLACEMENT_CHARACTERS.get(char) ?? null;
}

const smsCache = new Map<string, string>();

/**
 * `SanitiseSMS.encode_char`: the sendable form of one character (one code point).
 *
 * GSM-7 and Welsh letters pass through; others are downgraded, or become `?`.
 */
export function encodeSmsCharacter(char: string): string {
  if (SMS_ALLOWED.has(char)) return char;
  const cached = smsCache.get(char);
  if (cached !== undefined) return cached;
  const encoded = downgrade(char, SMS_ALLOWED) ?? '?';
  if (smsCache.size < 4096) smsCache.set(char, encoded);
  return encoded;
}

/** A run of characters that need no work: printable ASCII in GSM-7 plus newline and CR. */
const ALL_SIMPLE_GSM_RE = /^[\n\r !"#%&'()*+,\-./0-9:;<=>?@A-Z_a-z$]*$/;
/** `SanitiseASCII`'s allowed set as a test on a whole string: printable ASCII only. */
const ALL_PRINTABLE_ASCII_RE = /^[ -~]*$/;

/**
 * Encode a text one code point at a time (as Python iterates a `str`), copying runs of characters
 * that encode to themselves with one `slice` each rather than character by character: concatenating
 * millions of one-character strings costs far more than the encoding itself.
 */
function encodeByCodePoint(content: string, encode: (char: string) => string): string {
  const parts: string[] = [];
  let runStart = 0;
  const length = content.length;
  for (let i = 0; i < length; i++) {
    const code = content.charCodeAt(i);
    let char: string;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const next = content.charCodeAt(i + 1);
      char = next >= 0xdc00 && next <= 0xdfff ? content.slice(i, i + 2) : (content[i] as string);
    } else char = content[i] as string;
    const encoded = encode(char);
    if (encoded !== char) {
      if (runStart < i) parts.push(content.slice(runStart, i));
      parts.push(encoded);
      runStart = i + char.length;
    }
    i += char.length - 1;
  }
  if (parts.length === 0) return content;
  if (runStart < length) parts.push(content.slice(runStart));
  return parts.join('');
}

/**
 * `SanitiseSMS.encode`: make a whole message GSM-7 (plus Welsh) compatible.
 *
 * The result contains only GSM-7 characters, Welsh letters and `?`.
 */
export function sanitiseSms(content: string): string {
  if (ALL_SIMPLE_GSM_RE.test(content)) return content;
  return encodeByCodePoint(content, encodeSmsCharacter);
}

const asciiCache = new Map<string, string>();

/** `SanitiseASCII.encode_char`: one code point in printable ASCII, downgraded, or `?`. */
function encodeAsciiCharacter(char: string): string {
  if (ASCII_ALLOWED.has(char)) return char;
  const cached = asciiCache.get(char);
  if (cached !== undefined) return cached;
  const encoded = downgrade(char, ASCII_ALLOWED) ?? '?';
  if (asciiCache.size < 4096) asciiCache.set(char, encoded);
  return encoded;
}

/**
 * `SanitiseASCII.encode`: printable ASCII only, with the same downgrades (used for country names and
 * for the second attempt at parsing a phone number).
 */
export function sanitiseAscii(content: string): string {
  if (ALL_PRINTABLE_ASCII_RE.test(content)) return content;
  return encodeByCodePoint(content, encodeAsciiCharacter);
}

/**
 * Is this character in the GSM-7 set (basic or extension table)?
 *
 * Anything else is downgraded, replaced, or (Welsh letters) forces UCS-2; used for warnings.
 */
export function isGsmCharacter(char: string): boolean {
  return GSM_SET.has(char);
}

/**
 * Is this one of the extension-table characters (`^{}\\[~]|€`)?
 *
 * In GSM-7 they take two septets, so they count twice towards fragments.
 */
export function isExtendedGsmCharacter(char: string): boolean {
  return EXTENDED_SET.has(char);
}

/**
 * Is this a Welsh letter outside GSM-7 (for example `ŵ`)?
 *
 * Notify keeps these, and one of them typed in a message makes the whole message UCS-2.
 */
export function isWelshNonGsmCharacter(char: string): boolean {
  return WELSH_NON_GSM_SET.has(char);
}
