/**
 * The Sandbox panel's core adapter for callbacks and complaints, on a fake `EmbeddedSandbox` port:
 * the four callback settings go to the control API under Notify's names (null clears one) and come
 * back as URLs only, never their tokens; a complaint is filed with `{}` and the answer says whether
 * the sandbox sent it to a complaint callback, from the sandbox's own callback log; the sandbox's
 * refusal of a text, and a sandbox that is down, are errors in words a person reads.
 */
import { describe, expect, it } from 'vitest';
import { CoreEvents } from '../../../src-main/core/events';
import { silentLogger, type EmbeddedSandbox } from '../../../src-main/core/ports';
import { fakeEmbeddedSandbox, jsonAnswer, type ControlRoute } from '../../support/fake-embedded-sandbox';
import type { ProfileService } from '../../../src-main/core/profiles/profile-service';
import { SandboxControlApi } from '../../../src-main/core/sandbox-panel/control-api';
import { SandboxInbox } from '../../../src-main/core/sandbox-panel/inbox';
import { PanelFaults } from '../../../src-main/core/sandbox-panel/panel-faults';
import { SandboxPanelService } from '../../../src-main/core/sandbox-panel/panel-service';

const SERVICE = '64463fc4-02e5-43e7-b441-aac003ef740a';
const EMAIL = 'a1b2c3d4-0000-4000-8000-00000000beef';
const COMPLAINT = '0c9a77e1-5d2f-4f0e-9a40-3b1d2c3e4f50';
const TOKEN = 'complaint-token-4f1c9a';

const json = jsonAnswer;
const fakeSandbox = (route: ControlRoute, state: 'running' | 'restarting' = 'running') =>
  fakeEmbeddedSandbox(route, state);

function panelOn(sandbox: EmbeddedSandbox) {
  const control = new SandboxControlApi(sandbox);
  return new SandboxPanelService({
    control,
    sandbox,
    faults: new PanelFaults(control, new CoreEvents(), silentLogger),
    profiles: {} as ProfileService,
    clipboard: null,
  });
}

const inboxOn = (sandbox: EmbeddedSandbox | null) =>
  new SandboxInbox(new SandboxControlApi(sandbox), new CoreEvents(), silentLogger);

/** The sandbox's answer to PATCH /services/{id}: its callbacks with their tokens, as it keeps them. */
const serviceAnswer = (callbacks: Record<string, unknown>) =>
  json(200, {
    service: {
      id: SERVICE,
      name: 'Demo service',
      restricted: false,
      rate_limit: 3000,
      limits: { email: 1, sms: 1, letter: 1, international_sms: 1 },
      permissions: ['email'],
      callbacks,
    },
  });

const complaintAnswer = json(201, {
  id: COMPLAINT,
  notification_id: EMAIL,
  service_id: SERVICE,
  email_address: 'ada@example.gov.uk',
  complaint_date: '2026-11-27T10:15:00.123456Z',
});

const logged = (kind: string, complaintId: string, url: string) => ({
  id: `cb-${kind}-${complaintId.slice(0, 4)}`,
  kind,
  service_id: SERVICE,
  url,
  payload: { notification_id: EMAIL, complaint_id: complaintId, to: 'ada@example.gov.uk' },
  attempts: [],
  state: 'pending',
});

describe('the returned-letter and complaint callback settings', () => {
  it('sends each callback under its control API name, clears one with null, and answers URLs only', async () => {
    const { sandbox, requests } = fakeSandbox(() =>
      serviceAnswer({
        delivery_status: { url: 'https://example.gov.uk/status', bearer_token: TOKEN },
        returned_letter: { url: 'http://localhost:3000/returned', bearer_token: TOKEN },
        complaint: { url: 'https://example.gov.uk/complaints', bearer_token: TOKEN },
      }),
    );
    const settings = await panelOn(sandbox).updateService({
      serviceId: SERVICE,
      returnedLetterCallback: { url: 'http://localhost:3000/returned', bearerToken: TOKEN },
      complaintCallback: { url: 'https://example.gov.uk/complaints', bearerToken: TOKEN },
      receivedTextCallback: null,
    });
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        path: `/services/${SERVICE}`,
        body: {
          callbacks: {
            received_text: null,
            returned_letter: { url: 'http://localhost:3000/returned', bearer_token: TOKEN },
            complaint: { url: 'https://example.gov.uk/complaints', bearer_token: TOKEN },
          },
        },
      }),
    ]);
    expect(settings).toMatchObject({
      deliveryStatusCallbackUrl: 'https://example.gov.uk/status',
      receivedTextCallbackUrl: null,
      returnedLetterCallbackUrl: 'http://localhost:3000/returned',
      complaintCallbackUrl: 'https://example.gov.uk/complaints',
    });
    expect(JSON.stringify(settings)).not.toContain(TOKEN);
  });

  it('leaves a callback the input does not name alone, and reads settings with an empty patch', async () => {
    const { sandbox, requests } = fakeSandbox(() => serviceAnswer({}));
    const panel = panelOn(sandbox);
    await panel.updateService({ serviceId: SERVICE, complaintCallback: null });
    const read = await panel.serviceSettings(SERVICE);
    expect(requests.map((r) => r.body)).toEqual([{ callbacks: { complaint: null } }, {}]);
    expect(read.returnedLetterCallbackUrl).toBeNull();
    expect(read.complaintCallbackUrl).toBeNull();
  });
});

describe('a complaint about an email', () => {
  it('is filed with {} and names the complaint callback the sandbox sent it to', async () => {
    const { sandbox, requests } = fakeSandbox((r) =>
      r.path === '/callbacks'
        ? json(200, {
            callbacks: [
              logged('complaint', '99999999-0000-4000-8000-000000000000', 'https://old.example/c'),
              logged('delivery-status', COMPLAINT, 'https://example.gov.uk/status'),
              logged('complaint', COMPLAINT, 'https://example.gov.uk/complaints'),
            ],
          })
        : complaintAnswer,
    );
    const answer = await inboxOn(sandbox).complain(EMAIL);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: `/notifications/${EMAIL}/complaint`,
      body: {},
    });
    expect(answer).toEqual({
      complaintId: COMPLAINT,
      complaintDate: '2026-11-27T10:15:00.123456Z',
      callbackUrl: 'https://example.gov.uk/complaints',
    });
  });

  it('says no callback was sent when the log holds none for this complaint', async () => {
    const { sandbox } = fakeSandbox((r) =>
      r.path === '/callbacks'
        ? json(200, {
            callbacks: [
              logged('complaint', '99999999-0000-4000-8000-000000000000', 'https://old.example/c'),
              logged('delivery-status', COMPLAINT, 'https://example.gov.uk/status'),
            ],
          })
        : complaintAnswer,
    );
    expect((await inboxOn(sandbox).complain(EMAIL)).callbackUrl).toBeNull();
  });

  it('gives the sandbox’s refusal of a text in its words, and asks nothing more', async () => {
    const { sandbox, requests } = fakeSandbox(() =>
      json(400, {
        message:
          'Only an email can get a complaint (its recipient reports it as spam): this notification is a text message.',
        result: 'error',
      }),
    );
    await expect(inboxOn(sandbox).complain(EMAIL)).rejects.toMatchObject({
      code: 'sandbox_refused',
      message: expect.stringMatching(/^The sandbox said: Only an email can get a complaint.*text message\.$/),
    });
    expect(requests).toHaveLength(1);
  });

  it('says the sandbox is down without calling it, and off when the console runs without one', async () => {
    const { sandbox, requests } = fakeSandbox(() => complaintAnswer, 'restarting');
    await expect(inboxOn(sandbox).complain(EMAIL)).rejects.toMatchObject({
      code: 'sandbox_unavailable',
      message: 'The embedded sandbox is not running (restarting): it crashed',
    });
    expect(requests).toEqual([]);
    await expect(inboxOn(null).complain(EMAIL)).rejects.toMatchObject({ code: 'sandbox_unavailable' });
  });

  it('says the complaint was recorded when the callback log cannot be read after it', async () => {
    const { sandbox } = fakeSandbox((r) =>
      r.path === '/callbacks' ? json(503, { message: 'shutting down', result: 'error' }) : complaintAnswer,
    );
    await expect(inboxOn(sandbox).complain(EMAIL)).rejects.toMatchObject({
      code: 'sandbox_refused',
      message:
        'The complaint was recorded, but whether it went to a complaint callback is not known: The sandbox said: shutting down',
    });
  });

  it('refuses an answer that is not a complaint', async () => {
    const { sandbox } = fakeSandbox(() => json(201, { result: 'ok' }));
    await expect(inboxOn(sandbox).complain(EMAIL)).rejects.toMatchObject({
      code: 'sandbox_refused',
      message: /not what this console expects/,
    });
  });
});
