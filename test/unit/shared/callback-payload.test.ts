import { describe, expect, it } from 'vitest';
import {
  buildCallbackPayload,
  callbackBody,
  notificationRecipient,
  pythonJsonDumps,
} from '../../../src-shared/callback-payload';
import { pythonJsonDumps as sandboxPythonJsonDumps } from '../../../src-sandbox/callback-dispatcher';
import { notification } from '../renderer/fake-api';

describe('buildCallbackPayload', () => {
  it('has exactly the fields Notify’s delivery receipt has', () => {
    const payload = buildCallbackPayload(
      notification({
        status: 'delivered',
        sent_at: '2026-01-05T12:00:02.000000Z',
        completed_at: '2026-01-05T12:00:10.000000Z',
      }),
    );
    expect(payload).toEqual({
      id: '33333333-3333-3333-3333-333333333333',
      reference: 'ref-1',
      to: '07700900123',
      status: 'delivered',
      created_at: '2026-01-05T12:00:00.000000Z',
      completed_at: '2026-01-05T12:00:10.000000Z',
      sent_at: '2026-01-05T12:00:02.000000Z',
      notification_type: 'sms',
      template_id: '22222222-2222-2222-2222-222222222222',
      template_version: 3,
    });
  });

  it('uses the email address, or the letter’s address lines', () => {
    expect(
      buildCallbackPayload(notification({ type: 'email', email_address: 'a@b.com', phone_number: null })).to,
    ).toBe('a@b.com');
    const letter = notification({
      type: 'letter',
      phone_number: null,
      line_1: 'A Person',
      line_2: '1 Street',
      postcode: 'SW1A 1AA',
    } as never);
    expect(buildCallbackPayload(letter).to).toBe('A Person\n1 Street\nSW1A 1AA');
  });
});

describe('callbackBody', () => {
  it('is Notify’s byte format (Python json.dumps), the same function the sandbox sends with', () => {
    expect(sandboxPythonJsonDumps).toBe(pythonJsonDumps);
    const payload = buildCallbackPayload(notification({ reference: 'é', completed_at: null }));
    expect(callbackBody(payload)).toBe(
      '{"id": "33333333-3333-3333-3333-333333333333", "reference": "\\u00e9", "to": "07700900123", ' +
        `"status": ${JSON.stringify(payload.status)}, "created_at": ${JSON.stringify(payload.created_at)}, ` +
        `"completed_at": null, "sent_at": ${JSON.stringify(payload.sent_at)}, "notification_type": "sms", ` +
        '"template_id": "22222222-2222-2222-2222-222222222222", "template_version": 3}',
    );
    expect(JSON.parse(callbackBody(payload))).toEqual(payload);
  });

  it('reads letter address lines, skipping empty ones', () => {
    const letter = { line_1: 'A', line_2: ' ', line_3: 'B', postcode: 'SW1A 1AA' };
    expect(notificationRecipient(letter, '\n')).toBe('A\nB\nSW1A 1AA');
    expect(notificationRecipient(letter, ', ')).toBe('A, B, SW1A 1AA');
  });

  it('names the recipient of each channel, and none when there is none', () => {
    expect(notificationRecipient({ email_address: 'a@example.com', phone_number: null }, ', ')).toBe(
      'a@example.com',
    );
    expect(notificationRecipient({ email_address: null, phone_number: '07700900123' }, ', ')).toBe(
      '07700900123',
    );
    expect(notificationRecipient({ email_address: null, phone_number: null, line_1: '  ' }, ', ')).toBeNull();
  });
});
