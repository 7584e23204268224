/**
 * The recipient step of a text message or email send: the address normalised as Notify stores it,
 * who a team key or a trial-mode service may send to, and the phone number's permissions
 * (international, UK landlines), with the international daily limit counted last.
 */
import {
  checkPhoneNumberPermissions,
  LEGACY_PHONE_MESSAGES,
  normalisePhoneNumber,
  type PhoneNumberInfo,
} from '../../src-shared/recipients/phone-number';
import { validateEmailAddress } from '../../src-shared/recipients/email-address';
import { allowedToSendTo } from '../../src-shared/recipients/format-recipient';
import type { KeyType } from '../fixtures';
import type { SandboxContext } from '../context';
import { badRequest, V2Error } from '../http';
import type { Service } from '../model';
import { parsePhone } from './send-schemas';

/** A checked recipient: as sent (trimmed), as Notify normalises it, and the phone number's facts. */
interface Recipient {
  to: string;
  normalisedTo: string;
  /** Null for an email. */
  phone: PhoneNumberInfo | null;
}

/** Checks the request's recipient, in Notify's order; throws Notify's error for the first problem. */
export function checkRecipient(
  ctx: SandboxContext,
  service: Service,
  keyType: KeyType,
  type: 'sms' | 'email',
  raw: string,
): Recipient {
  const to = raw.trim();
  let phone: PhoneNumberInfo | null = null;
  let normalisedTo: string;
  if (type === 'sms') {
    const parsed = parsePhone(to);
    normalisedTo = parsed.ok ? parsed.value.normalised : (normalisePhoneNumber(to) ?? to);
  } else {
    const v = validateEmailAddress(to);
    normalisedTo = v.ok ? v.normalised : to.toLowerCase();
  }
  if (keyType !== 'test') checkRecipientAllowed(service, keyType, to);
  if (type === 'sms') {
    const parsed = parsePhone(to);
    if (!parsed.ok) throw V2Error.one(400, 'InvalidPhoneError', LEGACY_PHONE_MESSAGES[parsed.code]);
    phone = parsed.value;
    const problem = checkPhoneNumberPermissions(phone, {
      internationalSms: service.permissions.includes('international_sms'),
      smsToUkLandlines: service.permissions.includes('sms_to_uk_landlines'),
    });
    if (problem === 'NOT_A_UK_MOBILE' && !phone.isUk)
      throw badRequest('Cannot send to international mobile numbers');
    if (problem) throw V2Error.one(400, 'InvalidPhoneError', LEGACY_PHONE_MESSAGES[problem]);
    normalisedTo = phone.normalised;
    if (!phone.isUk) ctx.limits.checkDailyLimit(service, keyType, 'international_sms');
  }
  return { to, normalisedTo, phone };
}

/** Team keys, and live keys on a trial service, may only message team members and the guest list. */
function checkRecipientAllowed(service: Service, keyType: 'normal' | 'team', to: string) {
  if (keyType === 'normal' && !service.restricted) return;
  const allowlist = [
    ...service.team_members.flatMap((m) =>
      m.mobile_number ? [m.email_address, m.mobile_number] : [m.email_address],
    ),
    ...service.guest_list,
  ];
  if (allowedToSendTo(to, allowlist)) return;
  if (keyType === 'team') throw badRequest('Can’t send to this recipient using a team-only API key');
  throw badRequest(
    'Can’t send to this recipient when service is in trial mode – see https://www.notifications.service.gov.uk/trial-mode',
  );
}
