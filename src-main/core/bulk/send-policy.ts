/**
 * What the engine does with each kind of answer to a POST (docs/notify-api-reference.md §6, §8; rules 6.2).
 *
 * Only a 201 or a lookup says a notification exists; only an answered error, or a request that
 * never left, says none does. Rate-limit 429s slow the batch and send the row again; a daily-limit
 * 429 stops the batch with Notify's message (nothing more can be sent today); errors that would hit
 * every row (the key, the service's permissions, the template) stop it too, instead of failing
 * 100,000 rows one by one; any other error fails that row with Notify's message.
 */
import type { SendResult } from './notify-port';

type SendDecision =
  | { action: 'sent'; id: string }
  | { action: 'failed'; status: number; error: string | null; message: string }
  | {
      action: 'retry';
      why: 'rate-limited' | 'not-sent';
      waitMs: number | null;
      /** The service's rate limit a minute, as Notify's 429 message states it. */
      limitPerMinute: number | null;
      message: string;
    }
  | { action: 'stop'; message: string }
  | { action: 'look-up'; message: string };

/** Errors about the key, the service or the template, not the row: the same for every row. */
const BATCH_WIDE = [
  /^Invalid token/,
  /^Error: Your system clock/,
  /^Service is not allowed to send/,
  /^Cannot send letters with a team api key/,
  /^Cannot send letters when service is in trial mode/,
  /^Template not found/,
  /^Template has been deleted/,
  /^template_id is not a valid UUID/,
  /^Service has been suspended/,
];

/** Decides what a send's result means for its row and for the batch. */
export function decide(result: SendResult): SendDecision {
  switch (result.kind) {
    case 'created':
      return { action: 'sent', id: result.id };
    case 'unknown':
      return { action: 'look-up', message: result.message };
    case 'not-sent':
      return {
        action: 'retry',
        why: 'not-sent',
        waitMs: null,
        limitPerMinute: null,
        message: result.message,
      };
    case 'error': {
      if (result.status === 429) {
        if (/^Exceeded send limits/.test(result.message)) return { action: 'stop', message: result.message };
        const limit = /of (\d+) requests per 60 seconds/.exec(result.message)?.[1];
        return {
          action: 'retry',
          why: 'rate-limited',
          waitMs: result.retryAfterMs,
          limitPerMinute: limit === undefined ? null : Number(limit),
          message: result.message,
        };
      }
      if (
        result.status === 401 ||
        result.status === 403 ||
        BATCH_WIDE.some((re) => re.test(result.message))
      ) {
        return { action: 'stop', message: result.message };
      }
      if (result.errorClass === null && (result.status < 400 || result.status >= 500)) {
        // Something other than Notify answered (a redirect, a proxy page): nothing was created.
        return { action: 'stop', message: result.message };
      }
      return { action: 'failed', status: result.status, error: result.errorClass, message: result.message };
    }
  }
}
