/**
 * Replaying a notification's delivery-status callback to the developer's own endpoint, in the
 * contract: its input and what one replay did (never a token or a key).
 */
import { z } from 'zod';
import { explanation } from '../../src-shared/notify/explanation';
import { profileId, uuid } from './schemas';

/** A delivery-status callback body, in Notify's field order (src-shared/callback-payload.ts). */
const callbackPayload = z.object({
  id: z.string(),
  reference: z.string().nullable(),
  to: z.string().nullable(),
  status: z.string(),
  created_at: z.string(),
  completed_at: z.string().nullable(),
  sent_at: z.string().nullable(),
  notification_type: z.string(),
  template_id: z.string(),
  template_version: z.number(),
});

/** What one callback replay did: never a token or a key. */
const callbackReplayResult = z.object({
  status: z.number().nullable(),
  ok: z.boolean(),
  durationMs: z.number(),
  sentAt: z.string(),
  responseBody: z.string(),
  responseTruncated: z.boolean(),
  error: explanation.nullable(),
  payload: callbackPayload,
});
export type CallbackReplayResult = z.infer<typeof callbackReplayResult>;

export const callbackMethods = {
  /**
   * POSTs the notification's delivery-status callback to the developer's own endpoint. The URL must
   * be https://, or http:// on this computer; the core checks it before fetching anything.
   */
  'callbacks.replay': {
    input: z.strictObject({
      profileId,
      notificationId: uuid,
      url: z.string().min(1).max(2048),
      bearerToken: z.string().min(1).max(1024).optional(),
    }),
    output: callbackReplayResult,
  },
} as const;
