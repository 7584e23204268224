/**
 * What the batch engine needs from Notify: send one notification, find notifications by reference.
 *
 * The engine depends on this port, not on the client, so it is tested against fakes and the
 * sandbox alike; `notifyClientPort` adapts the console's `NotifyClient` in a few lines.
 */
import type { NotificationRequest } from '../../../src-shared/spreadsheet/index';
import type { NotifyClient } from '../notify/client';
import { NotifyApiError, NotifyNetworkError, UnknownOutcomeError } from '../notify/errors';

/**
 * How one POST ended, as far as the engine needs to know:
 * - `created`: Notify answered 201 with the notification's id;
 * - `error`: Notify answered with an error (nothing was created), with its status and message;
 * - `not-sent`: the request never left (connection refused, DNS): nothing was created;
 * - `unknown`: the request went out and no usable answer came back: look it up before resending.
 */
export type SendResult =
  | { kind: 'created'; id: string }
  | { kind: 'error'; status: number; errorClass: string | null; message: string; retryAfterMs: number | null }
  | { kind: 'not-sent'; message: string }
  | { kind: 'unknown'; message: string };

/** A notification found by reference, with what the engine matches it on. */
export interface FoundNotification {
  id: string;
  reference: string | null;
  /** Notify's `created_at` (ISO). */
  createdAt: string;
  templateId: string | null;
}

export interface BulkNotifyPort {
  send(request: NotificationRequest): Promise<SendResult>;
  /** `GET /v2/notifications?reference=…`; rejects when the lookup itself fails. */
  findByReference(reference: string): Promise<FoundNotification[]>;
}

/** The port over the console's client (which never retries a POST and retries GETs itself). */
export function notifyClientPort(client: NotifyClient): BulkNotifyPort {
  return {
    async send(request) {
      const body = request.body as never;
      try {
        const sent =
          request.type === 'sms'
            ? await client.sendSms(body)
            : request.type === 'email'
              ? await client.sendEmail(body)
              : await client.sendLetter(body);
        return { kind: 'created', id: sent.id };
      } catch (err) {
        if (err instanceof UnknownOutcomeError) return { kind: 'unknown', message: err.message };
        if (err instanceof NotifyApiError) {
          const retryAfterMs = err.retryAfterSeconds === null ? null : err.retryAfterSeconds * 1000;
          return {
            kind: 'error',
            status: err.status,
            errorClass: err.errorClass,
            message: err.notifyMessage,
            retryAfterMs,
          };
        }
        if (err instanceof NotifyNetworkError && err.status === null)
          return { kind: 'not-sent', message: err.message };
        if (err instanceof NotifyNetworkError) {
          return {
            kind: 'error',
            status: err.status!,
            errorClass: null,
            message: err.message,
            retryAfterMs: null,
          };
        }
        throw err;
      }
    },
    async findByReference(reference) {
      const found = await client.findByReference(reference);
      return found.map((n) => ({
        id: n.id,
        reference: n.reference,
        createdAt: n.created_at,
        templateId: n.template.id,
      }));
    },
  };
}
