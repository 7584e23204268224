/**
 * The sandbox's HTTP plumbing at the socket: reading a request body with a cap, and writing an answer
 * with Notify's fixed headers (or the control API's own) in one write.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_HEADERS, NOTIFY_HEADERS, type SandboxResponse } from './http';

interface BodyState {
  chunks: Buffer[];
  size: number;
  max: number;
  resolve: (r: { chunks: Buffer[]; tooBig: boolean }) => void;
}

const BODY = Symbol('sandbox body');
type ReadingRequest = IncomingMessage & { [BODY]?: BodyState };

function onBodyData(this: ReadingRequest, chunk: Buffer): void {
  const st = this[BODY]!;
  st.size += chunk.length;
  if (st.size > st.max) {
    this.off('data', onBodyData);
    this.resume();
    st.resolve({ chunks: st.chunks, tooBig: true });
    return;
  }
  st.chunks.push(chunk);
}

function onBodyEnd(this: ReadingRequest): void {
  const st = this[BODY]!;
  st.resolve({ chunks: st.chunks, tooBig: false });
}

/**
 * Reads a request body with a cap. The listeners are shared functions (state rides on the request),
 * so a request allocates no closures here; an async iterator would be slower still.
 */
export function readBody(
  req: IncomingMessage,
  maxBody: number,
): Promise<{ chunks: Buffer[]; tooBig: boolean }> {
  return new Promise((resolve, reject) => {
    const r = req as ReadingRequest;
    r[BODY] = { chunks: [], size: 0, max: maxBody, resolve };
    r.on('data', onBodyData);
    r.once('end', onBodyEnd);
    r.once('error', reject);
  });
}

/** The Date header, formatted once a second rather than per response. */
let dateSecond = -1;
let dateSkew = 0;
let dateText = '';
function httpDate(skewMs: number): string {
  const now = Date.now() + skewMs;
  const second = Math.floor(now / 1000);
  if (second !== dateSecond || skewMs !== dateSkew) {
    dateSecond = second;
    dateSkew = skewMs;
    dateText = new Date(now).toUTCString();
  }
  return dateText;
}

/** Notify's fixed headers as the flat list `writeHead` takes, built once. */
export const BASE_HEADERS: readonly string[] = Object.entries(NOTIFY_HEADERS).flat();
/** The control API's own headers (no CORS), as a flat list. */
export const CONTROL_BASE: readonly string[] = Object.entries(CONTROL_HEADERS).flat();

export function send(
  res: ServerResponse,
  r: SandboxResponse,
  head: boolean,
  close = false,
  skewMs = 0,
  base: readonly string[] = BASE_HEADERS,
): void {
  // A string body goes out with the headers in one socket write; Node appends it to the head block.
  const length = typeof r.body === 'string' ? Buffer.byteLength(r.body, 'utf8') : r.body.length;
  let headers = base.slice();
  if (r.headers) {
    for (const k in r.headers) {
      if (base === BASE_HEADERS && Object.hasOwn(NOTIFY_HEADERS, k)) {
        // A route's own value for one of Notify's headers replaces it in place.
        headers = Object.entries({ ...NOTIFY_HEADERS, ...r.headers }).flat();
        break;
      }
      headers.push(k, r.headers[k]!);
    }
  }
  headers.push('Content-Length', String(length), 'Date', httpDate(skewMs));
  if (close) headers.push('Connection', 'close');
  res.sendDate = false;
  res.writeHead(r.status, headers);
  res.end(head ? undefined : r.body);
}
