/**
 * Notify's response bodies, exactly: one TypeScript type per route, written from Notify's serialisers
 * (API `app/models.py` `Notification.serialize` / `serialize_with_cost_data`,
 * `TemplateBase.serialize_for_v2`, `InboundSms.serialize`, `app/v2/notifications/create_response.py`,
 * the preview view), each with the list of its keys.
 *
 * Two checks tie them to the outside world:
 * - at compile time, each type is checked against the published notifications-node-client's own
 *   type for that method (`Fits` below), and the keys Notify returns that the client's types leave out
 *   are listed by name, so a new extra key, or a wrong one, fails `npm run typecheck`;
 * - at run time, response-shapes.test.ts checks every sandbox answer's keys against these lists.
 */
import type { NotifyClient } from 'notifications-node-client';

type Postage = 'first' | 'second' | 'economy' | 'europe' | 'rest-of-world';

/** `template` in a POST answer: the admin-style `uri` (`…/services/{service}/templates/{id}`). */
export interface TemplateRefJson {
  id: string;
  uri: string;
  version: number;
}

export interface SmsCreatedJson {
  content: { body: string; from_number: string };
  id: string;
  reference: string | null;
  scheduled_for: null;
  template: TemplateRefJson;
  uri: string;
}

export interface EmailCreatedJson {
  content: { body: string; from_email: string; one_click_unsubscribe_url: string | null; subject: string };
  id: string;
  reference: string | null;
  sanitised_content: Record<string, { sanitised: string; unsanitised: string }>;
  scheduled_for: null;
  template: TemplateRefJson;
  uri: string;
}

export interface LetterCreatedJson {
  content: { body: string; subject: string };
  id: string;
  reference: string | null;
  scheduled_for: null;
  template: TemplateRefJson;
  uri: string;
}

export interface PrecompiledLetterCreatedJson {
  id: string;
  postage: 'first' | 'second' | 'economy';
  reference: string;
}

export interface SmsCostDetails {
  billable_sms_fragments: number;
  international_rate_multiplier: number;
  sms_rate: number;
}

/** A letter's cost details: sheets and postage, nothing else (`{}` while the cost is not ready). */
export interface LetterCostDetails {
  billable_sheets_of_paper: number;
  postage: Postage;
}

/** `Notification.serialize_with_cost_data()`; `estimated_delivery` is a letter's only. */
export interface NotificationJson {
  body: string;
  completed_at: string | null;
  cost_details: SmsCostDetails | LetterCostDetails | Record<string, never>;
  cost_in_pounds: number | null;
  created_at: string;
  created_by_name: string | null;
  email_address: string | null;
  id: string;
  is_cost_data_ready: boolean;
  line_1: string | null;
  line_2: string | null;
  line_3: string | null;
  line_4: string | null;
  line_5: string | null;
  line_6: string | null;
  one_click_unsubscribe_url: string | null;
  phone_number: string | null;
  postage: Postage | null;
  postcode: string | null;
  reference: string | null;
  scheduled_for: null;
  sent_at: string | null;
  status: string;
  subject: string | null;
  /** GET's `template.uri` is `…/v2/template/{id}/version/{v}`. */
  template: TemplateRefJson;
  type: 'sms' | 'email' | 'letter';
}

export interface LetterNotificationJson extends NotificationJson {
  estimated_delivery: string;
}

export interface NotificationListJson {
  links: { current: string; next?: string };
  notifications: NotificationJson[];
}

/** `TemplateBase.serialize_for_v2()`. */
export interface TemplateJson {
  body: string;
  created_at: string;
  created_by: string;
  id: string;
  letter_contact_block: string | null;
  name: string;
  personalisation: Record<string, { required: boolean }>;
  postage: 'first' | 'second' | 'economy' | null;
  subject: string | null;
  type: 'sms' | 'email' | 'letter';
  updated_at: string | null;
  version: number;
}

export interface TemplateListJson {
  templates: TemplateJson[];
}

export interface TemplatePreviewJson {
  body: string;
  html: string | null;
  id: string;
  postage: 'first' | 'second' | 'economy' | null;
  subject: string | null;
  type: 'sms' | 'email' | 'letter';
  version: number;
}

export interface ReceivedTextJson {
  content: string;
  created_at: string;
  id: string;
  notify_number: string;
  service_id: string;
  user_number: string;
}

export interface ReceivedTextListJson {
  links: { current: string; next?: string };
  received_text_messages: ReceivedTextJson[];
}

/** The v2 error envelope. */
export interface V2ErrorJson {
  errors: { error: string; message: string }[];
  status_code: number;
}

// ---- Key lists, each checked at compile time to name exactly its type's keys ----------------------

type ExactKeys<T, K extends readonly PropertyKey[]> = [Exclude<keyof T, K[number]>] extends [never]
  ? [Exclude<K[number], keyof T>] extends [never]
    ? K
    : never
  : never;

/** A type's keys as a runtime list; passing too few or too many is a compile error. */
function keysOf<T>() {
  return <const K extends readonly (keyof T)[]>(...keys: ExactKeys<T, K>): string[] =>
    [...(keys as readonly PropertyKey[])].map(String).sort();
}

export const KEYS = {
  smsCreated: keysOf<SmsCreatedJson>()('content', 'id', 'reference', 'scheduled_for', 'template', 'uri'),
  smsContent: keysOf<SmsCreatedJson['content']>()('body', 'from_number'),
  emailCreated: keysOf<EmailCreatedJson>()(
    'content',
    'id',
    'reference',
    'sanitised_content',
    'scheduled_for',
    'template',
    'uri',
  ),
  emailContent: keysOf<EmailCreatedJson['content']>()(
    'body',
    'from_email',
    'one_click_unsubscribe_url',
    'subject',
  ),
  letterCreated: keysOf<LetterCreatedJson>()(
    'content',
    'id',
    'reference',
    'scheduled_for',
    'template',
    'uri',
  ),
  letterContent: keysOf<LetterCreatedJson['content']>()('body', 'subject'),
  precompiledCreated: keysOf<PrecompiledLetterCreatedJson>()('id', 'postage', 'reference'),
  templateRef: keysOf<TemplateRefJson>()('id', 'uri', 'version'),
  notification: keysOf<NotificationJson>()(
    'body',
    'completed_at',
    'cost_details',
    'cost_in_pounds',
    'created_at',
    'created_by_name',
    'email_address',
    'id',
    'is_cost_data_ready',
    'line_1',
    'line_2',
    'line_3',
    'line_4',
    'line_5',
    'line_6',
    'one_click_unsubscribe_url',
    'phone_number',
    'postage',
    'postcode',
    'reference',
    'scheduled_for',
    'sent_at',
    'status',
    'subject',
    'template',
    'type',
  ),
  smsCost: keysOf<SmsCostDetails>()('billable_sms_fragments', 'international_rate_multiplier', 'sms_rate'),
  letterCost: keysOf<LetterCostDetails>()('billable_sheets_of_paper', 'postage'),
  template: keysOf<TemplateJson>()(
    'body',
    'created_at',
    'created_by',
    'id',
    'letter_contact_block',
    'name',
    'personalisation',
    'postage',
    'subject',
    'type',
    'updated_at',
    'version',
  ),
  preview: keysOf<TemplatePreviewJson>()('body', 'html', 'id', 'postage', 'subject', 'type', 'version'),
  receivedText: keysOf<ReceivedTextJson>()(
    'content',
    'created_at',
    'id',
    'notify_number',
    'service_id',
    'user_number',
  ),
  v2Error: keysOf<V2ErrorJson>()('errors', 'status_code'),
};

/** A letter's notification keys: the common ones and `estimated_delivery`. */
export const LETTER_NOTIFICATION_KEYS = [...KEYS.notification, 'estimated_delivery'].sort();

// ---- Compile-time checks against notifications-node-client's types ----------------------------------

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

/**
 * True when a body of type `O` fits the client's type `T` as a JSON client reads it: every key the
 * client declares required is there, and each value fits (a key the client marks optional may be
 * absent or null, as Notify sends "no value"); nested objects are checked the same way. Otherwise the
 * keys that do not fit.
 */
type Fits<O, T> = [Misfits<O, T>] extends [never] ? true : Misfits<O, T>;
type Misfits<O, T> = {
  [K in keyof T]-?: K extends keyof O
    ? FitsValue<O[K], T[K]> extends true
      ? never
      : K
    : undefined extends T[K]
      ? never
      : K;
}[keyof T];
type FitsValue<O, T> = [O] extends [T | (undefined extends T ? null : never)]
  ? true
  : [O] extends [readonly (infer OE)[]]
    ? [Exclude<T, undefined>] extends [readonly (infer TE)[]]
      ? FitsValue<OE, TE>
      : false
    : [Exclude<O, null>] extends [object]
      ? [Exclude<T, undefined | null>] extends [object]
        ? (null extends O ? (undefined extends T ? true : false) : true) extends true
          ? Fits<Exclude<O, null>, Exclude<T, undefined | null>> extends true
            ? true
            : false
          : false
        : false
      : false;

/** What a client method's promise resolves to, or its `data` for an axios response. */
type Data<M extends keyof NotifyClient> = NotifyClient[M] extends (...args: never[]) => Promise<infer R>
  ? R extends { data: infer D }
    ? D
    : R
  : never;
/** The client's own types for a notification and a template (not exported by name). */
type NotificationResponse = Data<'getNotificationById'>;
type TemplateData = Data<'getTemplateById'>;
/** The keys Notify returns that the client's type does not declare. */
type Extra<O, T> = Exclude<keyof O, keyof T>;

export type ShapeChecks = [
  Expect<Equal<Fits<SmsCreatedJson, Data<'sendSms'>>, true>>,
  Expect<Equal<Extra<SmsCreatedJson, Data<'sendSms'>>, 'scheduled_for'>>,
  Expect<Equal<Fits<EmailCreatedJson, Data<'sendEmail'>>, true>>,
  Expect<Equal<Extra<EmailCreatedJson, Data<'sendEmail'>>, 'scheduled_for'>>,
  Expect<Equal<Fits<LetterCreatedJson, Data<'sendLetter'>>, true>>,
  Expect<Equal<Extra<LetterCreatedJson, Data<'sendLetter'>>, never>>,
  Expect<Equal<Fits<PrecompiledLetterCreatedJson, Data<'sendPrecompiledLetter'>>, true>>,
  Expect<Equal<Extra<PrecompiledLetterCreatedJson, Data<'sendPrecompiledLetter'>>, never>>,
  // The node client types a notification's `template` as `{id, name, version}`; Notify (and the Python
  // client's schema) give `{id, uri, version}`: the one place the client's type is wrong. The rest fits.
  Expect<Equal<Fits<Omit<NotificationJson, 'template'>, Omit<NotificationResponse, 'template'>>, true>>,
  Expect<Equal<Extra<NotificationJson['template'], NotificationResponse['template']>, 'uri'>>,
  Expect<Equal<Extra<NotificationResponse['template'], NotificationJson['template']>, 'name'>>,
  // Keys Notify returns that the node client's type leaves out (it has `one_click_unsubscribe` and
  // `line_7`, which Notify never sends).
  Expect<
    Equal<
      Extra<LetterNotificationJson, NotificationResponse>,
      'postcode' | 'one_click_unsubscribe_url' | 'estimated_delivery'
    >
  >,
  // A letter's cost details are exactly the client's letter variant; an SMS's its SMS variant.
  Expect<
    Equal<keyof LetterCostDetails, keyof Extract<NotificationResponse['cost_details'], { postage?: string }>>
  >,
  Expect<
    Equal<keyof SmsCostDetails, keyof Extract<NotificationResponse['cost_details'], { sms_rate?: number }>>
  >,
  // A page misfits in its notifications (their `template`, above) and its `links`: the node client
  // types `links.next` as always there; Notify leaves it out of an empty page.
  Expect<Equal<Fits<NotificationListJson, Data<'getNotifications'>>, 'notifications' | 'links'>>,
  Expect<
    Equal<
      Fits<Omit<NotificationListJson['links'], 'next'>, Omit<Data<'getNotifications'>['links'], 'next'>>,
      true
    >
  >,
  Expect<Equal<Fits<NotificationListJson['notifications'][number], NotificationResponse>, 'template'>>,
  Expect<Equal<Fits<TemplateJson, TemplateData>, true>>,
  Expect<Equal<Extra<TemplateJson, TemplateData>, 'personalisation'>>,
  Expect<Equal<Fits<TemplateListJson, Data<'getAllTemplates'>>, true>>,
  Expect<Equal<Fits<TemplatePreviewJson, Data<'previewTemplateById'>>, true>>,
  Expect<Equal<Extra<TemplatePreviewJson, Data<'previewTemplateById'>>, never>>,
  Expect<Equal<Fits<ReceivedTextJson, Data<'getReceivedTexts'>['received_text_messages'][number]>, true>>,
  Expect<Equal<Fits<ReceivedTextListJson, Data<'getReceivedTexts'>>, 'links'>>,
];
