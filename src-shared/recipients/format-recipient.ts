/**
 * Recipient matching for guest lists and simulated recipients.
 *
 * Sources: UTILS `recipients.py` (`format_recipient`, `allowed_to_send_to`) and the API’s
 * `SIMULATED_SMS_NUMBERS` / `SIMULATED_EMAIL_ADDRESSES` (`app/config.py`), reference §7.5 and §8.3.
 */

import { validateEmailAddress } from './email-address';
import { normalisePhoneNumber } from './phone-number';

/** API `SIMULATED_SMS_NUMBERS`. */
const SIMULATED_SMS_NUMBERS: readonly string[] = ['+447700900000', '+447700900111', '+447700900222'];

/** API `SIMULATED_EMAIL_ADDRESSES`. */
const SIMULATED_EMAIL_ADDRESSES: readonly string[] = [
  'simulate-delivered@notifications.service.gov.uk',
  'simulate-delivered-2@notifications.service.gov.uk',
  'simulate-delivered-3@notifications.service.gov.uk',
];

const SIMULATED_SMS_NORMALISED = new Set(
  SIMULATED_SMS_NUMBERS.map((n) => normalisePhoneNumber(n)).filter((n): n is string => n !== null),
);

/**
 * UTILS `format_recipient`: a phone number’s normalised form, else a valid email address lowercased,
 * else the string unchanged; non-strings give an empty string.
 *
 * This is the form guest-list entries and recipients are compared in.
 */
export function formatRecipient(recipient: unknown): string {
  if (typeof recipient !== 'string') return '';
  const phone = normalisePhoneNumber(recipient);
  if (phone !== null) return phone;
  const email = validateEmailAddress(recipient);
  return email.ok ? email.normalised : recipient;
}

/**
 * UTILS `allowed_to_send_to`: whether a recipient is on a guest list, comparing normalised forms.
 *
 * So `07700 900460` matches a guest-list entry `+447700900460`, and email matching ignores case.
 */
export function allowedToSendTo(recipient: string, allowlist: Iterable<string>): boolean {
  const target = formatRecipient(recipient);
  for (const entry of allowlist) if (formatRecipient(entry) === target) return true;
  return false;
}

/**
 * Whether a recipient is one of Notify’s simulated (smoke-test) recipients, which are never stored.
 *
 * The API’s `simulated_recipient`: SMS numbers compare in normalised form, emails as validated and
 * lowercased (pass the normalised address).
 */
export function isSimulatedRecipient(normalisedRecipient: string, type: 'sms' | 'email'): boolean {
  return type === 'sms'
    ? SIMULATED_SMS_NORMALISED.has(normalisedRecipient)
    : SIMULATED_EMAIL_ADDRESSES.includes(normalisedRecipient);
}
