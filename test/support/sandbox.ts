/**
 * Test helpers: start a sandbox with a known fixture, and call it the way Notify's clients do.
 */
import { randomUUID } from 'node:crypto';
import { signToken } from './notify-token';
import { CONTROL_SECRET_HEADER } from '../../src-sandbox/control';
import type { Fixture } from '../../src-sandbox/fixtures';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src-sandbox/server';

export const SERVICE_ID = '11111111-1111-4111-8111-111111111111';
export const TRIAL_ID = '22222222-2222-4222-8222-222222222222';
export const T = {
  sms: '33333333-3333-4333-8333-000000000001',
  email: '33333333-3333-4333-8333-000000000002',
  letter: '33333333-3333-4333-8333-000000000003',
  archived: '33333333-3333-4333-8333-000000000004',
  hidden: '33333333-3333-4333-8333-000000000005',
  smsList: '33333333-3333-4333-8333-000000000006',
  emailUnsub: '33333333-3333-4333-8333-000000000007',
  emptyEmail: '33333333-3333-4333-8333-000000000008',
  trialSms: '33333333-3333-4333-8333-000000000009',
};
export const SENDERS = {
  replyTo: '44444444-4444-4444-8444-000000000001',
  archivedReplyTo: '44444444-4444-4444-8444-000000000002',
  smsDefault: '44444444-4444-4444-8444-000000000003',
  smsNumber: '44444444-4444-4444-8444-000000000004',
};

export interface TestKeys {
  live: string;
  team: string;
  test: string;
  revoked: string;
  trialLive: string;
  trialTest: string;
}

/** A fixture with every kind of template and setting the tests need, and fresh random key secrets. */
export function testFixture(): { fixture: Fixture; secrets: Record<keyof TestKeys, string> } {
  const secrets = {
    live: randomUUID(),
    team: randomUUID(),
    test: randomUUID(),
    revoked: randomUUID(),
    trialLive: randomUUID(),
    trialTest: randomUUID(),
  };
  const v = (content: string, extra: Record<string, unknown> = {}) => [
    { version: 1, content, created_at: '2026-01-01T10:00:00Z', created_by: 'a@example.gov.uk', ...extra },
  ];
  const fixture = {
    services: [
      {
        id: SERVICE_ID,
        name: 'Test Service',
        permissions: ['sms', 'email', 'letter', 'international_sms', 'international_letters', 'inbound_sms'],
        prefix_sms: true,
        email_sender_local_part: 'test.service',
        contact_link: 'https://example.gov.uk/contact',
        inbound_number: '07700900999',
        email_reply_to: [
          { id: SENDERS.replyTo, email_address: 'reply@example.gov.uk', is_default: true },
          { id: SENDERS.archivedReplyTo, email_address: 'old@example.gov.uk', archived: true },
        ],
        sms_senders: [
          { id: SENDERS.smsDefault, sms_sender: 'GOVUK', is_default: true },
          { id: SENDERS.smsNumber, sms_sender: '+447700900500' },
        ],
        team_members: [{ name: 'Team', email_address: 'team@example.gov.uk', mobile_number: '07700900123' }],
        guest_list: ['guest@example.gov.uk', '07700900456'],
        outcomes: [{ recipient: '07700900404', status: 'permanent-failure' }],
        api_keys: [
          { id: randomUUID(), name: 'live', key_type: 'normal', secret: secrets.live },
          { id: randomUUID(), name: 'team', key_type: 'team', secret: secrets.team },
          { id: randomUUID(), name: 'test', key_type: 'test', secret: secrets.test },
          {
            id: randomUUID(),
            name: 'revoked',
            key_type: 'normal',
            secret: secrets.revoked,
            revoked_at: new Date(Date.now() - 86_400_000).toISOString(),
          },
        ],
        templates: [
          { id: T.sms, name: 'SMS', type: 'sms', versions: v('Hello ((name)), your code is ((code)).') },
          {
            id: T.email,
            name: 'Email',
            type: 'email',
            versions: [
              ...v('Old body ((name))', { subject: 'Old subject' }),
              {
                version: 2,
                subject: 'Hello ((name))',
                content: '# Heading\n\nDear ((name)),\n\n((file link))\n\nBring:((items))',
                created_at: '2026-02-01T10:00:00Z',
                created_by: 'b@example.gov.uk',
              },
            ],
          },
          {
            id: T.letter,
            name: 'Letter',
            type: 'letter',
            versions: v('Dear ((name)),\n\nYour appointment.', {
              subject: 'Appointment & more',
              letter_contact_block: 'Contact ((team))',
              postage: 'second',
            }),
          },
          { id: T.archived, name: 'Archived', type: 'sms', archived: true, versions: v('Old') },
          { id: T.hidden, name: 'Hidden', type: 'sms', hidden: true, versions: v('Hidden') },
          { id: T.smsList, name: 'SMS list', type: 'sms', versions: v('Bring ((items))') },
          {
            id: T.emailUnsub,
            name: 'Newsletter',
            type: 'email',
            has_unsubscribe_link: true,
            versions: v('News for ((name))', { subject: 'News' }),
          },
          { id: T.emptyEmail, name: 'Empty', type: 'email', versions: v('((body))', { subject: 'Subject' }) },
        ],
        received_texts: [{ user_number: '447700900111', content: 'Hello there' }],
      },
      {
        id: TRIAL_ID,
        name: 'Trial Service',
        restricted: true,
        team_members: [{ name: 'Team', email_address: 'team@example.gov.uk', mobile_number: '07700900123' }],
        api_keys: [
          { name: 'trial live', key_type: 'normal', secret: secrets.trialLive },
          { name: 'trial test', key_type: 'test', secret: secrets.trialTest },
        ],
        templates: [{ id: T.trialSms, name: 'Trial SMS', type: 'sms', versions: v('Hi ((name))') }],
        sms_senders: [{ id: randomUUID(), sms_sender: 'GOVUK', is_default: true }],
      },
    ],
  } as unknown as Fixture;
  return { fixture, secrets };
}

export interface TestSandbox {
  sandbox: Sandbox;
  url: string;
  secrets: Record<keyof TestKeys, string>;
  apiKeys: TestKeys;
  call(
    method: string,
    path: string,
    opts?: {
      key?: keyof TestKeys;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      token?: string;
    },
  ): Promise<{ status: number; json: any; text: string; headers: Headers }>;
  /** A control API call (`/_sandbox` + path) made as a local tool makes it: JSON in, JSON out. */
  control(method: string, path: string, body?: unknown): Promise<Response>;
}

/**
 * Calls a sandbox's control API as a local tool does: `Content-Type: application/json` and a JSON body
 * (`{}` when there is nothing to say) on calls that change something, and the control secret when set.
 */
export function controlFetch(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  secret?: string | null,
): Promise<Response> {
  const changes = method !== 'GET' && method !== 'HEAD';
  const headers: Record<string, string> = changes ? { 'Content-Type': 'application/json' } : {};
  if (secret) headers[CONTROL_SECRET_HEADER] = secret;
  return fetch(`${baseUrl}/_sandbox${path}`, {
    method,
    headers,
    body: changes ? JSON.stringify(body ?? {}) : undefined,
  });
}

/** Starts a sandbox on 127.0.0.1:0 with the test fixture. */
export async function startTestSandbox(options: Omit<SandboxOptions, 'fixture'> = {}): Promise<TestSandbox> {
  const { fixture, secrets } = testFixture();
  const sandbox = await startSandbox({
    timeScale: 1000,
    latency: 'none',
    onError: () => {},
    ...options,
    fixture,
  });
  const key = (name: string, service: string, secret: string) => `${name}-${service}-${secret}`;
  const apiKeys: TestKeys = {
    live: key('live', SERVICE_ID, secrets.live),
    team: key('team', SERVICE_ID, secrets.team),
    test: key('test', SERVICE_ID, secrets.test),
    revoked: key('revoked', SERVICE_ID, secrets.revoked),
    trialLive: key('trial_live', TRIAL_ID, secrets.trialLive),
    trialTest: key('trial_test', TRIAL_ID, secrets.trialTest),
  };
  const serviceOf = (k: keyof TestKeys) => (k.startsWith('trial') ? TRIAL_ID : SERVICE_ID);
  return {
    sandbox,
    url: sandbox.url,
    secrets,
    apiKeys,
    async call(method, path, opts = {}) {
      const k = opts.key ?? 'live';
      const token = opts.token ?? signToken(serviceOf(k), secrets[k]);
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...opts.headers };
      let body: string | undefined = opts.rawBody;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['Content-Type'] ??= 'application/json';
      }
      const res = await fetch(`${sandbox.url}${path}`, { method, headers, body });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON (PDFs, gateway errors)
      }
      return { status: res.status, json, text, headers: res.headers };
    },
    control: (method, path, body) => controlFetch(sandbox.url, method, path, body, options.controlSecret),
  };
}

/** Polls until `check` passes, driving the sandbox clock rather than sleeping for real time. */
export async function eventually<T>(fn: () => Promise<T>, check: (v: T) => boolean, tries = 200): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await fn();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`condition not met; last value: ${JSON.stringify(last)}`);
}
