/**
 * The built-in demo fixture has the services and templates the other tests (and the e2e helpers)
 * state in test/support/demo-fixture.ts: read from a sandbox started with the demo, through the
 * testing kit as its users read it. A failure here means the demo changed: update the support file
 * and the tests that use what changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxKit, type SandboxService } from 'notify-console/sandbox';
import { DEMO_SERVICE_ID, DEMO_TEMPLATES, TRIAL_SERVICE_ID } from '../../support/demo-fixture';

/** Each stated template's service, name, type and whether it is archived. */
const EXPECTED: Record<
  keyof typeof DEMO_TEMPLATES,
  { service: string; name: string; type: 'sms' | 'email' | 'letter'; archived: boolean }
> = {
  smsVerification: { service: DEMO_SERVICE_ID, name: 'Verification code', type: 'sms', archived: false },
  smsAppointment: { service: DEMO_SERVICE_ID, name: 'Appointment reminder', type: 'sms', archived: false },
  smsDocuments: { service: DEMO_SERVICE_ID, name: 'Documents needed', type: 'sms', archived: false },
  emailWelcome: { service: DEMO_SERVICE_ID, name: 'Welcome email', type: 'email', archived: false },
  emailPasswordReset: { service: DEMO_SERVICE_ID, name: 'Password reset', type: 'email', archived: false },
  emailDocument: { service: DEMO_SERVICE_ID, name: 'Your document', type: 'email', archived: false },
  emailNewsletter: { service: DEMO_SERVICE_ID, name: 'Monthly update', type: 'email', archived: false },
  letterAppointment: {
    service: DEMO_SERVICE_ID,
    name: 'Appointment letter',
    type: 'letter',
    archived: false,
  },
  letterDecision: {
    service: DEMO_SERVICE_ID,
    name: 'Decision letter (first class)',
    type: 'letter',
    archived: false,
  },
  smsArchived: { service: DEMO_SERVICE_ID, name: 'Old reminder (archived)', type: 'sms', archived: true },
  trialSms: { service: TRIAL_SERVICE_ID, name: 'Trial text', type: 'sms', archived: false },
  trialEmail: { service: TRIAL_SERVICE_ID, name: 'Trial email', type: 'email', archived: false },
};

let sandbox: SandboxKit;
let services: SandboxService[];
beforeAll(async () => {
  sandbox = await startSandbox({ latency: 'none' });
  services = await sandbox.services();
});
afterAll(() => sandbox?.stop());

describe('the demo fixture', () => {
  it('has the live demo service and the trial service', () => {
    expect(services.map((s) => [s.id, s.name, s.restricted])).toEqual([
      [DEMO_SERVICE_ID, 'Demo service', false],
      [TRIAL_SERVICE_ID, 'Trial service', true],
    ]);
  });

  it.each(Object.entries(DEMO_TEMPLATES) as [keyof typeof DEMO_TEMPLATES, string][])(
    '%s (%s) is there, in its service, with its name and type',
    (key, id) => {
      const expected = EXPECTED[key];
      const service = services.find((s) => s.id === expected.service);
      expect(service?.templates.find((t) => t.id === id)).toMatchObject({
        id,
        name: expected.name,
        type: expected.type,
        archived: expected.archived,
      });
    },
  );
});
