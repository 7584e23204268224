/**
 * What a send does to its personalisation before rendering: `sanitise_content_for` (email), and file
 * objects (`{"file": …}`, sent by email as links) held back as empty values until they are uploaded.
 */
import { sanitiseContentValue, type Personalisation } from '../../src-shared/template';
import { V2Error } from '../http';

/** A JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A personalisation value that is a file to upload: an object with a `file` key. */
export function isFileObject(v: unknown): v is Record<string, unknown> {
  return isObject(v) && Object.hasOwn(v, 'file');
}

/** Values for rendering: file objects (not yet replaced by links) render as empty until uploaded. */
export function stringifyFileless(p: Personalisation): Personalisation {
  const out: Personalisation = {};
  for (const [k, v] of Object.entries(p)) out[k] = isFileObject(v) ? '' : v;
  return out;
}

/**
 * Sanitises the values `sanitise_content_for` names (matched ignoring case, spaces, `_` and `-`) in
 * place, and records in `out` each value it changed, for the response's `sanitised_content`.
 */
export function sanitiseContent(
  personalisation: Personalisation,
  keys: unknown[],
  out: Record<string, { sanitised: string; unsanitised: string }>,
): void {
  const wanted = new Set(
    keys.map((k) =>
      String(k)
        .toLowerCase()
        .replace(/[\s_-]/g, ''),
    ),
  );
  for (const [k, v] of Object.entries(personalisation)) {
    if (!wanted.has(k.toLowerCase().replace(/[\s_-]/g, ''))) continue;
    // Notify calls a string method here: a non-string value is a 500 (alphagov/notifications-api #4971).
    if (typeof v !== 'string') throw V2Error.one(500, 'TypeError', 'Internal server error');
    const s = sanitiseContentValue(v);
    if (s !== v) out[k] = { sanitised: s, unsanitised: v };
    personalisation[k] = s;
  }
}
