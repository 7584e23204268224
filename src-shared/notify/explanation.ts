/**
 * The shape of every explanation the console shows: what happened, whether to retry, whether the
 * service is charged and what to do next.
 *
 * Defined once, as a zod schema, so the contract validates with it, the core and the renderer type
 * with it, and the catalogue (./explain.ts) builds values of it.
 */
import { z } from 'zod';

/** Whether sending the same request again makes sense. */
const retryAdvice = z.enum(['yes', 'no', 'after-fixing', 'later']);
export type RetryAdvice = z.infer<typeof retryAdvice>;

/** Whether the service pays for what happened. Emails are free; texts and letters are charged. */
const chargedAdvice = z.enum(['yes', 'no', 'not-applicable']);
export type ChargedAdvice = z.infer<typeof chargedAdvice>;

export const explanation = z.object({
  title: z.string(),
  whatHappened: z.string(),
  retry: retryAdvice,
  charged: chargedAdvice,
  nextSteps: z.array(z.string()),
});
/** What the console tells the user about a failure or a status. */
export type Explanation = z.infer<typeof explanation>;

/** The kinds of network failure the Notify client tells apart. */
export const networkErrorKind = z.enum([
  'dns',
  'refused',
  'timeout',
  'tls',
  'proxy',
  'reset',
  'too-large',
  'not-json',
  'other',
]);
export type NetworkErrorKind = z.infer<typeof networkErrorKind>;
