/**
 * What the batch engine needs from Notify: send one notification, find notifications by reference.
 *
 * The engine depends on this port, not on the client, so it is tested against fakes and the
 * sandbox alike; `profilePort` adapts the console's `NotifyClient`, with the profile's key.
 */
import type { NotificationRequest } from '../../../src-shared/spreadsheet/index';
import type { NotifyClient } from '../notify/client';
import type { NotifyAccess } from '../notify/notify-access';
import { CoreError } from '../ports';
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
function notifyClientPort(client: NotifyClient): BulkNotifyPort {
  return {
    async send(request) {
      const { body } = request;
      const template_id = text(body, 'template_id');
      try {
        const sent =
          request.type === 'sms'
            ? await client.sendSms({ ...body, template_id, phone_number: text(body, 'phone_number') })
            : request.type === 'email'
              ? await client.sendEmail({ ...body, template_id, email_address: text(body, 'email_address') })
              : await client.sendLetter({
                  ...body,
                  template_id,
                  personalisation: record(body, 'personalisation'),
                });
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

/**
 * The port for a profile, its key fetched for each request. A key that cannot be had (the vault
 * locked, the profile deleted) is Notify's refusal of the row, with the reason, like a revoked key:
 * it stops the batch.
 */
export function profilePort(notify: Pick<NotifyAccess, 'withClient'>, profileId: string): BulkNotifyPort {
  return {
    send: async (request) => {
      try {
        return await notify.withClient(profileId, (c) => notifyClientPort(c).send(request));
      } catch (err) {
        if (!(err instanceof CoreError)) throw err;
        return { kind: 'error', status: 401, errorClass: err.code, message: err.message, retryAfterMs: null };
      }
    },
    findByReference: (reference) =>
      notify.withClient(profileId, (c) => notifyClientPort(c).findByReference(reference)),
  };
}

/**
 * A field the row's request must carry as text. The requests are built from the sheet by
 * src-shared/spreadsheet, so a missing one is this program's error, not the sheet's.
 */
function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new TypeError(`the row's request has no ${field}`);
  return value;
}

function record(body: Record<string, unknown>, field: string): Record<string, unknown> {
  const value = body[field];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`the row's request has no ${field}`);
  return value as Record<string, unknown>;
}
