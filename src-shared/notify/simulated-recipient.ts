/**
 * The simulated-recipient rule for a send as the user typed it: one decision for the core (which
 * does not track a send Notify never stores) and the renderer (which warns before sending).
 *
 * Notify compares phone numbers in their normalised form and email addresses validated and
 * lowercased (docs/notify-api-reference.md §7.5); a recipient that does not validate is compared
 * as typed, trimmed, so it is never mistaken for a simulated one.
 */
import { validateEmailAddress } from '../recipients/email-address';
import { isSimulatedRecipient } from '../recipients/format-recipient';
import { normalisePhoneNumber } from '../recipients/phone-number';

/** Whether `recipient`, as entered for a text or an email, is one of Notify's simulated recipients. */
export function isSimulatedSend(type: 'sms' | 'email', recipient: string): boolean {
  if (type === 'sms') return isSimulatedRecipient(normalisePhoneNumber(recipient) ?? recipient.trim(), 'sms');
  const email = validateEmailAddress(recipient);
  return isSimulatedRecipient(email.ok ? email.normalised : recipient.trim().toLowerCase(), 'email');
}
