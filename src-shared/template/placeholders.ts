/**
 * Placeholders: finding `((name))` / `((name??text))` and filling them in.
 *
 * Port of notifications-utils `field.py` (`Field`, `Placeholder`, `ConditionalPlaceholder`,
 * `str2bool`) and `insensitive_dict.py` (key normalisation), with the list formatting from
 * `formatters.py` (`unescaped_formatted_list`, `strip_and_remove_obscure_whitespace`).
 */

import { escapeHtml } from './html';
import { stripAndRemoveObscureWhitespace } from '../recipients/text';
import { pyStr } from './python';

/** A personalisation object as sent to the API (any JSON values). */
export type Personalisation = Record<string, unknown>;

/** `Field.placeholder_pattern`: a body of anything except brackets between `((` and `))`. */
const PLACEHOLDER_RE = /\(\(([^()]+)\)\)/g;
const KEY_STRIP_RE = /[ _-]/g;

/** Zero-width characters (plus NBSP and friends) deleted from list items by Notify. */

/**
 * Normalise a personalisation key the way `InsensitiveDict.make_key` does.
 *
 * Lowercase and delete every space, `_` and `-`, so `First Name`, `first_name` and `FIRSTNAME`
 * all fill `((first name))`.
 */
export function normaliseKey(key: string): string {
  return key.replace(KEY_STRIP_RE, '').toLowerCase();
}

/**
 * Distinct placeholder names across some texts, in order, de-duplicated insensitively.
 *
 * Mirrors `Field.placeholders` unioned across a template's parts: the first spelling wins.
 */
export function placeholderNames(texts: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const text of texts) {
    if (!text || !text.includes('((')) continue;
    for (const part of parseField(text)) {
      if (typeof part === 'string' || seen.has(part.key)) continue;
      seen.add(part.key);
      names.push(part.name);
    }
  }
  return names;
}

/** One `((…))` in a field: its body, the name it is looked up by, and where `??` splits it. */
interface PlaceholderPart {
  body: string;
  name: string;
  key: string;
  conditional: number;
}

const PARSED = new Map<string, readonly (string | PlaceholderPart)[]>();
const PARSED_LIMIT = 512;

/**
 * A field split into literal text and placeholders, the matches `PLACEHOLDER_RE` finds left to
 * right. Templates are sent many times, so each distinct text is parsed once (a bounded cache).
 */
function parseField(source: string): readonly (string | PlaceholderPart)[] {
  const cached = PARSED.get(source);
  if (cached) return cached;
  const parts: (string | PlaceholderPart)[] = [];
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER_RE)) {
    if (match.index > last) parts.push(source.slice(last, match.index));
    const body = match[1] as string;
    const conditional = body.indexOf('??');
    const name = conditional === -1 ? body : body.slice(0, conditional);
    parts.push({ body, name, key: normaliseKey(name), conditional });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(source, parts);
  return parts;
}

/**
 * A personalisation object indexed by normalised key.
 *
 * Built once per render; later keys win when two normalise to the same thing, as with
 * `InsensitiveDict(values)` in Python.
 */
export class InsensitiveValues {
  private readonly map = new Map<string, unknown>();
  /** True when the personalisation had no keys at all (Notify then treats values as absent). */
  readonly isEmpty: boolean;

  constructor(personalisation: Personalisation | null | undefined) {
    let empty = true;
    if (personalisation) {
      for (const key of Object.keys(personalisation)) {
        empty = false;
        this.map.set(normaliseKey(key), personalisation[key]);
      }
    }
    this.isEmpty = empty;
  }

  /** The value for a placeholder name, or `undefined` when absent. */
  get(name: string): unknown {
    return this.map.get(normaliseKey(name));
  }

  /** The value for an already normalised key. */
  getByKey(key: string): unknown {
    return this.map.get(key);
  }
}

/**
 * Look up a personalisation value insensitively.
 *
 * Returns `undefined` when no key normalises to the same thing as `name`.
 */
export function lookupPersonalisation(personalisation: Personalisation, name: string): unknown {
  const wanted = normaliseKey(name);
  let found: unknown = undefined;
  for (const key of Object.keys(personalisation)) {
    if (normaliseKey(key) === wanted) found = personalisation[key];
  }
  return found;
}

/**
 * notifications-utils `str2bool`: should a conditional placeholder show its text?
 *
 * Only `yes`, `y`, `true`, `t`, `1`, `include` and `show` (any case) count; so JSON `true`
 * (which becomes `True`) shows, while `0`, `no` and `""` hide.
 */
export function str2bool(value: string): boolean {
  if (!value) return false;
  switch (value.toLowerCase()) {
    case 'yes':
    case 'y':
    case 'true':
    case 't':
    case '1':
    case 'include':
    case 'show':
      return true;
    default:
      return false;
  }
}

/**
 * `unescaped_formatted_list(items, before_each='', after_each='')`: `a`, `a and b`, `a, b and c`.
 *
 * How a list value reads inside a text message.
 */
function proseList(items: readonly string[]): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0] as string;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

/** How a field renders: the Python `html` argument plus the field class. */
interface FieldOptions {
  /** `'escape'` runs content and values through `escapeHtml`; `'passthrough'` leaves them. */
  html: 'escape' | 'passthrough';
  /** List values become Markdown bullets (email and letter) rather than prose (SMS). */
  markdownLists: boolean;
  /** `PlainTextField`: missing placeholders print as `((name))` rather than as HTML spans. */
  plainText: boolean;
  /** Value used for every placeholder instead of the personalisation (SMS counting). */
  fixedValue?: string;
}

function formatMissing(body: string, plainText: boolean): string {
  const index = body.indexOf('??');
  if (plainText) return `((${body}))`;
  if (index === -1) return `<span class='placeholder'>&#40;&#40;${body}&#41;&#41;</span>`;
  const name = body.slice(0, index);
  const text = body.slice(index + 2);
  return `<span class='placeholder-conditional'>&#40;&#40;${name}??</span>${text}&#41;&#41;`;
}

/**
 * The string a value is replaced with, or `null` when it is missing (absent or `null`).
 *
 * Lists drop `null` and blank items, then join as prose or Markdown bullets.
 */
function replacementFor(value: unknown, options: FieldOptions): string | null {
  if (value === null || value === undefined) return null;
  const sanitise = options.html === 'escape' ? escapeHtml : (v: string) => v;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      if (item === null || item === undefined) continue;
      const cleaned = stripAndRemoveObscureWhitespace(pyStr(item));
      if (cleaned) items.push(cleaned);
    }
    if (items.length === 0) return '';
    const joined = options.markdownLists
      ? `\n\n${items.map((item) => `* ${item}`).join('\n')}`
      : proseList(items);
    return sanitise(joined);
  }
  return sanitise(pyStr(value));
}

/**
 * Fill the placeholders of one field (`str(Field(content, values, ...))`).
 *
 * With `html: 'escape'` the content itself is escaped first, exactly as Notify does, so no raw
 * HTML from the template or the values reaches the output.
 */
export function renderField(content: string, values: InsensitiveValues, options: FieldOptions): string {
  const source = options.html === 'escape' ? escapeHtml(content) : content;
  if (!source.includes('((')) return source;
  let out = '';
  for (const part of parseField(source)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const replacement =
      options.fixedValue !== undefined
        ? options.fixedValue
        : replacementFor(values.getByKey(part.key), options);
    if (replacement === null) out += formatMissing(part.body, options.plainText);
    else if (part.conditional === -1) out += replacement;
    else if (str2bool(replacement)) out += part.body.slice(part.conditional + 2);
  }
  return out;
}
