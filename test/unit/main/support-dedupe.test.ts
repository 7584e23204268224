/**
 * Support counts and lists each notification once per service (issue 9.3): two profiles of one
 * service see the same notifications, so they must not double a count or repeat a row.
 */
import { describe, expect, it } from 'vitest';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import type { Notification } from '../../../src-shared/notify/resources';
import { FailureSummary } from '../../../src-main/core/support/failure-summary';
import { LookupService } from '../../../src-main/core/support/lookup-service';
import { serviceKeyOf } from '../../../src-main/core/support/service-key';
import { TemplateNames } from '../../../src-main/core/templates/template-names';
import type { NotifyAccess } from '../../../src-main/core/notify/notify-access';
import type { ProfileDirectory } from '../../../src-main/core/profiles/profile-directory';

const SERVICE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OTHER_SERVICE = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const SMS_TEMPLATE = '11111111-1111-4111-8111-111111111111';
const EMAIL_TEMPLATE = '22222222-2222-4222-8222-222222222222';

function profile(id: string, serviceId: string, baseUrl = 'http://127.0.0.1:4000'): PublicProfile {
  return {
    id,
    name: `Profile ${id}`,
    baseUrl,
    keyType: 'test',
    keyTypeLabel: 'Test',
    colour: '#00703c',
    proxy: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    needsKey: false,
    keyProblem: null,
    key: {
      name: 'k',
      serviceId,
      last4: 'abcd',
      masked: 'k-…abcd',
      addedAt: null,
      lastUsedAt: null,
      revokedSeenAt: null,
    },
    isSandbox: true,
    builtIn: false,
  };
}

function notification(n: number, type: 'sms' | 'email', status = 'permanent-failure'): Notification {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    reference: `ref-${n}`,
    type,
    status,
    template: { id: type === 'sms' ? SMS_TEMPLATE : EMAIL_TEMPLATE, version: 2, uri: 'x' },
    body: 'Hello',
    subject: null,
    created_at: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000000Z`,
    sent_at: null,
    completed_at: null,
    email_address: type === 'email' ? 'a@example.gov.uk' : null,
    phone_number: type === 'sms' ? '07700900002' : null,
  };
}

/** A fake Notify: every profile of a service lists the same failures; templates have names. */
function fakes(profiles: PublicProfile[], failuresByService: Record<string, Notification[]>) {
  const calls: string[] = [];
  const client = (p: PublicProfile) => ({
    getNotifications: async () => ({ notifications: failuresByService[p.key!.serviceId] ?? [], links: {} }),
    getNotification: async (id: string) => {
      const n = (failuresByService[p.key!.serviceId] ?? []).find((x) => x.id === id);
      if (!n) throw Object.assign(new Error('not found'), { status: 404 });
      return n;
    },
    findByReference: async (reference: string) =>
      (failuresByService[p.key!.serviceId] ?? []).filter((x) => x.reference === reference),
    getTemplate: async (id: string, version: number) => {
      calls.push(`template ${id}@${version}`);
      return { id, version, name: id === SMS_TEMPLATE ? 'Appointment reminder' : 'Password reset' };
    },
  });
  const notify = {
    withClient: <T>(profileId: string, fn: (c: never) => Promise<T>) =>
      fn(client(profiles.find((p) => p.id === profileId)!) as never),
  } as unknown as NotifyAccess;
  const directory = { list: () => profiles } as unknown as ProfileDirectory;
  return { notify, directory, calls };
}

describe('failure summary across profiles of one service', () => {
  const profiles = [profile('built-in', SERVICE), profile('mine', SERVICE), profile('trial', OTHER_SERVICE)];
  const failures = {
    [SERVICE]: [
      ...Array.from({ length: 30 }, (_, i) => notification(i, 'sms')),
      notification(40, 'email'),
      notification(41, 'email'),
    ],
    [OTHER_SERVICE]: [notification(50, 'sms')],
  };

  it('counts 32 failures as 32, not 64, and names both profiles', async () => {
    const { notify, directory } = fakes(profiles, failures);
    const summary = await new FailureSummary(directory, notify, new TemplateNames(notify)).summary();
    const total = summary.groups.reduce((n, g) => n + g.count, 0);
    expect(total).toBe(33);
    const sms = summary.groups.find((g) => g.templateId === SMS_TEMPLATE && g.profileId === 'built-in');
    expect(sms?.count).toBe(30);
    expect(sms?.profiles.map((p) => p.profileId)).toEqual(['built-in', 'mine']);
    expect(new Set(sms?.sampleIds).size).toBe(sms?.sampleIds.length);
    // The other service's failure with the same template id is its own group.
    const trial = summary.groups.find((g) => g.profileId === 'trial');
    expect(trial).toMatchObject({ count: 1, profiles: [{ profileId: 'trial' }] });
  });

  it('keeps the channel and the template name with its versions, for each group', async () => {
    const { notify, directory } = fakes(profiles, failures);
    const summary = await new FailureSummary(directory, notify, new TemplateNames(notify)).summary();
    const email = summary.groups.find((g) => g.templateId === EMAIL_TEMPLATE);
    expect(email).toMatchObject({
      notificationType: 'email',
      templateName: 'Password reset',
      templateVersions: [2],
      count: 2,
    });
    expect(email?.explanation.whatHappened).toMatch(/email/i);
  });
});

describe('lookup across profiles of one service', () => {
  it('finds one notification once, via every profile that found it', async () => {
    const profiles = [
      profile('built-in', SERVICE),
      profile('mine', SERVICE),
      profile('trial', OTHER_SERVICE),
    ];
    const n = notification(7, 'sms', 'delivered');
    const { notify, directory } = fakes(profiles, { [SERVICE]: [n] });
    const result = await new LookupService(directory, notify, new TemplateNames(notify)).lookup(n.id);
    expect(result.results).toHaveLength(1);
    expect(result.results[0]).toMatchObject({
      profileId: 'built-in',
      profiles: [{ profileId: 'built-in' }, { profileId: 'mine' }],
      templateName: 'Appointment reminder',
    });
    expect(result.searched).toHaveLength(3);
  });

  it('keeps the same id in two services apart', async () => {
    const profiles = [
      profile('a', SERVICE),
      profile('b', SERVICE, 'https://api.notifications.service.gov.uk'),
    ];
    const n = notification(8, 'sms', 'delivered');
    const { notify, directory } = fakes(profiles, { [SERVICE]: [n] });
    const result = await new LookupService(directory, notify, new TemplateNames(notify)).lookup(n.id);
    expect(result.results.map((r) => r.profiles.length)).toEqual([1, 1]);
  });
});

describe('serviceKeyOf', () => {
  it('treats base URLs that differ only by case or a trailing slash as one service', () => {
    expect(serviceKeyOf(profile('a', SERVICE, 'HTTP://127.0.0.1:4000/'))).toBe(
      serviceKeyOf(profile('b', SERVICE.toUpperCase(), 'http://127.0.0.1:4000')),
    );
    expect(serviceKeyOf({ ...profile('c', SERVICE), key: null })).toBe('profile:c');
  });
});

describe('template names', () => {
  it('asks Notify once per template version and remembers it per profile', async () => {
    const profiles = [profile('a', SERVICE)];
    const { notify, calls } = fakes(profiles, {});
    const names = new TemplateNames(notify);
    const refs = [
      { id: SMS_TEMPLATE, version: 2 },
      { id: SMS_TEMPLATE, version: 2 },
      { id: EMAIL_TEMPLATE, version: 1 },
    ];
    expect(await names.names('a', refs)).toEqual([
      { id: SMS_TEMPLATE, version: 2, name: 'Appointment reminder' },
      { id: EMAIL_TEMPLATE, version: 1, name: 'Password reset' },
    ]);
    await names.names('a', refs);
    expect(calls).toHaveLength(2);
  });

  it('gives null, and asks again later, when Notify cannot tell', async () => {
    let fail = true;
    const notify = {
      withClient: async <T>(_id: string, fn: (c: never) => Promise<T>) =>
        fn({
          getTemplate: async () => {
            if (fail) throw new Error('503');
            return { name: 'Later' };
          },
        } as never),
    } as unknown as NotifyAccess;
    const names = new TemplateNames(notify);
    expect(await names.name('a', SMS_TEMPLATE, 1)).toBeNull();
    fail = false;
    expect(await names.name('a', SMS_TEMPLATE, 1)).toBe('Later');
  });
});
