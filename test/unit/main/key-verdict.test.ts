import { describe, expect, it } from 'vitest';
import { keyVerdictOf } from '../../../src-main/core/notify/request-log';
import { NotifyApiError } from '../../../src-main/core/notify/errors';

const explanation = {
  title: 'x',
  whatHappened: 'x',
  retry: 'after-fixing' as const,
  charged: 'no' as const,
  nextSteps: [],
};

function apiError(status: number, error: string | null, message: string): NotifyApiError {
  return new NotifyApiError(
    {
      status,
      errors: error === null ? [] : [{ error, message }],
      app: error === null ? { result: 'error', message } : null,
      explanation,
      method: 'GET',
      path: '/v2/templates',
    },
    message,
  );
}

describe('keyVerdictOf: what an answer says about the key', () => {
  it('a success, or an error from after Notify’s auth check, means the key was accepted', () => {
    expect(keyVerdictOf({ ok: true })).toBe('accepted');
    expect(
      keyVerdictOf({ ok: false, error: apiError(400, 'BadRequestError', 'Missing personalisation') }),
    ).toBe('accepted');
    expect(keyVerdictOf({ ok: false, error: apiError(429, 'RateLimitError', 'Exceeded rate limit') })).toBe(
      'accepted',
    );
  });

  it('tells a revoked key from other auth errors', () => {
    // Notify's exact words for a key revoked in the last 7 days (docs/notify-api-reference.md).
    expect(
      keyVerdictOf({ ok: false, error: apiError(403, 'AuthError', 'Invalid token: API key revoked') }),
    ).toBe('revoked');
    expect(
      keyVerdictOf({ ok: false, error: apiError(403, 'AuthError', 'Invalid token: API key not found') }),
    ).toBe('rejected');
    expect(
      keyVerdictOf({
        ok: false,
        error: apiError(401, 'AuthError', 'Unauthorized: authentication token must be provided'),
      }),
    ).toBe('rejected');
  });

  it('says nothing for answers that do not show the key was checked', () => {
    expect(
      keyVerdictOf({ ok: false, error: apiError(500, 'InternalServerError', 'Internal server error') }),
    ).toBeNull();
    expect(
      keyVerdictOf({
        ok: false,
        error: apiError(404, null, 'The requested URL was not found on the server.'),
      }),
    ).toBeNull();
    expect(keyVerdictOf({ ok: false, error: new Error('boom') })).toBeNull();
  });
});
