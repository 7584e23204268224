/**
 * The rules a profile's own fields follow (its name and colour), shared by the core, which
 * enforces them, and the contract, whose input bounds derive from them.
 */

/** A check's answer: the tidied value, or a message for the user. */
export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

/** Longest profile name, in characters (code points) after trimming. */
export const PROFILE_NAME_MAX = 60;

/**
 * The contract's bound on a name as sent (zod counts characters, as {@link checkProfileName} does):
 * the longest name, with as much again for the spaces around it that are trimmed. A longer string
 * could never pass the check, so the contract refuses it before it reaches the core.
 */
export const PROFILE_NAME_INPUT_MAX = PROFILE_NAME_MAX * 2;

/**
 * Checks and tidies a profile name: 1–60 characters after trimming, no control characters.
 *
 * Uniqueness is checked by the service, which knows the other names.
 */
export function checkProfileName(raw: unknown): Check<string> {
  if (typeof raw !== 'string') return bad('Enter a name for the profile.');
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return bad('Enter a name for the profile.');
  // Control characters include line breaks and bidi overrides that can disguise one name as another.
  // U+200D (zero-width joiner) is allowed: emoji sequences are built with it.
  if (/(?!\u200d)[\p{Cc}\p{Cf}\u2028\u2029]/u.test(name))
    return bad('The name contains an invisible or control character.');
  const length = [...name].length;
  if (length > PROFILE_NAME_MAX) {
    return bad(`Use at most ${PROFILE_NAME_MAX} characters for the name (this one has ${length}).`);
  }
  return { ok: true, value: name };
}

/** Checks a colour as `#rrggbb` and lowercases it. */
export function normaliseColour(raw: unknown): Check<string> {
  if (typeof raw === 'string' && /^#[0-9a-f]{6}$/i.test(raw.trim()))
    return { ok: true, value: raw.trim().toLowerCase() };
  return bad('Choose a colour as # and six hex digits, like #1d70b8.');
}

/** A failed {@link Check}. */
export function bad(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
