/**
 * Notify's template language and rendering, in pure TypeScript.
 *
 * A faithful port of the parts of alphagov/notifications-utils (`field.py`, `template.py`,
 * `formatters.py`, `sanitise_text.py`, `markdown.py`, `insensitive_dict.py`) that decide what a
 * notification says: placeholders and conditionals, list values, the SMS pipeline and fragment
 * counting, email Markdown with GOV.UK inline styles, subjects' typography and letter QR codes.
 * See docs/notify-api-reference.md §9. Runs in Node and in the browser.
 */

import type { TemplateType } from '../statuses';
import { renderEmailBody } from './email';
import { renderLetterBody } from './letter';
import { InsensitiveValues, placeholderNames, type Personalisation } from './placeholders';
import { renderSmsUnsanitised } from './sms';

export type { TemplateType } from '../statuses';
export type { Personalisation } from './placeholders';
export { normaliseKey, placeholderNames, lookupPersonalisation, str2bool } from './placeholders';
export {
  renderSmsBody,
  renderSmsUnsanitised,
  smsCharacterCount,
  smsFragmentCount,
  smsEncodingInfo,
  smsMessageInfo,
  SMS_CHAR_COUNT_LIMIT,
  type SmsEncodingInfo,
  type SmsMessageInfo,
} from './sms';
export {
  renderEmailBody,
  renderEmailSubject,
  renderEmailHtml,
  renderEmailPlainText,
  type EmailRenderOptions,
} from './email';
export {
  renderLetterBody,
  renderLetterSubject,
  letterQrCodes,
  letterQrCodesForTemplate,
  QR_CODE_MAX_BYTES,
  type LetterQrCode,
} from './letter';
export { sanitiseContentValue } from './sanitise-content';
export { sanitiseSms } from './sanitise-text';
export { escapeHtml } from './html';

/** The parts of a template that hold placeholders. */
export interface TemplateParts {
  type: TemplateType;
  subject?: string | null;
  content: string;
  letterContactBlock?: string | null;
}

/** The texts of a template in Notify's placeholder order. */
function partsInOrder(t: TemplateParts): Array<string | null | undefined> {
  switch (t.type) {
    case 'sms':
      return [t.content];
    case 'email':
      return [t.subject, t.content];
    case 'letter':
      return [t.letterContactBlock, t.subject, t.content];
  }
}

/**
 * The template's placeholders in Notify's order.
 *
 * SMS: body. Email: subject then body. Letter: contact block, subject, then body (§9.1).
 */
export function templatePlaceholders(t: TemplateParts): string[] {
  return placeholderNames(partsInOrder(t));
}

/**
 * Placeholder names whose value is absent or `null`, in template order, as written.
 *
 * This is the list behind `Missing personalisation: a, b`. An empty string counts as present.
 */
export function missingPersonalisation(t: TemplateParts, personalisation: Personalisation): string[] {
  const values = new InsensitiveValues(personalisation);
  return templatePlaceholders(t).filter((name) => {
    const value = values.get(name);
    return value === null || value === undefined;
  });
}

/**
 * The `Your message is empty.` rule (§5 step 7.6).
 *
 * SMS: the rendered text is empty. Email and letter: only when the body is empty, or starts
 * with `((` and ends with `))` and renders to nothing.
 */
export function isMessageEmpty(t: TemplateParts, personalisation: Personalisation): boolean {
  if (t.type === 'sms') return renderSmsUnsanitised(t.content, personalisation) === '';
  if (!t.content) return true;
  if (!t.content.startsWith('((') || !t.content.endsWith('))')) return false;
  const rendered =
    t.type === 'email'
      ? renderEmailBody(t.content, personalisation)
      : renderLetterBody(t.content, personalisation);
  return rendered === '';
}
