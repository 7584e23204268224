/**
 * The rules of the settings form's callbacks (callback-settings.tsx): which four there are, what
 * the form starts with, and what a save sends for each change, or why it cannot.
 *
 * The token is a secret: the console never answers it back, so its field starts empty, and leaving
 * it empty keeps the token the sandbox has. A new URL needs its token; an emptied URL removes the
 * callback. Anything else that would be dropped on the way (a token with no URL, a token the sandbox
 * would refuse, an address that is not one) is said next to its field before anything is sent, so a
 * save never looks done while a callback was left out.
 */
import type { MethodInput } from '../../../src-main/contract/methods';
import type { PanelServiceSettings } from '../../../src-main/contract/sandbox';

export const CALLBACKS = [
  {
    input: 'deliveryStatusCallback',
    url: 'deliveryStatusCallbackUrl',
    name: 'Delivery-status callback',
    gets: 'Each status change of a text, an email or a letter (not a letter’s return).',
  },
  {
    input: 'receivedTextCallback',
    url: 'receivedTextCallbackUrl',
    name: 'Received-text callback',
    gets: 'Each text sent to the service’s inbound number.',
  },
  {
    input: 'returnedLetterCallback',
    url: 'returnedLetterCallbackUrl',
    name: 'Returned-letter callback',
    gets: 'A letter the post office sends back (force a letter to returned-letter in the Inbox).',
  },
  {
    input: 'complaintCallback',
    url: 'complaintCallbackUrl',
    name: 'Complaint callback',
    gets: 'An email its recipient reported as spam (“Report as spam” on an email in the Inbox).',
  },
] as const;

export type CallbackInput = (typeof CALLBACKS)[number]['input'];
export interface CallbackDraft {
  url: string;
  token: string;
}
export type CallbackDrafts = Record<CallbackInput, CallbackDraft>;
export type CallbackErrors = Partial<Record<CallbackInput, { url?: string; token?: string }>>;
type CallbackChanges = Pick<MethodInput<'sandbox.updateService'>, CallbackInput>;

/** The contract's bounds (contract/sandbox.ts), the sandbox's own minimum for a token. */
export const MAX_URL = 2048;
export const MIN_TOKEN = 10;
export const MAX_TOKEN = 1024;

/** The form's starting values: each callback's URL as set, and no token (it is never answered). */
export function callbackDrafts(settings: PanelServiceSettings): CallbackDrafts {
  return Object.fromEntries(
    CALLBACKS.map((c) => [c.input, { url: settings[c.url] ?? '', token: '' }]),
  ) as CallbackDrafts;
}

/** The same URLs with the token fields emptied, once the sandbox has the tokens. */
export function withoutTokens(drafts: CallbackDrafts): CallbackDrafts {
  return Object.fromEntries(
    Object.entries(drafts).map(([input, d]) => [input, { ...d, token: '' }]),
  ) as CallbackDrafts;
}

function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** What to send for the callbacks the user changed, or why a change cannot be sent as it stands. */
export function callbackChanges(
  settings: PanelServiceSettings,
  drafts: CallbackDrafts,
): { changes: CallbackChanges; errors: CallbackErrors } {
  const changes: CallbackChanges = {};
  const errors: CallbackErrors = {};
  for (const c of CALLBACKS) {
    const url = drafts[c.input].url.trim();
    const token = drafts[c.input].token;
    const current = settings[c.url];
    if (url === '') {
      if (token) errors[c.input] = { url: `Enter the URL this token is for, or empty the token.` };
      else if (current !== null) changes[c.input] = null;
      continue;
    }
    if (!isWebAddress(url))
      errors[c.input] = { url: 'Enter the whole address, starting with https:// or http://.' };
    else if (token && token.length < MIN_TOKEN)
      errors[c.input] = { token: `A bearer token has at least ${MIN_TOKEN} characters.` };
    else if (token) changes[c.input] = { url, bearerToken: token };
    else if (url !== current) errors[c.input] = { token: 'A new URL needs its bearer token.' };
  }
  return { changes, errors };
}
