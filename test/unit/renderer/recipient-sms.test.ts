import { describe, expect, it } from 'vitest';
import { checkRecipient, SIMULATED_RECIPIENTS } from '../../../src-renderer/features/send/recipient';
import { describeCharacter, formatPounds, smsPreview } from '../../../src-renderer/features/send/sms-preview';
import { SMS_RATE_POUNDS } from '../../../src-shared/letters/costs';

describe('checkRecipient', () => {
  it('accepts UK mobiles and normalises them', () => {
    expect(checkRecipient('sms', '07700 900123')).toMatchObject({
      ok: true,
      normalised: '447700900123',
      smokeTest: false,
      rateMultiplier: 1,
    });
  });

  it('flags smoke-test numbers and addresses', () => {
    expect(checkRecipient('sms', '07700900000')).toMatchObject({ ok: true, smokeTest: true });
    expect(checkRecipient('sms', '+44 7700 900111')).toMatchObject({ ok: true, smokeTest: true });
    expect(checkRecipient('email', 'Simulate-Delivered@notifications.service.gov.uk')).toMatchObject({
      ok: true,
      smokeTest: true,
    });
    expect(checkRecipient('email', 'temp-fail@simulator.notify')).toMatchObject({
      ok: true,
      smokeTest: false,
    });
  });

  it('knows international numbers cost more', () => {
    const us = checkRecipient('sms', '+1 202 555 0143');
    expect(us.ok).toBe(true);
    if (us.ok) expect(us.countryName).toBeTruthy();
  });

  it('gives Notify’s messages for bad recipients', () => {
    expect(checkRecipient('sms', '')).toEqual({ ok: false, message: 'Enter a phone number' });
    expect(checkRecipient('sms', '077009001234567')).toEqual({ ok: false, message: 'Too many digits' });
    expect(checkRecipient('email', 'a@b')).toEqual({ ok: false, message: 'Not a valid email address' });
  });

  it('offers a recipient for every simulated outcome, all of them valid', () => {
    for (const type of ['sms', 'email'] as const) {
      const outcomes = SIMULATED_RECIPIENTS[type].map((r) => r.outcome);
      expect(outcomes).toEqual(
        expect.arrayContaining(['delivered', 'temporary-failure', 'permanent-failure', 'smoke-test']),
      );
      for (const r of SIMULATED_RECIPIENTS[type]) {
        const check = checkRecipient(type, r.value);
        expect(check.ok, r.value).toBe(true);
        if (check.ok) expect(check.smokeTest, r.value).toBe(r.outcome === 'smoke-test');
      }
    }
  });
});

describe('smsPreview', () => {
  it('counts characters and fragments the way Notify does', () => {
    const one = smsPreview('a'.repeat(160), {});
    expect(one).toMatchObject({
      characterCount: 160,
      fragmentCount: 1,
      encoding: 'GSM-7',
      nonGsmCharacters: [],
    });
    expect(smsPreview('a'.repeat(161), {}).fragmentCount).toBe(2);
    expect(smsPreview('^'.repeat(81), {}).fragmentCount).toBe(2);
  });

  it('fills personalisation before counting', () => {
    const p = smsPreview('Hello ((name))', { name: 'Ada' });
    expect(p.body).toBe('Hello Ada');
    expect(p.characterCount).toBe(9);
  });

  it('lists characters that are not GSM-7 and what they become', () => {
    const p = smsPreview('Caf\u00e9 \u2019quoted\u2019 \ud83d\ude00 \u0175', {});
    expect(p.nonGsmCharacters).toEqual(['\u2019', '\ud83d\ude00', '\u0175']);
    expect(p.replaced).toEqual(
      expect.arrayContaining([
        { from: '\u2019', to: "'" },
        { from: '\ud83d\ude00', to: '?' },
      ]),
    );
    expect(p.encoding).toBe('UCS-2');
  });

  it('estimates cost as fragments × Notify’s rate (£0.0233, as the sandbox charges) × multiplier', () => {
    expect(SMS_RATE_POUNDS).toBe(0.0233);
    expect(smsPreview('a'.repeat(200), {}, 1).costEstimate).toBe(0.0466);
    expect(smsPreview('a'.repeat(400), {}, 2).costEstimate).toBe(0.1398);
    expect(formatPounds(smsPreview('a'.repeat(400), {}, 1.5).costEstimate)).toBe('£0.1049');
    expect(formatPounds(0.0454)).toBe('£0.0454');
    expect(formatPounds(1.2)).toBe('£1.20');
  });

  it('describes invisible characters by code point', () => {
    expect(describeCharacter('\u200b')).toBe('U+200B');
    expect(describeCharacter('\u2019')).toBe('\u2019 (U+2019)');
  });
});
