import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  explainError,
  explainNetworkError,
  explainStatus,
  explainUnknownOutcome,
} from '../../../src-shared/notify/explain';
import {
  explanation as explanationSchema,
  type Explanation,
  type NetworkErrorKind,
} from '../../../src-shared/notify/explanation';

const SID = '11111111-1111-4111-8111-111111111111';
const ID = '44444444-4444-4444-8444-000000000009';

/** Every message in the reference's tables (docs/notify-api-reference.md), templates filled in with sample values. */
const AUTH_TABLE: [number, string][] = [
  [401, 'Unauthorized: authentication token must be provided'],
  [401, 'Unauthorized: authentication bearer scheme must be used'],
  [
    403,
    'Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header',
  ],
  [403, 'Invalid token: iss field not provided'],
  [403, 'Invalid token: service id is not the right data type'],
  [403, 'Invalid token: service not found'],
  [403, 'Invalid token: service has no API keys'],
  [403, 'Invalid token: service is archived'],
  [403, 'Error: Your system clock must be accurate to within 30 seconds'],
  [403, 'Invalid token: algorithm used is not HS256'],
  [403, 'Invalid token: API key revoked'],
  [403, 'Invalid token: API key not found'],
];

const CATALOGUE: [number, string, string][] = [
  // §1 envelopes
  [400, 'BadRequestError', 'Invalid JSON supplied in POST data'],
  [
    404,
    '',
    'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
  ],
  [405, '', 'The method is not allowed for the requested URL.'],
  [500, 'Exception', 'Internal server error'],
  [504, 'EventletTimeout', 'Timeout serving request'],
  [404, '', 'This is not a valid unsubscribe link.'],
  [404, '', 'This unsubscribe link is invalid or expired.'],
  // §6 schema templates
  [400, 'ValidationError', 'phone_number is a required property'],
  [400, 'ValidationError', 'personalisation is a required property'],
  [400, 'ValidationError', 'reference is a required property'],
  [400, 'ValidationError', 'template_id is not a valid UUID'],
  [400, 'ValidationError', 'sms_sender_id is not a valid UUID'],
  [400, 'ValidationError', 'email_reply_to_id is not a valid UUID'],
  [400, 'ValidationError', 'older_than is not a valid UUID'],
  [400, 'ValidationError', 'notification_id is not a valid UUID'],
  [400, 'ValidationError', 'id is not a valid UUID'],
  [400, 'ValidationError', 'phone_number None is not of type string'],
  [400, 'ValidationError', 'personalisation not_a_dict is not of type object'],
  [400, 'ValidationError', 'personalisation [a] is not of type object'],
  [400, 'ValidationError', 'reference 5 is not of type string'],
  [400, 'ValidationError', 'scheduled_for 5 is not of type string, null'],
  [400, 'ValidationError', 'sanitise_content_for name is not of type array, null'],
  [400, 'ValidationError', 'str is not of type object'],
  [400, 'ValidationError', '[1] is not of type object'],
  [400, 'ValidationError', `reference ${'x'.repeat(1001)} is too long`],
  [400, 'ValidationError', 'Additional properties are not allowed (foo was unexpected)'],
  [400, 'ValidationError', 'Additional properties are not allowed (bar, foo were unexpected)'],
  [
    400,
    'ValidationError',
    'Additional properties are not allowed (personalisation, template_id were unexpected)',
  ],
  [400, 'ValidationError', 'template_type orange is not one of [sms, email, letter]'],
  [400, 'ValidationError', 'type coconut is not one of [sms, email, letter]'],
  [400, 'ValidationError', 'include_jobs yes is not one of [true, True]'],
  [
    400,
    'ValidationError',
    'status elephant is not one of [cancelled, created, sending, sent, delivered, pending, failed, technical-failure, temporary-failure, permanent-failure, pending-virus-check, validation-failed, virus-scan-failed, returned-letter, accepted, received]',
  ],
  [400, 'ValidationError', 'phone_number Must not contain letters or symbols'],
  [400, 'ValidationError', 'phone_number Not enough digits'],
  [400, 'ValidationError', 'phone_number Too many digits'],
  [400, 'ValidationError', 'phone_number Not a valid country prefix'],
  [400, 'ValidationError', 'phone_number Number is not valid – double check the phone number you entered'],
  [400, 'ValidationError', 'email_address Not a valid email address'],
  [400, 'ValidationError', 'one_click_unsubscribe_url is not a valid https url'],
  [
    400,
    'ValidationError',
    'scheduled_for datetime format is invalid. It must be a valid ISO8601 date time format, https://en.wikipedia.org/wiki/ISO_8601',
  ],
  [400, 'ValidationError', 'scheduled_for datetime can not be in the past'],
  [400, 'ValidationError', 'scheduled_for datetime can only be 24 hours in the future'],
  [400, 'ValidationError', 'postage invalid. It must be either first, second or economy.'],
  [400, 'ValidationError', 'Cannot create a usable QR code - the link is too long'],
  [400, 'BadRequestError', 'Template not found'],
  [400, 'BadRequestError', 'email template is not suitable for sms notification'],
  [400, 'BadRequestError', 'sms template is not suitable for letter notification'],
  [400, 'BadRequestError', 'Template has been deleted'],
  [400, 'BadRequestError', 'Missing personalisation: name, code'],
  [400, 'BadRequestError', 'Your message is empty.'],
  [400, 'BadRequestError', 'Can only send a file by email'],
  [400, 'BadRequestError', 'Service is not allowed to send text messages'],
  [400, 'BadRequestError', 'Service is not allowed to send emails'],
  [400, 'BadRequestError', 'Service is not allowed to send letters'],
  [400, 'BadRequestError', 'Can’t send to this recipient using a team-only API key'],
  [
    400,
    'BadRequestError',
    'Can’t send to this recipient when service is in trial mode – see https://www.notifications.service.gov.uk/trial-mode',
  ],
  [400, 'BadRequestError', 'Cannot send to international mobile numbers'],
  [400, 'InvalidPhoneError', 'Not a UK mobile number'],
  [400, 'InvalidPhoneError', 'Must not contain letters or symbols'],
  [400, 'InvalidEmailError', 'Not a valid email address'],
  [400, 'BadRequestError', `email_reply_to_id ${ID} does not exist in database for service id ${SID}`],
  [400, 'BadRequestError', `sms_sender_id ${ID} does not exist in database for service id ${SID}`],
  [
    400,
    'BadRequestError',
    'Your message is too long. Text messages cannot be longer than 918 characters. Your message is 1000 characters long.',
  ],
  [
    400,
    'BadRequestError',
    'Your message is too long. Emails cannot be longer than 2000000 bytes. Your message is 2000001 bytes.',
  ],
  [400, 'BadRequestError', 'Cannot decode letter content (invalid base64 encoding)'],
  [403, 'BadRequestError', 'Cannot send letters with a team api key'],
  [403, 'BadRequestError', 'Cannot send letters when service is in trial mode'],
  [404, 'NoResultFound', 'No result found'],
  [404, 'DataError', 'No result found'],
  [429, 'RateLimitError', 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds'],
  [429, 'RateLimitError', 'Exceeded rate limit for key type TEAM of 6 requests per 60 seconds'],
  [429, 'TooManyRequestsError', 'Exceeded send limits (sms: 50) for today'],
  [429, 'TooManyRequestsError', 'Exceeded send limits (international_sms: 100) for today'],
  // §4.7 PDF endpoint
  [400, 'BadRequestError', 'Notification is not a letter'],
  [400, 'BadRequestError', 'File did not pass the virus scan'],
  [400, 'BadRequestError', 'PDF not available for letters in status technical-failure'],
  [400, 'PDFNotReadyError', 'PDF not available yet, try again later'],
  // §10.3 addresses
  [400, 'ValidationError', 'Address must be at least 3 lines'],
  [400, 'ValidationError', 'Address must be no more than 7 lines'],
  [
    400,
    'ValidationError',
    'The first 2 lines of the address must both include at least one alphanumeric character',
  ],
  [400, 'ValidationError', 'The last line of a BFPO address must not be a country.'],
  [400, 'ValidationError', 'Last line of address must be a real UK postcode or another country'],
  [400, 'ValidationError', 'Must be a real UK postcode'],
  [
    400,
    'ValidationError',
    'Address lines must not start with any of the following characters: @ ( ) = [ ] ” \\ / , < >',
  ],
  [400, 'ValidationError', 'Must be a real address'],
  // §11 files by email
  [400, 'BadRequestError', 'filename `filename` must end with a file extension. For example, filename.csv'],
  [400, 'BadRequestError', '`filename` cannot be longer than 100 characters'],
  [
    400,
    'BadRequestError',
    'retention_period Unsupported value for retention_period: 79 weeks. Supported periods are from 1 to 78 weeks.',
  ],
  [
    400,
    'BadRequestError',
    'confirm_email_before_download Unsupported value for confirm_email_before_download: yes. Use a boolean true or false value.',
  ],
  [400, 'BadRequestError', 'is_csv Unsupported value for is_csv: yes. Use a boolean true or false value.'],
  [400, 'BadRequestError', 'Do not set a value for `is_csv` if `filename` is set.'],
  [400, 'ValidationError', 'file 5 is not of type string'],
  [
    400,
    'BadRequestError',
    `Send files by email has not been set up - add contact details for your service at https://www.notifications.service.gov.uk/services/${SID}/service-settings/send-files-by-email`,
  ],
  [400, 'BadRequestError', 'Uploaded file exceeds file size limit'],
  [0, '', 'File is larger than 2MB'],
  [0, '', 'File is larger than 2MB.'],
  [0, '', 'File is larger than 5MB.'],
  [
    400,
    'BadRequestError',
    "Unsupported file type 'application/zip'. Supported types are: '.csv', '.doc', '.docx', '.jpeg', '.jpg', '.json', '.odt', '.pdf', '.png', '.rtf', '.txt', '.xlsx'",
  ],
  [400, 'BadRequestError', 'Document must not be empty'],
  [400, 'BadRequestError', 'Document is not base64 encoded'],
  // §15: what the published docs say instead, which users paste from Notify's site
  [400, 'BadRequestError', 'Cannot send to this recipient using a team-only API key.'],
  [
    400,
    'BadRequestError',
    'Cannot send to this recipient when service is in trial mode – see https://www.notifications.service.gov.uk/trial-mode',
  ],
  [
    403,
    'BadRequestError',
    'Cannot send letters when service is in trial mode - see https://www.notifications.service.gov.uk/trial-mode',
  ],
  [400, 'ValidationError', 'The first 2 lines of the address must include alphanumeric characters'],
  [400, 'ValidationError', 'personalisation address_line_1 is a required property'],
  [400, 'BadRequestError', `letter_contact_id ${ID} does not exist in database for service id ${SID}`],
  [400, 'ValidationError', 'Letter content is not a valid PDF'],
  [404, 'NoResultFound', 'No Result Found'],
  // Quick start troubleshooting
  [429, 'TooManyRequestsError', 'Exceeded send limits'],
];

const ALL: [number, string, string][] = [
  ...AUTH_TABLE.map(([s, m]): [number, string, string] => [s, 'AuthError', m]),
  ...CATALOGUE,
];

/** A message no catalogue entry knows: what it gets is the advice by HTTP status alone. */
const UNKNOWN = 'Something new from Notify';

/** Replaces every occurrence of `from` in an explanation's text. */
function swapText(e: Explanation, from: string, to: string): Explanation {
  const swap = (text: string) => text.split(from).join(to);
  return { ...e, title: swap(e.title), whatHappened: swap(e.whatHappened), nextSteps: e.nextSteps.map(swap) };
}

/**
 * True when explainError explains `message` with advice of its own, not the advice by HTTP status an
 * unknown message gets (that advice quotes the message, so the unknown one is swapped for it).
 */
function explainsSpecifically(status: number, errorClass: string, message: string): boolean {
  const fallback = swapText(explainError(status, errorClass, UNKNOWN), UNKNOWN, message.trim());
  return JSON.stringify(explainError(status, errorClass, message)) !== JSON.stringify(fallback);
}

describe('explainError', () => {
  it.each(ALL)('explains %i %s “%s” specifically', (status, errorClass, message) => {
    expect(explainsSpecifically(status, errorClass, message), message).toBe(true);
    const e = explainError(status, errorClass, message);
    expect(e.title.length).toBeGreaterThan(3);
    expect(e.whatHappened.length).toBeGreaterThan(10);
    expect(e.nextSteps.length).toBeGreaterThan(0);
    expect(explanationSchema.safeParse(e).success).toBe(true);
  });

  it('keeps messages that share a shape apart', () => {
    const title = (m: string) => explainError(400, null, m).title;
    expect(title('file 5 is not of type string')).toBe('The file is not base64 text');
    expect(title('reference 5 is not of type string')).toBe('reference has the wrong type');
    expect(title('phone_number Not enough digits')).toBe('The phone number is too short');
    expect(title('phone_number Too many digits')).toBe('The phone number is too long');
    expect(title('Invalid token: API key revoked')).toBe('This API key has been revoked');
    expect(title('Invalid token: API key not found')).toBe('Notify did not recognise this API key');
    // Each kind of problem gets its own advice, not a few shared paragraphs.
    expect(new Set(ALL.map(([s, c, m]) => explainError(s, c, m).nextSteps.join('\n'))).size).toBeGreaterThan(
      70,
    );
  });

  it('puts the measured skew into the clock error, with its direction', () => {
    const msg = 'Error: Your system clock must be accurate to within 30 seconds';
    expect(explainError(403, 'AuthError', msg, { skewSeconds: 95 }).whatHappened).toContain(
      'about 95 seconds behind Notify’s',
    );
    expect(explainError(403, 'AuthError', msg, { skewSeconds: -42.4 }).whatHappened).toContain(
      'about 42 seconds ahead of Notify’s',
    );
    expect(explainError(403, 'AuthError', msg, { skewSeconds: 0 }).whatHappened).toMatch(
      /no real difference/,
    );
    expect(explainError(403, 'AuthError', msg, { skewSeconds: 12 }).whatHappened).toMatch(
      /within the 30 seconds/,
    );
    expect(explainError(403, 'AuthError', msg).whatHappened).toMatch(/could not measure/);
    expect(explainError(403, 'AuthError', msg, { skewSeconds: 95 }).retry).toBe('after-fixing');
  });

  it('gives the quick start’s troubleshooting advice', () => {
    const notFound = explainError(403, 'AuthError', 'Invalid token: API key not found');
    expect(notFound.nextSteps.join(' ')).toMatch(/not been revoked/);
    expect(notFound.nextSteps.join(' ')).toMatch(/active \(not archived\)/);
    expect(notFound.nextSteps.join(' ')).toMatch(/iss claim/);
    expect(
      explainError(400, 'ValidationError', 'phone_number is a required property').nextSteps.join(' '),
    ).toMatch(/international format \(\+44…\)/);
    expect(
      explainError(403, 'BadRequestError', 'Cannot send letters with a team api key').nextSteps.join(' '),
    ).toMatch(/test key.*live key/);
    const daily = explainError(429, 'TooManyRequestsError', 'Exceeded send limits (sms: 50) for today');
    expect(daily.nextSteps.join(' ')).toMatch(/midnight UTC/);
    expect(daily).toMatchObject({ retry: 'later', charged: 'no' });
  });

  it('advises on retrying and charging the way the failure calls for', () => {
    expect(
      explainError(
        429,
        'RateLimitError',
        'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds',
      ).retry,
    ).toBe('later');
    expect(explainError(400, 'PDFNotReadyError', 'PDF not available yet, try again later').retry).toBe(
      'later',
    );
    expect(explainError(403, 'AuthError', 'Invalid token: service is archived').retry).toBe('no');
    expect(explainError(400, 'BadRequestError', 'Template not found')).toMatchObject({
      retry: 'after-fixing',
      charged: 'no',
    });
    expect(explainError(500, 'Exception', 'Internal server error').retry).toBe('later');
  });

  it('fills templated messages into the explanation', () => {
    expect(
      explainError(400, 'BadRequestError', 'Missing personalisation: name, code').whatHappened,
    ).toContain('name, code');
    expect(
      explainError(400, 'BadRequestError', 'email template is not suitable for sms notification')
        .whatHappened,
    ).toBe(
      'This is an email template, but the request sends a text message. Notify refused the request, so nothing was sent and nothing is charged.',
    );
  });

  it('falls back to advice by HTTP status for a message it does not know', () => {
    for (const status of [400, 401, 403, 404, 429, 500, 503, 418, 302]) {
      const e = explainError(status, 'Whatever', UNKNOWN);
      expect(explainsSpecifically(status, 'Whatever', 'Another message Notify may add one day')).toBe(false);
      expect(explainsSpecifically(status, 'Whatever', 'Template not found')).toBe(true);
      expect(e.whatHappened).toContain(UNKNOWN);
      expect(explanationSchema.safeParse(e).success).toBe(true);
    }
    expect(explainError(503, null, '').retry).toBe('later');
  });
});

/** A Markdown table row's cells, trimmed, with escaped pipes (`\|`) read as pipes. */
const cells = (row: string): string[] =>
  row
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

/** Extracts the message strings of the reference's tables (docs/notify-api-reference.md). */
function referenceMessages(text: string): string[] {
  const section = (from: string, to: string) => {
    const start = text.indexOf(from);
    const end = text.indexOf(to, start + 1);
    return start < 0 || end < 0 ? '' : text.slice(start, end);
  };
  const fill = (m: string) =>
    m
      .replace(/<field>/g, 'phone_number')
      .replace(/<the value>|<value>|<v>/g, 'abc')
      .replace(/<type>/g, 'string')
      .replace(/<t>/g, 'email')
      .replace(/<n>/g, 'sms')
      .replace(/<id>/g, ID)
      .replace(/<sid>/g, SID)
      .replace(/<N>/g, '1000')
      .replace(/<sms\|email\|letter\|international_sms>/g, 'sms')
      .replace(/<limit>/g, '50')
      .replace(/<ExceptionClass>/g, 'Exception')
      .replace(/<name1>, <name2>/g, 'a, b');
  const out: string[] = [];
  const auth = section('### 2.2 JWT', '### 2.3');
  for (const row of auth.split('\n').filter((l) => /^\|\s*40[13]\s*\|/.test(l))) {
    const m = /^`([^`]+)`$/.exec(cells(row)[1] ?? '');
    if (m?.[1]) out.push(m[1]);
  }
  const cat = section('## 6. Error catalogue', 'Jsonschema message rules');
  for (const row of cat.split('\n').filter((l) => /^\|\s*\d{3}/.test(l))) {
    const messageCell = cells(row)[2] ?? '';
    for (const m of messageCell.matchAll(/`([^`]+)`/g)) {
      const s = m[1] ?? '';
      // Skip fragments and notes around the messages: `… emails`, `(bar, foo were unexpected)`, `LIVE`, `template_id: 5`.
      if (
        s.includes('…') ||
        s.startsWith('(') ||
        s.startsWith('"') ||
        !s.includes(' ') ||
        /^\w+: \d+$/.test(s)
      )
        continue;
      out.push(fill(s));
    }
  }
  const pdf = section('### 4.7', '### 4.8');
  for (const m of pdf.matchAll(/^\d\. .*`([^`]+)`\.?$/gm)) if (m[1]) out.push(m[1]);
  const address = section('Checks in this order. The first failure', 'A UK postcode is valid');
  for (const line of address.split('\n').filter((l) => /^\s*(\d\.|\*) /.test(l))) {
    const m = /: `([^`]+)`/.exec(line);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

const REFERENCE = fileURLToPath(new URL('../../../docs/notify-api-reference.md', import.meta.url));
describe('against the API reference in docs/', () => {
  it('explains every message its tables list specifically', () => {
    const messages = referenceMessages(readFileSync(REFERENCE, 'utf8'));
    expect(messages.length).toBeGreaterThan(40);
    const missing = messages.filter((m) => !explainsSpecifically(400, 'BadRequestError', m));
    expect(missing).toEqual([]);
  });
});

describe('explainStatus', () => {
  const STATUSES: Record<'sms' | 'email' | 'letter', string[]> = {
    sms: [
      'created',
      'sending',
      'pending',
      'sent',
      'delivered',
      'permanent-failure',
      'temporary-failure',
      'technical-failure',
    ],
    email: ['created', 'sending', 'delivered', 'permanent-failure', 'temporary-failure', 'technical-failure'],
    letter: [
      'accepted',
      'received',
      'cancelled',
      'technical-failure',
      'permanent-failure',
      'pending-virus-check',
      'validation-failed',
      'virus-scan-failed',
      'created',
      'sending',
      'delivered',
      'returned-letter',
    ],
  };

  const CASES = (['sms', 'email', 'letter'] as const).flatMap((t) => STATUSES[t].map((s) => [t, s] as const));
  it.each(CASES)('explains %s %s specifically', (type, status) => {
    const e = explainStatus(type, status);
    // Not the explanation a status the console does not know gets (titled with the status itself).
    expect(e.title).not.toBe(status);
    expect(e.whatHappened).not.toMatch(/which the console does not know/);
    expect(explanationSchema.safeParse(e).success).toBe(true);
  });

  it('words failures as Notify’s own status guidance does', () => {
    const perm = explainStatus('sms', 'permanent-failure');
    expect(perm.whatHappened).toMatch(
      /The provider could not deliver the message because the phone number was wrong/,
    );
    expect(perm.whatHappened).toMatch(/You’ll still be charged/);
    expect(perm.charged).toBe('yes');

    const tech = explainStatus('sms', 'technical-failure');
    expect(tech.whatHappened).toMatch(/not be charged/);
    expect(tech.nextSteps.join(' ')).toMatch(/send the message again/);
    expect(tech).toMatchObject({ retry: 'yes', charged: 'no' });

    const letterTech = explainStatus('letter', 'technical-failure');
    expect(letterTech.whatHappened).toMatch(/Do not try to send the letter again/);
    expect(letterTech.retry).toBe('no');

    expect(explainStatus('email', 'permanent-failure').whatHappened).toMatch(/email address was wrong/);
    expect(explainStatus('email', 'temporary-failure').retry).toBe('later');
    expect(explainStatus('sms', 'temporary-failure')).toMatchObject({ retry: 'later', charged: 'yes' });
    expect(explainStatus('sms', 'sent').title).toMatch(/international/);
    expect(explainStatus('letter', 'received')).toEqual(explainStatus('letter', 'delivered'));
  });

  it('says so for a status it does not know, and for the deprecated `failed`', () => {
    expect(explainStatus('sms', 'exploded').whatHappened).toContain('exploded');
    expect(explainStatus('sms', 'exploded')).toMatchObject({
      title: 'exploded',
      whatHappened: expect.stringMatching(/which the console does not know/),
    });
    expect(explainStatus('email', 'failed').title).toBe('Failed');
    expect(explainStatus('email', 'toString').whatHappened).toContain('toString');
  });

  it('returns copies, so editing one cannot change the table', () => {
    explainStatus('sms', 'delivered').nextSteps.push('changed');
    expect(explainStatus('sms', 'delivered').nextSteps).not.toContain('changed');
  });
});

describe('network and unknown outcomes', () => {
  const KINDS: NetworkErrorKind[] = [
    'dns',
    'refused',
    'timeout',
    'tls',
    'proxy',
    'reset',
    'too-large',
    'not-json',
    'other',
  ];
  it.each(KINDS)('explains %s', (kind) => {
    const e = explainNetworkError(kind, { host: 'api.example', proxy: 'http://proxy:3128', status: null });
    expect(explanationSchema.safeParse(e).success).toBe(true);
    expect(e.nextSteps.length).toBeGreaterThan(0);
  });

  it('tells a gateway page from a server that is not Notify', () => {
    expect(explainNetworkError('not-json', { host: 'h', status: 503 })).toMatchObject({ retry: 'later' });
    expect(explainNetworkError('not-json', { host: 'h', status: 200 }).title).toMatch(/not the Notify API/);
    expect(explainNetworkError('proxy', { status: 407 }).title).toMatch(/sign in/);
    expect(
      explainNetworkError('other', { host: 'h', status: 301, redirectTo: 'https://elsewhere/x' })
        .whatHappened,
    ).toMatch(/never follows redirects/);
    expect(explainNetworkError('timeout', { sent: true }).charged).toBe('not-applicable');
    expect(explainNetworkError('timeout', { sent: false }).charged).toBe('no');
  });

  it('tells the user to look an unknown outcome up by its reference before sending again', () => {
    const e = explainUnknownOutcome('nc-123', 'The connection dropped.');
    expect(e.retry).toBe('no');
    expect(e.nextSteps[0]).toContain('nc-123');
  });
});

it('has the contract’s Explanation shape', () => {
  // One schema (src-shared/notify/explanation.ts) types the catalogue and validates the contract.
  const e: Explanation = explainStatus('sms', 'delivered');
  expect(explanationSchema.parse(e)).toEqual(e);
});
