/**
 * Email address validation: a port of UTILS `recipient_validation/email_address.py`
 * (`validate_email_address`, `validate_and_format_email_address`), reference §10.2.
 */

import { toAscii } from './idna';
import { PY_WHITESPACE_CLASS, stripAndRemoveObscureWhitespace } from './text';

/** UTILS `InvalidEmailError.message`. */
const INVALID_EMAIL_MESSAGE = 'Not a valid email address';

/** UTILS `EMAIL_REGEX_PATTERN` (`\s` is Python’s Unicode whitespace). */
const EMAIL_REGEX = new RegExp(`^[a-zA-Z0-9.!#$%&'*+/=?^_\`{|}~\\-]+@([^.@][^@${PY_WHITESPACE_CLASS}]+)$`);
const HOSTNAME_PART = /^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$/i;
const TLD_PART = /^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$/i;
const MAX_LENGTH = 320;

function tooLong(value: string): boolean {
  if (value.length <= MAX_LENGTH) return false;
  let n = 0;
  for (const _ of value) if (++n > MAX_LENGTH) return true;
  return false;
}

function validHostname(hostname: string): boolean {
  const ascii = toAscii(hostname);
  if (ascii === null) return false;
  const parts = ascii.split('.');
  if (ascii.length > 253 || parts.length < 2) return false;
  for (const part of parts) {
    if (!part || part.length > 63 || !HOSTNAME_PART.test(part)) return false;
  }
  return TLD_PART.test(parts[parts.length - 1] ?? '');
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, string | null>();

/** The stripped address if valid (UTILS `validate_email_address`), else null. */
function validate(raw: string): string | null {
  const cached = cache.get(raw);
  if (cached !== undefined) return cached;
  const email = stripAndRemoveObscureWhitespace(raw);
  const match = EMAIL_REGEX.exec(email);
  const valid = match !== null && !tooLong(email) && !email.includes('..') && validHostname(match[1] ?? '');
  const result = valid ? email : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, result);
  return result;
}

/**
 * Validates an email address the way the API does, returning it lowercased for matching.
 *
 * UTILS `validate_and_format_email_address`: strips outer and obscure whitespace, checks the local part,
 * length, `..`, and the IDNA-encoded host name. The stored and returned `email_address` is the string as
 * supplied (trimmed); `normalised` is for simulated-address and guest-list matching.
 */
export function validateEmailAddress(
  raw: string,
): { ok: true; normalised: string } | { ok: false; message: 'Not a valid email address' } {
  const email = validate(raw);
  return email === null
    ? { ok: false, message: INVALID_EMAIL_MESSAGE }
    : { ok: true, normalised: email.toLowerCase() };
}

/**
 * UTILS `format_email_address`: lower case, obscure whitespace removed.
 *
 * Does not validate; used where Notify normalises without checking.
 */
export function formatEmailAddress(raw: string): string {
  return stripAndRemoveObscureWhitespace(raw.toLowerCase());
}
