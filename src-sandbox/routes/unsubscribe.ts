/**
 * POST /unsubscribe/{notification_id}/{token}: Notify's one-click unsubscribe (no auth).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxContext } from '../context';
import { appError, json, type SandboxRequest, type SandboxResponse } from '../http';
import { parseUuid } from '../json';
import type { StoredNotification } from '../model';

function tokenFor(n: Pick<StoredNotification, 'id' | 'to'>, secret: string): string {
  return createHmac('sha256', secret).update(`${n.id}:${n.to ?? ''}`).digest('base64url');
}

/** The link Notify puts in `List-Unsubscribe` and in GET's `one_click_unsubscribe_url`. */
export function unsubscribeUrl(urlRoot: string, n: StoredNotification, secret: string): string {
  return `${urlRoot}unsubscribe/${n.id}/${tokenFor(n, secret)}`;
}

export async function postUnsubscribe(
  _req: SandboxRequest,
  ctx: SandboxContext,
  params: Record<string, string>,
): Promise<SandboxResponse> {
  const id = parseUuid(params.id);
  const n = id ? ctx.store.notifications.get(id) : undefined;
  const invalid = { 'unsubscribe request': 'This is not a valid unsubscribe link.' };
  if (!n || n.type !== 'email') {
    // A token that verifies for no notification is "not valid"; a known token for a purged one "expired".
    return appError(404, id ? { 'unsubscribe request': 'This unsubscribe link is invalid or expired.' } : invalid);
  }
  const expected = Buffer.from(tokenFor(n, ctx.unsubscribeSecret));
  const given = Buffer.from(params.token ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return appError(404, invalid);
  await ctx.store.addUnsubscribe({
    notificationId: n.id,
    serviceId: n.serviceId,
    emailAddress: n.to,
    at: ctx.clock.nowMicros(),
  });
  return json(200, { message: 'Unsubscribe successful', result: 'success' });
}
