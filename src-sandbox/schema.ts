/**
 * A small JSON-schema engine that produces Notify's validation messages.
 *
 * Notify validates bodies with jsonschema and formats each error with `build_error_message`
 * (reference §6): `<first path element> <validationMessage>` when the sub-schema has one, otherwise
 * `<path> <jsonschema message>` with every `'` removed. Errors come in schema order: properties in
 * declaration order, then `required`, then `additionalProperties`; duplicates dropped.
 */
import { parseUuid, pyRepr } from './json';

type FieldCheck = (value: unknown, field: string) => string[];

export interface ObjectSchema {
  properties: Record<string, FieldCheck>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

/** Validates an object body; returns Notify-formatted messages, deduplicated, in schema order. */
export function validateObject(body: unknown, schema: ObjectSchema): string[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return [`${pyRepr(body)} is not of type object`];
  }
  const obj = body as Record<string, unknown>;
  const out: string[] = [];
  for (const field in schema.properties) {
    if (!Object.hasOwn(obj, field)) continue;
    const errors = schema.properties[field]!(obj[field], field);
    for (const e of errors) out.push(e);
  }
  for (const field of schema.required ?? []) {
    if (!Object.hasOwn(obj, field)) out.push(`${field} is a required property`);
  }
  if (schema.additionalProperties === false) {
    // jsonschema: `sorted(extras, key=str)` (by code point), each written with repr.
    let extras: string[] = [];
    for (const k in obj) if (Object.hasOwn(obj, k) && !Object.hasOwn(schema.properties, k)) extras.push(k);
    if (extras.length) extras = extras.sort(byCodePoint).map(pyRepr);
    if (extras.length === 1) out.push(`Additional properties are not allowed (${extras[0]} was unexpected)`);
    else if (extras.length > 1)
      out.push(`Additional properties are not allowed (${extras.join(', ')} were unexpected)`);
  }
  return out.length < 2 ? out : [...new Set(out)];
}

/** Python's string order: by code point, where JavaScript's default sort compares UTF-16 units. */
export function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

type JsonType = 'string' | 'object' | 'array' | 'boolean' | 'null' | 'number';

function isType(value: unknown, t: JsonType): boolean {
  switch (t) {
    case 'string':
      return typeof value === 'string';
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'number':
      return typeof value === 'number';
  }
}

/** `{"type": [...]}`: `<field> <repr> is not of type a, b`. */
const NO_ERRORS: readonly string[] = Object.freeze([]);

export function typed(types: readonly JsonType[], ...more: FieldCheck[]): FieldCheck {
  return (value, field) => {
    let ok = false;
    for (const t of types) if (isType(value, t)) ok = true;
    if (!ok) return [`${field} ${pyRepr(value)} is not of type ${types.join(', ')}`];
    if (more.length === 0) return NO_ERRORS as string[];
    if (more.length === 1) return more[0]!(value, field);
    return more.flatMap((c) => c(value, field));
  };
}

/** A UUID field: any failure, even of type, is `<field> is not a valid UUID`. */
export const uuidField: FieldCheck = (value, field) =>
  parseUuid(value) ? [] : [`${field} is not a valid UUID`];

/** `maxLength`: `<field> <repr> is too long`. */
export function maxLength(n: number): FieldCheck {
  return (value, field) =>
    // Code points never outnumber UTF-16 units: only a long string needs counting.
    typeof value === 'string' && value.length > n && [...value].length > n
      ? [`${field} ${pyRepr(value)} is too long`]
      : [];
}

/** A string format whose checker raises its own message (phone_number, email_address…). */
export function format(check: (value: string) => string | null): FieldCheck {
  return (value, field) => {
    if (typeof value !== 'string') return [];
    const msg = check(value);
    return msg === null ? [] : [`${field} ${msg}`];
  };
}

/** `enum`: `<field> <repr> is not one of [a, b]`, or a custom validationMessage. */
export function oneOf(values: readonly string[], validationMessage?: string): FieldCheck {
  return (value, field) => {
    if (typeof value === 'string' && values.includes(value)) return [];
    if (validationMessage) return [`${field} ${validationMessage}`];
    return [`${field} ${pyRepr(value)} is not one of [${values.join(', ')}]`];
  };
}

/** An array whose items must each pass `item` (errors reported against the array's field). */
export function itemsOf(item: FieldCheck): FieldCheck {
  return (value, field) => (Array.isArray(value) ? value.flatMap((v) => item(v, field)) : []);
}

/** A field with a fixed validationMessage for any failure of `ok`. */
export function withMessage(ok: (value: unknown) => boolean, validationMessage: string): FieldCheck {
  return (value, field) => (ok(value) ? [] : [`${field} ${validationMessage}`]);
}

/**
 * The `iso8601` package's ISO8601_REGEX, used by Notify through `iso8601.parse_date`. Python's `$` also
 * matches before a final newline, hence the `\n?` lookaheads.
 */
const ISO8601_RE = new RegExp(
  [
    '^(?<year>[0-9]{4})',
    '(',
    '((-(?<monthdash>[0-9]{1,2}))|(?<month>[0-9]{2})(?!\\n?$))',
    '(',
    '((-(?<daydash>[0-9]{1,2}))|(?<day>[0-9]{2}))',
    '(',
    '(?<separator>[ T])(?<hour>[0-9]{2})(:?(?<minute>[0-9]{2}))?',
    '(:?(?<second>[0-9]{1,2})([.,](?<fraction>[0-9]+))?)?',
    '(?<timezone>Z|((?<tzsign>[-+])(?<tzhour>[0-9]{2}):?(?<tzminute>[0-9]{2})?))?',
    ')?',
    ')?',
    ')?',
    '(?=\\n?$)',
  ].join(''),
);

/**
 * Parses a date-time as Notify's `datetime_within_next_day` format does: `iso8601.parse_date(s)` (missing
 * parts default to the first month, day and midnight; Python's `datetime` ranges apply, and an offset
 * of a day or more is refused), then `.replace(tzinfo=None)`, which *drops* the offset without converting.
 *
 * Returns the wall-clock time read as UTC, in milliseconds (with the microseconds as a fraction), or
 * null where Notify raises ParseError.
 */
function parseIso8601(s: string): number | null {
  const g = ISO8601_RE.exec(s)?.groups;
  if (!g) return null;
  const year = Number(g.year);
  const month = Number(g.month ?? g.monthdash ?? 1);
  const day = Number(g.day ?? g.daydash ?? 1);
  const hour = Number(g.hour ?? 0);
  const minute = Number(g.minute ?? 0);
  const second = Number(g.second ?? 0);
  const micro = Number(((g.fraction ?? '') + '000000').slice(0, 6));
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCMonth() !== month - 1) return null; // 30 February and the like
  if (g.tzsign !== undefined) {
    const offset = Number(g.tzhour) * 60 + Number(g.tzminute ?? 0);
    if (offset >= 24 * 60) return null; // datetime.timezone refuses ±24h and beyond
  }
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime() + micro / 1000;
}

/** Format `datetime_within_next_day` used by `scheduled_for`. */
export function datetimeWithinNextDay(nowMs: () => number): FieldCheck {
  return format((s) => {
    const t = parseIso8601(s);
    if (t === null)
      return 'datetime format is invalid. It must be a valid ISO8601 date time format, https://en.wikipedia.org/wiki/ISO_8601';
    const now = nowMs();
    if (t < now) return 'datetime can not be in the past';
    if (t > now + 86_400_000) return 'datetime can only be 24 hours in the future';
    return null;
  });
}
