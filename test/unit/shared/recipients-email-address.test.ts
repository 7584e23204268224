import { describe, expect, it } from 'vitest';
import { formatEmailAddress, validateEmailAddress } from '../../../src-shared/recipients/email-address';
import { toAscii } from '../../../src-shared/recipients/idna';

// Cases ported from alphagov/notifications-utils tests/recipient_validation/test_email_address.py, plus the
// examples of the reference (§10.2).

const validEmailAddresses = [
  'email@domain.com',
  'email@domain.COM',
  'firstname.lastname@domain.com',
  "firstname.o'lastname@domain.com",
  'email@subdomain.domain.com',
  'firstname+lastname@domain.com',
  '1234567890@domain.com',
  'email@domain-one.com',
  '_______@domain.com',
  'email@domain.name',
  'email@domain.superlongtld',
  'email@domain.co.jp',
  'firstname-lastname@domain.com',
  'info@german-financial-services.vermögensberatung',
  'info@german-financial-services.reallylongarbitrarytldthatiswaytoohugejustincase',
  'japanese-info@例え.テスト',
  'email@double--hyphen.com',
];

const invalidEmailAddresses = [
  'email@123.123.123.123',
  'email@[123.123.123.123]',
  'plainaddress',
  '@no-local-part.com',
  'Outlook Contact <outlook-contact@domain.com>',
  'no-at.domain.com',
  'no-tld@domain',
  ';beginning-semicolon@domain.co.uk',
  'middle-semicolon@domain.co;uk',
  'trailing-semicolon@domain.com;',
  '"email+leading-quotes@domain.com',
  'email+middle"-quotes@domain.com',
  '"quoted-local-part"@domain.com',
  '"quoted@domain.com"',
  'lots-of-dots@domain..gov..uk',
  'two-dots..in-local@domain.com',
  'multiple@domains@domain.com',
  'spaces in local@domain.com',
  'spaces-in-domain@dom ain.com',
  'underscores-in-domain@dom_ain.com',
  'pipe-in-domain@example.com|gov.uk',
  'comma,in-local@gov.uk',
  'comma-in-domain@domain,gov.uk',
  'pound-sign-in-local£@domain.com',
  'local-with-’-apostrophe@domain.com',
  'local-with-”-quotes@domain.com',
  'domain-starts-with-a-dot@.domain.com',
  'brackets(in)local@domain.com',
  `email-too-long-${'a'.repeat(320)}@example.com`,
  'incorrect-punycode@xn---something.com',
  // Reference §10.2.
  'example',
  'with(brackets)@example.com',
  '',
];

describe('validateEmailAddress', () => {
  it.each(validEmailAddresses)('accepts %j', (email) => {
    expect(validateEmailAddress(email)).toEqual({ ok: true, normalised: email.toLowerCase() });
  });

  it.each([
    ' email@domain.com ',
    '\temail@domain.com',
    '\temail@domain.com\n',
    '\u200bemail@domain.com\u200b',
  ])('strips the whitespace of %j', (email) => {
    expect(validateEmailAddress(email)).toEqual({ ok: true, normalised: 'email@domain.com' });
  });

  it.each(invalidEmailAddresses)('rejects %j with “Not a valid email address”', (email) => {
    expect(validateEmailAddress(email)).toEqual({ ok: false, message: 'Not a valid email address' });
  });

  it('lowercases the normalised form', () => {
    expect(validateEmailAddress('TeSt@ExAmPl3.com')).toEqual({ ok: true, normalised: 'test@exampl3.com' });
  });

  it('accepts a 320-character address and rejects 321', () => {
    const domain = '@example.com';
    const ok = `${'a'.repeat(320 - domain.length)}${domain}`;
    expect(validateEmailAddress(ok).ok).toBe(true);
    expect(validateEmailAddress(`a${ok}`)).toEqual({ ok: false, message: 'Not a valid email address' });
  });

  it('rejects host names longer than 253 characters or with labels over 63', () => {
    expect(validateEmailAddress(`a@${'b'.repeat(63)}.com`).ok).toBe(true);
    expect(validateEmailAddress(`a@${'b'.repeat(64)}.com`).ok).toBe(false);
    expect(validateEmailAddress(`a@${'abcdefghi.'.repeat(25)}com`).ok).toBe(true); // 253 characters
    expect(validateEmailAddress(`a@${'abcdefghi.'.repeat(25)}info`).ok).toBe(false);
  });
});

describe('formatEmailAddress (UTILS format_email_address)', () => {
  it('lowercases and removes obscure whitespace without validating', () => {
    expect(formatEmailAddress(' \u200bSome.One@Example.COM\u00a0 ')).toBe('some.one@example.com');
    expect(formatEmailAddress('NOT AN EMAIL')).toBe('not an email');
  });
});

describe('IDNA (Python’s idna codec)', () => {
  it.each([
    ['bücher', 'bcher-kva'],
    ['例え', 'r8jz45g'],
    ['テスト', 'zckzah'],
    ['vermögensberatung', 'vermgensberatung-pwb'],
  ])('punycode-encodes the label %j as xn--%s', (label, expected) => {
    expect(toAscii(`${label}.example`)).toBe(`xn--${expected}.example`);
    expect(validateEmailAddress(`info@${label}.example`)).toEqual({
      ok: true,
      normalised: `info@${label}.example`,
    });
  });

  it.each([
    ['example.com', 'example.com'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['BÜCHER.de', 'xn--bcher-kva.de'],
    ['straße.de', 'strasse.de'],
  ])('encodes %j as %s', (host, expected) => {
    expect(toAscii(host)).toBe(expected);
  });

  it('rejects empty labels and labels over 63 characters', () => {
    expect(toAscii('a..b')).toBeNull();
    expect(toAscii(`${'a'.repeat(64)}.com`)).toBeNull();
  });
});
