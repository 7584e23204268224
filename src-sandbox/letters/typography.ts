/**
 * Notify's `do_nice_typography` (UTILS `formatters.py`) and the text clean-up that a PDF with the standard
 * (WinAnsi-encoded) Helvetica fonts needs.
 */

const WORD = '[\\p{L}\\p{N}_]';
const CLOSE_CLASS = '[^ \\t\\r\\n[{(\\-]';
const PUNCT_CLASS = `[!"#$%'()*+,\\-./:;<=>?@[\\\\\\]^_\`{|}~]`;

const QUOTE_RULES: [RegExp, string][] = [
  // smartypants.educate_quotes, in its order.
  [new RegExp(`^'(?=${PUNCT_CLASS}(?!${WORD}))`, 'u'), '\u2019'],
  [new RegExp(`^"(?=${PUNCT_CLASS}(?!${WORD}))`, 'u'), '\u201D'],
  [new RegExp(`"'(?=${WORD})`, 'gu'), '\u201C\u2018'],
  [new RegExp(`'"(?=${WORD})`, 'gu'), '\u2018\u201C'],
  [new RegExp(`(?<=${WORD})'(?=\\d{2}s)`, 'gu'), '\u2019'],
  [new RegExp(`(\\s|--|\u2013|\u2014)'(?=${WORD})`, 'gu'), '$1\u2018'],
  [new RegExp(`(${CLOSE_CLASS})'(?!\\s|s(?!${WORD})|\\d)`, 'gu'), '$1\u2019'],
  [new RegExp(`(${CLOSE_CLASS})'(\\s|s(?!${WORD}))`, 'gu'), '$1\u2019$2'],
  [/'/g, '\u2018'],
  [new RegExp(`(\\s|--|\u2013|\u2014)"(?=${WORD})`, 'gu'), '$1\u201C'],
  [/"(?=\s)/g, '\u201D'],
  [new RegExp(`(${CLOSE_CLASS})"`, 'gu'), '$1\u201D'],
  [/"/g, '\u201C'],
];

/**
 * Smart quotes, en dashes for spaced hyphens, and no whitespace before `,` or `.`.
 *
 * `previousChar` is the last character of the preceding run: smartypants decides a lone quote character
 * from it, as it does across HTML tags.
 */
export function niceTypography(text: string, previousChar = ''): string {
  let out = text.replace(/[ \t]+([,.])/g, '$1');
  if (out === "'" || out === '"') {
    const closing = /\S/.test(previousChar);
    if (out === "'") out = closing ? '\u2019' : '\u2018';
    else out = closing ? '\u201D' : '\u201C';
  } else {
    for (const [pattern, replacement] of QUOTE_RULES) out = out.replace(pattern, replacement);
  }
  return out.replace(/\s+[-\u2013\u2014]{1,3}\s+/g, ' \u2013 ');
}

/** Characters to swap before falling back to `?`: they have a close WinAnsi equivalent or should vanish. */
const SUBSTITUTES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '\u2013',
  '\u2015': '\u2014',
  '\u2212': '-',
  '\u2044': '/',
  '\u2032': "'",
  '\u2033': '"',
  '\u00AD': '',
  '\u180E': '',
  '\u200B': '',
  '\u200C': '',
  '\u200D': '',
  '\u2060': '',
  '\uFEFF': '',
  '\u2028': '',
  '\u2029': '',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': '\u00A0',
  '\t': ' ',
};

/**
 * Makes text safe for a font that encodes only `supported` code points.
 *
 * Composes first (NFC); then each character the font lacks becomes a close equivalent, or its base letter
 * without accents (Welsh `ŵ` → `w`), or `?`. Control characters are dropped.
 */
export function toEncodableText(text: string, supported: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0 && !supported.has(cp))) {
      out += ch === '\t' ? ' ' : '';
      continue;
    }
    if (supported.has(cp)) {
      out += ch;
      continue;
    }
    const substitute = SUBSTITUTES[ch];
    if (substitute !== undefined) {
      out += substitute;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every((c) => supported.has(c.codePointAt(0) ?? 0)) ? base : '?';
  }
  return out;
}
