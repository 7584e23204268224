#!/usr/bin/env node
// Regenerates src-shared/recipients/countries-data.ts from Notify's country data: the GOV.UK country
// and territory graph that notifications-utils vendors, and the files beside it in
// notifications_utils/countries/_data/.
import { makeCountryKey } from '../src-shared/recipients/countries';
import { commandLine, isMain, options, readSource, writeGenerated } from './refresh-lib';

const USAGE = `Usage: node --import tsx scripts/refresh-countries-data.ts --data <dir|url> --source-name <text>

  --data         notifications-utils notifications_utils/countries/_data (a local folder, or the URL of
                 that folder's raw files), holding location-autocomplete-graph.json, ended-countries.json,
                 uk-islands.txt, european-islands.txt, welsh-names.json, synonyms.json, europe.txt and
                 uk-postcode-zones.txt
  --source-name  where that copy came from, for the header (repository, path and commit or date)`;

/**
 * Names Notify accepts that the source files given may not have: asserted by Notify's own tests
 * (tests/test_countries.py `test_hand_crafted_synonyms`, tests/country_synonyms.py) or by the check of
 * issue 15 against Notify's current data. A name the source already resolves is left out, so once
 * the current files are fed in this list adds nothing.
 */
export const NAMES_NOTIFY_ACCEPTS: ReadonlyArray<readonly [string, string]> = [
  ['Palestine', 'Occupied Palestinian Territories'],
  ['Palestinian Territory', 'Occupied Palestinian Territories'],
  ['Palestine, state of', 'Occupied Palestinian Territories'],
  ['State of Palestine', 'Occupied Palestinian Territories'],
  ['Rwanda, Republic of', 'Rwanda'],
  ['San Marino, Republic of', 'San Marino'],
  ['the united states of amercia', 'United States'],
  ['Dubai UAE', 'Dubai'],
  ['Austrailia', 'Australia'],
  ['Argentinia', 'Argentina'],
  // Sinhala with the zero-width joiner that “Sri” is properly written with (the graph has them without)
  ['\u0dc1\u0dca\u200d\u0dbb\u0dd3 \u0dbd\u0d82\u0d9a\u0dcf', 'Sri Lanka'],
  [
    '\u0dc1\u0dca\u200d\u0dbb\u0dd3 \u0dbd\u0d82\u0d9a\u0dcf \u0b87\u0bb2\u0b99\u0bcd\u0b95\u0bc8',
    'Sri Lanka',
  ],
  ['\u0dc1\u0dca\u200d\u0dbb\u0dd3 \u0dbd\u0d82\u0d9a\u0dcf\u0dc0', 'Sri Lanka'],
];

interface GraphItem {
  edges: { from: string[] };
  meta: { canonical: boolean };
  names: Record<string, string | false>;
}

export interface CountrySources {
  graph: string;
  endedCountries: string;
  ukIslands: string;
  europeanIslands: string;
  welshNames: string;
  synonyms: string;
  europe: string;
  ukPostcodeZones: string;
}

const SOURCE_FILES: Readonly<Record<keyof CountrySources, string>> = {
  graph: 'location-autocomplete-graph.json',
  endedCountries: 'ended-countries.json',
  ukIslands: 'uk-islands.txt',
  europeanIslands: 'european-islands.txt',
  welshNames: 'welsh-names.json',
  synonyms: 'synonyms.json',
  europe: 'europe.txt',
  ukPostcodeZones: 'uk-postcode-zones.txt',
};

/** UTILS `_load_data` for a `.txt` file: one stripped line per entry (blank lines dropped). */
const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A TypeScript string literal, with invisible characters (format controls, separators) escaped. */
function literal(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&').replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

const KINDS: Readonly<Record<string, string>> = { country: 'c', territory: 't', uk: 'u' };

/** UTILS `find_canonical`: follow the first `from` edge until a canonical entry. */
function canonicalKey(graph: Record<string, GraphItem>, key: string, seen = new Set<string>()): string {
  const item = graph[key];
  if (!item) throw new Error(`graph: ${key} points at nothing`);
  if (item.meta.canonical) return key;
  if (seen.has(key)) throw new Error(`graph: a loop through ${key}`);
  seen.add(key);
  const next = item.edges.from[0];
  if (next === undefined) throw new Error(`graph: ${key} is not canonical and has no edge`);
  return canonicalKey(graph, next, seen);
}

/** The generated module, and which of `NAMES_NOTIFY_ACCEPTS` it had to add. */
export function buildCountriesData(
  sources: CountrySources,
  meta: { sourceName: string; command: string; today: string },
): { text: string; added: string[] } {
  const graph = JSON.parse(sources.graph) as Record<string, GraphItem>;
  const countries: string[] = [];
  const territories: string[] = [];
  const nations: string[] = [];
  const nyms: string[] = [];
  const known = new Set<string>();
  for (const [key, item] of Object.entries(graph)) {
    const name = item.names['en-GB'];
    if (typeof name !== 'string') throw new Error(`graph: ${key} has no en-GB name`);
    known.add(makeCountryKey(name));
    const [kind = '', code = ''] = key.split(':');
    if (item.meta.canonical && kind === 'country') countries.push(`  ${literal(code)}: ${literal(name)},`);
    else if (item.meta.canonical && kind === 'territory')
      territories.push(`  ${literal(code)}: ${literal(name)},`);
    else if (item.meta.canonical && kind === 'uk') nations.push(`  ${literal(code)}: ${literal(name)},`);
    else {
      const target = canonicalKey(graph, key);
      const [targetKind = '', targetCode = ''] = target.split(':');
      const short = KINDS[targetKind];
      if (!short)
        throw new Error(`graph: ${key} resolves to ${target}, which is no country, territory or UK nation`);
      if (name.includes('|') || name.includes('\n'))
        throw new Error(`graph: ${key} has a name with | or a newline`);
      nyms.push(
        `${name}|${short}:${targetCode}`.replace(
          /[\p{Cf}\p{Zl}\p{Zp}`\\$]/gu,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        ),
      );
    }
  }
  const ended = JSON.parse(sources.endedCountries) as Record<string, string | null>;
  const pairs = (json: string) => Object.entries(JSON.parse(json) as Record<string, string>);
  for (const name of [
    ...Object.keys(ended),
    ...lines(sources.ukIslands),
    ...lines(sources.europeanIslands),
    ...pairs(sources.welshNames).map(([name]) => name),
    ...pairs(sources.synonyms).map(([name]) => name),
  ]) {
    known.add(makeCountryKey(name));
  }
  const added = NAMES_NOTIFY_ACCEPTS.filter(([name]) => !known.has(makeCountryKey(name)));
  const list = (items: string[]) => items.map((item) => `  ${literal(item)},`).join('\n');
  const pairList = (items: ReadonlyArray<readonly [string, string]>) =>
    items.map(([a, b]) => `  [${literal(a)}, ${literal(b)}],`).join('\n');

  const text = `/**
 * Country and territory data for postal addresses (a port of UTILS \`notifications_utils/countries/\`).
 * Generated: do not edit by hand.
 *
 * Source: ${meta.sourceName}. Regenerated on ${meta.today} with:
 *
 *     ${meta.command}
 *
 * - \`location-autocomplete-graph.json\` (the GOV.UK country and territory register, as vendored by UTILS
 *   from alphagov/govuk-country-and-territory-autocomplete): the canonical names below and every
 *   other entry in file order, each resolved to the canonical entry its edges lead to (\`c:\` country,
 *   \`t:\` territory, \`u:\` a UK nation, which resolves to the United Kingdom). Invisible characters
 *   are written as \`\\\\u\` escapes.
 * - \`ended-countries.json\`, \`uk-islands.txt\`, \`european-islands.txt\`, \`welsh-names.json\`,
 *   \`synonyms.json\`, \`europe.txt\` (Royal Mail's Europe zone) and \`uk-postcode-zones.txt\`.
 * - \`NAMES_NOTIFY_ACCEPTS\` in the script: names Notify's tests or current data accept that the files
 *   above did not map (${added.length} added).
 */

/** \`country:XX\` entries: ISO code to canonical name. */
export const CANONICAL_COUNTRIES: Readonly<Record<string, string>> = {
${countries.join('\n')}
};

/** \`territory:XX\` entries: code to canonical name. */
export const CANONICAL_TERRITORIES: Readonly<Record<string, string>> = {
${territories.join('\n')}
};

/** \`uk:XXX\` entries; their graph edge points at the United Kingdom. */
export const UK_NATIONS: Readonly<Record<string, string>> = {
${nations.join('\n')}
};

/** Every other entry of the graph, in file order: \`name|target\`. */
export const GRAPH_SYNONYMS = \`${nyms.join('\n')}\`;

/** \`ended-countries.json\`: a country that no longer exists, and its successor (null: none). */
export const ENDED_COUNTRIES: Readonly<Record<string, string | null>> = {
${Object.entries(ended)
  .map(([a, b]) => `  ${literal(a)}: ${b === null ? 'null' : literal(b)},`)
  .join('\n')}
};

/** \`uk-islands.txt\`: posted as UK letters. */
export const UK_ISLANDS: readonly string[] = [
${list(lines(sources.ukIslands))}
];

/** \`european-islands.txt\`: each is its own canonical name. */
export const EUROPEAN_ISLANDS: readonly string[] = [
${list(lines(sources.europeanIslands))}
];

/** \`welsh-names.json\`. */
export const WELSH_NAMES: readonly (readonly [string, string])[] = [
${pairList(pairs(sources.welshNames))}
];

/** \`synonyms.json\` (ADDITIONAL_SYNONYMS), in file order, then \`NAMES_NOTIFY_ACCEPTS\` not already mapped. */
export const ADDITIONAL_SYNONYMS: readonly (readonly [string, string])[] = [
${pairList([...pairs(sources.synonyms), ...added])}
];

/** \`europe.txt\`: Royal Mail's Europe zone, using the canonical names. */
export const ROYAL_MAIL_EUROPEAN: readonly string[] = [
${list(lines(sources.europe))}
];

/** \`uk-postcode-zones.txt\`, in file order. */
export const UK_POSTCODE_ZONES: readonly string[] = [
${list(lines(sources.ukPostcodeZones))}
];
`;
  return { text, added: added.map(([name]) => name) };
}

if (isMain(import.meta.url)) {
  const args = options(USAGE, { data: { type: 'string' }, 'source-name': { type: 'string' } }, [
    'data',
    'source-name',
  ]);
  const base = args.data!.replace(/\/$/, '');
  const sources = {} as CountrySources;
  for (const [field, file] of Object.entries(SOURCE_FILES)) {
    sources[field as keyof CountrySources] = await readSource(`${base}/${file}`);
  }
  const { text, added } = buildCountriesData(sources, {
    sourceName: args['source-name']!,
    command: commandLine(new URL(import.meta.url).pathname),
    today: new Date().toISOString().slice(0, 10),
  });
  writeGenerated('src-shared/recipients/countries-data.ts', text);
  console.log(
    added.length ? `added from NAMES_NOTIFY_ACCEPTS: ${added.join(', ')}` : 'the source maps every name',
  );
}
