import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EICAR_TEST_STRING } from '../../../src-sandbox/letters/precompiled';
import {
  SENDERS,
  SERVICE_ID,
  T,
  TRIAL_ID,
  startTestSandbox,
  type TestKeys,
  type TestSandbox,
} from '../../support/sandbox';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.sandbox.close());

type Case = [
  name: string,
  path: string,
  body: unknown,
  status: number,
  errors: [string, string][],
  key?: keyof TestKeys,
];
const sms = (extra: Record<string, unknown> = {}) => ({
  phone_number: '07700900123',
  template_id: T.sms,
  personalisation: { name: 'Ann', code: '1' },
  ...extra,
});
const email = (extra: Record<string, unknown> = {}) => ({
  email_address: 'someone@example.gov.uk',
  template_id: T.email,
  personalisation: { name: 'Ann', 'file link': 'x', items: ['a'] },
  ...extra,
});
const address = { address_line_1: 'A Person', address_line_2: '1 Street', postcode: 'SW1A 1AA' };
const letter = (p: Record<string, unknown> = {}) => ({
  template_id: T.letter,
  personalisation: { ...address, name: 'Ann', team: 'x', ...p },
});
const V = 'ValidationError';
const B = 'BadRequestError';

const cases: Case[] = [
  [
    'missing everything',
    '/v2/notifications/sms',
    {},
    400,
    [
      [V, 'phone_number is a required property'],
      [V, 'template_id is a required property'],
    ],
  ],
  [
    'bad uuid',
    '/v2/notifications/sms',
    sms({ template_id: 'x' }),
    400,
    [[V, 'template_id is not a valid UUID']],
  ],
  [
    'uuid of wrong type',
    '/v2/notifications/sms',
    sms({ template_id: 5 }),
    400,
    [[V, 'template_id is not a valid UUID']],
  ],
  [
    'null phone',
    '/v2/notifications/sms',
    sms({ phone_number: null }),
    400,
    [[V, 'phone_number None is not of type string']],
  ],
  [
    'personalisation not object',
    '/v2/notifications/sms',
    sms({ personalisation: 'not_a_dict' }),
    400,
    [[V, 'personalisation not_a_dict is not of type object']],
  ],
  [
    'personalisation list',
    '/v2/notifications/sms',
    sms({ personalisation: ['a'] }),
    400,
    [[V, 'personalisation [a] is not of type object']],
  ],
  [
    'reference number',
    '/v2/notifications/sms',
    sms({ reference: 5 }),
    400,
    [[V, 'reference 5 is not of type string']],
  ],
  [
    'reference too long',
    '/v2/notifications/sms',
    sms({ reference: 'x'.repeat(1001) }),
    400,
    [[V, `reference ${'x'.repeat(1001)} is too long`]],
  ],
  [
    'extra property',
    '/v2/notifications/sms',
    sms({ foo: 1 }),
    400,
    [[V, 'Additional properties are not allowed (foo was unexpected)']],
  ],
  [
    'two extras',
    '/v2/notifications/sms',
    sms({ foo: 1, bar: 2 }),
    400,
    [[V, 'Additional properties are not allowed (bar, foo were unexpected)']],
  ],
  [
    'letters in phone',
    '/v2/notifications/sms',
    sms({ phone_number: '07515111*11' }),
    400,
    [[V, 'phone_number Must not contain letters or symbols']],
  ],
  [
    'empty phone',
    '/v2/notifications/sms',
    sms({ phone_number: '' }),
    400,
    [[V, 'phone_number Not enough digits']],
  ],
  [
    'invalid phone',
    '/v2/notifications/sms',
    sms({ phone_number: '08515111111' }),
    400,
    [[V, 'phone_number Number is not valid – double check the phone number you entered']],
  ],
  [
    'bad email',
    '/v2/notifications/email',
    email({ email_address: 'example' }),
    400,
    [[V, 'email_address Not a valid email address']],
  ],
  [
    'bad unsubscribe url',
    '/v2/notifications/email',
    email({ one_click_unsubscribe_url: 'http://x.com' }),
    400,
    [[V, 'one_click_unsubscribe_url is not a valid https url']],
  ],
  [
    'scheduled_for number',
    '/v2/notifications/sms',
    sms({ scheduled_for: 5 }),
    400,
    [[V, 'scheduled_for 5 is not of type string, null']],
  ],
  [
    'scheduled_for junk',
    '/v2/notifications/sms',
    sms({ scheduled_for: 'soon' }),
    400,
    [
      [
        V,
        'scheduled_for datetime format is invalid. It must be a valid ISO8601 date time format, https://en.wikipedia.org/wiki/ISO_8601',
      ],
    ],
  ],
  [
    'scheduled_for past',
    '/v2/notifications/sms',
    sms({ scheduled_for: '2001-01-01 10:00' }),
    400,
    [[V, 'scheduled_for datetime can not be in the past']],
  ],
  [
    'scheduled_for far',
    '/v2/notifications/sms',
    sms({ scheduled_for: '2999-01-01T10:00:00' }),
    400,
    [[V, 'scheduled_for datetime can only be 24 hours in the future']],
  ],
  [
    'sanitise not array',
    '/v2/notifications/email',
    email({ sanitise_content_for: 'name' }),
    400,
    [[V, 'sanitise_content_for name is not of type array, null']],
  ],
  ['non-object body', '/v2/notifications/sms', 'str', 400, [[V, 'str is not of type object']]],
  ['list body', '/v2/notifications/sms', [1], 400, [[V, '[1] is not of type object']]],
  [
    'unknown template',
    '/v2/notifications/sms',
    sms({ template_id: '99999999-9999-4999-8999-999999999999' }),
    400,
    [[B, 'Template not found']],
  ],
  [
    'hidden template',
    '/v2/notifications/sms',
    sms({ template_id: T.hidden }),
    400,
    [[B, 'Template not found']],
  ],
  [
    'wrong type',
    '/v2/notifications/sms',
    sms({ template_id: T.email }),
    400,
    [[B, 'email template is not suitable for sms notification']],
  ],
  [
    'archived',
    '/v2/notifications/sms',
    sms({ template_id: T.archived }),
    400,
    [[B, 'Template has been deleted']],
  ],
  [
    'missing personalisation',
    '/v2/notifications/sms',
    sms({ personalisation: { NAME: 'x' } }),
    400,
    [[B, 'Missing personalisation: code']],
  ],
  [
    'missing both',
    '/v2/notifications/sms',
    sms({ personalisation: {} }),
    400,
    [[B, 'Missing personalisation: name, code']],
  ],
  [
    'null counts as missing',
    '/v2/notifications/sms',
    sms({ personalisation: { name: null, code: '1' } }),
    400,
    [[B, 'Missing personalisation: name']],
  ],
  [
    'empty email',
    '/v2/notifications/email',
    { email_address: 'a@example.gov.uk', template_id: T.emptyEmail, personalisation: { body: '' } },
    400,
    [[B, 'Your message is empty.']],
  ],
  [
    'file in sms',
    '/v2/notifications/sms',
    sms({ personalisation: { name: { file: 'YQ==' }, code: '1' } }),
    400,
    [[B, 'Can only send a file by email']],
  ],
  [
    'archived reply-to',
    '/v2/notifications/email',
    email({ email_reply_to_id: SENDERS.archivedReplyTo }),
    400,
    [
      [
        B,
        `email_reply_to_id ${SENDERS.archivedReplyTo} does not exist in database for service id ${SERVICE_ID}`,
      ],
    ],
  ],
  [
    'unknown sms sender',
    '/v2/notifications/sms',
    sms({ sms_sender_id: SENDERS.replyTo }),
    400,
    [[B, `sms_sender_id ${SENDERS.replyTo} does not exist in database for service id ${SERVICE_ID}`]],
  ],
  [
    'team key, stranger',
    '/v2/notifications/sms',
    sms({ phone_number: '07700900789' }),
    400,
    [[B, 'Can’t send to this recipient using a team-only API key']],
    'team',
  ],
  [
    'trial live key, stranger',
    '/v2/notifications/sms',
    {
      phone_number: '07700900789',
      template_id: '33333333-3333-4333-8333-000000000009',
      personalisation: { name: 'x' },
    },
    400,
    [
      [
        B,
        'Can’t send to this recipient when service is in trial mode – see https://www.notifications.service.gov.uk/trial-mode',
      ],
    ],
    'trialLive',
  ],
  [
    'team key letter',
    '/v2/notifications/letter',
    letter(),
    403,
    [[B, 'Cannot send letters with a team api key']],
    'team',
  ],
  [
    'too long sms',
    '/v2/notifications/sms',
    sms({ personalisation: { name: 'a'.repeat(900), code: '1' } }),
    400,
    [
      [
        B,
        'Your message is too long. Text messages cannot be longer than 918 characters. Your message is 923 characters long.',
      ],
    ],
  ],
  [
    'letter without personalisation',
    '/v2/notifications/letter',
    { template_id: T.letter },
    400,
    [[V, 'personalisation is a required property']],
  ],
  [
    'letter two lines',
    '/v2/notifications/letter',
    letter({ address_line_2: undefined, postcode: undefined, address_line_2x: 1 }),
    400,
    [[V, 'Address must be at least 3 lines']],
  ],
  [
    'letter bad postcode',
    '/v2/notifications/letter',
    letter({ postcode: 'NOT A POSTCODE' }),
    400,
    [[V, 'Last line of address must be a real UK postcode or another country']],
  ],
  [
    'precompiled bad postage',
    '/v2/notifications/letter',
    { reference: 'r', content: 'aGk=', postage: 'fifth' },
    400,
    [[V, 'postage invalid. It must be either first, second or economy.']],
  ],
  [
    'precompiled no reference',
    '/v2/notifications/letter',
    { content: 'aGk=' },
    400,
    [[V, 'reference is a required property']],
  ],
  [
    'precompiled bad base64',
    '/v2/notifications/letter',
    { reference: 'r', content: 'hi' },
    400,
    [[B, 'Cannot decode letter content (invalid base64 encoding)']],
  ],
  [
    'templated fields with content',
    '/v2/notifications/letter',
    { ...letter(), reference: 'r', content: 'aGk=' },
    400,
    [[V, 'Additional properties are not allowed (personalisation, template_id were unexpected)']],
  ],
  [
    'international without permission',
    '/v2/notifications/sms',
    {
      phone_number: '+14158961600',
      template_id: '33333333-3333-4333-8333-000000000009',
      personalisation: { name: 'x' },
    },
    400,
    [[B, 'Cannot send to international mobile numbers']],
    'trialTest',
  ],
  [
    'landline without permission',
    '/v2/notifications/sms',
    sms({ phone_number: '01709510122' }),
    400,
    [['InvalidPhoneError', 'Not a UK mobile number']],
  ],
  [
    'sanitised non-string value is a 500, as Notify',
    '/v2/notifications/email',
    email({ sanitise_content_for: ['name'], personalisation: { name: 5, 'file link': 'x', items: [] } }),
    500,
    [['TypeError', 'Internal server error']],
  ],
];

describe('POST errors: every message byte for byte', () => {
  it.each(cases)('%s', async (_name, path, body, status, errors, key) => {
    const r = await sb.call('POST', path, { body, key: key ?? 'live' });
    expect(r.status).toBe(status);
    expect(r.json).toEqual({
      status_code: status,
      errors: errors.map(([error, message]) => ({ error, message })),
    });
  });

  it('answers invalid JSON with Notify’s message', async () => {
    const r = await sb.call('POST', '/v2/notifications/sms', { rawBody: '{"phone_number":' });
    expect(r.json).toEqual({
      status_code: 400,
      errors: [{ error: 'BadRequestError', message: 'Invalid JSON supplied in POST data' }],
    });
  });

  it('treats a JSON null body as {}', async () => {
    const r = await sb.call('POST', '/v2/notifications/email', { rawBody: 'null' });
    expect(r.json.errors.map((e: { message: string }) => e.message)).toEqual([
      'email_address is a required property',
      'template_id is a required property',
    ]);
  });

  it('escapes non-ASCII like Flask (ensure_ascii), so raw bytes match Notify', async () => {
    const r = await sb.call('POST', '/v2/notifications/sms', {
      body: sms({ phone_number: '07700900789' }),
      key: 'team',
    });
    expect(r.text).toContain('Can\\u2019t send to this recipient');
    expect(r.text.startsWith('{"errors":[')).toBe(true);
  });

  it('refuses a service without the permission', async () => {
    await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'PATCH',
      body: JSON.stringify({ permissions: ['email'] }),
    });
    try {
      const r = await sb.call('POST', '/v2/notifications/sms', { body: sms() });
      expect(r.json.errors).toEqual([
        { error: 'BadRequestError', message: 'Service is not allowed to send text messages' },
      ]);
    } finally {
      await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}`, {
        headers: { 'Content-Type': 'application/json' },
        method: 'PATCH',
        body: JSON.stringify({
          permissions: [
            'sms',
            'email',
            'letter',
            'international_sms',
            'international_letters',
            'inbound_sms',
          ],
        }),
      });
    }
  });
});

/** A letter template in the trial service (which has no `international_letters`), made in beforeAll. */
const TRIAL_LETTER = '55555555-5555-4555-8555-000000000001';
const file = (extra: Record<string, unknown>) =>
  email({ personalisation: { name: 'A', items: [], 'file link': { file: 'YQ==', ...extra } } });
const moreCases: Case[] = [
  [
    'too many digits',
    '/v2/notifications/sms',
    sms({ phone_number: '077009001234567' }),
    400,
    [[V, 'phone_number Too many digits']],
  ],
  [
    'a country Notify has no rate for',
    '/v2/notifications/sms',
    sms({ phone_number: '+8501921234567' }),
    400,
    [[V, 'phone_number Not a valid country prefix']],
  ],
  [
    'email too long',
    '/v2/notifications/email',
    {
      email_address: 'a@example.gov.uk',
      template_id: T.emptyEmail,
      personalisation: { body: 'a'.repeat(2_000_001) },
    },
    400,
    [
      [
        B,
        'Your message is too long. Emails cannot be longer than 2000000 bytes. Your message is 2000001 bytes.',
      ],
    ],
  ],
  [
    'more than 7 address lines',
    '/v2/notifications/letter',
    letter({ address_line_1: 'a\nb\nc\nd\ne\nf\ng\nh' }),
    400,
    [[V, 'Address must be no more than 7 lines']],
  ],
  [
    'first two lines without letters or digits',
    '/v2/notifications/letter',
    letter({ address_line_1: '...' }),
    400,
    [[V, 'The first 2 lines of the address must both include at least one alphanumeric character']],
  ],
  [
    'BFPO address ending in a country',
    '/v2/notifications/letter',
    letter({ address_line_2: 'BFPO 1234', postcode: 'France' }),
    400,
    [[V, 'The last line of a BFPO address must not be a country.']],
  ],
  [
    'a line starting with a bracket',
    '/v2/notifications/letter',
    letter({ address_line_2: '(1 Street)' }),
    400,
    [[V, 'Address lines must not start with any of the following characters: @ ( ) = [ ] ” \\ / , < >']],
  ],
  [
    'no fixed abode',
    '/v2/notifications/letter',
    letter({ address_line_2: 'No fixed abode' }),
    400,
    [[V, 'Must be a real address']],
  ],
  [
    'not a UK postcode, without international_letters',
    '/v2/notifications/letter',
    { template_id: TRIAL_LETTER, personalisation: { ...address, postcode: 'Nowhere' } },
    400,
    [[V, 'Must be a real UK postcode']],
    'trialTest',
  ],
  [
    'letters in trial mode',
    '/v2/notifications/letter',
    { template_id: TRIAL_LETTER, personalisation: address },
    403,
    [[B, 'Cannot send letters when service is in trial mode']],
    'trialLive',
  ],
  [
    'file name without an extension',
    '/v2/notifications/email',
    file({ filename: 'report' }),
    400,
    [[V, 'filename `filename` must end with a file extension. For example, filename.csv']],
  ],
  [
    'confirm_email_before_download not a boolean',
    '/v2/notifications/email',
    file({ confirm_email_before_download: 'yes' }),
    400,
    [
      [
        V,
        'confirm_email_before_download Unsupported value for confirm_email_before_download: yes. Use a boolean true or false value.',
      ],
    ],
  ],
  [
    'is_csv not a boolean',
    '/v2/notifications/email',
    file({ is_csv: 'x' }),
    400,
    [[V, 'is_csv Unsupported value for is_csv: x. Use a boolean true or false value.']],
  ],
  [
    'is_csv with a filename',
    '/v2/notifications/email',
    file({ is_csv: true, filename: 'a.csv' }),
    400,
    [[V, 'Do not set a value for `is_csv` if `filename` is set.']],
  ],
  [
    'file not a string',
    '/v2/notifications/email',
    file({ file: 5 }),
    400,
    [[V, 'file 5 is not of type string']],
  ],
  ['empty document', '/v2/notifications/email', file({ file: '' }), 400, [[B, 'Document must not be empty']]],
  [
    'not base64',
    '/v2/notifications/email',
    file({ file: '!!!' }),
    400,
    [[B, 'Document is not base64 encoded']],
  ],
  [
    'a virus',
    '/v2/notifications/email',
    file({ file: Buffer.from(EICAR_TEST_STRING).toString('base64'), filename: 'a.txt' }),
    400,
    [[B, 'File did not pass the virus scan']],
  ],
  [
    'a file over the size limit',
    '/v2/notifications/email',
    file({ file: Buffer.alloc(2 * 1024 * 1024 + 1025, 'a').toString('base64'), filename: 'a.txt' }),
    400,
    [[B, 'Uploaded file exceeds file size limit']],
  ],
  [
    'a file name over 100 characters',
    '/v2/notifications/email',
    file({ filename: `${'a'.repeat(97)}.csv` }),
    400,
    [[B, '`filename` cannot be longer than 100 characters']],
  ],
];

describe('POST errors: the rest of the reference’s tables (§6, §10, §11)', () => {
  beforeAll(async () => {
    const res = await fetch(`${sb.url}/_sandbox/services/${TRIAL_ID}/templates`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
      body: JSON.stringify({
        id: TRIAL_LETTER,
        name: 'Trial letter',
        type: 'letter',
        subject: 'Hi',
        content: 'Hello',
      }),
    });
    expect(res.status).toBe(201);
  });

  it.each(moreCases)('%s', async (_name, path, body, status, errors, key) => {
    const r = await sb.call('POST', path, { body, key: key ?? 'live' });
    expect(r.status).toBe(status);
    expect(r.json).toEqual({
      status_code: status,
      errors: errors.map(([error, message]) => ({ error, message })),
    });
  });

  const patch = (body: unknown) =>
    fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'PATCH',
      body: JSON.stringify(body),
    });

  it('refuses emails and letters to a service without those permissions', async () => {
    await patch({ permissions: ['sms'] });
    try {
      expect((await sb.call('POST', '/v2/notifications/email', { body: email() })).json.errors).toEqual([
        { error: B, message: 'Service is not allowed to send emails' },
      ]);
      expect((await sb.call('POST', '/v2/notifications/letter', { body: letter() })).json.errors).toEqual([
        { error: B, message: 'Service is not allowed to send letters' },
      ]);
      const precompiled = await sb.call('POST', '/v2/notifications/letter', {
        body: { reference: 'r', content: 'aGk=' },
      });
      expect(precompiled.json.errors).toEqual([
        { error: B, message: 'Service is not allowed to send letters' },
      ]);
    } finally {
      await patch({
        permissions: ['sms', 'email', 'letter', 'international_sms', 'international_letters', 'inbound_sms'],
      });
    }
  });

  it('refuses files when the service has no contact link', async () => {
    await patch({ contact_link: null });
    try {
      const r = await sb.call('POST', '/v2/notifications/email', { body: file({}) });
      expect(r.json.errors).toEqual([
        {
          error: B,
          message: `Send files by email has not been set up - add contact details for your service at https://www.notifications.service.gov.uk/services/${SERVICE_ID}/service-settings/send-files-by-email`,
        },
      ]);
    } finally {
      await patch({ contact_link: 'https://example.gov.uk/contact' });
    }
  });
});
