import { describe, expect, it, vi } from 'vitest';
import { createApiClient, isResult, type Transport } from '../../../src-renderer/api/client';
import { findBridge, ipcTransport } from '../../../src-renderer/api/ipc-transport';
import type { BridgeEvent } from '../../../src-main/contract/channels';

function fakeTransport(answer: (method: string, input: unknown) => Promise<unknown>) {
  const listeners = new Set<(e: BridgeEvent) => void>();
  const transport: Transport = {
    call: (m, i) => answer(m, i) as never,
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { transport, push: (e: unknown) => listeners.forEach((l) => l(e as BridgeEvent)), listeners };
}

const observation = { status: 'delivered', observedAt: '2026-01-01T00:00:01.000Z', source: 'poll' as const };

describe('createApiClient', () => {
  it('passes method and input through and returns the Result', async () => {
    const answer = vi.fn(async () => ({ ok: true, value: { profiles: [], activeId: null } }));
    const api = createApiClient(fakeTransport(answer).transport);
    const result = await api.call('profiles.list', {});
    expect(answer).toHaveBeenCalledWith('profiles.list', {});
    expect(result).toEqual({ ok: true, value: { profiles: [], activeId: null } });
  });

  it('turns a thrown transport error into a failed Result', async () => {
    const api = createApiClient(
      fakeTransport(async () => Promise.reject(new Error('bridge gone'))).transport,
    );
    const result = await api.call('app.status', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('transport');
      expect(result.error.message).toContain('bridge gone');
    }
  });

  it('refuses an answer that is not a Result envelope', async () => {
    const api = createApiClient(fakeTransport(async () => ({ hello: 'world' })).transport);
    const result = await api.call('app.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'transport' } });
  });

  it('keeps failed Results with their details', async () => {
    const error = { code: 'notify', message: 'Bad', details: { status: 400 } };
    const api = createApiClient(fakeTransport(async () => ({ ok: false, error })).transport);
    expect(await api.call('app.status', {})).toEqual({ ok: false, error });
  });

  it('delivers valid events and drops unknown or malformed ones', () => {
    const t = fakeTransport(async () => ({ ok: true, value: null }));
    const api = createApiClient(t.transport);
    const seen: unknown[] = [];
    const stop = api.onEvent((e) => seen.push(e));
    t.push({ name: 'vault.changed', payload: { locked: true } });
    t.push({ name: 'vault.changed', payload: { locked: 'yes' } });
    t.push({ name: 'made.up', payload: {} });
    t.push(null);
    t.push({
      name: 'notification.updated',
      payload: { profileId: 'p1', id: 'n1', status: 'delivered', final: true, observation },
    });
    expect(seen).toEqual([
      { name: 'vault.changed', payload: { locked: true } },
      {
        name: 'notification.updated',
        payload: { profileId: 'p1', id: 'n1', status: 'delivered', final: true, observation },
      },
    ]);
    stop();
    expect(t.listeners.size).toBe(0);
  });
});

describe('isResult and the event check', () => {
  it('recognise envelopes', () => {
    expect(isResult({ ok: true, value: 1 })).toBe(true);
    expect(isResult({ ok: false, error: { code: 'x', message: 'y' } })).toBe(true);
    expect(isResult({ ok: false, error: { code: 'x' } })).toBe(false);
    expect(isResult({ ok: true })).toBe(false);
    expect(isResult('ok')).toBe(false);
  });

  it('does not treat inherited names as events', () => {
    const t = fakeTransport(async () => ({ ok: true, value: null }));
    const seen: unknown[] = [];
    createApiClient(t.transport).onEvent((e) => seen.push(e));
    t.push({ name: 'toString', payload: {} });
    t.push({ name: 'hasOwnProperty', payload: {} });
    t.push({ name: '__proto__', payload: {} });
    expect(seen).toEqual([]);
  });
});

describe('ipc transport', () => {
  it('finds the preload bridge only when it has both functions', () => {
    const bridge = { call: vi.fn(), onEvent: vi.fn() };
    expect(findBridge({ notifyConsole: bridge })).toBe(bridge);
    expect(findBridge({ notifyConsole: { call: vi.fn() } })).toBeUndefined();
    expect(findBridge({})).toBeUndefined();
  });

  it('forwards calls and events to the bridge', async () => {
    const unsubscribe = vi.fn();
    const bridge = {
      call: vi.fn(async () => ({ ok: true as const, value: 42 })),
      onEvent: vi.fn(() => unsubscribe),
    };
    const transport = ipcTransport(bridge);
    expect(await transport.call('app.status', {})).toEqual({ ok: true, value: 42 });
    expect(bridge.call).toHaveBeenCalledWith('app.status', {});
    const listener = vi.fn();
    transport.onEvent(listener)();
    expect(bridge.onEvent).toHaveBeenCalledWith(listener);
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('fails clearly without a bridge', () => {
    expect(() => ipcTransport(undefined)).toThrow(/bridge/);
  });
});
