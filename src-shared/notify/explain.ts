/**
 * Plain-English explanations of Notify's errors, network failures and notification statuses.
 *
 * Notify's messages are exact but terse ("Invalid token: API key not found"), and a status such as
 * `temporary-failure` means different things per channel. The console shows every failure with what
 * happened, whether to try again, whether the service is charged and what to do next, so this module
 * maps every message in the API reference (docs/notify-api-reference.md §2.2, §4.7, §6, §10.3, §11,
 * plus the quick start's troubleshooting) and every status in §7 to that shape. It is pure: no I/O,
 * no Node APIs, so the core and the renderer share one catalogue.
 */
import { ERROR_CATALOGUE, explainByHttpStatus, type ErrorFacts } from './error-catalogue';
import type { Explanation, NetworkErrorKind } from './explanation';
import { explainNetworkKind, explainUnknown, type NetworkFacts } from './explain-network';
import { explainNotificationStatus } from './explain-statuses';

/** Facts the client measured that make an explanation more specific. */
type ExplainContext = {
  /** Server time minus local time, in seconds, from the response's `Date` header. */
  skewSeconds?: number | null;
};

/** What the client knows about a network failure (see explain-network.ts). */
export type { NetworkFacts };

/**
 * Explains one error Notify returned: its HTTP status, error class and message.
 *
 * Matching is by message, because Notify's messages are stable and its classes are broad
 * (`BadRequestError` covers a dozen unrelated problems). Unknown messages fall back to advice for
 * the HTTP status, which is still true, just less specific.
 */
export function explainError(
  status: number | null,
  errorClass: string | null,
  message: string,
  context: ExplainContext = {},
): Explanation {
  const text = normaliseMessage(message);
  const facts: ErrorFacts = { status, errorClass, message: text, skewSeconds: context.skewSeconds ?? null };
  for (const entry of ERROR_CATALOGUE) {
    const match = entry.pattern.exec(text);
    if (match) return entry.explain(match, facts);
  }
  return explainByHttpStatus(facts);
}

/**
 * Explains what a notification status means for one channel, in the words of Notify's own guidance.
 *
 * Accepts both the public names (`accepted`, `received` for letters) and the internal ones a filter
 * may show, so a caller can pass whatever Notify returned.
 */
export function explainStatus(type: 'sms' | 'email' | 'letter', status: string): Explanation {
  return explainNotificationStatus(type, status);
}

/**
 * Explains a failure that happened before Notify could answer (or when what answered was not Notify).
 *
 * `facts` carries what the client knows: the host, whether a proxy was in the way, the HTTP status
 * of a non-Notify answer, where a refused redirect pointed.
 */
export function explainNetworkError(kind: NetworkErrorKind, facts: NetworkFacts = {}): Explanation {
  return explainNetworkKind(kind, facts);
}

/**
 * Explains a send whose outcome is unknown: it may or may not have reached Notify.
 *
 * The one case where sending again could send twice, so the advice is to look it up first.
 */
export function explainUnknownOutcome(reference: string, why: string): Explanation {
  return explainUnknown(reference, why);
}

// Notify's messages are matched exactly, but copies from docs, chat and older clients vary in
// trailing whitespace and apostrophes; neither changes the meaning.
function normaliseMessage(message: string): string {
  return message.trim();
}
