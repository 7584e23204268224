/**
 * One send, whatever its kind: the request goes to its endpoint, and Notify's answer comes back
 * with the notification as far as the console knows it at that moment (built from the request and
 * the answer, so the status tracker and the contract always hold a whole notification; the first
 * read replaces every field with Notify's own).
 */
import type { SendRequest } from '../../contract/methods';
import type { Notification, SendResponse } from '../../../src-shared/notify/resources';
import type { NotifyClient } from '../notify/client';

/** Notify's answer to a send, and the notification it created. */
interface SendOutcome {
  response: SendResponse;
  notification: Notification;
}

type Seed = Pick<Notification, 'id' | 'reference' | 'template' | 'body' | 'subject'>;

const seedOf = (r: { id: string; reference: string | null; template: Notification['template'] }) => ({
  id: r.id,
  reference: r.reference,
  template: r.template,
});

/** Sends `request` with `client`; `now` is when the send was made (ISO), the notification's creation time until Notify's. */
export async function sendRequest(
  client: NotifyClient,
  request: SendRequest,
  now: string,
): Promise<SendOutcome> {
  const made = (response: SendResponse, seed: Seed, status: string): SendOutcome => ({
    response,
    notification: {
      ...seed,
      type: request.type === 'precompiled' ? 'letter' : request.type,
      // The status Notify gives a new notification of each kind (docs/notify-api-reference.md §7.2).
      status,
      created_at: now,
      sent_at: null,
      completed_at: null,
      email_address: request.type === 'email' ? request.email_address : null,
      phone_number: request.type === 'sms' ? request.phone_number : null,
    },
  });
  switch (request.type) {
    case 'sms': {
      const { type: _t, ...body } = request;
      const r = await client.sendSms(body);
      return made(r, { ...seedOf(r), body: r.content.body, subject: null }, 'created');
    }
    case 'email': {
      const { type: _t, ...body } = request;
      const r = await client.sendEmail(body);
      return made(r, { ...seedOf(r), body: r.content.body, subject: r.content.subject }, 'created');
    }
    case 'letter': {
      const { type: _t, ...body } = request;
      const r = await client.sendLetter(body);
      return made(r, { ...seedOf(r), body: r.content.body, subject: r.content.subject }, 'accepted');
    }
    case 'precompiled': {
      const { type: _t, ...body } = request;
      const r = await client.sendPrecompiledLetter(body);
      // A precompiled letter uses no template of the service's; Notify names its own on the first read.
      const template = { id: '', version: 0, uri: '' };
      return made(
        r,
        { id: r.id, reference: r.reference, template, body: '', subject: null },
        'pending-virus-check',
      );
    }
  }
}
