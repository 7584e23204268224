/**
 * GSM-7 sanitising of text messages: port of notifications-utils `sanitise_text.py` (`SanitiseSMS`).
 *
 * Every character is kept if it is in the GSM-7 set (or its extension table) or is a Welsh
 * accented letter; otherwise it is downgraded to the first component of its canonical Unicode
 * decomposition (é → e), or replaced from a fixed table (– → -), or becomes `?`.
 */

import { CANONICAL_DECOMPOSITION_FIRST } from './unicode-data';

/** Characters of the GSM 03.38 extension table: allowed, but each takes two septets. */
export const EXTENDED_GSM_CHARACTERS = '^{}\\[~]|€';

/** The GSM 03.38 basic character set plus the extension table (`SanitiseSMS.GSM_CHARACTERS`). */
export const GSM_CHARACTERS =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà' +
  EXTENDED_GSM_CHARACTERS;

/** Welsh letters with diacritics, all kept as they are (`SanitiseSMS.WELSH_DIACRITICS`). */
export const WELSH_DIACRITICS = 'àèìòùẁỳÀÈÌÒÙẀỲ' + 'áéíóúẃýÁÉÍÓÚẂÝ' + 'äëïöüẅÿÄËÏÖÜẄŸ' + 'âêîôûŵŷÂÊÎÔÛŴŶ';

const GSM_SET = new Set(GSM_CHARACTERS);
const EXTENDED_SET = new Set(EXTENDED_GSM_CHARACTERS);
const ALLOWED_SET = new Set([...GSM_CHARACTERS, ...WELSH_DIACRITICS]);

/** Welsh letters outside GSM-7: any of these forces the whole message into UCS-2. */
export const WELSH_NON_GSM_CHARACTERS = [...WELSH_DIACRITICS].filter((c) => !GSM_SET.has(c)).join('');
const WELSH_NON_GSM_SET = new Set(WELSH_NON_GSM_CHARACTERS);

/** `SanitiseText.REPLACEMENT_CHARACTERS` (as of the UTILS snapshot in the reference, §9.3). */
const REPLACEMENT_CHARACTERS = new Map<string, string>([
  ['\u2011', '-'], // non-breaking hyphen
  ['\u2013', '-'], // en dash
  ['\u2014', '-'], // em dash
  ['\u2212', '-'], // minus sign
  ['\u2026', '...'], // horizontal ellipsis
  ['\u2018', "'"], // left single quotation mark
  ['\u2019', "'"], // right single quotation mark
  ['\u201a', "'"], // single low-9 quotation mark
  ['\u201c', '"'], // left double quotation mark
  ['\u201d', '"'], // right double quotation mark
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
  ['Ł', 'L'],
  ['ł', 'l'],
]);

let decompositionTable: Map<number, number> | undefined;

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
 * `SanitiseText.downgrade_character`: the replacement for a character outside the allowed set.
 *
 * Characters with a canonical decomposition become its first component (which Notify does not
 * re-check: `ḉ` becomes `ç`, itself not GSM). Returns `null` when there is no downgrade.
 */
export function downgradeCharacter(char: string): string | null {
  const first = decompositions().get(char.codePointAt(0) ?? -1);
  if (first !== undefined) return String.fromCodePoint(first);
  return REPLACEMENT_CHARACTERS.get(char) ?? null;
}

const encodeCache = new Map<string, string>();

/**
 * `SanitiseSMS.encode_char`: the GSM-safe form of one character (one code point).
 *
 * Allowed characters pass through; others are downgraded, or become `?`.
 */
export function encodeSmsCharacter(char: string): string {
  if (ALLOWED_SET.has(char)) return char;
  const cached = encodeCache.get(char);
  if (cached !== undefined) return cached;
  const encoded = downgradeCharacter(char) ?? '?';
  if (encodeCache.size < 4096) encodeCache.set(char, encoded);
  return encoded;
}

/** Matches a run of characters that need no work: printable ASCII in GSM plus newline/CR. */
const ALL_SIMPLE_GSM_RE = /^[\n\r !"#%&'()*+,\-./0-9:;<=>?@A-Z_a-z$]*$/;

/**
 * `SanitiseSMS.encode`: make a whole message GSM-7 (plus Welsh) compatible.
 *
 * Iterates by code point, as Python does, so one emoji becomes one `?`.
 */
export function sanitiseSms(content: string): string {
  if (ALL_SIMPLE_GSM_RE.test(content)) return content;
  let out = '';
  for (const char of content) out += encodeSmsCharacter(char);
  return out;
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
 * They are GSM-7 but take two septets, so they count twice towards fragments.
 */
export function isExtendedGsmCharacter(char: string): boolean {
  return EXTENDED_SET.has(char);
}

/**
 * Is this a Welsh letter outside GSM-7 (for example `ŵ`)?
 *
 * Notify keeps these, so one of them makes the whole message UCS-2.
 */
export function isWelshNonGsmCharacter(char: string): boolean {
  return WELSH_NON_GSM_SET.has(char);
}
