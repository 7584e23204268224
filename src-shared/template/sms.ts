/**
 * Text message rendering and counting: port of notifications-utils `BaseSMSTemplate`,
 * `SMSMessageTemplate`, `get_sms_fragment_count`, `non_gsm_characters` and
 * `count_extended_gsm_chars` (UTILS `template.py`).
 */

import { InsensitiveValues, renderField, type Personalisation } from './placeholders';
import { MAGIC_SEQUENCE } from './markdown';
import { pyLen, pyStrip } from './python';
import {
  encodeSmsCharacter,
  isExtendedGsmCharacter,
  isGsmCharacter,
  isWelshNonGsmCharacter,
  sanitiseSms,
} from './sanitise-text';
import {
  addPrefix,
  normaliseMultipleNewlines,
  normaliseWhitespaceAndNewlines,
  removeWhitespaceBeforePunctuation,
} from './typography';

/** `SMS_CHAR_COUNT_LIMIT`: 6 fragments of 153 characters. */
export const SMS_CHAR_COUNT_LIMIT = 918;

/**
 * `BaseSMSTemplate._get_unsanitised_content`: the message before GSM sanitising.
 *
 * Placeholders are filled as plain text, the prefix added, spaces before `,`/`.` removed, each
 * line's whitespace normalised, 3+ newlines collapsed and the result stripped. When the
 * personalisation is completely empty Notify fills every placeholder with nothing (it counts a
 * template's length that way), so this does too.
 */
export function renderSmsUnsanitised(
  content: string,
  personalisation: Personalisation,
  prefix?: string | null,
): string {
  const values = new InsensitiveValues(personalisation);
  const filled = renderField(content, values, {
    html: 'passthrough',
    markdownLists: false,
    plainText: true,
    ...(values.isEmpty ? { fixedValue: MAGIC_SEQUENCE } : {}),
  });
  const text = pyStrip(
    normaliseMultipleNewlines(
      normaliseWhitespaceAndNewlines(removeWhitespaceBeforePunctuation(addPrefix(filled, prefix))),
    ),
  );
  return values.isEmpty ? text.replaceAll(MAGIC_SEQUENCE, '') : text;
}

/**
 * Render a text message body (`SMSMessageTemplate.__str__`).
 *
 * Without a prefix this is the API response `body`; with the service name as prefix it is what
 * the provider receives.
 */
export function renderSmsBody(
  content: string,
  personalisation: Personalisation,
  prefix?: string | null,
): string {
  return sanitiseSms(renderSmsUnsanitised(content, personalisation, prefix));
}

/**
 * Characters counted against the 918 limit for a message without a prefix: the length of the
 * sanitised text (`…` counts 3, a zero-width space 0), in UTF-16 code units. Sanitised text is all in
 * the Basic Multilingual Plane (anything else became `?`), so this is also its number of characters.
 */
export function smsCharacterCount(bodyWithoutPrefix: string): number {
  return sanitiseSms(bodyWithoutPrefix).length;
}

/** ASCII with none of the extension characters `^{}\\[~]|`: no double septets, no Welsh letters. */
// eslint-disable-next-line no-control-regex -- any ASCII character.
const PLAIN_ASCII_RE = /^[\u0000-\u005a\u005f-\u007a\u007f]*$/;

/** Count of GSM extension-table characters (each takes two septets in GSM-7). */
function countExtended(text: string): number {
  if (PLAIN_ASCII_RE.test(text)) return 0;
  let count = 0;
  for (const char of text) if (isExtendedGsmCharacter(char)) count++;
  return count;
}

/** True when the text contains a Welsh character outside GSM-7 (forcing UCS-2). */
function hasWelshNonGsm(text: string): boolean {
  if (PLAIN_ASCII_RE.test(text)) return false;
  for (const char of text) if (isWelshNonGsmCharacter(char)) return true;
  return false;
}

/**
 * `get_sms_fragment_count`: fragments for a count of encoded characters.
 *
 * UCS-2: one fragment up to 70, then 67 each; GSM-7: one up to 160, then 153 each.
 */
function fragmentsFor(characterCount: number, ucs2: boolean): number {
  if (ucs2) return characterCount <= 70 ? 1 : Math.ceil(characterCount / 67);
  return characterCount <= 160 ? 1 : Math.ceil(characterCount / 153);
}

/**
 * The encoding Notify bills a message at: UCS-2 when the message as written (before sanitising)
 * contains a Welsh letter outside GSM-7, else GSM-7.
 *
 * Notify decides on the text as written, so a letter that sanitising reduces to a Welsh one (`ấ`
 * becomes `â`) does not switch the message to UCS-2.
 */
function smsEncodingOf(unsanitisedText: string): 'GSM-7' | 'UCS-2' {
  return hasWelshNonGsm(unsanitisedText) ? 'UCS-2' : 'GSM-7';
}

/**
 * Fragment count of a message, prefix included (`BaseSMSTemplate.fragment_count`).
 *
 * The count is the sanitised text's length; in GSM-7 each extension character (`^{}\[~]|€`) counts
 * twice, in UCS-2 every character counts once. Pass the text as written when it is not the sanitised
 * text itself: the encoding is decided on it.
 */
export function smsFragmentCount(sanitisedText: string, unsanitisedText: string = sanitisedText): number {
  const ucs2 = smsEncodingOf(unsanitisedText) === 'UCS-2';
  const count = sanitisedText.length + (ucs2 ? 0 : countExtended(sanitisedText));
  return fragmentsFor(count, ucs2);
}

/** What the console can tell a user about a message's encoding. */
export interface SmsEncodingInfo {
  /** `UCS-2` when a Welsh letter outside GSM-7 is written in the message, else `GSM-7`. */
  encoding: 'GSM-7' | 'UCS-2';
  /** Distinct characters that are not GSM-7 (downgraded, replaced, or forcing UCS-2), in order. */
  nonGsmCharacters: string[];
  /** Distinct characters that sanitising changes, and what they become (`?` for no equivalent). */
  replaced: Array<{ from: string; to: string }>;
}

/**
 * Encoding Notify would use for this text, with the characters that will not survive as typed.
 *
 * For console warnings: emoji become `?`, `é` is fine, `ć` becomes `c`, `ḉ` becomes `?`, `ŵ` forces
 * UCS-2.
 */
export function smsEncodingInfo(rawText: string): SmsEncodingInfo {
  const nonGsm: string[] = [];
  const replaced: Array<{ from: string; to: string }> = [];
  const seen = new Set<string>();
  for (const char of rawText) {
    if (isGsmCharacter(char)) continue;
    if (seen.has(char)) continue;
    seen.add(char);
    nonGsm.push(char);
    const to = encodeSmsCharacter(char);
    if (to !== char) replaced.push({ from: char, to });
  }
  return { encoding: smsEncodingOf(rawText), nonGsmCharacters: nonGsm, replaced };
}

/** Everything about one text message, computed the way Notify does. */
export interface SmsMessageInfo {
  /** API response `body`: sanitised, without the prefix. */
  body: string;
  /** What is sent: sanitised, with `"<prefix>: "` when a prefix is given. */
  sentText: string;
  /** `content_count_without_prefix`: sanitised length less the prefix, compared with the 918 limit. */
  characterCount: number;
  /** `fragment_count` of the sent text (billable fragments include the prefix). */
  fragmentCount: number;
  /** The encoding Notify bills the sent text at. */
  encoding: 'GSM-7' | 'UCS-2';
  /** `is_message_too_long()`: the character count is over 918. */
  isTooLong: boolean;
  /** `is_message_empty()`. */
  isEmpty: boolean;
}

/**
 * Render and measure a text message in one go, exactly as `BaseSMSTemplate` does.
 *
 * Lengths are taken after sanitising, prefix included (`…` counts 3); the prefix's own length and the
 * 2 characters of `": "` are then subtracted for the 918 limit.
 */
export function smsMessageInfo(
  content: string,
  personalisation: Personalisation,
  prefix?: string | null,
  /** `renderSmsUnsanitised(content, personalisation)` when the caller has it already. */
  unsanitisedWithoutPrefix?: string,
): SmsMessageInfo {
  const unsanitisedWithPrefix =
    !prefix && unsanitisedWithoutPrefix !== undefined
      ? unsanitisedWithoutPrefix
      : renderSmsUnsanitised(content, personalisation, prefix);
  const sentText = sanitiseSms(unsanitisedWithPrefix);
  const body = prefix
    ? sanitiseSms(unsanitisedWithoutPrefix ?? renderSmsUnsanitised(content, personalisation))
    : sentText;
  const contentCount = sentText.length;
  const characterCount = prefix ? Math.max(contentCount - pyLen(prefix) - 2, 0) : contentCount;
  const encoding = smsEncodingOf(unsanitisedWithPrefix);
  return {
    body,
    sentText,
    characterCount,
    fragmentCount: smsFragmentCount(sentText, unsanitisedWithPrefix),
    encoding,
    isTooLong: characterCount > SMS_CHAR_COUNT_LIMIT,
    isEmpty: characterCount === 0,
  };
}
