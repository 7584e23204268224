/**
 * Reading Notify's answers at the edge: JSON bytes, and its two error envelopes.
 *
 * The successful answers' shapes are src-shared/notify/resources.ts, which the contract uses too;
 * an answer that fails them is reported by the client as a typed error instead of being handed on
 * half-shaped.
 */
import type { NotifyAppError, NotifyErrorEntry } from './errors';
import type { JsonValue } from '../ports';

/** Notify's error envelopes, once recognised. */
export type ErrorEnvelope = { kind: 'v2'; errors: NotifyErrorEntry[] } | { kind: 'app'; app: NotifyAppError };

function isRecord(v: unknown): v is Record<string, JsonValue> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Recognises Notify's v2 envelope (`{"status_code", "errors": [{error, message}]}`) or its app-level
 * one (`{"result": "error", "message"}`), reference §1. Anything else is not Notify's error.
 */
export function parseErrorEnvelope(value: unknown): ErrorEnvelope | null {
  if (!isRecord(value)) return null;
  const errors = value.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const entries: NotifyErrorEntry[] = [];
    for (const e of errors) {
      if (!isRecord(e) || typeof e.message !== 'string') return null;
      entries.push({ ...e, error: typeof e.error === 'string' ? e.error : '', message: e.message });
    }
    return { kind: 'v2', errors: entries };
  }
  if (typeof value.result === 'string' && value.message !== undefined && value.message !== null) {
    // The unsubscribe route nests its message in an object; show its text either way.
    const message = typeof value.message === 'string' ? value.message : flatten(value.message);
    return { kind: 'app', app: { result: value.result, message } };
  }
  return null;
}

function flatten(v: JsonValue): string {
  if (isRecord(v)) return Object.values(v).map(flatten).join(' ');
  if (Array.isArray(v)) return v.map(flatten).join(' ');
  return String(v);
}

/** Parses bytes as JSON, or returns undefined. */
export function parseJson(body: Uint8Array): unknown {
  if (body.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(body)) as unknown;
  } catch {
    return undefined;
  }
}
