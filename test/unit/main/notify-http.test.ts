import { describe, expect, it } from 'vitest';
import { classify } from '../../../src-main/core/notify/http';

const target = new URL('https://api.notifications.service.gov.uk/v2/templates');
const err = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${code} happened`), { code, ...extra });

describe('classify', () => {
  it('knows which failures certainly happened before the request left', () => {
    expect(classify(err('ENOTFOUND', { hostname: target.hostname }), target, false)).toMatchObject({
      kind: 'dns',
      sent: false,
    });
    expect(classify(err('ECONNREFUSED', { port: 443 }), target, false)).toMatchObject({
      kind: 'refused',
      sent: false,
    });
    expect(classify(err('UND_ERR_CONNECT_TIMEOUT'), target, false)).toMatchObject({
      kind: 'timeout',
      sent: false,
    });
    expect(classify(err('ERR_SSL_WRONG_VERSION_NUMBER'), target, false)).toMatchObject({
      kind: 'tls',
      sent: false,
    });
    expect(classify(err('DEPTH_ZERO_SELF_SIGNED_CERT'), target, false)).toMatchObject({
      kind: 'tls',
      sent: false,
    });
    expect(
      classify(
        err('ECONNRESET', {
          message: 'Client network socket disconnected before secure TLS connection was established',
        }),
        target,
        false,
      ),
    ).toMatchObject({
      kind: 'tls',
      sent: false,
    });
  });

  it('treats a failure after the request was written as possibly sent', () => {
    expect(classify(err('UND_ERR_HEADERS_TIMEOUT'), target, false)).toMatchObject({
      kind: 'timeout',
      sent: true,
    });
    expect(classify(err('UND_ERR_BODY_TIMEOUT'), target, false)).toMatchObject({
      kind: 'timeout',
      sent: true,
    });
    expect(classify(err('UND_ERR_SOCKET', { message: 'other side closed' }), target, false)).toMatchObject({
      kind: 'reset',
      sent: true,
    });
    expect(classify(err('ECONNRESET'), target, false)).toMatchObject({ kind: 'reset', sent: true });
    expect(
      classify(Object.assign(new Error('aborted'), { name: 'TimeoutError' }), target, false),
    ).toMatchObject({ kind: 'timeout', sent: true });
    expect(classify(new Error('something new'), target, false)).toMatchObject({ kind: 'other', sent: true });
    expect(classify('not even an error', target, false)).toMatchObject({ kind: 'other', sent: true });
  });

  it('blames the proxy for its own refusals and for failures reaching it', () => {
    const refusal = Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), {
      code: 'UND_ERR_ABORTED',
    });
    expect(classify(refusal, target, true)).toMatchObject({ kind: 'proxy', sent: false });
    expect(classify(err('ECONNREFUSED', { port: 3128 }), target, true)).toMatchObject({
      kind: 'proxy',
      sent: false,
    });
    // From HTTPS_PROXY: the refused port is not the target's, so it is the proxy's.
    expect(classify(err('ECONNREFUSED', { port: 3128 }), target, false)).toMatchObject({ kind: 'proxy' });
    expect(classify(err('ENOTFOUND', { hostname: 'proxy.corp' }), target, false)).toMatchObject({
      kind: 'proxy',
    });
  });

  it('looks through cause chains and AggregateErrors', () => {
    const agg = new AggregateError(
      [err('ECONNREFUSED', { port: 443 }), err('ECONNREFUSED', { port: 443 })],
      'connect failed',
    );
    expect(classify(agg, target, false)).toMatchObject({ kind: 'refused' });
    expect(
      classify(
        new Error('fetch failed', { cause: err('ENOTFOUND', { hostname: target.hostname }) }),
        target,
        false,
      ),
    ).toMatchObject({
      kind: 'dns',
    });
  });
});
