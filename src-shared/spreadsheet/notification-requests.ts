/**
 * Turning a checked sheet into one API request per row, with a deterministic reference each.
 *
 * Notify's job sends one notification per row, with personalisation from the placeholder (and
 * recipient) columns and the client reference from a column whose key is `reference` (API
 * `process_job`). Over the public API the console does the same: the body of each
 * `POST /v2/notifications/{type}` uses Notify's field names. A row without a reference cell gets
 * one made from the batch id and its row number, so every row can be looked up by reference.
 */
import type { TemplateType } from '../statuses';
import { normaliseKey, templatePlaceholders, type TemplateParts } from '../template/index';
import { addressPersonalisation } from './row-check';
import { personalisationValue, type RowValues } from './row-values';
import type { SheetCheck } from './sheet-check';

/** The API's longest client reference (`reference <value> is too long` past this). */
export const MAX_REFERENCE_LENGTH = 1000;

/** One row to send: where it came from, its reference and the request body. */
export interface NotificationRequest {
  /** The row's number in the batch (2 for the first; the journal's `r`). */
  rowNumber: number;
  /** For a batch that resends another's rows: the row's number in the original sheet. */
  sheetRow?: number;
  reference: string;
  type: TemplateType;
  body: Record<string, unknown>;
}

/** Sender options that apply to every row of a batch. */
export interface RequestOptions {
  templateId: string;
  /** Prefix of made references: the batch id. A row's made reference is `<prefix>-<row number>`. */
  referencePrefix: string;
  smsSenderId?: string | null;
  emailReplyToId?: string | null;
}

/** A reference problem that stops a batch before anything is sent (a console rule, not Notify's). */
export interface ReferenceProblem {
  rowNumber: number;
  message: string;
}

/** The reference a row is sent and looked up with. */
export function referenceFor(values: RowValues, rowNumber: number, prefix: string): string {
  const cell = values.byKey.get('reference');
  if (typeof cell === 'string' && cell !== '') return cell;
  return `${prefix}-${rowNumber}`;
}

/**
 * References must be unique within a batch and at most 1,000 characters.
 *
 * A resend is decided by looking a row up by its reference, so two rows sharing one could make a
 * sent row look like another's; the API refuses references over 1,000 characters.
 */
export function referenceProblems(requests: readonly NotificationRequest[]): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const firstRow = new Map<string, number>();
  for (const r of requests) {
    if (r.reference.length > MAX_REFERENCE_LENGTH) {
      problems.push({
        rowNumber: r.rowNumber,
        message: `The reference is longer than ${MAX_REFERENCE_LENGTH} characters, which Notify does not accept`,
      });
    }
    const seen = firstRow.get(r.reference);
    if (seen === undefined) firstRow.set(r.reference, r.rowNumber);
    else {
      problems.push({
        rowNumber: r.rowNumber,
        message: `Row ${seen} has the same reference: each row needs its own reference so it can be checked before a resend`,
      });
    }
  }
  return problems;
}

function personalisationFor(
  template: TemplateParts,
  values: RowValues,
  check: SheetCheck,
): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const name of templatePlaceholders(template)) {
    const key = normaliseKey(name);
    if (seen.has(key) || !check.match.placeholderKeys.has(key)) continue;
    seen.add(key);
    const value = values.byKey.get(key);
    if (value !== undefined) out[name] = personalisationValue(value);
  }
  if (template.type === 'letter') Object.assign(out, addressPersonalisation(values, check.match));
  return Object.keys(out).length > 0 ? out : null;
}

/** The requests of every row of a sendable sheet, in row order. */
export function notificationRequests(
  check: SheetCheck,
  template: TemplateParts,
  options: RequestOptions,
): NotificationRequest[] {
  const type = template.type;
  const recipientKey = type === 'sms' ? 'phonenumber' : 'emailaddress';
  return check.rows.map((row, i) => {
    const values = check.values[i]!;
    const body: Record<string, unknown> = { template_id: options.templateId };
    if (type === 'sms') body['phone_number'] = values.byKey.get(recipientKey);
    if (type === 'email') body['email_address'] = values.byKey.get(recipientKey);
    const personalisation = personalisationFor(template, values, check);
    if (personalisation !== null) body['personalisation'] = personalisation;
    const reference = referenceFor(values, row.rowNumber, options.referencePrefix);
    body['reference'] = reference;
    if (type === 'sms' && options.smsSenderId) body['sms_sender_id'] = options.smsSenderId;
    if (type === 'email' && options.emailReplyToId) body['email_reply_to_id'] = options.emailReplyToId;
    return { rowNumber: row.rowNumber, reference, type, body };
  });
}
