import { describe, expect, it } from 'vitest';
import { parseErrorEnvelope, parseJson } from '../../../src-main/core/notify/responses';
import { templateList } from '../../../src-shared/notify/resources';

describe('parseErrorEnvelope', () => {
  it('recognises the v2 envelope, keeping extra keys such as the QR-code error’s', () => {
    expect(
      parseErrorEnvelope({
        status_code: 400,
        errors: [
          {
            error: 'ValidationError',
            message: 'Cannot create a usable QR code - the link is too long',
            max_bytes: 504,
          },
        ],
      }),
    ).toEqual({
      kind: 'v2',
      errors: [
        {
          error: 'ValidationError',
          message: 'Cannot create a usable QR code - the link is too long',
          max_bytes: 504,
        },
      ],
    });
  });
  it('recognises the app-level envelope, including the unsubscribe route’s nested message', () => {
    expect(
      parseErrorEnvelope({ result: 'error', message: 'The method is not allowed for the requested URL.' }),
    ).toEqual({
      kind: 'app',
      app: { result: 'error', message: 'The method is not allowed for the requested URL.' },
    });
    expect(
      parseErrorEnvelope({
        result: 'error',
        message: { 'unsubscribe request': 'This is not a valid unsubscribe link.' },
      }),
    ).toEqual({
      kind: 'app',
      app: { result: 'error', message: 'This is not a valid unsubscribe link.' },
    });
  });
  it('rejects anything else', () => {
    for (const v of [
      null,
      5,
      'x',
      [],
      {},
      { errors: [] },
      { errors: [{ error: 'X' }] },
      { errors: 'no' },
      { message: 'm' },
      { result: 'error' },
    ]) {
      expect(parseErrorEnvelope(v)).toBeNull();
    }
  });
});

describe('parseJson and shapes', () => {
  it('parses JSON bytes or gives undefined', () => {
    expect(parseJson(new TextEncoder().encode('{"a":1}'))).toEqual({ a: 1 });
    expect(parseJson(new TextEncoder().encode('<html>'))).toBeUndefined();
    expect(parseJson(new Uint8Array())).toBeUndefined();
  });
  it('checks the fields the console relies on and passes the rest through', () => {
    const t = {
      id: 'x',
      name: 'n',
      type: 'sms',
      version: 1,
      body: 'b',
      subject: null,
      created_at: '2026-01-01T00:00:00.000000Z',
      future_field: { anything: true },
    };
    expect(templateList.parse({ templates: [t] }).templates[0]?.future_field).toEqual({ anything: true });
    expect(templateList.safeParse({ templates: [{ ...t, type: 'fax' }] }).success).toBe(false);
    expect(templateList.safeParse({ templates: 'none' }).success).toBe(false);
  });
});
