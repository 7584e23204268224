/**
 * An in-memory ApiClient for renderer tests: handlers per method, a log of calls, and `emit` to
 * push core events. No transport, no module mocks.
 */
import type { ApiClient, AppEvent } from '../../../src-renderer/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-main/contract/methods';
import type { RpcError, UnknownOutcomeDetails } from '../../../src-main/contract/errors';
import type { Result } from '../../../src-main/contract/result';
import type { Notification, PublicProfile, Template } from '../../../src-main/contract/schemas';
import type { SendResponse } from '../../../src-shared/notify/resources';
import type { PrefsStorage } from '../../../src-renderer/state/types';

export type Handlers = {
  [M in MethodName]?: (input: MethodInput<M>) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;
};

export interface FakeApi extends ApiClient {
  calls: Array<{ method: MethodName; input: unknown }>;
  callsTo(method: MethodName): unknown[];
  emit(event: AppEvent): void;
  handlers: Handlers;
}

export function fakeApi(handlers: Handlers = {}): FakeApi {
  const listeners = new Set<(event: AppEvent) => void>();
  const api: FakeApi = {
    handlers,
    calls: [],
    callsTo: (method) => api.calls.filter((c) => c.method === method).map((c) => c.input),
    async call(method, input) {
      api.calls.push({ method, input });
      const handler = api.handlers[method] as ((i: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'internal', message: `No fake for ${method}` } };
      return (await handler(input)) as never;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => listeners.forEach((l) => l(event)),
  };
  return api;
}

/**
 * Preferences in a Map, standing in for the window's localStorage (which the store is given in
 * production); `values` is what was written, to check what a slice keeps there.
 */
export function fakePrefs(initial: Record<string, string> = {}): PrefsStorage & {
  values: Map<string, string>;
} {
  const values = new Map(Object.entries(initial));
  return { values, getItem: (k) => values.get(k) ?? null, setItem: (k, v) => void values.set(k, v) };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/**
 * A failure. Fakes may leave out details a store does not read, so the error is typed as the
 * contract's union without being checked against it (the renderer checks what it reads).
 */
export const rpcError = (code: string, message: string, details?: unknown): RpcError =>
  (details === undefined ? { code, message } : { code, message, details }) as RpcError;

/** A failed Result (see {@link rpcError}). */
export const fail = (code: string, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: rpcError(code, message, details),
});

/** The details of an unknown outcome as the core sends them, for a send with this reference. */
export function unknownOutcome(reference: string): UnknownOutcomeDetails {
  return {
    reference,
    reason: 'timeout',
    status: null,
    explanation: {
      title: 'Outcome unknown',
      whatHappened: 'The request may have reached Notify.',
      retry: 'no',
      charged: 'not-applicable',
      nextSteps: ['Look it up by its reference.'],
    },
    method: 'POST',
    path: '/v2/notifications/sms',
  };
}

/** A promise you resolve by hand, to test what happens while a call is in flight. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export function profile(overrides: Partial<PublicProfile> = {}): PublicProfile {
  return {
    id: 'p1',
    name: 'Sandbox',
    baseUrl: 'http://127.0.0.1:6011',
    keyType: 'test',
    keyTypeLabel: 'Test',
    colour: '#00703c',
    proxy: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    needsKey: false,
    keyProblem: null,
    key: {
      name: 'console',
      serviceId: '11111111-1111-1111-1111-111111111111',
      last4: 'abcd',
      masked: 'console-…-••••abcd',
      addedAt: null,
      lastUsedAt: null,
      revokedSeenAt: null,
    },
    isSandbox: true,
    builtIn: false,
    ...overrides,
  };
}

export const TEMPLATE_ID = '22222222-2222-2222-2222-222222222222';

export function template(overrides: Partial<Template> = {}): Template {
  return {
    id: TEMPLATE_ID,
    name: 'Appointment reminder',
    type: 'sms',
    version: 3,
    body: 'Hello ((name)), your appointment is on ((date)).((urgent??Please arrive early.))',
    subject: null,
    created_at: '2026-01-01T10:00:00.000000Z',
    updated_at: '2026-01-02T10:00:00.000000Z',
    created_by: 'someone@example.gov.uk',
    postage: null,
    letter_contact_block: null,
    ...overrides,
  };
}

/** A text message's send response, as Notify answers POST /v2/notifications/sms. */
export function smsResponse(id: string, body = ''): SendResponse {
  return {
    id,
    reference: null,
    uri: `https://api.notifications.service.gov.uk/v2/notifications/${id}`,
    template: {
      id: TEMPLATE_ID,
      version: 3,
      uri: `https://api.notifications.service.gov.uk/v2/template/${TEMPLATE_ID}`,
    },
    scheduled_for: null,
    content: { body, from_number: 'GOVUK' },
  };
}

export function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: '33333333-3333-3333-3333-333333333333',
    reference: 'ref-1',
    type: 'sms',
    status: 'sending',
    template: { id: TEMPLATE_ID, version: 3, uri: 'http://x/v2/template/x/version/3' },
    body: 'Hello Ada',
    subject: null,
    created_at: '2026-01-05T12:00:00.000000Z',
    sent_at: null,
    completed_at: null,
    email_address: null,
    phone_number: '07700900123',
    ...overrides,
  };
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise<void>((r) => setTimeout(r, 0));
