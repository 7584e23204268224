/**
 * What the tests rely on in the sandbox's built-in demo fixture (src-sandbox/default-fixture.ts): the
 * ids of its two services and of the templates tests send with. Stated here, not imported from the
 * fixture, so that a change to the demo fails loudly rather than being followed silently:
 * test/integration/sandbox/demo-fixture.test.ts checks every id, name and type below against a
 * sandbox started with the demo, through the testing kit.
 */

/** "Demo service": live, every permission but landlines. */
export const DEMO_SERVICE_ID = '64463fc4-02e5-43e7-b441-aac003ef740a';
/** "Trial service": in trial mode (restricted). */
export const TRIAL_SERVICE_ID = 'dab0ff5a-3251-4fe9-8a02-9f65ca7ec728';

/** Template ids: the trial ones belong to the trial service, the rest to the demo service. */
export const DEMO_TEMPLATES = {
  smsVerification: 'a5b94c4b-376a-4420-91ae-68aa418e7e93',
  smsAppointment: '6ba989f1-7bc9-436b-a804-8fce5eb35393',
  smsDocuments: 'e5bc9b9f-fe6f-4753-94ac-d640bb228d68',
  emailWelcome: '45a43ade-3b3c-4e0f-b76d-3988f1125b2f',
  emailPasswordReset: '9418259d-ef7c-4d78-9a5e-8a5f2bf4426b',
  emailDocument: '2a507a50-8ec6-4b82-bfa3-c5e0f828936c',
  emailNewsletter: '1283922b-abc7-4a57-b184-39510aeee581',
  letterAppointment: 'd14287c3-b5dc-4197-95da-760a8c86ee39',
  letterDecision: 'c386aa62-f624-433c-b026-8828cc58cce6',
  smsArchived: '3826e383-e3a7-4427-9b2f-45d723010704',
  trialSms: '20eeabff-8614-4269-9bfa-63694fae77d1',
  trialEmail: 'e4e458ee-309c-4f4d-b3d4-2fa316fbbdc6',
} as const;
