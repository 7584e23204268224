import { describe, expect, it } from 'vitest';
import {
  buildPersonalisation,
  emptyValueFor,
  fileFieldProblems,
  placeholderFields,
  previewPersonalisation,
  type FieldValue,
} from '../../../src-renderer/features/send/placeholder-fields';
import {
  buildSendRequest,
  emptySendForm,
  redactFileContents,
  validateSendForm,
  type SendForm,
} from '../../../src-renderer/features/send/send-request';
import { template } from './fake-api';

const file = (overrides: Partial<Extract<FieldValue, { kind: 'file' }>> = {}): FieldValue => ({
  kind: 'file',
  file: { fileName: 'report.pdf', size: 1000, base64: 'JVBERi0xLjQ=' },
  filename: '',
  confirmEmailBeforeDownload: true,
  retentionWeeks: '',
  ...overrides,
});

describe('placeholderFields', () => {
  it('lists placeholders in Notify’s order and spots conditional-only ones', () => {
    const fields = placeholderFields(template());
    expect(fields).toEqual([
      { name: 'name', conditionalOnly: false, conditionalTexts: [] },
      { name: 'date', conditionalOnly: false, conditionalTexts: [] },
      { name: 'urgent', conditionalOnly: true, conditionalTexts: ['Please arrive early.'] },
    ]);
  });

  it('takes the subject first for emails and matches names insensitively', () => {
    const fields = placeholderFields(
      template({
        type: 'email',
        subject: 'About ((First Name))',
        body: 'Hi ((first_name)) ((show??x)) ((show))',
      }),
    );
    expect(fields.map((f) => [f.name, f.conditionalOnly])).toEqual([
      ['First Name', false],
      ['show', false],
    ]);
  });

  it('starts conditionals unticked and text empty', () => {
    const [name, , urgent] = placeholderFields(template());
    expect(emptyValueFor(name!)).toEqual({ kind: 'text', text: '' });
    expect(emptyValueFor(urgent!)).toEqual({ kind: 'flag', on: false });
  });
});

describe('buildPersonalisation', () => {
  const fields = placeholderFields(
    template({ type: 'email', subject: 's', body: '((name)) ((items)) ((doc)) ((vip??VIP))' }),
  );

  it('sends text as typed, yes/no for conditionals, non-empty list items and file objects', () => {
    expect(
      buildPersonalisation(fields, {
        name: { kind: 'text', text: '' },
        items: { kind: 'list', items: ['passport', ' ', 'bill', ''] },
        doc: file({ filename: 'Your report.pdf', retentionWeeks: '4', confirmEmailBeforeDownload: false }),
        vip: { kind: 'flag', on: true },
      }),
    ).toEqual({
      name: '',
      items: ['passport', 'bill'],
      doc: {
        file: 'JVBERi0xLjQ=',
        filename: 'Your report.pdf',
        confirm_email_before_download: false,
        retention_period: '4 weeks',
      },
      vip: 'yes',
    });
  });

  it('defaults missing values, leaves out a file field with no file and adds letter address lines', () => {
    expect(
      buildPersonalisation(
        fields,
        { doc: file({ file: null }) },
        { address_line_1: ' A Person ', address_line_2: '', postcode: 'SW1A 1AA' },
      ),
    ).toEqual({
      address_line_1: 'A Person',
      postcode: 'SW1A 1AA',
      name: '',
      items: '',
      vip: 'no',
    });
  });

  it('uses the file’s own name and Notify’s default retention when none is given', () => {
    expect(buildPersonalisation(fields, { doc: file({ retentionWeeks: '1' }) })['doc']).toMatchObject({
      filename: 'report.pdf',
      retention_period: '1 week',
    });
    expect(buildPersonalisation(fields, { doc: file() })['doc']).toMatchObject({ retention_period: null });
  });

  it('shows unfilled placeholders and file links in the preview', () => {
    const p = previewPersonalisation(fields, { doc: file(), name: { kind: 'text', text: '' } }, undefined, {
      showMissing: true,
    });
    expect(p['name']).toBe('((name))');
    expect(p['doc']).toBe('https://documents.service.gov.uk/d/…');
    expect(previewPersonalisation(fields, {}, undefined)['name']).toBe('');
  });
});

describe('fileFieldProblems', () => {
  it('applies Notify’s file rules', () => {
    expect(fileFieldProblems({ a: file() })).toEqual({});
    expect(fileFieldProblems({ a: file({ file: null }) })['a']).toMatch(/Choose a file/);
    expect(
      fileFieldProblems({ a: file({ file: { fileName: 'big.pdf', size: 3 * 1024 * 1024, base64: '' } }) })[
        'a'
      ],
    ).toBe('File is larger than 2MB');
    expect(fileFieldProblems({ a: file({ filename: 'noextension' }) })['a']).toMatch(/file extension/);
    expect(fileFieldProblems({ a: file({ retentionWeeks: '79' }) })['a']).toMatch(/1 to 78/);
    expect(fileFieldProblems({ a: { kind: 'text', text: 'x' } })).toEqual({});
  });
});

describe('validateSendForm', () => {
  const sms = template();
  const form = (patch: Partial<SendForm>): SendForm => ({ ...emptySendForm, ...patch });

  it('requires a template and a valid recipient, with Notify’s messages', () => {
    expect(validateSendForm(null, form({}))).toEqual({ template: 'Choose a template' });
    expect(validateSendForm(sms, form({}))['recipient']).toBe('Enter a phone number');
    expect(validateSendForm(sms, form({ recipient: '077009' }))['recipient']).toBe('Not enough digits');
    expect(validateSendForm(sms, form({ recipient: '07700 9001 23x' }))['recipient']).toBe(
      'Must not contain letters or symbols',
    );
    expect(validateSendForm(sms, form({ recipient: '07700900123' }))).toEqual({});
    const email = template({ type: 'email', subject: 'Hi', body: 'x' });
    expect(validateSendForm(email, form({ recipient: 'not-an-email' }))['recipient']).toBe(
      'Not a valid email address',
    );
  });

  it('checks sender ids, the unsubscribe URL and the reference length', () => {
    const email = template({ type: 'email', subject: 'Hi', body: 'x' });
    const errors = validateSendForm(
      email,
      form({
        recipient: 'a@example.com',
        senderId: 'nope',
        unsubscribeUrl: 'http://x.com',
        reference: 'r'.repeat(1001),
      }),
    );
    expect(errors).toEqual({
      senderId: 'email_reply_to_id is not a valid UUID',
      unsubscribeUrl: 'one_click_unsubscribe_url is not a valid https url',
      reference: 'reference is too long (1000 characters at most)',
    });
    expect(validateSendForm(sms, form({ recipient: '07700900123', senderId: 'bad' }))['senderId']).toBe(
      'sms_sender_id is not a valid UUID',
    );
  });

  it('checks a letter’s address with Notify’s rule', () => {
    const letter = template({ type: 'letter', subject: 'Hello', body: 'Body' });
    expect(validateSendForm(letter, form({ address: { address_line_1: 'A Person' } }))['address']).toBe(
      'Address must be at least 3 lines',
    );
    expect(
      validateSendForm(
        letter,
        form({ address: { address_line_1: 'A Person', address_line_2: '1 Street', postcode: 'SW1A 1AA' } }),
      ),
    ).toEqual({});
  });

  it('only allows files in emails', () => {
    expect(validateSendForm(sms, form({ recipient: '07700900123', values: { name: file() } }))['name']).toBe(
      'Can only send a file by email',
    );
  });

  it('needs a PDF and a reference for a precompiled letter', () => {
    expect(validateSendForm(null, form({ mode: 'precompiled' }))).toEqual({
      reference: 'A precompiled letter needs a reference',
      precompiled: 'Choose a PDF file',
    });
    const notPdf = { fileName: 'a.pdf', size: 3, base64: 'aGk=' };
    expect(
      validateSendForm(null, form({ mode: 'precompiled', reference: 'r', precompiled: notPdf }))[
        'precompiled'
      ],
    ).toBe('The file is not a PDF');
  });
});

describe('buildSendRequest', () => {
  it('builds an SMS request with only the options that were set', () => {
    const request = buildSendRequest(template(), {
      ...emptySendForm,
      recipient: ' 07700900123 ',
      values: {
        name: { kind: 'text', text: 'Ada' },
        date: { kind: 'text', text: 'Monday' },
        urgent: { kind: 'flag', on: true },
      },
      senderId: '44444444-4444-4444-4444-444444444444',
    });
    expect(request).toEqual({
      type: 'sms',
      phone_number: '07700900123',
      template_id: template().id,
      personalisation: { name: 'Ada', date: 'Monday', urgent: 'yes' },
      sms_sender_id: '44444444-4444-4444-4444-444444444444',
    });
  });

  it('builds email, letter and precompiled requests', () => {
    const email = buildSendRequest(template({ type: 'email', subject: 's', body: 'b' }), {
      ...emptySendForm,
      recipient: 'a@example.com',
      reference: 'my-ref',
      unsubscribeUrl: 'https://example.com/unsub',
    });
    expect(email).toMatchObject({
      type: 'email',
      email_address: 'a@example.com',
      reference: 'my-ref',
      one_click_unsubscribe_url: 'https://example.com/unsub',
    });
    expect(email).not.toHaveProperty('email_reply_to_id');
    const letter = buildSendRequest(template({ type: 'letter', subject: 's', body: 'b' }), {
      ...emptySendForm,
      address: { address_line_1: 'A', address_line_2: 'B', postcode: 'SW1A 1AA' },
    });
    expect(letter).toMatchObject({
      type: 'letter',
      personalisation: { address_line_1: 'A', address_line_2: 'B', postcode: 'SW1A 1AA' },
    });
    const pre = buildSendRequest(null, {
      ...emptySendForm,
      mode: 'precompiled',
      reference: 'r',
      precompiled: { fileName: 'a.pdf', size: 1, base64: 'JVBER' },
      postage: 'first',
    });
    expect(pre).toEqual({ type: 'precompiled', reference: 'r', content: 'JVBER', postage: 'first' });
  });

  it('cuts file contents out of a request for display', () => {
    const email = buildSendRequest(template({ type: 'email', subject: 's', body: '((doc))' }), {
      ...emptySendForm,
      recipient: 'a@example.com',
      values: { doc: file() },
    });
    const shown = redactFileContents(email);
    expect(shown).toMatchObject({
      personalisation: { doc: { file: '<base64 of your file>', filename: 'report.pdf' } },
    });
    expect(redactFileContents({ type: 'precompiled', reference: 'r', content: 'JVBER' })).toMatchObject({
      content: '<base64 of your PDF>',
    });
  });
});
