/**
 * Country recognition for postal addresses: a port of UTILS `notifications_utils/countries/`.
 *
 * `findCountry` is `Country(name).canonical_name` (or null where UTILS raises `CountryNotFoundError`), and
 * `postageZone` is `Country.postage_zone`. Names are matched the way UTILS’ `CountryMapping.make_key` does:
 * `&` and `+` read as “and”, case and the characters ` _-'’,.()` are ignored, accents are dropped
 * (`SanitiseASCII`), and “the ”, “yr ” and “y ” prefixes are tried too. Anything containing a digit is
 * never a country. The lookup table is built on first use and results are cached.
 */

import {
  ADDITIONAL_SYNONYMS,
  CANONICAL_COUNTRIES,
  CANONICAL_TERRITORIES,
  ENDED_COUNTRIES,
  EUROPEAN_ISLANDS,
  GRAPH_SYNONYMS,
  ROYAL_MAIL_EUROPEAN,
  UK_ISLANDS,
  UK_NATIONS,
  WELSH_NAMES,
} from './countries-data';
import { sanitiseAscii } from '../template/sanitise-text';

/** UTILS `countries.data.UK`. */
export const UK = 'United Kingdom';

/** UTILS `Postage` zones for addresses (`united-kingdom` is UTILS’ `Postage.UK`). */
export type PostageZone = 'united-kingdom' | 'europe' | 'rest-of-world';

const IGNORED_KEY_CHARACTERS = new Set([' ', '_', '-', "'", '\u2019', ',', '.', '(', ')']);

/**
 * UTILS `CountryMapping.make_key`.
 *
 * The normalised form a country name is stored and looked up under.
 */
export function makeCountryKey(name: string): string {
  const replaced = name.replaceAll('&', 'and').replaceAll('+', 'and');
  let normalised = '';
  for (const c of replaced) {
    if (!IGNORED_KEY_CHARACTERS.has(c)) normalised += c.toLowerCase();
  }
  const ascii = sanitiseAscii(normalised);
  return ascii.includes('?') ? normalised : ascii;
}

/** Python `str.isdigit()` for any character: decimal digits plus super/subscript and circled digits. */
const HAS_DIGIT =
  /[\p{Nd}\u00B2\u00B3\u00B9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247C\u2488-\u2490\u24EA\u24F5-\u24FD\u24FF\u2776-\u277E\u2780-\u2788\u278A-\u2792\u1369-\u1371\u19DA]/u;

let table: Map<string, string> | null = null;

function resolveGraphTarget(target: string): string | undefined {
  const kind = target.slice(0, 2);
  const code = target.slice(2);
  if (kind === 'c:') return CANONICAL_COUNTRIES[code];
  if (kind === 't:') return CANONICAL_TERRITORIES[code];
  if (kind === 'u:') return UK_NATIONS[code] === undefined ? undefined : UK;
  return undefined;
}

/**
 * Builds the `countries` mapping exactly as UTILS `countries/__init__.py` and `data.py` do: the graph
 * (countries, synonyms, territories, UK nations, in file order) with UK islands folded into the UK and
 * ended countries folded into their successors, then UK islands, European islands, Welsh names and
 * the extra synonyms. Later entries overwrite earlier ones with the same key, as in a Python dict.
 */
function buildTable(): Map<string, string> {
  const graph: [string, string][] = [];
  for (const name of Object.values(CANONICAL_COUNTRIES)) graph.push([name, name]);
  for (const line of GRAPH_SYNONYMS.split('\n')) {
    const bar = line.lastIndexOf('|');
    const canonical = resolveGraphTarget(line.slice(bar + 1));
    if (canonical !== undefined) graph.push([line.slice(0, bar), canonical]);
  }
  for (const name of Object.values(CANONICAL_TERRITORIES)) graph.push([name, name]);
  for (const name of Object.values(UK_NATIONS)) graph.push([name, UK]);

  const entries: (readonly [string, string])[] = [];
  for (const [synonym, canonical] of graph) {
    if (UK_ISLANDS.includes(canonical)) {
      entries.push([synonym, UK]);
    } else if (Object.hasOwn(ENDED_COUNTRIES, canonical)) {
      const successor = ENDED_COUNTRIES[canonical];
      if (successor) {
        entries.push([synonym, successor]);
        entries.push([canonical, successor]);
      }
    } else {
      entries.push([synonym, canonical]);
    }
  }
  for (const island of UK_ISLANDS) entries.push([island, UK]);
  for (const island of EUROPEAN_ISLANDS) entries.push([island, island]);
  entries.push(...WELSH_NAMES, ...ADDITIONAL_SYNONYMS);

  const map = new Map<string, string>();
  for (const [name, canonical] of entries) map.set(makeCountryKey(name), canonical);
  return map;
}

function countriesTable(): Map<string, string> {
  table ??= buildTable();
  return table;
}

const LOOKUP_CACHE_LIMIT = 4096;
const lookupCache = new Map<string, string | null>();

/**
 * The canonical country or territory for an address line, or null if it names none.
 *
 * UTILS `Country(name).canonical_name`, which raises `CountryNotFoundError` where this returns null.
 */
export function findCountry(name: string): string | null {
  const cached = lookupCache.get(name);
  if (cached !== undefined) return cached;
  let result: string | null = null;
  const map = countriesTable();
  for (const candidate of [name, `the ${name}`, `yr ${name}`, `y ${name}`]) {
    if (HAS_DIGIT.test(candidate)) continue;
    const found = map.get(makeCountryKey(candidate));
    if (found !== undefined) {
      result = found;
      break;
    }
  }
  if (lookupCache.size >= LOOKUP_CACHE_LIMIT) lookupCache.clear();
  lookupCache.set(name, result);
  return result;
}

const EUROPEAN = new Set(ROYAL_MAIL_EUROPEAN);

/**
 * The Royal Mail postage zone for a canonical country name.
 *
 * UTILS `Country.postage_zone`: the UK (including the Crown dependencies), Royal Mail’s Europe list, or
 * the rest of the world.
 */
export function postageZone(canonicalName: string): PostageZone {
  if (canonicalName === UK) return 'united-kingdom';
  if (EUROPEAN.has(canonicalName)) return 'europe';
  return 'rest-of-world';
}

/**
 * Whether a country name (any recognised spelling) is in Royal Mail’s Europe postage zone.
 *
 * Used to pick `europe` or `rest-of-world` postage for international letters.
 */
export function isEuropeanCountry(name: string): boolean {
  const canonical = findCountry(name);
  return canonical !== null && postageZone(canonical) === 'europe';
}

/**
 * The canonical name for an ISO 3166 region code from the country register (for example `JE` → Jersey).
 *
 * Used to name the country of a phone number; null for codes the register does not know.
 */
export function countryNameForRegion(regionCode: string): string | null {
  return CANONICAL_COUNTRIES[regionCode] ?? CANONICAL_TERRITORIES[regionCode] ?? null;
}
