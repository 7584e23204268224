import { describe, expect, it, vi } from 'vitest';
import {
  httpTransport,
  type EventSourceLike,
  type FetchLike,
} from '../../../src-renderer/api/http-transport';

type FetchCall = { url: string; init: Parameters<FetchLike>[1] };

function fetchReturning(responses: Array<{ status: number; body: unknown } | Error>) {
  const calls: FetchCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return {
      ok: next.status < 400,
      status: next.status,
      json: async () => {
        if (typeof next.body === 'string') throw new SyntaxError('not JSON');
        return next.body;
      },
    };
  };
  return { fetch, calls };
}

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));
const ticket = (t: string) => ({ status: 200, body: { ok: true, value: { ticket: t, expiresInMs: 30000 } } });

describe('httpTransport calls', () => {
  it('POSTs {method, input} to /rpc with the bearer token and JSON', async () => {
    const { fetch, calls } = fetchReturning([{ status: 200, body: { ok: true, value: { locked: false } } }]);
    const transport = httpTransport({ token: 'tok-123', fetch });
    const result = await transport.call('vault.lock', {});
    expect(result).toEqual({ ok: true, value: { locked: false } });
    expect(calls[0]?.url).toBe('/rpc');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toEqual({
      'Content-Type': 'application/json',
      Authorization: 'Bearer tok-123',
    });
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual({ method: 'vault.lock', input: {} });
  });

  it('returns the host’s own error envelope for a refused request', async () => {
    const body = {
      ok: false,
      error: { code: 'unauthorized', message: 'Open the console from the link it printed.' },
    };
    const { fetch } = fetchReturning([{ status: 401, body }]);
    expect(await httpTransport({ token: 't', fetch }).call('app.status', {})).toEqual(body);
  });

  it('reports an unreadable answer with its HTTP status', async () => {
    const { fetch } = fetchReturning([{ status: 502, body: '<html>bad gateway</html>' }]);
    const result = await httpTransport({ token: 't', fetch }).call('app.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'transport', details: { status: 502 } } });
  });

  it('reports a host that cannot be reached', async () => {
    const { fetch } = fetchReturning([new TypeError('Failed to fetch')]);
    const result = await httpTransport({ token: 't', fetch }).call('app.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'transport' } });
  });

  it('uses a base URL without doubling the slash', async () => {
    const { fetch, calls } = fetchReturning([{ status: 200, body: { ok: true, value: 1 } }]);
    await httpTransport({ token: 't', fetch, baseUrl: 'http://127.0.0.1:9/' }).call('app.status', {});
    expect(calls[0]?.url).toBe('http://127.0.0.1:9/rpc');
  });
});

describe('httpTransport events', () => {
  it('opens the stream with a one-time ticket and delivers each data line', async () => {
    const { fetch, calls } = fetchReturning([ticket('abc/+=')]);
    const sources: FakeEventSource[] = [];
    const transport = httpTransport({
      token: 't',
      fetch,
      createEventSource: (url) => (sources.push(new FakeEventSource(url)), sources.at(-1)!),
    });
    const listener = vi.fn();
    transport.onEvent(listener);
    await flush();
    expect(calls[0]?.url).toBe('/events-ticket');
    expect(calls[0]?.init.headers['Authorization']).toBe('Bearer t');
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe('/events?ticket=abc%2F%2B%3D');
    sources[0]?.onmessage?.({ data: JSON.stringify({ name: 'vault.changed', payload: { locked: true } }) });
    sources[0]?.onmessage?.({ data: 'not json' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ name: 'vault.changed', payload: { locked: true } });
  });

  it('shares one stream between listeners and closes it after the last leaves', async () => {
    const { fetch } = fetchReturning([ticket('one')]);
    const sources: FakeEventSource[] = [];
    const transport = httpTransport({
      token: 't',
      fetch,
      createEventSource: (url) => (sources.push(new FakeEventSource(url)), sources.at(-1)!),
    });
    const stopA = transport.onEvent(vi.fn());
    const stopB = transport.onEvent(vi.fn());
    await flush();
    expect(sources).toHaveLength(1);
    stopA();
    expect(sources[0]?.closed).toBe(false);
    stopB();
    expect(sources[0]?.closed).toBe(true);
  });

  it('reconnects with a fresh ticket when the stream closes, backing off', async () => {
    const { fetch, calls } = fetchReturning([ticket('first'), ticket('second')]);
    const sources: FakeEventSource[] = [];
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const changes: boolean[] = [];
    const transport = httpTransport({
      token: 't',
      fetch,
      createEventSource: (url) => (sources.push(new FakeEventSource(url)), sources.at(-1)!),
      setTimeout: (fn, ms) => timers.push({ fn, ms }),
      onConnectionChange: (c) => changes.push(c),
    });
    transport.onEvent(vi.fn());
    await flush();
    sources[0]!.onopen?.({});
    // The browser retrying by itself (CONNECTING) needs nothing from us.
    sources[0]!.readyState = 0;
    sources[0]!.onerror?.({});
    expect(timers).toHaveLength(0);
    sources[0]!.readyState = 2;
    sources[0]!.onerror?.({});
    expect(timers).toEqual([{ fn: expect.any(Function), ms: 1000 }]);
    timers[0]!.fn();
    await flush();
    expect(calls.map((c) => c.url)).toEqual(['/events-ticket', '/events-ticket']);
    expect(sources[1]?.url).toBe('/events?ticket=second');
    expect(changes).toEqual([true, false]);
  });

  it('retries getting a ticket when the host refuses one', async () => {
    const { fetch } = fetchReturning([
      { status: 401, body: { ok: false, error: { code: 'unauthorized', message: 'no' } } },
    ]);
    const timers: number[] = [];
    const transport = httpTransport({
      token: 't',
      fetch,
      createEventSource: () => new FakeEventSource('x'),
      setTimeout: (_fn, ms) => timers.push(ms),
    });
    transport.onEvent(vi.fn());
    await flush();
    expect(timers).toEqual([1000]);
  });

  it('backs off 1 s, 2 s, 4 s… up to 30 s, and starts again at 1 s once a stream opens', async () => {
    const refused = { status: 401, body: { ok: false, error: { code: 'unauthorized', message: 'no' } } };
    const { fetch } = fetchReturning([...Array.from({ length: 11 }, () => refused), ticket('at-last')]);
    const sources: FakeEventSource[] = [];
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const transport = httpTransport({
      token: 't',
      fetch,
      createEventSource: (url) => (sources.push(new FakeEventSource(url)), sources.at(-1)!),
      setTimeout: (fn, ms) => timers.push({ fn, ms }),
    });
    transport.onEvent(vi.fn());
    await flush();
    // Eleven refused tickets, each retried when its timer fires; the twelfth attempt gets one.
    for (let i = 0; i < 11; i++) {
      timers[i]!.fn();
      await flush();
    }
    expect(timers.map((t) => t.ms)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000, 30000, 30000,
    ]);
    expect(sources.map((s) => s.url)).toEqual(['/events?ticket=at-last']);
    sources[0]!.onopen?.({});
    sources[0]!.readyState = 2;
    sources[0]!.onerror?.({});
    expect(timers.at(-1)?.ms).toBe(1000);
  });
});
