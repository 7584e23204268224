/**
 * The archive's one capture hook: a decorator on the Notify access layer.
 *
 * Every service reaches Notify through `NotifyAccess.withClient`, so wrapping the client it hands
 * out sees every notification the console sends (the send's answer, with the request's recipient
 * and personalisation), tracks (the status tracker's reads), lists (history pages) and looks up
 * (the status screen, support lookup, finding a send by reference), whichever service asked. The
 * hook only reports what it saw; whether anything is archived (the profile opted in, the vault
 * unlocked) is the sink's decision, made after the answer has gone back to the caller.
 */
import type { SendResponse } from '../../../src-shared/notify/resources';
import type { NotifyClient } from '../notify/client';
import type { NotifyAccess } from '../notify/notify-access';
import type { JsonValue } from '../ports';

export type SeenAs = 'poll' | 'list';

export interface CaptureSink {
  /** Notify's own JSON for notifications read from Notify. */
  seen(profileId: string, notifications: readonly unknown[], as: SeenAs): void;
  /** A notification this console just sent, as far as it knows it, with the personalisation sent. */
  sent(
    profileId: string,
    notification: Record<string, unknown>,
    personalisation: Record<string, JsonValue> | null,
  ): void;
}

type SendMethod = 'sendSms' | 'sendEmail' | 'sendLetter';

/** The status Notify gives a new notification of each kind (docs/notify-api-reference.md §7.2). */
const FIRST_STATUS: Record<SendMethod, string> = {
  sendSms: 'created',
  sendEmail: 'created',
  sendLetter: 'accepted',
};

/**
 * A file sent by email is kept as its name and size only: the archive answers "what was sent", and a
 * 2 MB document in every record would crowd out what it is for.
 */
function withoutFileContents(personalisation: unknown): Record<string, JsonValue> | null {
  if (typeof personalisation !== 'object' || personalisation === null) return null;
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(personalisation as Record<string, JsonValue>)) {
    if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof value['file'] === 'string'
    ) {
      out[key] = {
        file: `(${Math.floor((value['file'].length * 3) / 4)} bytes, not archived)`,
        filename: value['filename'] ?? null,
      };
    } else out[key] = value;
  }
  return out;
}

/** A letter's address as Notify lists it: `line_1`… from the address lines, the last line as `postcode`. */
function letterAddress(personalisation: Record<string, JsonValue> | null): Record<string, string> {
  const lines: string[] = [];
  for (let i = 1; i <= 7; i++) {
    const line = personalisation?.[`address_line_${i}`];
    if (typeof line === 'string' && line.trim()) lines.push(line);
  }
  const out: Record<string, string> = {};
  lines.slice(0, -1).forEach((line, i) => (out[`line_${i + 1}`] = line));
  if (lines.length) out['postcode'] = lines[lines.length - 1]!;
  return out;
}

/** The notification a send created, built from the request and Notify's answer until Notify's own is read. */
function sentNotification(
  method: SendMethod,
  request: Record<string, unknown>,
  response: SendResponse,
  createdAt: string,
): Record<string, unknown> {
  const content = response.content as Record<string, unknown>;
  const personalisation = (request['personalisation'] ?? null) as Record<string, JsonValue> | null;
  return {
    id: response.id,
    reference: response.reference ?? null,
    type: method === 'sendSms' ? 'sms' : method === 'sendEmail' ? 'email' : 'letter',
    status: FIRST_STATUS[method],
    template: response.template,
    body: typeof content['body'] === 'string' ? content['body'] : '',
    subject: typeof content['subject'] === 'string' ? content['subject'] : null,
    created_at: createdAt,
    sent_at: null,
    completed_at: null,
    email_address: method === 'sendEmail' ? (request['email_address'] ?? null) : null,
    phone_number: method === 'sendSms' ? (request['phone_number'] ?? null) : null,
    ...(method === 'sendLetter' ? letterAddress(personalisation) : {}),
  };
}

function capturingClient(
  client: NotifyClient,
  profileId: string,
  sink: CaptureSink,
  now: () => number,
): NotifyClient {
  const report = (fn: () => void) => {
    try {
      fn();
    } catch {
      // Capturing never fails the caller's request.
    }
  };
  return new Proxy(client, {
    get(target, prop) {
      switch (prop) {
        case 'getNotification':
          return async (id: string) => {
            const n = await target.getNotification(id);
            report(() => sink.seen(profileId, [n], 'poll'));
            return n;
          };
        case 'getNotifications':
          return async (filters?: Parameters<NotifyClient['getNotifications']>[0]) => {
            const page = await target.getNotifications(filters);
            report(() => sink.seen(profileId, page.notifications, 'list'));
            return page;
          };
        case 'findByReference':
          return async (reference: string) => {
            const list = await target.findByReference(reference);
            report(() => sink.seen(profileId, list, 'list'));
            return list;
          };
        case 'sendSms':
        case 'sendEmail':
        case 'sendLetter':
          return async (request: Record<string, unknown>) => {
            const createdAt = new Date(now()).toISOString();
            const response = await (target[prop] as (r: unknown) => Promise<SendResponse>)(request);
            report(() =>
              sink.sent(
                profileId,
                sentNotification(prop, request, response, createdAt),
                withoutFileContents(request['personalisation']),
              ),
            );
            return response;
          };
        default: {
          // The client keeps its key in #private fields: its own methods must run on it, not on the proxy.
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
      }
    },
  });
}

/**
 * The access layer with the capture hook: the same object in every other respect (its request log,
 * its connection pools), so it can stand in for the plain one wherever a service takes one.
 */
export function capturingAccess(
  access: NotifyAccess,
  sink: CaptureSink,
  now: () => number = Date.now,
): NotifyAccess {
  return new Proxy(access, {
    get(target, prop) {
      if (prop === 'withClient') {
        return <T>(profileId: string, fn: (client: NotifyClient) => Promise<T>) =>
          target.withClient(profileId, (client) => fn(capturingClient(client, profileId, sink, now)));
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
