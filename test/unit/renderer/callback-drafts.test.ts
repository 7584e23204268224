/**
 * The settings form's four callbacks (delivery status, received texts, returned letters, complaints):
 * what a save sends for each change the user made, what it refuses to send and says next to the
 * field instead (so no callback is silently left out of a save that looks done), and that a token is
 * never put back in a field: the form starts with the URLs only, and empties the tokens once saved.
 * (The fields themselves, labelled and hidden, are checked in the browser: test/e2e/sandbox-panel.)
 */
import { describe, expect, it } from 'vitest';
import type { PanelServiceSettings } from '../../../src-main/contract/sandbox';
import {
  callbackChanges,
  callbackDrafts,
  withoutTokens,
  type CallbackDrafts,
} from '../../../src-renderer/features/sandbox/callback-drafts';

const SETTINGS: PanelServiceSettings = {
  id: '64463fc4-02e5-43e7-b441-aac003ef740a',
  name: 'Demo service',
  active: true,
  restricted: false,
  rateLimit: 3000,
  limits: { email: 1, sms: 1, letter: 1, international_sms: 1 },
  permissions: ['email'],
  deliveryStatusCallbackUrl: 'https://example.gov.uk/status',
  receivedTextCallbackUrl: null,
  returnedLetterCallbackUrl: null,
  complaintCallbackUrl: 'http://localhost:3000/complaints',
};
const TOKEN = 'a-bearer-token-1f3e';

const edit = (patch: Partial<CallbackDrafts>): CallbackDrafts => ({ ...callbackDrafts(SETTINGS), ...patch });

describe('the callback settings', () => {
  it('start from the URLs as set, with every token field empty', () => {
    expect(callbackDrafts(SETTINGS)).toEqual({
      deliveryStatusCallback: { url: 'https://example.gov.uk/status', token: '' },
      receivedTextCallback: { url: '', token: '' },
      returnedLetterCallback: { url: '', token: '' },
      complaintCallback: { url: 'http://localhost:3000/complaints', token: '' },
    });
  });

  it('send nothing for callbacks left as they were', () => {
    expect(callbackChanges(SETTINGS, callbackDrafts(SETTINGS))).toEqual({ changes: {}, errors: {} });
  });

  it('set a new callback with its token, replace a token, and remove an emptied one', () => {
    const result = callbackChanges(
      SETTINGS,
      edit({
        returnedLetterCallback: { url: ' https://example.gov.uk/returned ', token: TOKEN },
        complaintCallback: { url: 'http://localhost:3000/complaints', token: TOKEN },
        deliveryStatusCallback: { url: '  ', token: '' },
      }),
    );
    expect(result).toEqual({
      changes: {
        deliveryStatusCallback: null,
        returnedLetterCallback: { url: 'https://example.gov.uk/returned', bearerToken: TOKEN },
        complaintCallback: { url: 'http://localhost:3000/complaints', bearerToken: TOKEN },
      },
      errors: {},
    });
  });

  it('refuse, next to the field, a new URL without its token, a short token, a token with no URL and a non-address', () => {
    const { changes, errors } = callbackChanges(
      SETTINGS,
      edit({
        complaintCallback: { url: 'https://example.gov.uk/new-complaints', token: '' },
        returnedLetterCallback: { url: 'https://example.gov.uk/returned', token: 'short' },
        receivedTextCallback: { url: '', token: TOKEN },
        deliveryStatusCallback: { url: 'example.gov.uk/status', token: TOKEN },
      }),
    );
    expect(changes).toEqual({});
    expect(errors).toEqual({
      complaintCallback: { token: 'A new URL needs its bearer token.' },
      returnedLetterCallback: { token: 'A bearer token has at least 10 characters.' },
      receivedTextCallback: { url: 'Enter the URL this token is for, or empty the token.' },
      deliveryStatusCallback: { url: 'Enter the whole address, starting with https:// or http://.' },
    });
    expect(JSON.stringify(errors)).not.toContain(TOKEN);
  });

  it('empty the tokens once saved, keeping the URLs', () => {
    const saved = withoutTokens(
      edit({ complaintCallback: { url: 'https://example.gov.uk/c', token: TOKEN } }),
    );
    expect(saved.complaintCallback).toEqual({ url: 'https://example.gov.uk/c', token: '' });
    expect(JSON.stringify(saved)).not.toContain(TOKEN);
  });
});
