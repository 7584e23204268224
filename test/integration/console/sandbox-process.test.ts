/**
 * The embedded sandbox runs in its own process (issue 8.3): killing it with SIGKILL restarts it and
 * the console answers throughout; a sandbox that keeps crashing is given up on, and the console says
 * so; a sandbox busy with a huge letter does not slow the console's own event loop.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_ENV } from '../../../src-main/host/sandbox-protocol';
import { startConsole, type RunningConsole } from '../../../src-main/host/start-console';
import { signToken } from '../../support/notify-token';
import { waitUntil } from '../../support/wait';

const running: RunningConsole[] = [];
const dirs: string[] = [];

async function start(policy?: { delaysMs: number[]; maxRestarts: number; windowMs: number }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'console-sandbox-process-'));
  dirs.push(dataDir);
  const core = await startConsole({
    dataDir,
    mode: 'browser',
    platform: 'linux',
    sandboxTimeScale: 1000,
    sandboxPort: 0,
    ...(policy ? { sandboxRestartPolicy: policy } : {}),
  });
  running.push(core);
  const events: { name: string; payload: any }[] = [];
  core.endpoint.subscribe((name, payload) => events.push({ name, payload }));
  const call = (method: string, input: unknown = {}) =>
    core.endpoint.call(method, input, { transport: 'test' }) as Promise<any>;
  return { core, call, events, dataDir };
}

afterEach(async () => {
  for (const c of running.splice(0)) await c.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('the embedded sandbox process', () => {
  it('reads its control secret from the sandbox CLI’s own variable', () => {
    // The variable the sandbox CLI reads (test/integration/sandbox/cli.test.ts starts the CLI with it).
    expect(SECRET_ENV).toBe('NOTIFY_SANDBOX_CONTROL_SECRET');
  });

  it('is not the console’s process', async () => {
    const { core } = await start();
    const pid = core.sandbox!.supervisor.pid;
    expect(pid).toBeTypeOf('number');
    expect(pid).not.toBe(process.pid);
  });

  it('killed with SIGKILL, it is restarted on the same address; the console answers throughout and sends again', async () => {
    const { core, call, events } = await start({ delaysMs: [50], maxRestarts: 5, windowMs: 60_000 });
    const url = core.sandboxUrl;
    const before = core.sandbox!.supervisor.pid!;
    process.kill(before, 'SIGKILL');

    // While it is down the console still answers, and says the sandbox is restarting.
    const status = await call('app.status');
    expect(status.ok).toBe(true);
    await waitUntil(
      async () => core.sandbox!.status().state,
      (s) => s === 'running' && core.sandbox!.supervisor.pid !== before,
    );
    expect(core.sandboxUrl).toBe(url);
    expect(
      events.some(
        (e) => e.name === 'app.notices' && e.payload.notices.some((n: any) => n.id === 'sandbox-stopped'),
      ),
    ).toBe(true);
    // Running again: the restarting notice is gone, and the built-in profile sends.
    expect((await call('app.notices')).value.notices).toEqual([]);
    const sms = await smsTemplate(call);
    const sent = await call('notifications.send', {
      profileId: 'sandbox-test',
      request: { type: 'sms', phone_number: '07700900000', template_id: sms.id, personalisation: sms.fill },
    });
    expect(sent.error?.message ?? null).toBeNull();
  });

  it('gives up after too many crashes in a row, and tells the console why', async () => {
    const { core, call } = await start({ delaysMs: [20], maxRestarts: 1, windowMs: 60_000 });
    const first = core.sandbox!.supervisor.pid!;
    process.kill(first, 'SIGKILL');
    await waitUntil(
      async () => core.sandbox!.supervisor.pid,
      (pid) => pid !== undefined && pid !== first && core.sandbox!.status().state === 'running',
    );
    process.kill(core.sandbox!.supervisor.pid!, 'SIGKILL');
    await waitUntil(
      async () => core.sandbox!.status().state,
      (s) => s === 'stopped',
    );
    const notices = (await call('app.notices')).value.notices;
    expect(notices).toEqual([
      expect.objectContaining({
        id: 'sandbox-stopped',
        severity: 'error',
        message: expect.stringMatching(/stopped .* 2 times in 1 minutes, so it was not started again/),
      }),
    ]);
    // The console itself still answers; the built-in profiles are gone while there is no sandbox.
    const status = await call('app.status');
    expect(status.value.sandboxUrl).toBeNull();
    expect((await call('profiles.list')).value.profiles.filter((p: any) => p.builtIn)).toEqual([]);
  });

  it('a sandbox busy with a huge letter does not delay the console’s answers (event-loop delay of this process)', async () => {
    const { core, call } = await start();
    const info = (await (
      await fetch(`${core.sandboxUrl}/_sandbox/info`, {
        headers: { 'X-Sandbox-Secret': core.sandbox!.controlSecret },
      })
    ).json()) as any;
    const key = info.services[0].api_keys.find((k: any) => k.key_type === 'test').api_key as string;
    const letterId = info.services[0].templates.find((t: any) => t.type === 'letter' && !t.archived)
      .id as string;
    const letter = await call('templates.get', { profileId: 'sandbox-team', id: letterId });
    const fill = placeholders(letter.value);
    const token = signToken(info.services[0].id, key.slice(-36));

    const auth = { Authorization: `Bearer ${token}` };
    // Letters as long as the sandbox lays out (a paragraph of 200,000 characters, far past Notify's
    // 10 pages), several at once: the sandbox's work, in its own process, from the first POST until
    // every PDF is ready (Notify answers 400 "not available yet" until then).
    const [bodyField] = Object.keys(fill);
    const oneLetter = async () => {
      const posted = await fetch(`${core.sandboxUrl}/v2/notifications/letter`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          template_id: letterId,
          personalisation: {
            ...fill,
            ...(bodyField ? { [bodyField]: 'lorem ipsum dolor sit amet '.repeat(7_500) } : {}),
            address_line_1: 'A. Person',
            address_line_2: '1 Street',
            address_line_3: 'SW1A 1AA',
          },
        }),
      });
      expect(posted.status).toBe(201);
      const { id } = (await posted.json()) as { id: string };
      // Then the PDF: made once the letter is laid out, or a 400 saying why not (a letter past
      // Notify's page limit fails validation): either way the sandbox has done the work.
      for (let tries = 0; tries < 200; tries++) {
        const r = await fetch(`${core.sandboxUrl}/v2/notifications/${id}/pdf`, { headers: auth });
        const text = await r.text();
        if (r.status === 200 || !/not available yet|not yet/i.test(text)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t0 = performance.now();
    let busy = true;
    const sandboxBusy = Promise.all(Array.from({ length: 4 }, oneLetter))
      .finally(() => (busy = false))
      .then(() => performance.now() - t0);
    const answers: number[] = [];
    do {
      const s = performance.now();
      expect((await call('app.status')).ok).toBe(true);
      answers.push(performance.now() - s);
      // Let the loop turn (app.status alone resolves in microtasks), as a window's calls would.
      await new Promise((r) => setTimeout(r, 5));
    } while (busy);
    const letterMs = await sandboxBusy;
    delay.disable();
    // Whatever the letter cost the sandbox, this process's loop never waited behind it.
    const worstDelayMs = delay.max / 1e6;
    expect(worstDelayMs).toBeLessThan(Math.max(200, letterMs / 2));
    expect(answers.length).toBeGreaterThan(0);
    console.info(
      `huge letter: the sandbox answered after ${Math.round(letterMs)} ms; meanwhile ${answers.length} app.status answers here, the slowest ${Math.max(...answers).toFixed(1)} ms; worst event-loop delay here ${worstDelayMs.toFixed(1)} ms`,
    );
  }, 90_000);
});

/** Every placeholder of a template (as Notify lists them), filled in. */
function placeholders(template: { personalisation?: Record<string, unknown> }): Record<string, string> {
  return Object.fromEntries(Object.keys(template.personalisation ?? {}).map((k) => [k, 'x']));
}

async function smsTemplate(call: (m: string, i?: unknown) => Promise<any>) {
  const t = await call('templates.list', { profileId: 'sandbox-test', type: 'sms' });
  const template = t.value.templates[0];
  return { id: template.id as string, fill: placeholders(template) };
}
