/**
 * A small JSON-schema engine that produces Notify's validation messages.
 *
 * Notify validates bodies with jsonschema and formats each error with `build_error_message`
 * (reference §6): `<first path element> <validationMessage>` when the sub-schema has one, otherwise
 * `<path> <jsonschema message>` with every `'` removed. Errors come in schema order: properties in
 * declaration order, then `required`, then `additionalProperties`; duplicates dropped.
 */
import { parseUuid, pyRepr } from './json';

export type FieldCheck = (value: unknown, field: string) => string[];

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
  for (const [field, check] of Object.entries(schema.properties)) {
    if (Object.hasOwn(obj, field)) out.push(...check(obj[field], field));
  }
  for (const field of schema.required ?? []) {
    if (!Object.hasOwn(obj, field)) out.push(`${field} is a required property`);
  }
  if (schema.additionalProperties === false) {
    const extras = Object.keys(obj)
      .filter((k) => !Object.hasOwn(schema.properties, k))
      .sort();
    if (extras.length === 1) out.push(`Additional properties are not allowed (${extras[0]} was unexpected)`);
    else if (extras.length > 1) out.push(`Additional properties are not allowed (${extras.join(', ')} were unexpected)`);
  }
  return [...new Set(out)];
}

const typeNames = { string: 'string', object: 'object', array: 'array', boolean: 'boolean', null: 'null', number: 'number' };
type JsonType = keyof typeof typeNames;

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
export function typed(types: readonly JsonType[], ...more: FieldCheck[]): FieldCheck {
  return (value, field) => {
    if (!types.some((t) => isType(value, t))) return [`${field} ${pyRepr(value)} is not of type ${types.join(', ')}`];
    return more.flatMap((c) => c(value, field));
  };
}

/** A UUID field: any failure, even of type, is `<field> is not a valid UUID`. */
export const uuidField: FieldCheck = (value, field) => (parseUuid(value) ? [] : [`${field} is not a valid UUID`]);

/** `maxLength`: `<field> <repr> is too long`. */
export function maxLength(n: number): FieldCheck {
  return (value, field) => (typeof value === 'string' && [...value].length > n ? [`${field} ${pyRepr(value)} is too long`] : []);
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

/** Accepts anything (a property with no constraints that is still "known"). */
export const anything: FieldCheck = () => [];

const ISO_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parses the ISO 8601 forms the `iso8601` Python package accepts; naive times are UTC. */
export function parseIso8601(s: string): number | null {
  const m = ISO_RE.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', tz = 'Z'] = m;
  let iso = `${y}-${mo}-${d}T${h}:${mi}:${sec}.${(frac + '000').slice(0, 3)}`;
  iso += tz === 'Z' ? 'Z' : tz.length === 3 ? `${tz}:00` : tz.includes(':') ? tz : `${tz.slice(0, 3)}:${tz.slice(3)}`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCDate() !== Number(d)) return null;
  return t;
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
