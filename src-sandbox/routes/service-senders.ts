/**
 * A service's senders on a send: the email reply-to address and text message sender the request
 * names (each must be one of the service's own, not archived), the default text message sender
 * otherwise, and the `from_email` Notify derives from the service.
 */
import { normalisePhoneNumber } from '../../src-shared/recipients/phone-number';
import type { TemplateType } from '../../src-shared/statuses';
import { badRequest } from '../http';
import { parseUuid } from '../json';
import type { Service } from '../model';

const NOTIFY_EMAIL_DOMAIN = 'notifications.service.gov.uk';

/**
 * Checks `email_reply_to_id` (email) and `sms_sender_id` (text message) against the service, in
 * Notify's order, and answers the text message's `from_number` (null for other types).
 */
export function checkSenders(
  type: TemplateType,
  form: Record<string, unknown>,
  service: Service,
): string | null {
  let fromNumber: string | null = null;
  if (type === 'email' && form.email_reply_to_id !== undefined) {
    const id = parseUuid(form.email_reply_to_id)!;
    if (!service.email_reply_to.some((r) => r.id === id && !r.archived))
      throw badRequest(
        `email_reply_to_id ${String(form.email_reply_to_id)} does not exist in database for service id ${service.id}`,
      );
  }
  if (type === 'sms') {
    if (form.sms_sender_id !== undefined) {
      const id = parseUuid(form.sms_sender_id)!;
      const sender = service.sms_senders.find((s) => s.id === id && !s.archived);
      if (!sender)
        throw badRequest(
          `sms_sender_id ${String(form.sms_sender_id)} does not exist in database for service id ${service.id}`,
        );
      fromNumber = normaliseSender(sender.sms_sender);
    } else {
      fromNumber = service.sms_senders.find((s) => s.is_default && !s.archived)?.sms_sender ?? 'GOVUK';
    }
  }
  return fromNumber;
}

/** The email's `from_email`: the service's own local part, or one made from its name. */
export function fromEmail(service: Service): string {
  return `${service.email_sender_local_part ?? emailSafe(service.name)}@${NOTIFY_EMAIL_DOMAIN}`;
}

function normaliseSender(sender: string): string {
  const digits = sender.replace(/[\s()+-]/g, '');
  if (/^\d+$/.test(digits)) return normalisePhoneNumber(sender) ?? digits;
  return sender;
}

function emailSafe(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.\s_-]/g, '')
    .trim()
    .replace(/\s+/g, '.');
}
