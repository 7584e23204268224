/**
 * Reading requests and writing answers for the browser-mode host, within bounds: JSON answers with
 * the security headers' companions, refusals that drain what is left of a body without buffering
 * it, bodies read up to a limit, and the one call shape the endpoint accepts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRANSPORT_LIMITS } from '../contract/methods';
import type { Result } from '../contract/result';

/** The refusals the host itself answers with (the contract's error codes). */
type ErrorCode =
  | 'misdirected'
  | 'forbidden'
  | 'unauthorized'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'bad-request'
  | 'not-found'
  | 'busy'
  | 'internal';

/**
 * After refusing a request early, the rest of its body is read and discarded up to this many bytes so
 * the client can read our answer; past it, or after {@link LINGER_MS}, the connection is cut.
 */
const DRAIN_LIMIT_BYTES = TRANSPORT_LIMITS.maxBodyBytes + 1024 * 1024;
const LINGER_MS = 2_000;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function errorBody(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Discards whatever is left of a refused request's body, within bounds.
 *
 * Closing a socket that still has unread bytes makes the kernel send a reset, which can destroy our
 * answer before the client reads it. So the rest is read and dropped (never buffered) up to
 * {@link DRAIN_LIMIT_BYTES} or {@link LINGER_MS}; a client that keeps sending past that is cut off.
 */
export function drainBounded(req: IncomingMessage): void {
  if (req.complete) return;
  req.removeAllListeners('data');
  let discarded = 0;
  const cut = (): void => {
    req.socket.destroy();
  };
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DRAIN_LIMIT_BYTES) cut();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

export function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, errorBody(code, message), headers);
  drainBounded(req);
}

/** Reads a body of at most `limit` bytes; resolves null as soon as it is larger, without keeping the excess. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (): void => {
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        finish();
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      if (settled) return;
      finish();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error): void => {
      if (settled) return;
      finish();
      reject(err);
    };
    const onClose = (): void => {
      if (settled) return;
      finish();
      reject(new Error('the client went away before sending the whole body'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses `{ method, input }`, refusing anything else so the endpoint only ever sees that shape. */
export function parseCall(body: Buffer): { method: string; input: unknown } | string {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(body));
  } catch {
    return 'The body is not valid UTF-8 JSON.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'The body must be a JSON object {"method": "…", "input": {…}}.';
  }
  const record = value as Record<string, unknown>;
  if (!Object.keys(record).every((k) => k === 'method' || k === 'input')) {
    return 'The body may only have "method" and "input".';
  }
  const { method, input } = record;
  if (typeof method !== 'string' || method.length === 0 || method.length > TRANSPORT_LIMITS.maxMethodLength) {
    return `"method" must be a method name of at most ${TRANSPORT_LIMITS.maxMethodLength} characters.`;
  }
  return { method, input };
}
