/**
 * Checking one data row as Notify's admin does (rules 3): its cells, then the whole message.
 *
 * Cells are checked only in recipient and placeholder columns: an empty one is `Missing`; a phone
 * number or email address that does not validate gets Notify's message. Then the row's message is
 * rendered with the shared template code: a text message over 918 characters, an empty message, a
 * letter's address and its QR codes. Recipient rules and rendering come from `src-shared/recipients`
 * and `src-shared/template`; this module only decides which to call and which label Notify shows.
 */
import {
  isMessageEmpty,
  letterQrCodesForTemplate,
  normaliseKey,
  QR_CODE_MAX_BYTES,
  smsMessageInfo,
  type TemplateParts,
} from '../template/index';
import { validateEmailAddress } from '../recipients/email-address';
import {
  MODERN_PHONE_MESSAGES,
  parsePhoneNumber,
  validatePhoneNumberForService,
  type PhoneNumberInfo,
} from '../recipients/phone-number';
import { ADDRESS_MESSAGES, validatePostalAddress } from '../recipients/postal-address';
import { linesWithNormalisedWhitespace } from '../recipients/text';
import { ADDRESS_COLUMNS, type ColumnMatch } from './columns';
import { MISSING, ROW_LABELS } from './messages';
import { isMissing, renderValues, type CellValue, type RowValues } from './row-values';

/** What the service may do, as far as a spreadsheet check depends on it. */
export interface ServiceRules {
  internationalSms: boolean;
  smsToUkLandlines: boolean;
  internationalLetters: boolean;
  /** The service name when text messages get it as a prefix (counts towards fragments, not the 918). */
  smsPrefix?: string | null;
}

/** The API's message for a QR code with too much data: the row label for a letter whose only problem it is. */
export const QR_TOO_LONG_LABEL = 'Cannot create a usable QR code - the link is too long';

/** One checked row. */
export interface RowCheck {
  /** Notify's row number: the header is row 1, so the first data row is 2. */
  rowNumber: number;
  /** Errors of single cells: `Missing` or a recipient message, by raw header. */
  cellErrors: Array<{ column: string; message: string }>;
  /** The full-width label Notify shows above the row, or null. */
  label: string | null;
  badRecipient: boolean;
  missingData: boolean;
  tooLong: boolean;
  empty: boolean;
  qrTooLong: boolean;
  /** SMS only: billable fragments of the message as sent (prefix included). */
  fragments: number | null;
  /** SMS only: the parsed number, when it parsed. */
  phone: PhoneNumberInfo | null;
}

/** True when the row has any error (a cell or a whole-message one). */
export function rowHasError(row: RowCheck): boolean {
  return row.cellErrors.length > 0 || row.label !== null || row.badRecipient;
}

function recipientError(
  type: 'sms' | 'email',
  value: string,
  rules: ServiceRules,
): { message: string | null; phone: PhoneNumberInfo | null } {
  if (type === 'email') {
    const result = validateEmailAddress(value);
    return { message: result.ok ? null : result.message, phone: null };
  }
  // Permissions before the country prefix, as UTILS `PhoneNumber.validate` orders them (rules 3.3).
  const checked = validatePhoneNumberForService(value, {
    internationalSms: rules.internationalSms,
    smsToUkLandlines: rules.smsToUkLandlines,
  });
  if (checked.ok) return { message: null, phone: checked.value };
  // A number refused for the service's permissions still counts towards the sheet's totals.
  const parsed = parsePhoneNumber(value);
  return { message: MODERN_PHONE_MESSAGES[checked.code], phone: parsed.ok ? parsed.value : null };
}

/** The address keys the API's `PostalAddress.from_personalisation` reads, from the file's columns. */
export function addressPersonalisation(values: RowValues, match: ColumnMatch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const column of ADDRESS_COLUMNS) {
    if (column === 'postcode' && match.hasAddressLine7) continue;
    const value = values.byKey.get(normaliseKey(column));
    if (value === undefined) continue;
    out[column.replaceAll(' ', '_')] = Array.isArray(value)
      ? value.filter((v) => v !== null).join('\n')
      : (value ?? '');
  }
  return out;
}

/** A line that the address check keeps: not blank once trailing spaces and commas go. */
function firstAddressLines(address: Record<string, string>): string[] {
  return linesWithNormalisedWhitespace(Object.values(address).join('\n'))
    .map((line) => line.replace(/[ ,]+$/, ''))
    .filter((line) => line !== '');
}

/**
 * The label Notify's row-errors page shows for a bad address (rules 3.6 items 3–9).
 *
 * The shared check returns the API's first failure, in the API's order; Notify's page tests the
 * two-line and BFPO rules before the line counts, and words several messages differently. The
 * line-count case is re-labelled from the address's first two lines (an approximation: lines that
 * the check removes, such as a trailing `UK`, still count here).
 */
function addressLabel(address: Record<string, string>, message: string, rules: ServiceRules): string {
  if (message === ADDRESS_MESSAGES.tooFewLines || message === ADDRESS_MESSAGES.tooManyLines) {
    const lines = firstAddressLines(address);
    if (lines.length < 2 || !lines.slice(0, 2).every((line) => /[a-zA-Z0-9]/.test(line))) {
      return ROW_LABELS.notAlphanumeric;
    }
    return message === ADDRESS_MESSAGES.tooFewLines ? ROW_LABELS.tooFewLines : ROW_LABELS.tooManyLines;
  }
  if (message === ADDRESS_MESSAGES.notAlphanumeric) return ROW_LABELS.notAlphanumeric;
  if (message === ADDRESS_MESSAGES.bfpoWithCountry) return ROW_LABELS.bfpoWithCountry;
  if (message === ADDRESS_MESSAGES.invalidLastLineInternational) return ROW_LABELS.lastLineInternational;
  if (message === ADDRESS_MESSAGES.invalidPostcode) {
    // Without the permission, an address ending in another country is refused for that reason.
    const abroad = validatePostalAddress(address, { allowInternational: true });
    const failsLastLineAnyway =
      !abroad.ok &&
      (abroad.message === ADDRESS_MESSAGES.invalidLastLineInternational ||
        abroad.message === ADDRESS_MESSAGES.invalidPostcode);
    return failsLastLineAnyway || rules.internationalLetters
      ? ROW_LABELS.lastLinePostcode
      : ROW_LABELS.noInternationalPermission;
  }
  if (message === ADDRESS_MESSAGES.invalidCharacters) return ROW_LABELS.invalidCharacters;
  return ROW_LABELS.notRealAddress;
}

/** Everything needed to check rows against one template, computed once per sheet. */
interface RowContext {
  template: TemplateParts;
  match: ColumnMatch;
  rules: ServiceRules;
}

/**
 * Checks one data row. `index` is 0-based among data rows (the row number shown is `index + 2`).
 */
export function checkRow(values: RowValues, index: number, ctx: RowContext): RowCheck {
  const { template, match, rules } = ctx;
  const type = template.type;
  const cellErrors: RowCheck['cellErrors'] = [];
  let badRecipient = false;
  let phone: PhoneNumberInfo | null = null;

  for (const [header, value] of values.byHeader) {
    const key = normaliseKey(header);
    if (type !== 'letter' && match.recipientKeys.has(key)) {
      if (isMissing(value) || Array.isArray(value)) {
        if (match.duplicateRecipientHeaders.length === 0)
          cellErrors.push({ column: header, message: MISSING });
        continue;
      }
      const result = recipientError(type, value as string, rules);
      phone = result.phone;
      if (result.message !== null) {
        cellErrors.push({ column: header, message: result.message });
        badRecipient = true;
      }
      continue;
    }
    if (match.placeholderKeys.has(key) && isMissing(value as CellValue)) {
      cellErrors.push({ column: header, message: MISSING });
    }
  }

  const personalisation = renderValues(values);
  let tooLong = false;
  let empty = false;
  let qrTooLong = false;
  let fragments: number | null = null;
  let addressProblem: string | null = null;

  if (type === 'sms') {
    const info = smsMessageInfo(template.content, personalisation, rules.smsPrefix ?? null);
    tooLong = info.isTooLong;
    empty = info.isEmpty;
    fragments = info.fragmentCount;
  } else {
    empty = isMessageEmpty(template, personalisation);
  }
  if (type === 'letter') {
    qrTooLong = letterQrCodesForTemplate(template.content, personalisation).some(
      (qr) => qr.numBytes > QR_CODE_MAX_BYTES,
    );
    const address = addressPersonalisation(values, match);
    const result = validatePostalAddress(address, { allowInternational: rules.internationalLetters });
    if (!result.ok) {
      addressProblem = addressLabel(address, result.message, rules);
      badRecipient = true;
    }
  }

  let label: string | null = null;
  if (empty) label = ROW_LABELS.empty;
  else if (tooLong) label = ROW_LABELS.tooLong;
  else if (addressProblem !== null) label = addressProblem;
  else if (qrTooLong) label = QR_TOO_LONG_LABEL;

  return {
    rowNumber: index + 2,
    cellErrors,
    label,
    badRecipient,
    missingData: cellErrors.some((e) => e.message === MISSING),
    tooLong,
    empty,
    qrTooLong,
    fragments,
    phone,
  };
}
