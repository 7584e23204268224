/**
 * Small readers for fields of a Notify notification that differ per channel.
 */
import type { Notification } from '../../../src-main/contract/schemas';
import { notificationRecipient } from '../../../src-shared/callback-payload';

/** Who a notification went to: email address, phone number or the letter's address on one line. */
export function recipientOf(n: Notification): string {
  return notificationRecipient(n, ', ') ?? '';
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
