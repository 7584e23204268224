/**
 * One rule for where an API key may be sent (src-shared/notify/key-destination.ts), checked on every
 * path that signs a request with a key: the Notify client itself, "Test connection" with typed-in
 * settings, and profiles (create, update, import: see profile-service.test.ts, which runs the same
 * function). A refused destination must be refused before anything goes on the wire.
 */
import { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import { NotifyClient } from '../../../src-main/core/notify/client';
import { testConnection } from '../../../src-main/core/notify/connection-test';
import { checkKeyDestination, normaliseProxy } from '../../../src-shared/notify/key-destination';

const KEY = 'my_key-11111111-1111-4111-8111-111111111111-22222222-2222-4222-8222-222222222222';

/** A dispatcher that records every request it is asked to make and makes none. */
class RecordingDispatcher extends Dispatcher {
  readonly requests: string[] = [];
  override dispatch(options: Dispatcher.DispatchOptions): boolean {
    this.requests.push(`${String(options.origin)}${options.path}`);
    throw new Error('this test sends nothing');
  }
  override async close(): Promise<void> {}
  override async destroy(): Promise<void> {}
}

const REFUSED = [
  ['plain http to another host', 'http://notify.example', null, /Use https:\/\//],
  ['plain http to a private address', 'http://192.168.1.10:6011', null, /Use https:\/\//],
  ['credentials in the base URL', 'https://user:pw@api.notifications.service.gov.uk', null, /user name/],
  ['a scheme that is not http(s)', 'ftp://api.notifications.service.gov.uk', null, /https:\/\//],
  [
    'a socks proxy',
    'https://api.notifications.service.gov.uk',
    'socks5://127.0.0.1:1080',
    /http:\/\/ or https/,
  ],
  [
    'a proxy with a path',
    'https://api.notifications.service.gov.uk',
    'http://proxy.example:3128/x',
    /host and port/,
  ],
] as const;

describe('the key destination rule', () => {
  it.each(REFUSED)('refuses %s, naming the field', (_label, baseUrl, proxy, message) => {
    const r = checkKeyDestination(baseUrl, proxy);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  });

  it('accepts https anywhere and plain http only on this computer', () => {
    for (const url of [
      'https://api.notifications.service.gov.uk',
      'http://127.0.0.1:6011',
      'http://localhost:6011',
      'http://[::1]:6011',
    ])
      expect(checkKeyDestination(url, null)).toMatchObject({ ok: true });
  });

  it('keeps proxy credentials out of stored settings, but lets a caller holding them in memory use them', () => {
    expect(normaliseProxy('http://u:p@proxy.example:3128')).toMatchObject({
      ok: false,
      message: /HTTPS_PROXY/,
    });
    expect(normaliseProxy('http://u:p@proxy.example:3128', { credentials: 'allow' })).toEqual({
      ok: true,
      value: 'http://proxy.example:3128',
    });
  });
});

describe('every path that sends a key applies it', () => {
  it.each(REFUSED)(
    'the Notify client refuses %s before any request',
    async (_label, baseUrl, proxy, message) => {
      const dispatcher = new RecordingDispatcher();
      expect(() => new NotifyClient({ baseUrl, apiKey: KEY, proxy, fetchAgent: dispatcher })).toThrow(
        message,
      );
      expect(dispatcher.requests).toEqual([]);
    },
  );

  it.each(REFUSED)(
    '"Test connection" refuses %s and sends no JWT',
    async (_label, baseUrl, proxy, message) => {
      const dispatcher = new RecordingDispatcher();
      const r = await testConnection({ baseUrl, apiKey: KEY, proxy, fetchAgent: dispatcher });
      expect(r.verdict).toBe('not-notify');
      expect(r.message).toMatch(message);
      expect(dispatcher.requests).toEqual([]);
    },
  );

  it('the client still sends to an allowed destination (the recorder sees the request)', async () => {
    const dispatcher = new RecordingDispatcher();
    const client = new NotifyClient({
      baseUrl: 'http://127.0.0.1:9',
      apiKey: KEY,
      fetchAgent: dispatcher,
      retry: { attempts: 1 },
    });
    await expect(client.getTemplates()).rejects.toThrow();
    expect(dispatcher.requests).toEqual(['http://127.0.0.1:9/v2/templates']);
  });
});
