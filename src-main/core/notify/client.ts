/**
 * The console's client for the GOV.UK Notify API v2: one method per endpoint, named as Notify does.
 *
 * Reads like notifications-node-client; how each call travels (timeouts, proxies, retries, clock
 * skew, the request log, redaction) is the request engine's (./request-engine.ts), and what an
 * answer means is ./answer-classifier.ts. Answers are checked against src-shared/notify/resources.ts.
 */
import { randomUUID } from 'node:crypto';
import {
  notification,
  notificationList,
  receivedTextList,
  sendEmailResponse,
  sendLetterResponse,
  sendPrecompiledLetterResponse,
  sendSmsResponse,
  template,
  templateList,
  templatePreview,
  type Notification,
  type NotificationList,
  type ReceivedTextList,
  type SendEmailResponse,
  type SendLetterResponse,
  type SendPrecompiledLetterResponse,
  type SendSmsResponse,
  type Template,
  type TemplateList,
  type TemplatePreview,
} from '../../../src-shared/notify/resources';
import { FieldValidationError } from '../errors';
import type { RawResponse } from './http';
import { RequestEngine, type NotifyClientOptions } from './request-engine';
import type {
  GetNotificationsFilters,
  Personalisation,
  SendEmailRequest,
  SendLetterRequest,
  SendPrecompiledLetterRequest,
  SendSmsRequest,
} from './requests';
import { parseJson } from './responses';

export type { NotifyClientOptions };

/**
 * A Notify API v2 client bound to one profile: base URL, API key and proxy.
 *
 * Methods resolve with Notify's JSON (checked for shape) or reject with a NotifyApiError,
 * NotifyNetworkError or UnknownOutcomeError; the only other error is a FieldValidationError
 * for input that cannot be sent at all (a base URL the key may not go to, an empty, "." or ".." id,
 * a value JSON cannot represent).
 */
export class NotifyClient {
  /** The base URL without a trailing slash. */
  readonly baseUrl: string;
  readonly serviceId: string;
  // #private: util.inspect and console.log never show the engine, which holds the key.
  readonly #engine: RequestEngine;
  private readonly autoReference: boolean;

  constructor(options: NotifyClientOptions) {
    this.#engine = new RequestEngine(options);
    this.baseUrl = this.#engine.baseUrl;
    this.serviceId = this.#engine.serviceId;
    this.autoReference = options.autoReference ?? true;
  }

  /** Server time minus local time, in seconds, from the last answer's `Date` header; null until measured. */
  get lastSkewSeconds(): number | null {
    return this.#engine.lastSkewSeconds;
  }

  /** Sends a text message. POST /v2/notifications/sms */
  async sendSms(request: SendSmsRequest): Promise<SendSmsResponse> {
    return this.send('/v2/notifications/sms', request, (raw) => json(raw, sendSmsResponse));
  }

  /** Sends an email. POST /v2/notifications/email */
  async sendEmail(request: SendEmailRequest): Promise<SendEmailResponse> {
    return this.send('/v2/notifications/email', request, (raw) => json(raw, sendEmailResponse));
  }

  /** Sends a letter from a template. POST /v2/notifications/letter */
  async sendLetter(request: SendLetterRequest): Promise<SendLetterResponse> {
    return this.send('/v2/notifications/letter', request, (raw) => json(raw, sendLetterResponse));
  }

  /** Sends a precompiled PDF letter. POST /v2/notifications/letter with `content` */
  async sendPrecompiledLetter(request: SendPrecompiledLetterRequest): Promise<SendPrecompiledLetterResponse> {
    const content =
      typeof request.content === 'string' ? request.content : Buffer.from(request.content).toString('base64');
    return this.send('/v2/notifications/letter', { ...request, content }, (raw) =>
      json(raw, sendPrecompiledLetterResponse),
    );
  }

  /** One notification by id, whichever key type sent it. GET /v2/notifications/{id} */
  async getNotification(id: string): Promise<Notification> {
    return this.get(`/v2/notifications/${segment(id)}`, undefined, (raw) => json(raw, notification));
  }

  /**
   * A page (250, newest first) of notifications sent with this key's type. GET /v2/notifications
   *
   * `template_type` and `status` may hold several values, sent as repeated parameters like
   * notifications-python-client does.
   */
  async getNotifications(filters: GetNotificationsFilters = {}): Promise<NotificationList> {
    const q = new URLSearchParams();
    for (const t of list(filters.template_type)) q.append('template_type', t);
    for (const s of list(filters.status)) q.append('status', s);
    if (filters.reference !== undefined) q.append('reference', filters.reference);
    if (filters.older_than !== undefined) q.append('older_than', filters.older_than);
    if (filters.include_jobs) q.append('include_jobs', 'true');
    return this.get('/v2/notifications', q, (raw) => json(raw, notificationList));
  }

  /** A letter's PDF. GET /v2/notifications/{id}/pdf */
  async getLetterPdf(id: string): Promise<Uint8Array> {
    // Checked like the JSON answers: bytes that are not a PDF did not come from Notify.
    return this.get(`/v2/notifications/${segment(id)}/pdf`, undefined, (raw) =>
      isPdf(raw.body) ? raw.body : undefined,
    );
  }

  /** A template, at its latest or a given version. GET /v2/template/{id}[/version/{version}] */
  async getTemplate(id: string, version?: number): Promise<Template> {
    const path =
      version === undefined
        ? `/v2/template/${segment(id)}`
        : `/v2/template/${segment(id)}/version/${segment(String(version))}`;
    return this.get(path, undefined, (raw) => json(raw, template));
  }

  /** The service's templates (latest versions, archived ones left out). GET /v2/templates */
  async getTemplates(type?: string): Promise<TemplateList> {
    const q = new URLSearchParams();
    if (type !== undefined) q.append('type', type);
    return this.get('/v2/templates', q, (raw) => json(raw, templateList));
  }

  /**
   * A template rendered with personalisation. POST /v2/template/{id}/preview
   *
   * A POST without side effects, so it is retried like a read.
   */
  async previewTemplate(id: string, personalisation?: Personalisation): Promise<TemplatePreview> {
    return this.#engine.request({
      method: 'POST',
      path: `/v2/template/${segment(id)}/preview`,
      body: personalisation === undefined ? {} : { personalisation },
      read: (raw) => json(raw, templatePreview),
      sideEffect: false,
    });
  }

  /** A page of received text messages, newest first. GET /v2/received-text-messages */
  async getReceivedTexts(olderThan?: string): Promise<ReceivedTextList> {
    const q = new URLSearchParams();
    if (olderThan !== undefined) q.append('older_than', olderThan);
    return this.get('/v2/received-text-messages', q, (raw) => json(raw, receivedTextList));
  }

  /**
   * The notifications carrying a client reference: how the console settles an unknown outcome.
   *
   * Notify scopes the list to this key's type, which is the type that sent the lost request.
   */
  async findByReference(reference: string): Promise<Notification[]> {
    return (await this.getNotifications({ reference })).notifications;
  }

  /** Closes the client's own connections (not a `fetchAgent` the caller passed in). */
  close(): Promise<void> {
    return this.#engine.close();
  }

  private send<T>(path: string, request: object, read: (raw: RawResponse) => T | undefined): Promise<T> {
    const given = (request as { reference?: unknown }).reference;
    let reference = typeof given === 'string' && given !== '' ? given : undefined;
    let body: object = request;
    if (reference === undefined && this.autoReference) {
      reference = `nc-${randomUUID()}`;
      body = { ...request, reference };
    }
    return this.#engine.request({
      method: 'POST',
      path,
      body,
      read,
      sideEffect: true,
      reference: reference ?? '',
    });
  }

  private get<T>(
    path: string,
    query: URLSearchParams | undefined,
    read: (raw: RawResponse) => T | undefined,
  ): Promise<T> {
    return this.#engine.request({ method: 'GET', path, query, read, sideEffect: false });
  }
}

function json<T>(
  raw: RawResponse,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T | undefined {
  const parsed = schema.safeParse(parseJson(raw.body));
  return parsed.success ? parsed.data : undefined;
}

function isPdf(bytes: Uint8Array): boolean {
  // "%PDF-"
  return (
    bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d
  );
}

function list(v: string | readonly string[] | undefined): readonly string[] {
  if (v === undefined) return [];
  return typeof v === 'string' ? [v] : v;
}

/** Encodes an id as one path segment, so no id can change the path (or the origin). */
function segment(value: string): string {
  const text = String(value);
  // URL parsing resolves ".", "..", and their %2E spellings away, and an empty id would name
  // another endpoint: none of these is an id Notify could have issued.
  if (text === '' || /^(?:\.|%2e){1,2}$/i.test(text)) {
    throw new FieldValidationError([
      { field: 'id', message: `"${text}" is not an ID: IDs look like 740e5834-3a29-46b4-9a6f-16142fde533a.` },
    ]);
  }
  return encodeURIComponent(text);
}
