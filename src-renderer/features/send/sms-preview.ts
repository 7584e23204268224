/**
 * What the send screen says about a text message as it is typed: length, fragments, encoding and
 * an estimated cost, all computed locally with Notify's own rules (src-shared/template).
 */
import { smsCostInPounds } from '../../../src-shared/letters/costs';
import {
  renderSmsUnsanitised,
  smsEncodingInfo,
  smsMessageInfo,
  type Personalisation,
} from '../../../src-shared/template';

export interface SmsPreview {
  body: string;
  characterCount: number;
  fragmentCount: number;
  encoding: 'GSM-7' | 'UCS-2';
  isTooLong: boolean;
  isEmpty: boolean;
  /** Characters that are not GSM-7, in order. */
  nonGsmCharacters: string[];
  /** What sanitising turns them into (`?` when there is no equivalent). */
  replaced: Array<{ from: string; to: string }>;
  /**
   * fragments × international multiplier × Notify's current rate, in pounds (`smsCostInPounds`, as the
   * sandbox charges). An estimate: Notify's real price is in `cost_details` after sending.
   */
  costEstimate: number;
}

/** Renders and measures a text message for the live preview. */
export function smsPreview(
  content: string,
  personalisation: Personalisation,
  rateMultiplier = 1,
): SmsPreview {
  const info = smsMessageInfo(content, personalisation);
  const encoding = smsEncodingInfo(renderSmsUnsanitised(content, personalisation));
  return {
    body: info.body,
    characterCount: info.characterCount,
    fragmentCount: info.fragmentCount,
    encoding: info.encoding,
    isTooLong: info.isTooLong,
    isEmpty: info.isEmpty,
    nonGsmCharacters: encoding.nonGsmCharacters,
    replaced: encoding.replaced,
    costEstimate: smsCostInPounds(info.fragmentCount, rateMultiplier),
  };
}

/** `£0.0454`, to a hundredth of a penny; whole pounds keep two decimals (`£1.20`). */
export function formatPounds(amount: number): string {
  const fixed = (Math.round(amount * 10_000) / 10_000).toFixed(4).replace(/0{1,2}$/, '');
  return `£${fixed}`;
}

/** Shows a character so invisible ones are visible in a warning: `U+200B` for a zero-width space. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const visible = /[\p{L}\p{N}\p{P}\p{S}]/u.test(char);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return visible ? `${char} (${hex})` : hex;
}
