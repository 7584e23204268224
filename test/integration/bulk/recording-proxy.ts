/**
 * A recording proxy in front of the sandbox: every POST and reference lookup that reaches the
 * sandbox, with its reference, when it started and ended, and how it ended (a status, or the
 * connection dropped). A dropped upstream connection is dropped downstream too, so the client sees
 * exactly what the sandbox did. This is how the fault suite counts POSTs per reference.
 */
import { createServer, request as httpRequest } from 'node:http';
import { listenLocal, type LocalServer } from '../../support/local-server';

export interface RecordedCall {
  method: 'POST' | 'GET';
  reference: string;
  startedAt: number;
  endedAt: number;
  /** HTTP status the sandbox answered, or null when the connection dropped. */
  status: number | null;
  /** For lookups: how many notifications the answer listed. */
  found: number | null;
}

export async function startRecordingProxy(target: string): Promise<LocalServer & { calls: RecordedCall[] }> {
  const calls: RecordedCall[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', target);
      let call: RecordedCall | null = null;
      const startedAt = performance.now();
      if (req.method === 'POST' && url.pathname.startsWith('/v2/notifications/')) {
        const reference = (JSON.parse(body.toString('utf8')) as { reference?: string }).reference ?? '';
        call = { method: 'POST', reference, startedAt, endedAt: 0, status: null, found: null };
      } else if (
        req.method === 'GET' &&
        url.pathname === '/v2/notifications' &&
        url.searchParams.has('reference')
      ) {
        call = {
          method: 'GET',
          reference: url.searchParams.get('reference')!,
          startedAt,
          endedAt: 0,
          status: null,
          found: null,
        };
      }
      if (call) calls.push(call);
      const up = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent: false,
        },
        (upRes) => {
          const parts: Buffer[] = [];
          upRes.on('data', (c: Buffer) => parts.push(c));
          upRes.on('error', () => req.socket.destroy());
          upRes.on('end', () => {
            const answer = Buffer.concat(parts);
            if (call) {
              call.endedAt = performance.now();
              call.status = upRes.statusCode ?? null;
              if (call.method === 'GET' && call.status === 200) {
                call.found = (
                  JSON.parse(answer.toString('utf8')) as { notifications: unknown[] }
                ).notifications.length;
              }
            }
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            res.end(answer);
          });
        },
      );
      up.on('error', () => {
        if (call) call.endedAt = performance.now();
        req.socket.destroy();
      });
      up.end(body);
    });
  });
  const local = await listenLocal(server);
  return { ...local, calls };
}

/**
 * POSTs that went out for a reference while an earlier POST for it might have created a
 * notification: no 4xx answer ruled it out, and no lookup that started after it ended found nothing.
 */
export function blindRetries(calls: readonly RecordedCall[]): Array<{ reference: string; post: number }> {
  const byReference = new Map<string, RecordedCall[]>();
  for (const c of calls) {
    const list = byReference.get(c.reference) ?? [];
    list.push(c);
    byReference.set(c.reference, list);
  }
  const blind: Array<{ reference: string; post: number }> = [];
  for (const [reference, list] of byReference) {
    const posts = list.filter((c) => c.method === 'POST').sort((a, b) => a.startedAt - b.startedAt);
    for (let n = 1; n < posts.length; n++) {
      const previous = posts[n - 1]!;
      const next = posts[n]!;
      const refused = previous.status !== null && previous.status >= 400 && previous.status < 500;
      const lookedUp = list.some(
        (c) =>
          c.method === 'GET' &&
          c.found === 0 &&
          c.startedAt >= previous.endedAt &&
          c.endedAt <= next.startedAt,
      );
      if (!refused && !lookedUp) blind.push({ reference, post: n + 1 });
    }
  }
  return blind;
}
