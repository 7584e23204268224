/**
 * The answer to a request Node's HTTP parser refuses (`clientError`): Werkzeug's 400 in Notify's
 * app-level envelope, or gunicorn's page for a header block too large to parse. Written straight to
 * the socket, as no request object exists to answer through.
 */
import type { Duplex } from 'node:stream';
import { headerLimitResponse } from './gateway';
import { NOTIFY_HEADERS } from './http';
import { sortedJson } from './json';

/** Answers (or, when the client has gone, just closes) a connection whose request could not be parsed. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (err.code === 'ECONNRESET' && !socket.readable)) {
    socket.destroy();
    return;
  }
  // A HEAD request gets the headers only, or the client would read the body as a second response.
  const raw = (err as { rawPacket?: Buffer }).rawPacket;
  const head = raw?.subarray(0, 5).toString('latin1') === 'HEAD ';
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    socket.end(headerLimitResponse('size', head));
    return;
  }
  const body = sortedJson({
    message: 'The browser (or proxy) sent a request that this server could not understand.',
    result: 'error',
  });
  const headers = Object.entries({ ...NOTIFY_HEADERS, 'Content-Type': 'application/json' })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 400 Bad Request\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
  );
}
