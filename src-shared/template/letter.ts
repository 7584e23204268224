/**
 * Letter rendering: the parts of notifications-utils `BaseLetterTemplate` / `LetterPrintTemplate`
 * that the API exposes (body, subject, QR code validation).
 */

import { escapeHtml, unescapeStrict } from './html';
import { findQrCodeData } from './markdown';
import { InsensitiveValues, renderField, type Personalisation } from './placeholders';
import { pyStrip, utf8Length } from './python';
import { doNiceTypography, normaliseWhitespace } from './typography';

/** `QR_CODE_MAX_BYTES`: the most data Notify accepts in one QR code. */
export const QR_CODE_MAX_BYTES = 504;

/**
 * The letter API response `body` (`content_with_placeholders_filled_in`).
 *
 * Placeholders filled, list values as Markdown bullets, nothing escaped, whitespace stripped.
 */
export function renderLetterBody(content: string, personalisation: Personalisation): string {
  const values = new InsensitiveValues(personalisation);
  return pyStrip(
    renderField(content, values, { html: 'passthrough', markdownLists: true, plainText: false }),
  );
}

/**
 * The letter heading as the API returns it (`LetterPrintTemplate.subject`).
 *
 * Unlike the email subject this is HTML-escaped (`&` becomes `&amp;`), then gets nice
 * typography and whitespace normalisation.
 */
export function renderLetterSubject(subject: string, personalisation: Personalisation): string {
  const values = new InsensitiveValues(personalisation);
  const filled = renderField(subject, values, { html: 'escape', markdownLists: false, plainText: false });
  return normaliseWhitespace(doNiceTypography(filled));
}

/** One QR code found in a letter. */
export interface LetterQrCode {
  /** The data as Notify's validator sees it (HTML-escaped: `&` is `&amp;`); shown in the 400 error. */
  data: string;
  /** UTF-8 bytes of `data`; over {@link QR_CODE_MAX_BYTES} is a 400. */
  numBytes: number;
  /** The data with entities decoded: what a QR code should encode. */
  text: string;
}

function qrCodesFromEscaped(escaped: string): LetterQrCode[] {
  return findQrCodeData(escaped).map((data) => ({
    data,
    numBytes: utf8Length(data),
    text: unescapeStrict(data),
  }));
}

/**
 * QR codes in a letter body: every paragraph of the form `qr: <data>`.
 *
 * Takes the body with placeholders already filled (`renderLetterBody`); it is escaped the way
 * Notify's validator escapes it before measuring.
 */
export function letterQrCodes(renderedLetterBody: string): LetterQrCode[] {
  if (!/qr/i.test(renderedLetterBody)) return [];
  return qrCodesFromEscaped(escapeHtml(renderedLetterBody));
}

/**
 * QR codes of a letter template with its personalisation (`has_qr_code_with_too_much_data`).
 *
 * Escapes content and values separately, exactly as Notify does.
 */
export function letterQrCodesForTemplate(content: string, personalisation: Personalisation): LetterQrCode[] {
  const values = new InsensitiveValues(personalisation);
  const escaped = renderField(content, values, { html: 'escape', markdownLists: true, plainText: false });
  if (!/qr/i.test(escaped)) return [];
  return qrCodesFromEscaped(escaped);
}
