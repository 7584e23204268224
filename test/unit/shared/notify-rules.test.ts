/**
 * Notify's rules that the core and the renderer used to copy, now in src-shared once: status
 * classification, the simulated-recipient rule, ids, the day format and the name bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methods } from '../../../src-main/contract/methods';
import { statusTone } from '../../../src-renderer/components/status-tone';
import { formatDay, parseNotifyTime } from '../../../src-shared/dates';
import { isUuid, UUID_PATTERN } from '../../../src-shared/notify/ids';
import { checkProfileName, PROFILE_NAME_MAX } from '../../../src-shared/notify/profile-fields';
import { isSimulatedSend } from '../../../src-shared/notify/simulated-recipient';
import {
  endedWithoutDelivery,
  expandStatusFilter,
  isFinalStatus,
  STATUS_FILTER_VALUES,
  statusOutcome,
} from '../../../src-shared/statuses';

describe('one status classification', () => {
  it('puts cancelled apart: final, explained, not a failure, not in the failed filter', () => {
    expect(statusOutcome('cancelled')).toBe('cancelled');
    expect(isFinalStatus('cancelled')).toBe(true);
    expect(endedWithoutDelivery('cancelled')).toBe(true);
    expect(statusTone('cancelled')).toBe('neutral');
    expect(expandStatusFilter(['failed'])).not.toContain('cancelled');
  });

  it('agrees with the failed filter for every failure', () => {
    // API NOTIFICATION_STATUS_TYPES_FAILED (app/constants.py, reference §7); cancelled is not a failure.
    const failures = [
      'technical-failure',
      'temporary-failure',
      'permanent-failure',
      'validation-failed',
      'virus-scan-failed',
      'returned-letter',
    ];
    expect(expandStatusFilter(['failed'])).toEqual(failures);
    for (const s of [...failures, 'failed']) {
      expect(statusOutcome(s)).toBe('failed');
      expect(statusTone(s)).toBe('failure');
      expect(isFinalStatus(s)).toBe(true);
    }
  });

  it('classifies every status Notify can show, and stops tracking only at final ones', () => {
    const inProgress = STATUS_FILTER_VALUES.filter((s) => !isFinalStatus(s));
    expect(inProgress.sort()).toEqual(['accepted', 'created', 'pending', 'pending-virus-check', 'sending']);
    for (const s of ['delivered', 'sent', 'received']) expect(statusTone(s)).toBe('success');
    for (const s of inProgress) expect(statusTone(s)).toBe('pending');
  });

  it('treats a status this version does not know as final and neutral, so nothing polls it for ever', () => {
    expect(isFinalStatus('some-new-status')).toBe(true);
    expect(statusTone('some-new-status')).toBe('neutral');
    expect(endedWithoutDelivery('some-new-status')).toBe(false);
  });
});

describe('the simulated-recipient rule', () => {
  it('recognises Notify’s smoke-test numbers in any spelling and emails in any case', () => {
    for (const n of ['07700900000', '+44 7700 900111', '(07700) 900 222', ' 447700900000 '])
      expect(isSimulatedSend('sms', n)).toBe(true);
    for (const e of [
      'simulate-delivered@notifications.service.gov.uk',
      ' Simulate-Delivered-2@Notifications.Service.Gov.UK ',
    ])
      expect(isSimulatedSend('email', e)).toBe(true);
  });

  it('does not treat the simulator’s delivered and failure recipients as never-stored ones', () => {
    for (const n of ['07700900123', '07700900003', '07700900002', 'not a number'])
      expect(isSimulatedSend('sms', n)).toBe(false);
    for (const e of ['delivered@example.gov.uk', 'perm-fail@simulator.notify', 'simulate-delivered'])
      expect(isSimulatedSend('email', e)).toBe(false);
  });
});

describe('ids', () => {
  it('accepts a UUID in any case, with or without hyphens, and spaces around it', () => {
    expect(isUuid('740E5834-3a29-46b4-9a6f-16142fde533a')).toBe(true);
    expect(isUuid(' 740e58343a2946b49a6f16142fde533a ')).toBe(true);
    expect(isUuid('740e5834-3a29-46b4-9a6f-16142fde533')).toBe(false);
    expect(isUuid('my-reference')).toBe(false);
  });

  it('is the contract’s pattern: what the lookup calls an id, the contract accepts as one', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })), (s) => {
        const contract = methods['notifications.get'].input.safeParse({
          profileId: 'p',
          id: s.trim(),
        }).success;
        expect(isUuid(s)).toBe(contract && UUID_PATTERN.test(s.trim()));
      }),
    );
  });
});

describe('dates', () => {
  it('formats a day with one month table, in UTC for the core and local time for the renderer', () => {
    const ms = parseNotifyTime('2026-03-14T12:00:00.123456Z')!;
    expect(formatDay(ms, 'utc')).toBe('14 Mar 2026');
    const d = new Date(ms);
    expect(formatDay(ms, 'local')).toBe(`${d.getDate()} Mar ${d.getFullYear()}`);
    expect(formatDay(Date.UTC(2025, 11, 31, 23, 59), 'utc')).toBe('31 Dec 2025');
  });
});

describe('profile names', () => {
  it('the contract lets through every name the core accepts (60 characters, emoji included)', () => {
    const longest = ` ${'👩‍💻'.slice(0, 2).repeat(PROFILE_NAME_MAX)} `;
    expect(checkProfileName(longest)).toMatchObject({ ok: true });
    const input = { name: longest, baseUrl: 'https://api.notifications.service.gov.uk', keyType: 'live' };
    expect(methods['profiles.create'].input.safeParse(input).success).toBe(true);
  });

  it('one character over the limit is refused by the core with its own message', () => {
    expect(checkProfileName('a'.repeat(PROFILE_NAME_MAX + 1))).toEqual({
      ok: false,
      message: `Use at most ${PROFILE_NAME_MAX} characters for the name (this one has ${PROFILE_NAME_MAX + 1}).`,
    });
  });
});
