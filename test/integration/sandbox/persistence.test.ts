import { mkdtemp, readdir, readFile, rm, appendFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from '../../support/notify-token';
import { startSandbox } from '../../../src-sandbox/server';
import { DEMO_SERVICE_ID, DEMO_TEMPLATES } from '../../support/demo-fixture';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir() {
  const d = await mkdtemp(join(tmpdir(), 'sandbox-data-'));
  dirs.push(d);
  return d;
}

async function liveKey(url: string) {
  const info = (await (await fetch(`${url}/_sandbox/info`)).json()) as any;
  const key = info.services[0].api_keys.find((k: { key_type: string }) => k.key_type === 'normal')
    .api_key as string;
  return key;
}

describe('persistence with a data folder', () => {
  it('keeps keys, notifications and their statuses across a restart', async () => {
    const dir = await tempDir();
    const first = await startSandbox({ dataDir: dir, latency: 'none', timeScale: 1000, onError: () => {} });
    const key = await liveKey(first.url);
    const auth = { Authorization: `Bearer ${signToken(DEMO_SERVICE_ID, key.slice(-36))}` };
    const sent = (await (
      await fetch(`${first.url}/v2/notifications/sms`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          phone_number: '07700900123',
          template_id: DEMO_TEMPLATES.smsVerification,
          personalisation: { name: 'A', code: '1' },
        }),
      })
    ).json()) as any;
    await first.close();

    const second = await startSandbox({ dataDir: dir, latency: 'none', timeScale: 1000, onError: () => {} });
    try {
      expect(await liveKey(second.url)).toBe(key);
      const auth2 = { Authorization: `Bearer ${signToken(DEMO_SERVICE_ID, key.slice(-36))}` };
      const got = await fetch(`${second.url}/v2/notifications/${sent.id}`, { headers: auth2 });
      expect(got.status).toBe(200);
      expect(((await got.json()) as any).body).toBe(
        'Hello A, your verification code is 1. It expires in 10 minutes.',
      );
    } finally {
      await second.close();
    }
  });

  it('never loses an acknowledged notification: the journal is synced before the 201', async () => {
    const dir = await tempDir();
    const sb = await startSandbox({ dataDir: dir, latency: 'none', onError: () => {} });
    const key = await liveKey(sb.url);
    const auth = { Authorization: `Bearer ${signToken(DEMO_SERVICE_ID, key.slice(-36))}` };
    const res = await fetch(`${sb.url}/v2/notifications/sms`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        phone_number: '07700900123',
        template_id: DEMO_TEMPLATES.smsVerification,
        personalisation: { name: 'A', code: '1' },
      }),
    });
    const { id } = (await res.json()) as any;
    // Read the journal before any clean shutdown: the acknowledged record is already there.
    const live = (await readdir(dir)).filter((n) => /^journal\.\d+\.jsonl$/.test(n));
    expect(live).toHaveLength(1);
    expect(await readFile(join(dir, live[0]!), 'utf8')).toContain(id);
    await sb.close();
  });

  it('sets a torn last line aside and reports it, and refuses to start on damage elsewhere without deleting anything', async () => {
    const dir = await tempDir();
    const sb = await startSandbox({ dataDir: dir, latency: 'none', onError: () => {} });
    expect(sb.recovery).toBeNull();
    await sb.close();
    const live = (await readdir(dir)).find((n) => /^journal\.\d+\.jsonl$/.test(n))!;
    await appendFile(join(dir, live), '{"t":"notification","n":{"id":');
    const again = await startSandbox({ dataDir: dir, latency: 'none', onError: () => {} });
    expect(again.recovery?.damaged).toEqual([
      { file: join(dir, live), bytes: 30, savedTo: expect.stringContaining(join(dir, 'journal.damaged-')) },
    ]);
    expect(await readFile(again.recovery!.damaged[0]!.savedTo, 'utf8')).toBe(
      '{"t":"notification","n":{"id":',
    );
    expect(again.recovery!.recordsRecovered).toBeGreaterThan(0);
    await again.close();
    // Once started, the folder is whole again: the next start has nothing to report.
    const third = await startSandbox({ dataDir: dir, latency: 'none', onError: () => {} });
    expect(third.recovery).toBeNull();
    await third.close();
    await writeFile(join(dir, 'snapshot.jsonl'), 'garbage\n{"t":"x"}\n');
    await expect(startSandbox({ dataDir: dir, latency: 'none', onError: () => {} })).rejects.toThrow(
      /line 1 is damaged/,
    );
    expect(await readFile(join(dir, 'snapshot.jsonl'), 'utf8')).toContain('garbage');
  });
});
