/**
 * POST /unsubscribe/{notification_id}/{token}: Notify's one-click unsubscribe (no auth).
 *
 * As in API `app/one_click_unsubscribe/rest.py`, the token is checked on its own first (Notify signs the
 * recipient's address with itsdangerous, so a token carries the address and verifies without looking
 * anything up); only then is the notification looked up. The path's id must be a canonical UUID (the
 * route's `uuid` converter): anything else does not match the route at all.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxContext } from '../context';
import { appError, json, type SandboxRequest, type SandboxResponse } from '../http';
import { parseUuid } from '../json';
import type { StoredNotification } from '../model';

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
}

/** `<base64url address>.<signature>`: self-contained, like Notify's itsdangerous token. */
function tokenFor(emailAddress: string, secret: string): string {
  const payload = Buffer.from(emailAddress, 'utf8').toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The address a token was made for, or null when it was not made by this sandbox. */
function checkToken(token: string, secret: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(payload, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(payload, 'base64url').toString('utf8');
}

/** The link Notify puts in `List-Unsubscribe` and in GET's `one_click_unsubscribe_url`. */
export function unsubscribeUrl(urlRoot: string, n: StoredNotification, secret: string): string {
  return `${urlRoot}unsubscribe/${n.id}/${tokenFor(n.to ?? '', secret)}`;
}

export async function postUnsubscribe(
  _req: SandboxRequest,
  ctx: SandboxContext,
  params: Record<string, string>,
): Promise<SandboxResponse> {
  const emailAddress = checkToken(params.token ?? '', ctx.unsubscribeSecret);
  if (emailAddress === null)
    return appError(404, { 'unsubscribe request': 'This is not a valid unsubscribe link.' });
  const n = ctx.store.notifications.get(parseUuid(params.id) ?? '');
  if (!n || n.type !== 'email') {
    return appError(404, { 'unsubscribe request': 'This unsubscribe link is invalid or expired.' });
  }
  await ctx.store.addUnsubscribe({
    notificationId: n.id,
    serviceId: n.serviceId,
    emailAddress,
    at: ctx.clock.nowMicros(),
  });
  return json(200, { message: 'Unsubscribe successful', result: 'success' });
}
