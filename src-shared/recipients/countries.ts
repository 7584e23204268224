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
type PostageZone = 'united-kingdom' | 'europe' | 'rest-of-world';

const IGNORED_KEY_CHARACTERS = new Set([' ', '_', '-', "'", '\u2019', ',', '.', '(', ')']);
/** Runs of the characters a key ignores, removed in one pass. */
const IGNORED_RUNS = /[ _\-'\u2019,.()]+/g;
/** Characters that can make whole-string lower-casing differ from UTILS’ one character at a time. */
const CONTEXT_SENSITIVE = /[\u03a3\ud800-\udfff]/;

/** UTILS’ key of a name given as its code points (`&` and `+` already read as “and”). */
function keyOf(codePoints: Iterable<string>): string {
  const kept: string[] = [];
  for (const c of codePoints) if (!IGNORED_KEY_CHARACTERS.has(c)) kept.push(c.toLowerCase());
  const normalised = kept.join('');
  const ascii = sanitiseAscii(normalised);
  return ascii.includes('?') ? normalised : ascii;
}

/**
 * UTILS `CountryMapping.make_key`.
 *
 * The normalised form a country name is stored and looked up under. UTILS lower-cases each character
 * on its own: that is the whole string lower-cased, except for a capital sigma (lower-cased by its
 * place in a word) and surrogates (which removing characters can pair up), where this goes character
 * by character too.
 */
export function makeCountryKey(name: string): string {
  const replaced = name.replaceAll('&', 'and').replaceAll('+', 'and');
  if (CONTEXT_SENSITIVE.test(replaced)) return keyOf(replaced);
  const normalised = replaced.replace(IGNORED_RUNS, '').toLowerCase();
  const ascii = sanitiseAscii(normalised);
  return ascii.includes('?') ? normalised : ascii;
}

/** Python `str.isdigit()` for any character: decimal digits plus super/subscript and circled digits. */
const HAS_DIGIT =
  /[\p{Nd}\u00B2\u00B3\u00B9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247C\u2488-\u2490\u24EA\u24F5-\u24FD\u24FF\u2776-\u277E\u2780-\u2788\u278A-\u2792\u1369-\u1371\u19DA]/u;

let table: Map<string, string> | null = null;
/** The longest key in the table, in UTF-16 units: no longer key can be found in it. */
let longestKey = 0;

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
  for (const [name, canonical] of entries) {
    const key = makeCountryKey(name);
    map.set(key, canonical);
    longestKey = Math.max(longestKey, key.length);
  }
  return map;
}

function countriesTable(): Map<string, string> {
  table ??= buildTable();
  return table;
}

const LOOKUP_CACHE_LIMIT = 4096;
/** Names longer than this are looked up each time rather than kept in the cache (no name is this long). */
const LOOKUP_CACHE_MAX_NAME = 256;
const lookupCache = new Map<string, string | null>();

/** The prefixes UTILS also tries (`the `, `yr `, `y `), as they read in a key: spaces are ignored. */
const KEY_PREFIXES = ['', 'the', 'yr', 'y'];
/** Characters SanitiseASCII deletes (its zero-width replacements). */
const ZERO_WIDTH = '\u180e\u200b-\u200d\u2060\ufeff\u2028\u2029';
/** One code point a key keeps, as UTILS’ loop over the name sees it. */
const KEPT = /[^ _\-'\u2019,.()]/gu;
/** One code point a key keeps that is not zero-width. */
const KEPT_VISIBLE = new RegExp(`[^ _\\-'\u2019,.()${ZERO_WIDTH}]`, 'gu');
const PRINTABLE_ASCII = /^[ -~]*$/;

/** The code points `pattern` (global) matches in `value`, `&` and `+` read as “and”; null past `limit`. */
function codePointsUpTo(pattern: RegExp, value: string, limit: number): string[] | null {
  const found: string[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(value); m !== null; m = pattern.exec(value)) {
    if (found.length === limit) return null;
    const c = m[0];
    found.push(c === '&' || c === '+' ? 'and' : c);
  }
  return found;
}

/** Python `str.isdigit()` of one code point. */
const isDigit = (codePoint: string): boolean => HAS_DIGIT.test(codePoint);

/**
 * The key of an address line, or null when it is longer than any key in the table, found without
 * keying a long line whole: each code point a key keeps adds at least one character to it, so a line
 * with more of them than the longest key names no country, and a line of megabytes is dismissed
 * after reading a few dozen of them (the characters a key drops are skipped by the regex engine).
 */
function boundedKey(name: string): string | null {
  // UTILS never finds a country in a name with a digit, and a key keeps every digit.
  const kept = codePointsUpTo(KEPT, name, longestKey);
  if (kept !== null) return kept.some(isDigit) ? null : keyOf(kept);
  // Only the ASCII form of the key, which drops zero-width characters, can still be short enough,
  // and the key is that form only when it has no `?`: with too many visible characters it is not.
  const visible = codePointsUpTo(KEPT_VISIBLE, name, longestKey);
  if (visible === null || visible.some(isDigit)) return null;
  const key = keyOf(visible);
  return PRINTABLE_ASCII.test(key) && !key.includes('?') ? key : null;
}

/**
 * The canonical country or territory for an address line, or null if it names none.
 *
 * UTILS `Country(name).canonical_name`, which raises `CountryNotFoundError` where this returns null.
 * UTILS keys `name`, `the name`, `yr name` and `y name` in turn (none with a digit); as the prefixes
 * hold no digit and nothing a key drops or changes, this keys the name once and puts each prefix in front.
 */
export function findCountry(name: string): string | null {
  const cached = lookupCache.get(name);
  if (cached !== undefined) return cached;
  let result: string | null = null;
  const map = countriesTable();
  const key = boundedKey(name);
  if (key !== null) {
    for (const prefix of KEY_PREFIXES) {
      const found = map.get(prefix + key);
      if (found !== undefined) {
        result = found;
        break;
      }
    }
  }
  if (name.length > LOOKUP_CACHE_MAX_NAME) return result;
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
 * The canonical name for an ISO 3166 region code from the country register (for example `JE` → Jersey).
 *
 * Used to name the country of a phone number; null for codes the register does not know.
 */
export function countryNameForRegion(regionCode: string): string | null {
  return CANONICAL_COUNTRIES[regionCode] ?? CANONICAL_TERRITORIES[regionCode] ?? null;
}
