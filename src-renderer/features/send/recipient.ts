/**
 * Checking a recipient before sending, with Notify's own rules and messages (docs/notify-api-reference.md §10).
 *
 * The console does not know the service's permissions (international texts, landlines), so it
 * applies the schema-level check Notify runs first; Notify itself has the last word.
 */
import { validateEmailAddress } from '../../../src-shared/recipients/email-address';
import { isSimulatedSend } from '../../../src-shared/notify/simulated-recipient';
import { parsePhoneNumber, phoneErrorMessage } from '../../../src-shared/recipients/phone-number';

type RecipientCheck =
  | {
      ok: true;
      normalised: string;
      /** A smoke-test recipient: Notify answers with an id that can never be fetched. */
      smokeTest: boolean;
      /** SMS only: Notify's rate multiplier for the destination (1 for UK numbers). */
      rateMultiplier: number;
      /** SMS only: the destination sends no delivery receipts, so the status will stop at `sent`. */
      noDeliveryReceipts: boolean;
      countryName: string | null;
    }
  | { ok: false; message: string };

/** Validates a phone number or email address the way Notify's schema does. */
export function checkRecipient(type: 'sms' | 'email', raw: string): RecipientCheck {
  if (raw.trim() === '') {
    return { ok: false, message: type === 'sms' ? 'Enter a phone number' : 'Enter an email address' };
  }
  if (type === 'sms') {
    const parsed = parsePhoneNumber(raw);
    if (!parsed.ok) return { ok: false, message: phoneErrorMessage(parsed.code) };
    const info = parsed.value;
    return {
      ok: true,
      normalised: info.normalised,
      smokeTest: isSimulatedSend('sms', raw),
      rateMultiplier: info.rateMultiplier,
      noDeliveryReceipts: !info.hasDeliveryReceipts,
      countryName: info.countryName,
    };
  }
  const email = validateEmailAddress(raw);
  if (!email.ok) return { ok: false, message: email.message };
  return {
    ok: true,
    normalised: email.normalised,
    smokeTest: isSimulatedSend('email', raw),
    rateMultiplier: 1,
    noDeliveryReceipts: false,
    countryName: null,
  };
}

interface SimulatedRecipient {
  value: string;
  label: string;
  outcome: 'delivered' | 'temporary-failure' | 'permanent-failure' | 'smoke-test';
}

/** One-click recipients for test keys (reference §7.3, §7.5). */
export const SIMULATED_RECIPIENTS: Readonly<Record<'sms' | 'email', readonly SimulatedRecipient[]>> = {
  sms: [
    { value: '07700900123', label: 'Delivered', outcome: 'delivered' },
    { value: '07700900003', label: 'Temporary failure', outcome: 'temporary-failure' },
    { value: '07700900002', label: 'Permanent failure', outcome: 'permanent-failure' },
    { value: '07700900000', label: 'Smoke test', outcome: 'smoke-test' },
    { value: '07700900111', label: 'Smoke test 2', outcome: 'smoke-test' },
    { value: '07700900222', label: 'Smoke test 3', outcome: 'smoke-test' },
  ],
  email: [
    { value: 'delivered@example.gov.uk', label: 'Delivered', outcome: 'delivered' },
    { value: 'temp-fail@simulator.notify', label: 'Temporary failure', outcome: 'temporary-failure' },
    { value: 'perm-fail@simulator.notify', label: 'Permanent failure', outcome: 'permanent-failure' },
    { value: 'simulate-delivered@notifications.service.gov.uk', label: 'Smoke test', outcome: 'smoke-test' },
    {
      value: 'simulate-delivered-2@notifications.service.gov.uk',
      label: 'Smoke test 2',
      outcome: 'smoke-test',
    },
    {
      value: 'simulate-delivered-3@notifications.service.gov.uk',
      label: 'Smoke test 3',
      outcome: 'smoke-test',
    },
  ],
};

export const SMOKE_TEST_WARNING =
  'This is a smoke-test recipient: Notify validates the request and returns an id, but stores nothing, so the notification can never be fetched and its status cannot be tracked.';
