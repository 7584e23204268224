/**
 * The control API's request bodies, checked with zod so a bad call gets the path of each problem.
 */
import { z } from 'zod';
import { STATUS_FILTER_VALUES } from '../src-shared/statuses';
import { PERMISSIONS } from './fixtures';
import { LATENCY_MODES } from './latency';

export const keyInput = z.strictObject({
  name: z.string().min(1).max(255),
  key_type: z.enum(['normal', 'team', 'test']),
});
export const statusInput = z.strictObject({
  status: z.enum(
    STATUS_FILTER_VALUES.filter((s) => s !== 'accepted' && s !== 'received' && s !== 'failed') as [
      string,
      ...string[],
    ],
  ),
});
/** A complaint about an email takes no fields: `{}`. */
export const complaintInput = z.strictObject({});
export const sendInput = z.looseObject({
  type: z.enum(['sms', 'email', 'letter']),
  created_by_name: z.string().min(1).max(255).optional(),
  job: z.boolean().optional(),
});
export const inboundInput = z.strictObject({
  user_number: z.string().min(1).max(40),
  content: z.string().max(918),
});
export const clockInput = z.strictObject({
  advance_seconds: z
    .number()
    .nonnegative()
    .max(366 * 86400)
    .optional(),
  skew_seconds: z.number().min(-86400).max(86400).optional(),
  time_scale: z.number().positive().max(1_000_000).optional(),
});
const callbackSetting = z
  .strictObject({ url: z.string().url(), bearer_token: z.string().min(10) })
  .nullable();
export const servicePatch = z.strictObject({
  name: z.string().min(1).optional(),
  active: z.boolean().optional(),
  restricted: z.boolean().optional(),
  permissions: z.array(z.enum(PERMISSIONS)).optional(),
  prefix_sms: z.boolean().optional(),
  contact_link: z.string().nullable().optional(),
  rate_limit: z.number().int().nonnegative().optional(),
  limits: z
    .strictObject({
      email: z.number().int().nonnegative().optional(),
      sms: z.number().int().nonnegative().optional(),
      letter: z.number().int().nonnegative().optional(),
      international_sms: z.number().int().nonnegative().optional(),
    })
    .optional(),
  data_retention_days: z.number().int().positive().optional(),
  guest_list: z.array(z.string()).optional(),
  outcomes: z
    .array(
      z.strictObject({
        recipient: z.string().min(1),
        status: z.enum([
          'delivered',
          'permanent-failure',
          'temporary-failure',
          'technical-failure',
          'sent',
          'pending',
        ]),
        delay_seconds: z.number().nonnegative().optional(),
      }),
    )
    .optional(),
  callbacks: z
    .strictObject({
      delivery_status: callbackSetting.optional(),
      received_text: callbackSetting.optional(),
      returned_letter: callbackSetting.optional(),
      complaint: callbackSetting.optional(),
    })
    .optional(),
});
export const templateInput = z.strictObject({
  id: z.string().optional(),
  name: z.string().min(1).max(255),
  type: z.enum(['sms', 'email', 'letter']),
  content: z.string().max(100_000),
  subject: z.string().max(1000).nullable().optional(),
  letter_contact_block: z.string().max(1000).nullable().optional(),
  postage: z.enum(['first', 'second', 'economy']).nullable().optional(),
  archived: z.boolean().optional(),
  has_unsubscribe_link: z.boolean().optional(),
});
export const latencyInput = z
  .strictObject({
    mode: z.enum(LATENCY_MODES).optional(),
    seed: z.number().int().min(0).max(0xffffffff).optional(),
  })
  .refine((v) => v.mode !== undefined || v.seed !== undefined, 'give a mode, a seed or both');
