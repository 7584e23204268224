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
} from './sanitise-sms';
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
 * Characters counted against the 918 limit: Python `len()` (code points) of the text.
 *
 * Notify counts the message *before* GSM sanitising and without the prefix
 * (`content_count_without_prefix`), so pass `renderSmsUnsanitised(content, values)`; for most
 * messages the sanitised body gives the same number (not for `…`, which sanitises to `...`).
 */
export function smsCharacterCount(bodyWithoutPrefix: string): number {
  return pyLen(bodyWithoutPrefix);
}

/** ASCII with none of the extension characters `^{}\\[~]|`: no double septets, no Welsh letters. */
// eslint-disable-next-line no-control-regex -- any ASCII character.
const PLAIN_ASCII_RE = /^[\u0000-\u005a\u005f-\u007a\u007f]*$/;

/** Count of GSM extension-table characters (each takes two septets). */
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
 * `get_sms_fragment_count`: fragments for a character count.
 *
 * UCS-2: one fragment up to 70, then 67 each; GSM-7: one up to 160, then 153 each.
 */
export function fragmentsFor(characterCount: number, ucs2: boolean): number {
  if (ucs2) return characterCount <= 70 ? 1 : Math.ceil(characterCount / 67);
  return characterCount <= 160 ? 1 : Math.ceil(characterCount / 153);
}

/**
 * Fragment count of a sanitised message, prefix included (`BaseSMSTemplate.fragment_count`).
 *
 * Extension characters (`^{}\[~]|€`) count double, and any Welsh non-GSM letter switches the
 * whole message to UCS-2. Notify's length is the *unsanitised* message's; pass it as
 * `characterCount` when known (it differs from the sanitised length only for `…`).
 */
export function smsFragmentCount(sanitisedText: string, characterCount?: number): number {
  const count = (characterCount ?? pyLen(sanitisedText)) + countExtended(sanitisedText);
  return fragmentsFor(count, hasWelshNonGsm(sanitisedText));
}

/** What the console can tell a user about a message's encoding. */
export interface SmsEncodingInfo {
  /** `UCS-2` when a Welsh letter outside GSM-7 is present, else `GSM-7`. */
  encoding: 'GSM-7' | 'UCS-2';
  /** Distinct characters that are not GSM-7 (downgraded, replaced, or forcing UCS-2), in order. */
  nonGsmCharacters: string[];
  /** Distinct characters that sanitising changes, and what they become (`?` for no equivalent). */
  replaced: Array<{ from: string; to: string }>;
}

/**
 * Encoding Notify would use for this text, with the characters that will not survive as typed.
 *
 * For console warnings: emoji become `?`, `é` is fine, `ć` becomes `c`, `ŵ` forces UCS-2.
 */
export function smsEncodingInfo(rawText: string): SmsEncodingInfo {
  const nonGsm: string[] = [];
  const replaced: Array<{ from: string; to: string }> = [];
  const seen = new Set<string>();
  let ucs2 = false;
  for (const char of rawText) {
    if (isGsmCharacter(char)) continue;
    if (seen.has(char)) continue;
    seen.add(char);
    nonGsm.push(char);
    const to = encodeSmsCharacter(char);
    if (to !== char) replaced.push({ from: char, to });
    if (hasWelshNonGsm(to)) ucs2 = true;
  }
  return { encoding: ucs2 ? 'UCS-2' : 'GSM-7', nonGsmCharacters: nonGsm, replaced };
}

/** Everything about one text message, computed the way Notify does. */
export interface SmsMessageInfo {
  /** API response `body`: sanitised, without the prefix. */
  body: string;
  /** What is sent: sanitised, with `"<prefix>: "` when a prefix is given. */
  sentText: string;
  /** `content_count_without_prefix`, compared with the 918 limit. */
  characterCount: number;
  /** `fragment_count` of the sent text (billable fragments include the prefix). */
  fragmentCount: number;
  /** Encoding of the sent text. */
  encoding: 'GSM-7' | 'UCS-2';
  /** `is_message_too_long()`. */
  isTooLong: boolean;
  /** `is_message_empty()`. */
  isEmpty: boolean;
}

/**
 * Render and measure a text message in one go, exactly as `BaseSMSTemplate` does.
 *
 * The counts use the unsanitised text, as Notify's do.
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
  const unsanitisedBody = prefix
    ? (unsanitisedWithoutPrefix ?? renderSmsUnsanitised(content, personalisation))
    : unsanitisedWithPrefix;
  const body = prefix ? sanitiseSms(unsanitisedBody) : sentText;
  const contentCount = pyLen(unsanitisedWithPrefix);
  const characterCount = prefix ? Math.max(contentCount - pyLen(prefix) - 2, 0) : contentCount;
  const ucs2 = hasWelshNonGsm(sentText);
  return {
    body,
    sentText,
    characterCount,
    fragmentCount: fragmentsFor(contentCount + countExtended(sentText), ucs2),
    encoding: ucs2 ? 'UCS-2' : 'GSM-7',
    isTooLong: characterCount > SMS_CHAR_COUNT_LIMIT,
    isEmpty: characterCount === 0,
  };
}
