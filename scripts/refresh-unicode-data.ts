#!/usr/bin/env node
// Regenerates src-shared/template/unicode-data.ts (canonical decompositions for SMS sanitising, HTML5
// entity names for escaping) and src-shared/recipients/idna-data.ts (the Unicode 3.2 tables that
// Python's IDNA 2003 codec checks email domains against) from the Unicode Character Database and
// WHATWG's entity list.
import { commandLine, chunkedLiteral, options, readSource, writeGenerated } from './refresh-lib';

const USAGE = `Usage: node --import tsx scripts/refresh-unicode-data.ts --unicode-data <file|url> --unicode-data-3-2 <file|url> --entities <file|url>

  --unicode-data      UnicodeData.txt of the Unicode version Notify's Python has, e.g.
                      https://www.unicode.org/Public/15.0.0/ucd/UnicodeData.txt
                      (Debian's unicode-data package installs one in /usr/share/unicode/)
  --unicode-data-3-2  https://www.unicode.org/Public/3.2-Update/UnicodeData-3.2.0.txt, the version
                      Python's stringprep (unicodedata.ucd_3_2_0) reads bidirectional classes from
  --entities          WHATWG's https://html.spec.whatwg.org/entities.json
  --note              optional: how the local copies were obtained, for the headers`;

const args = options(
  USAGE,
  {
    'unicode-data': { type: 'string' },
    'unicode-data-3-2': { type: 'string' },
    entities: { type: 'string' },
    note: { type: 'string' },
  },
  ['unicode-data', 'unicode-data-3-2', 'entities'],
);

const unicodeData = await readSource(args['unicode-data']!);
const unicodeData32 = await readSource(args['unicode-data-3-2']!);
const entities = JSON.parse(await readSource(args.entities!)) as Record<string, { codepoints: number[] }>;
const command = commandLine(new URL(import.meta.url).pathname);
const note = args.note ? `\n *\n * ${args.note}` : '';
const today = new Date().toISOString().slice(0, 10);

/**
 * Reads UnicodeData.txt (`code;name;category;combining;bidi;decomposition;…`, with `<…, First>` and
 * `<…, Last>` lines standing for whole ranges), calling `each(codePoint, fields)` for every code point.
 */
function eachCodePoint(text: string, each: (codePoint: number, fields: string[]) => void): void {
  let rangeStart = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const fields = line.split(';');
    const code = parseInt(fields[0]!, 16);
    if (fields[1]!.endsWith(', First>')) {
      rangeStart = code;
      continue;
    }
    const from = fields[1]!.endsWith(', Last>') ? rangeStart : code;
    for (let c = from; c <= code; c++) each(c, fields);
  }
}

const decompositionFirst: Array<[number, number]> = [];
eachCodePoint(unicodeData, (code, fields) => {
  const decomposition = fields[5];
  // Notify reads only canonical decompositions (no `<tag>`) whose first part is a 4-digit code point.
  if (decomposition && !decomposition.startsWith('<') && code === parseInt(fields[0]!, 16)) {
    const first = decomposition.split(' ')[0]!;
    if (first.length === 4) decompositionFirst.push([code, parseInt(first, 16)]);
  }
});
const bidi32 = new Map<number, string>();
eachCodePoint(unicodeData32, (code, fields) => bidi32.set(code, fields[4] ?? ''));

/** `start-end` hex ranges of the code points for which `test` holds, in order. */
function ranges(test: (codePoint: number) => boolean): string {
  const out: string[] = [];
  let start = -1;
  for (let c = 0; c <= 0x110000; c++) {
    const inside = c < 0x110000 && test(c);
    if (inside && start < 0) start = c;
    if (!inside && start >= 0) {
      out.push(start === c - 1 ? start.toString(16) : `${start.toString(16)}-${(c - 1).toString(16)}`);
      start = -1;
    }
  }
  return out.join(',');
}

let previous = 0;
const decompositionPairs = decompositionFirst.map(([code, first]) => {
  const pair = `${(code - previous).toString(16)}:${first.toString(16)}`;
  previous = code;
  return pair;
});

const entityPairs: string[] = [];
const legacyNames: string[] = [];
for (const [key, value] of Object.entries(entities)) {
  const name = key.slice(1);
  if (name.endsWith(';')) {
    entityPairs.push(`${name.slice(0, -1)}=${value.codepoints.map((c) => c.toString(16)).join('.')}`);
  } else {
    legacyNames.push(name);
  }
}
entityPairs.sort((a, b) => (a < b ? -1 : 1));
legacyNames.sort();

writeGenerated(
  'src-shared/template/unicode-data.ts',
  `/**
 * Unicode and HTML data tables used by the template renderer. Generated: do not edit by hand.
 *
 * Sources: the Unicode Character Database (UnicodeData.txt, the decomposition field) and
 * WHATWG's HTML entity list (entities.json), which is what Python's \`unicodedata.decomposition\` and
 * \`html.entities.html5\` return. Regenerated on ${today} with:
 *
 *     ${command}${note}
 *
 * Stored compactly and parsed lazily on first use so that importing the template module stays cheap.
 */

/**
 * Canonical decompositions, as \`delta:first\` pairs: \`delta\` is the hex distance from the previous
 * source code point and \`first\` the hex code point of the first component of its single-level
 * canonical decomposition (only components written with 4 hex digits, which is all Notify's
 * \`SanitiseText.get_unicode_char_from_codepoint\` accepts).
 */
export const CANONICAL_DECOMPOSITION_FIRST =
${chunkedLiteral(decompositionPairs.join(','))};

/** HTML5 named character references (without the \`;\`): \`name=hex[.hex]\`, sorted by name. */
export const HTML5_ENTITIES =
${chunkedLiteral(entityPairs.join(','))};

/** Legacy entity names that are also recognised without a trailing semicolon. */
export const HTML5_LEGACY_NAMES =
${chunkedLiteral(legacyNames.join(','))};
`,
);

writeGenerated(
  'src-shared/recipients/idna-data.ts',
  `/**
 * Unicode 3.2 tables for nameprep (RFC 3491), which Python's \`idna\` codec applies to email domains.
 * Generated: do not edit by hand.
 *
 * Source: UnicodeData-3.2.0.txt, the bidirectional class field: Python's stringprep reads it from
 * Unicode 3.2 (\`unicodedata.ucd_3_2_0\`), where code points assigned later have no class at all.
 * Regenerated on ${today} with:
 *
 *     ${command}${note}
 *
 * Each table is a list of hex code points and \`start-end\` ranges.
 */

/**
 * Code points Unicode 3.2 had assigned. Python normalises a label with Unicode 3.2's NFKC, which leaves
 * every later character as it is.
 */
export const ASSIGNED_IN_UNICODE_3_2 =
${chunkedLiteral(ranges((c) => bidi32.has(c)))};

/** Bidirectional class R or AL (RFC 3454 table D.1): right-to-left characters. */
export const BIDI_RIGHT_TO_LEFT =
${chunkedLiteral(ranges((c) => bidi32.get(c) === 'R' || bidi32.get(c) === 'AL'))};

/** Bidirectional class L (RFC 3454 table D.2): left-to-right characters. */
export const BIDI_LEFT_TO_RIGHT =
${chunkedLiteral(ranges((c) => bidi32.get(c) === 'L'))};
`,
);
