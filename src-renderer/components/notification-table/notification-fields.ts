/**
 * Small readers for fields of a Notify notification that differ per channel.
 */
import type { Notification } from '../../../src-main/contract/schemas';
import { letterAddressLines as sharedLetterAddressLines } from '../../../src-shared/callback-payload';

/** The address lines of a letter, as Notify returns them (`line_1`…`line_6`, `postcode`). */
function letterAddressLines(n: Notification): string[] {
  return sharedLetterAddressLines(n);
}

/** Who a notification went to: email address, phone number or the letter's address. */
export function recipientOf(n: Notification): string {
  if (n.email_address) return n.email_address;
  if (n.phone_number) return n.phone_number;
  return letterAddressLines(n).join(', ');
}

/** A number field Notify may add (`cost_in_pounds`), or null. */
export function numberField(n: Notification, key: string): number | null {
  const value = n[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A string field Notify may add (`created_by_name`, `postage`, `estimated_delivery`), or null. */
export function stringField(n: Notification, key: string): string | null {
  const value = n[key];
  return typeof value === 'string' ? value : null;
}
