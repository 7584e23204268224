/**
 * Checking what a user typed for a profile, field by field, with the shared rules
 * (src-shared/notify: name, colour, where a key may be sent, the key itself). Every problem is
 * reported with its field, so the form can show each next to its input.
 */
import { z } from 'zod';
import { parseApiKey, type ApiKey, type KeyType } from '../../../src-shared/notify/api-key';
import { normaliseBaseUrl, normaliseProxy } from '../../../src-shared/notify/key-destination';
import {
  bad,
  checkProfileName,
  normaliseColour,
  type Check,
} from '../../../src-shared/notify/profile-fields';
import type { FieldIssue } from '../errors';

const KEY_TYPES: readonly KeyType[] = ['live', 'team', 'test'];

export function checkKeyType(raw: unknown): Check<KeyType> {
  if (typeof raw === 'string' && (KEY_TYPES as readonly string[]).includes(raw)) {
    return { ok: true, value: raw as KeyType };
  }
  return bad(
    'Choose the key type: live, team or test. Notify shows it next to the key on the API keys page.',
  );
}

function checkApiKeyField(raw: unknown): Check<ApiKey | null> {
  if (raw === null) return { ok: true, value: null };
  const parsed = parseApiKey(raw);
  return parsed.ok ? { ok: true, value: parsed.key } : bad(parsed.message);
}

export function field<T>(check: (raw: unknown) => Check<T>) {
  // `.optional()` on the input lets a missing key reach `check`, which words the error itself.
  return z
    .unknown()
    .optional()
    .transform((raw, ctx): T => {
      const result = check(raw);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    });
}

export function optionalField<T>(check: (raw: unknown) => Check<T>) {
  return field((raw): Check<T | undefined> =>
    raw === undefined ? { ok: true, value: undefined } : check(raw),
  );
}

export const createSchema = z.strictObject({
  name: field(checkProfileName),
  baseUrl: field(normaliseBaseUrl),
  keyType: field(checkKeyType),
  colour: optionalField(normaliseColour),
  proxy: optionalField(normaliseProxy),
  apiKey: optionalField(checkApiKeyField),
});

export const updateSchema = z.strictObject({
  name: optionalField(checkProfileName),
  baseUrl: optionalField(normaliseBaseUrl),
  keyType: optionalField(checkKeyType),
  colour: optionalField(normaliseColour),
  proxy: optionalField(normaliseProxy),
  // null removes the key; a string replaces it; absent keeps it (unless the base URL changes).
  apiKey: optionalField(checkApiKeyField),
});

/** zod's issues as {@link FieldIssue}s, worded for the user (an unknown key-like field says why). */
export function issuesFrom(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `“${k}”`).join(', ');
      const secretish = issue.keys.some((k) => /key|envelope|secret/i.test(k) && k !== 'keyType');
      return {
        field: path,
        message: secretish
          ? `Remove ${keys}: profiles are imported without API keys, and each key is entered on this machine.`
          : `Unknown field${issue.keys.length === 1 ? '' : 's'} ${keys}.`,
      };
    }
    if (issue.code === 'invalid_type' && issue.path.length === 0) {
      return { field: '', message: 'Expected an object with the profile’s fields.' };
    }
    return { field: path, message: issue.message };
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
