/**
 * The embedded sandbox keeps a stable address (issue 9.1), and a damaged sandbox data folder does
 * not stop the console (issue 8.6): it starts, says so, and moves the data aside when asked.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../../src-main/host/start-console';
import { closedPort, listenLocal } from '../../support/local-server';
import { preferredPort } from '../../../src-main/host/sandbox-address';

const open: RunningConsole[] = [];
const dirs: string[] = [];

async function consoleOn(dataDir: string) {
  const core = await startConsole({ dataDir, mode: 'browser', platform: 'linux', sandboxTimeScale: 1000 });
  open.push(core);
  const call = (method: string, input: unknown = {}) =>
    core.endpoint.call(method, input, { transport: 'test' }) as Promise<any>;
  return { core, call };
}

/**
 * A fresh data folder. A new one's sandbox asks for 6012 first, and test files run in parallel, so
 * each folder here starts with a port of its own remembered (as if an earlier run had found 6012 taken).
 */
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'console-sandbox-address-'));
  dirs.push(dir);
  await writeFile(join(dir, 'embedded-sandbox.json'), JSON.stringify({ port: await closedPort() }));
  return dir;
}

afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** Adds a profile of the user's with the embedded sandbox's test key, as a user copying it would. */
async function addSandboxProfile(core: RunningConsole, call: (m: string, i?: unknown) => Promise<any>) {
  const info = (await (
    await fetch(`${core.sandboxUrl}/_sandbox/info`, {
      headers: { 'X-Sandbox-Secret': core.sandbox!.controlSecret },
    })
  ).json()) as any;
  const apiKey = info.services[0].api_keys.find((k: any) => k.key_type === 'test').api_key;
  expect((await call('vault.setup', { passphrase: 'address test passphrase' })).ok).toBe(true);
  const created = await call('profiles.create', {
    name: 'Mine',
    baseUrl: core.sandboxUrl,
    apiKey,
    keyType: 'test',
  });
  expect(created.ok).toBe(true);
  return created.value.id as string;
}

describe('the embedded sandbox’s address', () => {
  it('is 6012 for a new data folder, then whatever was remembered', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'console-sandbox-address-'));
    dirs.push(dir);
    // 6012: the port the README and docs/sandbox.md give for the embedded sandbox.
    expect(await preferredPort(dir)).toBe(6012);
    await writeFile(join(dir, 'embedded-sandbox.json'), '{"port": 7123}');
    expect(await preferredPort(dir)).toBe(7123);
    for (const bad of ['{"port": 0}', '{"port": 70000}', '{"port": "6011"}', 'not json', '']) {
      await writeFile(join(dir, 'embedded-sandbox.json'), bad);
      expect(await preferredPort(dir), bad).toBe(6012);
    }
  });

  it('is the same after a restart, remembered in the data folder, and a user’s profile keeps working', async () => {
    const dataDir = await freshDir();
    const first = await consoleOn(dataDir);
    const url = first.core.sandboxUrl!;
    const id = await addSandboxProfile(first.core, first.call);
    expect(JSON.parse(await readFile(join(dataDir, 'embedded-sandbox.json'), 'utf8'))).toEqual({
      port: Number(new URL(url).port),
    });
    await first.core.close();

    const second = await consoleOn(dataDir);
    expect(second.core.sandboxUrl).toBe(url);
    await second.call('vault.unlock', { passphrase: 'address test passphrase' });
    expect((await second.call('templates.list', { profileId: id })).ok).toBe(true);
  });

  it('moves when its port is taken, and a profile saved with its old address follows it', async () => {
    const dataDir = await freshDir();
    const first = await consoleOn(dataDir);
    const oldUrl = first.core.sandboxUrl!;
    const id = await addSandboxProfile(first.core, first.call);
    await first.core.close();

    // Something else now listens on the sandbox's port.
    const squatter = createServer((_req, res) => res.end('not the sandbox'));
    await new Promise<void>((resolve) => squatter.listen(Number(new URL(oldUrl).port), '127.0.0.1', resolve));
    try {
      const second = await consoleOn(dataDir);
      const newUrl = second.core.sandboxUrl!;
      expect(newUrl).not.toBe(oldUrl);
      // The new port is remembered for next time.
      expect(JSON.parse(await readFile(join(dataDir, 'embedded-sandbox.json'), 'utf8')).port).toBe(
        Number(new URL(newUrl).port),
      );
      await second.call('vault.unlock', { passphrase: 'address test passphrase' });
      const listed = (await second.call('profiles.list')).value.profiles.find((p: any) => p.id === id);
      expect(listed.baseUrl).toBe(newUrl);
      expect((await second.call('templates.list', { profileId: id })).ok).toBe(true);
      // Saving it as shown is no change of address: the key stays.
      const saved = await second.call('profiles.update', { id, baseUrl: newUrl, name: 'Mine, renamed' });
      expect(saved.value.keyCleared).toBe(false);
      expect((await second.call('templates.list', { profileId: id })).ok).toBe(true);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('a profile for another local server does not follow the sandbox', async () => {
    const dataDir = await freshDir();
    const other = await listenLocal(createServer((_req, res) => res.end('{}')));
    try {
      const { call } = await consoleOn(dataDir);
      await call('vault.setup', { passphrase: 'address test passphrase' });
      const created = await call('profiles.create', {
        name: 'Other',
        baseUrl: other.url,
        apiKey: 'k-11111111-1111-4111-8111-111111111111-22222222-2222-4222-8222-222222222222',
        keyType: 'test',
      });
      const listed = (await call('profiles.list')).value.profiles.find((p: any) => p.id === created.value.id);
      expect(listed.baseUrl).toBe(other.url);
    } finally {
      await other.close();
    }
  });
});

describe('a damaged embedded-sandbox data folder', () => {
  it('a torn last journal line (a crash mid-write): the sandbox starts, and the console names the kept bytes', async () => {
    const dataDir = await freshDir();
    const first = await consoleOn(dataDir);
    await first.core.close();
    const dir = join(dataDir, 'sandbox');
    const header = JSON.parse((await readFile(join(dir, 'snapshot.jsonl'), 'utf8')).split('\n')[0]!) as {
      covers: number;
    };
    await writeFile(join(dir, `journal.${header.covers + 1}.jsonl`), '{"t":"notification","n":{"id":"to');

    const { core, call } = await consoleOn(dataDir);
    expect(core.sandboxUrl).not.toBeNull();
    const [notice] = (await call('app.notices')).value.notices;
    expect(notice).toMatchObject({
      id: 'sandbox-journal-recovered',
      severity: 'warning',
      message: expect.stringMatching(/not closed cleanly: .*torn line \(33 bytes, never acknowledged\)/),
      savedCopy: expect.stringMatching(/journal\.damaged-/),
    });
    expect(await readFile(notice.savedCopy, 'utf8')).toBe('{"t":"notification","n":{"id":"to');
    expect((await call('templates.list', { profileId: 'sandbox-test' })).ok).toBe(true);
  });

  it('does not stop the console: it starts, says so, and moves the data aside when asked', async () => {
    const dataDir = await freshDir();
    const first = await consoleOn(dataDir);
    await first.core.close();
    // Damage a line in the middle of the sandbox's snapshot: not a torn tail, real damage.
    const snapshot = join(dataDir, 'sandbox', 'snapshot.jsonl');
    const lines = (await readFile(snapshot, 'utf8')).split('\n');
    expect(lines.length).toBeGreaterThan(3);
    lines[1] = '{"this is": not json';
    await writeFile(snapshot, lines.join('\n'));

    const { core, call } = await consoleOn(dataDir);
    expect((await call('app.status')).value.sandboxUrl).toBeNull();
    const notices = (await call('app.notices')).value.notices;
    expect(notices).toEqual([
      expect.objectContaining({
        id: 'sandbox-damaged',
        severity: 'error',
        action: 'move-sandbox-data-aside',
        message: expect.stringMatching(/snapshot\.jsonl line 2 is damaged/),
      }),
    ]);
    expect((await call('profiles.list')).value.profiles.filter((p: any) => p.builtIn)).toEqual([]);

    const moved = await call('sandbox.moveDataAside');
    expect(moved.ok).toBe(true);
    expect(moved.value.movedTo).toMatch(/sandbox\.damaged-/);
    // Nothing deleted: the damaged folder is where it says, byte for byte.
    expect(await readFile(join(moved.value.movedTo, 'snapshot.jsonl'), 'utf8')).toBe(lines.join('\n'));
    expect(moved.value.notices.map((n: any) => n.id)).not.toContain('sandbox-damaged');
    expect(core.sandboxUrl).not.toBeNull();
    expect((await call('profiles.list')).value.profiles.some((p: any) => p.id === 'sandbox-test')).toBe(true);
    expect((await call('templates.list', { profileId: 'sandbox-test' })).ok).toBe(true);
    expect(existsSync(join(dataDir, 'sandbox', 'snapshot.jsonl'))).toBe(true);
    // Asked again, there is nothing to move.
    expect((await call('sandbox.moveDataAside')).error).toMatchObject({ code: 'not-applicable' });
  });
});
