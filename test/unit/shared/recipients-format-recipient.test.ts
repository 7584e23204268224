import { describe, expect, it } from 'vitest';
import {
  allowedToSendTo,
  formatRecipient,
  isSimulatedRecipient,
} from '../../../src-shared/recipients/format-recipient';
import { normalisePhoneNumber } from '../../../src-shared/recipients/phone-number';

// Cases ported from alphagov/notifications-utils tests/recipient_validation/test_phone_number.py and
// test_email_address.py (format_recipient, allowed_to_send_to).

const validUkMobiles = [
  '7723456789',
  '07723456789',
  '07723 456789',
  '07723-456-789',
  '00447723456789',
  '00 44 7723456789',
  '+447723456789',
  '+44 7723 456 789',
  '+44 (0)7723 456 789',
  '\u200b\t\t+44 (0)7723 456 789\ufeff \r\n',
];

describe('formatRecipient (UTILS format_recipient)', () => {
  it.each([
    [true, ''],
    [false, ''],
    [0, ''],
    [0.1, ''],
    [null, ''],
    ['foo', 'foo'],
    ['TeSt@ExAmPl3.com', 'test@exampl3.com'],
    ['+4407900 900 123', '447900900123'],
    ['+1 928-282-4541', '19282824541'],
  ])('formats %j as %j', (recipient, expected) => {
    expect(formatRecipient(recipient)).toBe(expected);
  });
});

describe('allowedToSendTo (UTILS allowed_to_send_to)', () => {
  it.each(validUkMobiles)('matches %j against a guest list in any format', (number) => {
    expect(allowedToSendTo(number, ['07723456789', '07700900460', 'test@example.com'])).toBe(true);
    expect(allowedToSendTo(number, ['07700900460', '07700900461', 'test@example.com'])).toBe(false);
  });

  it.each([
    ['1-202-555-0104', '0012025550104'],
    ['0012025550104', '1-202-555-0104'],
  ])('matches the international %j against %j', (recipient, entry) => {
    expect(allowedToSendTo(recipient, [entry])).toBe(true);
  });

  it.each(['email@domain.com', "firstname.o'lastname@domain.com", 'japanese-info@例え.テスト'])(
    'does not match %j against another address',
    (email) => {
      expect(allowedToSendTo(email, ['very_special_and_unique@example.com'])).toBe(false);
    },
  );

  it('ignores the case of email addresses', () => {
    expect(allowedToSendTo('Test@Example.com', ['test@EXAMPLE.com'])).toBe(true);
  });
});

describe('simulated recipients', () => {
  // The API's SIMULATED_SMS_NUMBERS and SIMULATED_EMAIL_ADDRESSES (app/config.py, reference §7.5).
  it.each(['+447700900000', '+447700900111', '+447700900222'])(
    'recognises the API’s simulated number %s',
    (number) => {
      expect(isSimulatedRecipient(normalisePhoneNumber(number) ?? '', 'sms')).toBe(true);
    },
  );

  it.each([
    'simulate-delivered@notifications.service.gov.uk',
    'simulate-delivered-2@notifications.service.gov.uk',
    'simulate-delivered-3@notifications.service.gov.uk',
  ])('recognises the API’s simulated email address %s', (email) => {
    expect(isSimulatedRecipient(email, 'email')).toBe(true);
    // A simulated number is not a simulated email address, nor the other way round.
    expect(isSimulatedRecipient(email, 'sms')).toBe(false);
  });

  it('has no other simulated recipients', () => {
    for (const number of ['+447700900001', '+447700900100', '+447700900333', '+447700900999']) {
      expect(isSimulatedRecipient(normalisePhoneNumber(number) ?? '', 'sms'), number).toBe(false);
    }
    expect(isSimulatedRecipient(normalisePhoneNumber('+447700900000') ?? '', 'email')).toBe(false);
    for (const email of [
      'simulate-delivered-1@notifications.service.gov.uk',
      'simulate-delivered-4@notifications.service.gov.uk',
      'simulate-delivered@notifications.service.gov.uk.example',
    ]) {
      expect(isSimulatedRecipient(email, 'email'), email).toBe(false);
    }
  });

  it.each(['07700900000', '+44 7700 900 111', '07700 900222'])(
    'recognises the simulated number %j',
    (number) => {
      expect(isSimulatedRecipient(normalisePhoneNumber(number) ?? '', 'sms')).toBe(true);
    },
  );

  it('does not treat other TV numbers or emails as simulated', () => {
    expect(isSimulatedRecipient(normalisePhoneNumber('07700900333') ?? '', 'sms')).toBe(false);
    expect(isSimulatedRecipient('simulate-delivered@notifications.service.gov.uk', 'email')).toBe(true);
    expect(isSimulatedRecipient('someone@notifications.service.gov.uk', 'email')).toBe(false);
  });
});
