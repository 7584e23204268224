/**
 * What Notify's web server refuses before the app sees a request: oversized headers.
 *
 * Notify's API runs under gunicorn with its default limits (API `gunicorn_config.py`, UTILS
 * `gunicorn/defaults.py` set none of their own): `limit_request_field_size` 8190 bytes for one header
 * line and `limit_request_fields` 100 headers. gunicorn answers such a request itself, `400 Bad
 * Request` with a small HTML page and `Connection: close`, none of Notify's headers (workers/base.py
 * `handle_error`, util.py `write_error`). The sandbox gives the same answer, which also keeps a hostile
 * client from handing it megabytes of Authorization header to hold and hash.
 */

/** gunicorn's `limit_request_field_size`: the longest header line, counted with its CRLF. */
const MAX_HEADER_LINE_BYTES = 8190;
/** gunicorn's `limit_request_fields`. */
const MAX_HEADER_FIELDS = 100;
/**
 * Node's limit on the whole header block. Any block over it breaks one of gunicorn's two limits
 * (100 lines of 8190 bytes are less), so the answer is the same.
 */
export const MAX_HEADER_BLOCK_BYTES = 1024 * 1024;

/** gunicorn's words for each limit, as `LimitRequestHeaders` carries them. */
const HEADER_LIMIT_MESSAGES = {
  size: 'limit request headers fields size',
  count: 'limit request headers fields',
} as const;

/** Which of gunicorn's header limits a request breaks, if any. `rawHeaders` is Node's flat list. */
export function headerLimitProblem(rawHeaders: readonly string[]): keyof typeof HEADER_LIMIT_MESSAGES | null {
  if (rawHeaders.length / 2 > MAX_HEADER_FIELDS) return 'count';
  for (let i = 0; i < rawHeaders.length; i += 2) {
    // `Name: value\r\n`; header bytes are latin-1 on the wire, one byte a character.
    if (rawHeaders[i]!.length + rawHeaders[i + 1]!.length + 4 > MAX_HEADER_LINE_BYTES) return 'size';
  }
  return null;
}

/** gunicorn's HTML error page for a header limit, as `util.write_error` formats it. */
export function headerLimitPage(problem: keyof typeof HEADER_LIMIT_MESSAGES): string {
  const mesg = `Error parsing headers: &#x27;${HEADER_LIMIT_MESSAGES[problem]}&#x27;`;
  return `<html>\n  <head>\n    <title>Bad Request</title>\n  </head>\n  <body>\n    <h1><p>Bad Request</p></h1>\n    ${mesg}\n  </body>\n</html>\n`;
}

/** The whole raw answer, status line to body, for a socket Node could not hand to a request handler. */
export function headerLimitResponse(problem: keyof typeof HEADER_LIMIT_MESSAGES, head: boolean): string {
  const page = headerLimitPage(problem);
  return `HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: ${page.length}\r\n\r\n${head ? '' : page}`;
}
