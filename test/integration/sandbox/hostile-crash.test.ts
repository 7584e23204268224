/**
 * Crashing the sandbox (kill -9) while it works loses nothing it acknowledged and answers no 5xx.
 *
 * A sandbox with a data folder runs in a child process with a tiny compaction threshold, so the
 * journal is compacted again and again while 32 clients send. It is killed mid-flight, during sends
 * and compactions, and during a reset; restarted on the same folder, it must hold every notification
 * it answered 201 for (and had not since wiped with a reset), and no send may have had a 5xx answer.
 * Before the fix a reset during sends answered dozens with 500 and lost acknowledged notifications.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from '../../support/notify-token';
import { SERVICE_ID, T, testFixture } from '../../support/sandbox';
import { startSandboxChild, type SandboxChild } from './support/sandbox-child';

const CLIENTS = 32;
const made = testFixture();
const dirs: string[] = [];
const children: SandboxChild[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) await c.kill();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<SandboxChild> {
  const child = await startSandboxChild({
    fixture: made.fixture,
    dataDir,
    limits: false,
    timeScale: 100,
    // A compaction every few dozen sends: kills land during compactions too.
    compactAfterBytes: 32 * 1024,
  });
  children.push(child);
  return child;
}

interface Send {
  /** When the request was sent, by the client's clock. */
  startedAt: number;
  id?: string;
  status?: number;
}

/** Clients that send texts until stopped; every answer (or failure to answer) is recorded. */
function sendContinuously(sb: SandboxChild) {
  const agent = new Agent({ connections: CLIENTS });
  const sends: Send[] = [];
  let running = true;
  const token = () => `Bearer ${signToken(SERVICE_ID, made.secrets.test)}`;
  const workers = Array.from({ length: CLIENTS }, async () => {
    while (running) {
      const send: Send = { startedAt: performance.now() };
      sends.push(send);
      try {
        const res = await request(`${sb.url}/v2/notifications/sms`, {
          method: 'POST',
          dispatcher: agent,
          headers: { Authorization: token(), 'Content-Type': 'application/json' },
          body: JSON.stringify({
            phone_number: '07700900123',
            template_id: T.sms,
            personalisation: { name: 'Crash', code: sends.length },
          }),
        });
        const body = (await res.body.json()) as { id?: string };
        send.status = res.statusCode;
        if (res.statusCode === 201) send.id = body.id;
      } catch {
        return; // the process died under it: no answer, nothing acknowledged
      }
    }
  });
  return {
    sends,
    acknowledged: () => sends.filter((s) => s.status === 201),
    /** Waits until at least `n` sends have been answered 201. */
    async until(n: number): Promise<void> {
      while (sends.filter((s) => s.status === 201).length < n) await new Promise((r) => setTimeout(r, 5));
    },
    async stop(): Promise<void> {
      running = false;
      await Promise.all(workers);
      await agent.destroy();
    },
  };
}

const controlJson = async (sb: SandboxChild, method: string, path: string) => {
  const res = await request(`${sb.url}/_sandbox${path}`, {
    method,
    headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
    body: method === 'GET' ? undefined : '{}',
  });
  return { status: res.statusCode, json: (await res.body.json()) as any };
};

/** Which of these ids the (restarted) sandbox holds. */
async function held(sb: SandboxChild, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const agent = new Agent({ connections: 16 });
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const res = await request(`${sb.url}/_sandbox/notifications/${id}`, { dispatcher: agent });
        await res.body.arrayBuffer();
        if (res.statusCode === 200) found.add(id);
      }
    }),
  );
  await agent.destroy();
  return found;
}

const fiveHundreds = (sends: Send[]) => sends.filter((s) => (s.status ?? 0) >= 500).length;

describe('kill -9 during sends and compactions', () => {
  it.each([[150], [400], [900]])(
    'after %i acknowledged sends: every one is there after a restart, and none was answered 5xx',
    async (count) => {
      const dir = await mkdtemp(join(tmpdir(), 'sandbox-crash-'));
      dirs.push(dir);
      const first = await start(dir);
      const load = sendContinuously(first);
      await load.until(count);
      await first.kill();
      await load.stop();
      const acked = load.acknowledged().map((s) => s.id!);
      expect(acked.length).toBeGreaterThanOrEqual(count);
      expect(fiveHundreds(load.sends)).toBe(0);

      const second = await start(dir);
      const found = await held(second, acked);
      expect(acked.filter((id) => !found.has(id))).toEqual([]);
      if (process.env.HOSTILE_REPORT)
        console.log(
          `kill after ${count}: ${acked.length} acknowledged, all ${found.size} kept, ${load.sends.filter((s) => s.status === undefined).length} unanswered, 0 5xx; recovery: ${second.recovery?.message ?? 'clean'}`,
        );
      // The journal really was compacted while the sends went on (numbered journals moved on).
      const journals = (await readdir(dir)).filter((n) => /^journal\.\d+\.jsonl$/.test(n));
      expect(Number(/\d+/.exec(journals[0]!)![0])).toBeGreaterThan(3);
      // A torn last line, if the kill cut one, is reported and kept, never dropped silently.
      for (const damage of second.recovery?.damaged ?? []) {
        expect(await readdir(dir)).toContain(damage.savedTo.slice(dir.length + 1));
      }
      await second.close();
    },
    60_000,
  );
});

describe('kill -9 during a reset', () => {
  it.each([[0], [5], [40], [150], [500]])(
    'killed %i ms into a reset with 32 sends in flight: the reset is all or nothing, acknowledged sends after it are kept',
    async (delayMs) => {
      const dir = await mkdtemp(join(tmpdir(), 'sandbox-crash-'));
      dirs.push(dir);
      const first = await start(dir);
      const load = sendContinuously(first);
      await load.until(100);
      const before = load.acknowledged().map((s) => s.id!);
      let resetDoneAt = Infinity;
      const reset = controlJson(first, 'POST', '/reset').then(
        (r) => {
          expect(r.status).toBe(200);
          resetDoneAt = performance.now();
        },
        () => undefined, // killed before it answered
      );
      await new Promise((r) => setTimeout(r, delayMs));
      await first.kill();
      await Promise.all([load.stop(), reset]);
      expect(fiveHundreds(load.sends)).toBe(0);

      const second = await start(dir);
      const acked = load.acknowledged();
      const found = await held(
        second,
        acked.map((s) => s.id!),
      );
      const beforeKept = before.filter((id) => found.has(id)).length;
      // Sends acknowledged before the reset began: all kept (the reset never became durable) or all
      // gone (it did), never some of each.
      expect([0, before.length]).toContain(beforeKept);
      const resetDurable = beforeKept === 0;
      if (!resetDurable) {
        // No reset happened: every acknowledged send is there.
        expect(acked.filter((s) => !found.has(s.id!)).map((s) => s.id)).toEqual([]);
      }
      // Sends started after the reset answered were made after it: each acknowledged one is there.
      const after = acked.filter((s) => s.startedAt > resetDoneAt);
      expect(after.filter((s) => !found.has(s.id!)).map((s) => s.id)).toEqual([]);
      if (process.env.HOSTILE_REPORT)
        console.log(
          `reset +${delayMs} ms: ${acked.length} acknowledged, reset ${resetDurable ? 'durable' : 'not durable'}, ${after.length} after it, ${load.sends.filter((s) => s.status === undefined).length} unanswered, 0 5xx`,
        );
      await second.close();
    },
    60_000,
  );

  it('killed after a reset answered, with sends acknowledged since: the reset and every later send are kept', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-crash-'));
    dirs.push(dir);
    const first = await start(dir);
    const load = sendContinuously(first);
    await load.until(100);
    const before = load.acknowledged().map((s) => s.id!);
    expect((await controlJson(first, 'POST', '/reset')).status).toBe(200);
    const resetDoneAt = performance.now();
    const since = () => load.acknowledged().filter((s) => s.startedAt > resetDoneAt);
    while (since().length < 150) await new Promise((r) => setTimeout(r, 5));
    await first.kill();
    await load.stop();
    expect(fiveHundreds(load.sends)).toBe(0);

    const second = await start(dir);
    const after = since();
    expect(after.length).toBeGreaterThanOrEqual(150);
    const found = await held(second, [...before, ...after.map((s) => s.id!)]);
    expect(before.filter((id) => found.has(id))).toEqual([]);
    expect(after.filter((s) => !found.has(s.id!)).map((s) => s.id)).toEqual([]);
    await second.close();
  }, 60_000);

  it('32 sends in flight during repeated resets: no 5xx, and after kill -9 the sandbox holds exactly what it held', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-crash-'));
    dirs.push(dir);
    const first = await start(dir);
    const load = sendContinuously(first);
    for (let i = 0; i < 5; i++) {
      await load.until(60 * (i + 1));
      expect((await controlJson(first, 'POST', '/reset')).status).toBe(200);
    }
    await load.until(400);
    await load.stop();
    expect(fiveHundreds(load.sends)).toBe(0);
    const acked = load.acknowledged().map((s) => s.id!);
    const live = await held(first, acked);
    await first.kill();

    const second = await start(dir);
    const restarted = await held(second, acked);
    expect([...restarted].sort()).toEqual([...live].sort());
    await second.close();
  }, 60_000);
});
