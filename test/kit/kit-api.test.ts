/**
 * The testing kit's edges: what it says when a wait runs out, a filter is wrong, a service or key is
 * missing, a fixture is bad, or the sandbox wants a control secret; a complaint made through it, from
 * the kit to the service's own endpoint. And its published types: they
 * accept every fixture and fault the sandbox accepts (checked at compile time against the sandbox's
 * own schemas, since the kit declares them on its own for its .d.ts).
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  connectSandbox,
  SandboxKitError,
  startSandbox,
  type FaultInput,
  type LatencySetting,
  type SandboxFixture,
  type SandboxKit,
} from 'notify-console/sandbox';
import type { faultSchema } from '../../src-sandbox/faults';
import type { FixtureInput } from '../../src-sandbox/fixtures';
import type { LatencySetting as ServerLatencySetting } from '../../src-sandbox/latency';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
export type KitTypes = [
  // Any fixture the sandbox accepts is a SandboxFixture to the kit's types.
  Expect<FixtureInput extends SandboxFixture ? true : false>,
  Expect<Equal<FaultInput, z.input<typeof faultSchema>>>,
  Expect<Equal<LatencySetting, ServerLatencySetting>>,
];

let sandbox: SandboxKit;
beforeAll(async () => {
  sandbox = await startSandbox({ latency: 'none', timeScale: 0.001 });
});
afterAll(() => sandbox.stop());

async function refusal(p: Promise<unknown>): Promise<SandboxKitError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SandboxKitError);
  return err as SandboxKitError;
}

describe('waits', () => {
  it('waitForStatus gives up with the status it saw and the way it got there', async () => {
    const client = new (await import('notifications-node-client')).NotifyClient(
      sandbox.url,
      await sandbox.apiKey({ key_type: 'test' }),
    );
    const services = await sandbox.services();
    const template = services[0]!.templates.find((t) => t.type === 'sms')!;
    const sent = await client.sendSms(template.id, '07700900123', {
      personalisation: { code: '1', name: 'A' },
    });
    const err = await refusal(sandbox.waitForStatus(sent.data.id, 'delivered', { timeoutMs: 300 }));
    expect(err.status).toBe(408);
    expect(err.message).toBe(
      `Notification ${sent.data.id} is created, not delivered, after 300 ms (statuses so far: created).`,
    );
  });

  it('waitForNotification gives up naming the filter', async () => {
    const err = await refusal(sandbox.waitForNotification({ reference: 'never' }, { timeoutMs: 200 }));
    expect(err.message).toBe('No notification matching {"reference":"never"} arrived in time.');
  });
});

describe('refusals', () => {
  it('a bad filter is the control API’s 400, naming the field', async () => {
    const err = await refusal(sandbox.notifications({ type: 'fax' as never }));
    expect(err.status).toBe(400);
    expect(err.message).toContain('type');
  });

  it('an unknown service or key type', async () => {
    expect((await refusal(sandbox.apiKey({ service: 'Nobody' }))).message).toBe(
      'No service Nobody in this sandbox.',
    );
    const fixture: SandboxFixture = {
      services: [{ id: crypto.randomUUID(), name: 'Keyless', api_keys: [] }],
    };
    const keyless = await startSandbox({ fixture, latency: 'none' });
    try {
      expect((await refusal(keyless.apiKey())).message).toBe('Keyless has no normal API key.');
    } finally {
      await keyless.stop();
    }
  });

  it('a fixture file that is missing or wrong says which and where', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kit-'));
    try {
      await expect(startSandbox({ fixture: join(dir, 'missing.json') })).rejects.toThrow(
        /Cannot read fixture file .*missing\.json: ENOENT/,
      );
      const bad = join(dir, 'bad.json');
      await writeFile(bad, JSON.stringify({ services: [{ id: 'x', name: 'A' }] }));
      await expect(startSandbox({ fixture: bad })).rejects.toThrow(
        /bad\.json is not a valid sandbox fixture:\n {2}- services\.0\.id/,
      );
      await expect(startSandbox({ fixture: { services: [] } })).rejects.toThrow(/at least one service/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('with a control secret: the kit that started it sends it; a kit without it is refused', async () => {
    const guarded = await startSandbox({ controlSecret: 'kit-secret-123', latency: 'none' });
    try {
      expect(await guarded.notifications()).toEqual([]);
      const stranger = await refusal(connectSandbox(guarded.url).notifications());
      expect(stranger.status).toBe(403);
      expect(await connectSandbox(guarded.url, { controlSecret: 'kit-secret-123' }).notifications()).toEqual(
        [],
      );
    } finally {
      await guarded.stop();
    }
  });
});

describe('complaints', () => {
  it('complain() records a complaint about an email and sends it to the complaint callback; a text is refused', async () => {
    const received: { auth: string | undefined; body: Record<string, unknown> }[] = [];
    const endpoint = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(raw) as Record<string, unknown> });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const { port } = endpoint.address() as AddressInfo;
    const serviceId = crypto.randomUUID();
    const emailTemplate = crypto.randomUUID();
    const smsTemplate = crypto.randomUUID();
    const fixture: SandboxFixture = {
      services: [
        {
          id: serviceId,
          name: 'Complained about',
          api_keys: [{ name: 'kit test key', key_type: 'test' }],
          callbacks: {
            complaint: { url: `http://127.0.0.1:${port}/complaint`, bearer_token: 'kit-complaint-token' },
          },
          templates: [
            {
              id: emailTemplate,
              name: 'News',
              type: 'email',
              versions: [{ version: 1, subject: 'News', content: 'Hi' }],
            },
            { id: smsTemplate, name: 'Code', type: 'sms', versions: [{ version: 1, content: 'Hi' }] },
          ],
        },
      ],
    };
    const kit = await startSandbox({ fixture, latency: 'none', timeScale: 1000 });
    try {
      const client = new (await import('notifications-node-client')).NotifyClient(
        kit.url,
        await kit.apiKey({ key_type: 'test' }),
      );
      const email = await client.sendEmail(emailTemplate, 'someone@example.gov.uk', {
        reference: 'kit-news',
      });
      const complaint = await kit.complain(email.data.id);
      expect(complaint).toMatchObject({
        notification_id: email.data.id,
        service_id: serviceId,
        email_address: 'someone@example.gov.uk',
      });
      await vi.waitFor(() => expect(received).toHaveLength(1));
      expect(received[0]).toEqual({
        auth: 'Bearer kit-complaint-token',
        body: {
          notification_id: email.data.id,
          complaint_id: complaint.id,
          reference: 'kit-news',
          to: 'someone@example.gov.uk',
          complaint_date: complaint.complaint_date,
        },
      });

      const text = await client.sendSms(smsTemplate, '07700900123');
      const err = await refusal(kit.complain(text.data.id));
      expect(err.status).toBe(400);
      expect(err.message).toBe(
        `POST /_sandbox/notifications/${text.data.id}/complaint: 400 Only an email can get a complaint (its recipient reports it as spam): this notification is a text message.`,
      );
    } finally {
      await kit.stop();
      await new Promise<void>((resolve) => endpoint.close(() => resolve()));
    }
  });
});

describe('settings', () => {
  it('latency, time scale and faults are set through the kit and undone by reset', async () => {
    await sandbox.setLatency({ mode: 'realistic', seed: 5 });
    await sandbox.setTimeScale(50);
    const fault = await sandbox.addFault({ kind: 'error', status: 503, path_prefix: '/_status' });
    expect(fault.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${sandbox.url}/_status`)).status).toBe(503);
    await sandbox.clearFaults();
    expect((await fetch(`${sandbox.url}/_status`)).status).toBe(200);
    await sandbox.reset();
    const latency = (await (await fetch(`${sandbox.url}/_sandbox/latency`)).json()) as { mode: string };
    const clock = (await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { time_scale: number };
    expect([latency.mode, clock.time_scale]).toEqual(['none', 0.001]);
  });
});
