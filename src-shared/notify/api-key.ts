/**
 * Parsing, masking and describing GOV.UK Notify API keys.
 *
 * A key is `{key_name}-{service_id}-{secret}` where both ids are 36-character UUIDs and the name may
 * itself contain `-`, so the official clients split it from the right: secret = last 36 characters,
 * service id = characters [-73, -37] (docs/notify-api-reference.md §2.1). Users paste keys from password
 * managers, chat and e-mail, so the parser forgives what is unambiguous (spaces and quotes around
 * the key), refuses the rest with a message that says what to fix, and never echoes the secret.
 */

/** A key type label: Notify stores `normal` / `team` / `test`; its docs call `normal` keys "live". */
export type KeyType = 'live' | 'team' | 'test';

/** Labels as Notify's own docs and admin site word them. */
export const KEY_TYPE_LABELS: Readonly<Record<KeyType, string>> = {
  live: 'Live',
  team: 'Team and guest list',
  test: 'Test',
};

/** A well-formed API key. `value` is the whole secret string: keep it in core, never log it. */
export interface ApiKey {
  readonly name: string;
  readonly serviceId: string;
  readonly secretLast4: string;
  readonly value: string;
}

/** Why a pasted string is not an API key. */
export type ApiKeyErrorCode =
  | 'not_a_string'
  | 'empty'
  | 'looks_like_jwt'
  | 'looks_like_header'
  | 'contains_whitespace'
  | 'invalid_character'
  | 'single_uuid'
  | 'missing_key_name'
  | 'too_short'
  | 'too_long'
  | 'invalid_service_id'
  | 'invalid_secret'
  | 'not_a_key';

type ParseApiKeyResult =
  | {
      ok: true;
      key: ApiKey;
      /** Whitespace around the key was removed. */
      trimmed: boolean;
      /** Quotes around the key were removed. */
      unquoted: boolean;
      /** Things that parse but may stop the key working, worded for the user. */
      warnings: string[];
    }
  | { ok: false; code: ApiKeyErrorCode; message: string };

/** Shortest key: empty name + '-' + 36 + '-' + 36 (the brief's bound; real keys always have a name). */
export const MIN_API_KEY_LENGTH = 74;
/** Far longer than any real key (names are short); stops a pasted file reaching the rest of the app. */
export const MAX_API_KEY_LENGTH = 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_PAIR =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JWT = /^(?:bearer\s+)?eyJ[\w-]*\.[\w-]*\.[\w-]*$/i;
// `trim()` already covers Unicode spaces and the BOM; these invisible characters ride along with
// copies from web pages and chat clients, and around the key they are as harmless as spaces.
const EDGE_INVISIBLES = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g;
const QUOTES = new Set([
  '"',
  "'",
  '`',
  '\u201c',
  '\u201d',
  '\u2018',
  '\u2019',
  '\u201e',
  '\u201a',
  '\u00ab',
  '\u00bb',
]);

const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x00a0: 'a non-breaking space',
  0x200b: 'a zero-width space',
  0x200c: 'a zero-width non-joiner',
  0x200d: 'a zero-width joiner',
  0x2060: 'a word joiner',
  0xfeff: 'a byte order mark',
  0x2010: 'a typographic hyphen',
  0x2011: 'a non-breaking hyphen',
  0x2012: 'a figure dash',
  0x2013: 'an en dash',
  0x2014: 'an em dash',
  0x2212: 'a minus sign',
};
// Word processors and chat clients "improve" hyphens into these.
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212]);

/**
 * Parses a pasted API key.
 *
 * Never throws, whatever it is given: the result is either the key (with flags saying what was
 * tidied) or an error code with a message a user can act on. Messages never contain the secret.
 */
export function parseApiKey(raw: unknown): ParseApiKeyResult {
  if (typeof raw !== 'string') {
    return fail('not_a_string', 'Paste your API key as text.');
  }
  let text = raw.replace(EDGE_INVISIBLES, '');
  let trimmed = text !== raw;
  let unquoted = false;
  const first = text.at(0);
  const last = text.at(-1);
  if ((first !== undefined && QUOTES.has(first)) || (last !== undefined && QUOTES.has(last))) {
    // Real key names are lowercase letters, digits, '_', '-' and '.', so a quote at either end
    // can only have come from copying a quoted string out of code or a config file.
    const start = first !== undefined && QUOTES.has(first) ? 1 : 0;
    const end = text.length > start && last !== undefined && QUOTES.has(last) ? text.length - 1 : text.length;
    text = text.slice(start, end);
    unquoted = true;
    const inner = text.replace(EDGE_INVISIBLES, '');
    trimmed ||= inner !== text;
    text = inner;
  }

  if (text.length === 0) {
    return fail(
      'empty',
      unquoted
        ? 'There is nothing between the quotes. Paste your API key.'
        : 'Paste your API key: the field is empty.',
    );
  }
  if (JWT.test(text)) {
    return fail(
      'looks_like_jwt',
      'This looks like a JWT (a signed token), not an API key. Paste the API key Notify showed you when you created it; the console makes the tokens itself.',
    );
  }
  if (/^(?:authorization\s*:\s*)?bearer\s/i.test(text)) {
    return fail('looks_like_header', "Paste only the API key, without 'Authorization:' or 'Bearer'.");
  }

  const whitespace = /\s/.exec(text);
  if (whitespace) {
    const what =
      whitespace[0] === '\n' || whitespace[0] === '\r' ? 'a line break' : describeCharacter(whitespace[0]);
    return fail(
      'contains_whitespace',
      `The key contains ${what} at character ${whitespace.index + 1}. API keys have no spaces or line breaks; the key may have wrapped when it was copied. Paste it again as one line.`,
    );
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) {
      const what = describeCharacter(String.fromCodePoint(text.codePointAt(i) ?? code));
      return fail(
        'invalid_character',
        DASHES.has(code)
          ? `Character ${i + 1} is ${what} where a hyphen '-' belongs: something replaced the hyphens when the key was copied. Type '-' in its place, or copy the key again from where you saved it.`
          : `Character ${i + 1} is ${what}, which never appears in an API key. Copy the key again from where you saved it.`,
      );
    }
  }

  const length = text.length;
  if (length === 36 && UUID.test(text)) {
    return fail(
      'single_uuid',
      "This is a single UUID, perhaps just the service ID or just the secret. An API key is the whole string Notify showed you once, when you created it: key name, service ID and secret joined by '-'.",
    );
  }
  if (length === 73 && UUID_PAIR.test(text)) {
    return fail(
      'missing_key_name',
      'This is the service ID and secret without the key name at the start. Paste the whole key as Notify showed it, including its name.',
    );
  }
  if (length < MIN_API_KEY_LENGTH) {
    return fail(
      'too_short',
      `This is ${length} characters long; an API key is at least ${MIN_API_KEY_LENGTH} (key name, '-', a 36-character service ID, '-', a 36-character secret). Part of it may be missing.`,
    );
  }
  if (length > MAX_API_KEY_LENGTH) {
    return fail(
      'too_long',
      `This is ${length} characters long, far longer than an API key. Paste only the key itself.`,
    );
  }

  // Split exactly as notifications-python-client and notifications-node-client do.
  const { secret, serviceId } = splitApiKey(text);
  const secretOk = UUID.test(secret);
  const serviceIdOk = UUID.test(serviceId) && text.at(-37) === '-' && text.at(-74) === '-';
  const extra = trailingExtra(text);
  if (!secretOk && extra > 0) {
    return fail(
      'invalid_secret',
      `There ${extra === 1 ? 'is 1 extra character' : `are ${extra} extra characters`} after the secret (the last part of the key). Remove ${extra === 1 ? 'it' : 'them'}.`,
    );
  }
  if (!secretOk && !serviceIdOk) {
    return fail(
      'not_a_key',
      "This doesn't look like a Notify API key: a key ends with the service ID and the secret, two UUIDs (like 3f2b…-…) joined by '-'. Copy the whole key again.",
    );
  }
  if (!secretOk) {
    return fail(
      'invalid_secret',
      'The last 36 characters (the secret) are not a UUID. Check that nothing was cut off or added at the end of the key.',
    );
  }
  if (!serviceIdOk) {
    return fail(
      'invalid_service_id',
      "The 36 characters before the secret (the service ID) are not a UUID with a '-' on each side. Check that nothing is missing from the middle of the key.",
    );
  }

  const warnings: string[] = [];
  if (secret !== secret.toLowerCase()) {
    // The secret is the HMAC key byte for byte, so case changes the signature.
    warnings.push(
      'The secret contains capital letters. Notify issues keys in lowercase and the secret is case-sensitive, so check it was copied exactly.',
    );
  }
  return {
    ok: true,
    key: { name: text.slice(0, -74), serviceId, secretLast4: secret.slice(-4), value: text },
    trimmed,
    unquoted,
    warnings,
  };
}

/** The parts of an API key a token is made from. */
type KeyParts = { serviceId: string; secret: string };

/**
 * Splits an API key the way notifications-python-client and notifications-node-client do
 * (docs/notify-api-reference.md §2.1): from the end, because the key name may itself contain `-`,
 * secret = last 36 characters, service id = characters [-73, -37]. No validation, like the official
 * clients: a malformed key gets Notify's own answer, which the explainer turns into advice.
 */
export function splitApiKey(apiKey: string): KeyParts {
  return { serviceId: apiKey.slice(-73, -37), secret: apiKey.slice(-36) };
}

/** How a key is shown: its name and service id, and only the last four characters of the secret. */
export function maskedKey(key: { name: string; serviceId: string; last4: string }): string {
  return `${key.name}-${key.serviceId}-••••${key.last4}`;
}

/**
 * A key as it may be shown or put in a code snippet: `name-<service id>-••••<last4>`.
 *
 * Anything that is not a well-formed key masks to `••••`, because even a part of a mangled paste
 * may be most of a secret.
 */
export function maskApiKey(value: string): string {
  const parsed = parseApiKey(value);
  if (!parsed.ok) return '••••';
  const { name, serviceId, secretLast4 } = parsed.key;
  return maskedKey({ name, serviceId, last4: secretLast4 });
}

/** What the renderer may know about a key. */
interface RendererKeyDescription {
  name: string;
  serviceId: string;
  keyType: KeyType;
  keyTypeLabel: string;
  last4: string;
  masked: string;
}

/**
 * Describes a key for the renderer: name, service id, key type label and last four characters.
 *
 * The key type comes from the profile, because the key string itself does not say.
 */
export function describeKeyForRenderer(key: ApiKey, keyType: KeyType): RendererKeyDescription {
  return {
    name: key.name,
    serviceId: key.serviceId,
    keyType,
    keyTypeLabel: KEY_TYPE_LABELS[keyType],
    last4: key.secretLast4,
    masked: maskedKey({ name: key.name, serviceId: key.serviceId, last4: key.secretLast4 }),
  };
}

/** How many characters follow the last `-<uuid>-<uuid>` in the text, or 0 if there is none. */
function trailingExtra(text: string): number {
  const pairs = [...text.matchAll(new RegExp(`-${UUID_PAIR.source.slice(1, -1)}`, 'gi'))];
  const last = pairs.at(-1);
  return last === undefined ? 0 : text.length - (last.index + last[0].length);
}

function fail(code: ApiKeyErrorCode, message: string): ParseApiKeyResult {
  return { ok: false, code, message };
}

function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (ch === ' ') return 'a space';
  if (ch === '\t') return 'a tab';
  const name = CHARACTER_NAMES[code];
  return name
    ? `${name} (${hex})`
    : code < 0x20 || code === 0x7f
      ? `a control character (${hex})`
      : `"${ch}" (${hex})`;
}
