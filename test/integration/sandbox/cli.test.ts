/**
 * The sandbox CLI as a user runs it: `npm run sandbox`, stopped with Ctrl+C or by a service manager,
 * the control secret from the environment, a damaged journal reported on start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTROL_SECRET_HEADER } from '../../../src-sandbox/control';
import { controlFetch } from '../../support/sandbox';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
  dirs.push(d);
  return d;
}

interface Running {
  child: ChildProcess;
  info: { base_url: string };
  stderr: () => string;
  /** Resolves with the exit code and signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `src-sandbox/cli.ts` as `npm run sandbox` does, on any free port, and reads its JSON line. */
async function run(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-sandbox/cli.ts', '--port', '0', '--json', '--latency', 'none', ...args],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    void exited.then(({ code }) => reject(new Error(`the CLI exited with ${code}: ${stderr}`)));
  });
  return { child, info: JSON.parse(line), stderr: () => stderr, exited };
}

describe('stopping', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s closes the data folder cleanly and exits 0 without a stack trace',
    async (signal) => {
      const dir = await tempDir();
      const sb = await run(['--data', dir]);
      expect((await fetch(`${sb.info.base_url}/_status`)).status).toBe(200);
      sb.child.kill(signal);
      expect(await sb.exited).toEqual({ code: 0, signal: null });
      expect(sb.stderr()).toBe('');
      // The folder was compacted on the way out: a snapshot and one fresh journal, nothing left over.
      const files = (await readdir(dir)).sort();
      expect(files.filter((f) => /^journal\.\d+\.jsonl$/.test(f))).toHaveLength(1);
      expect(files.filter((f) => !/^journal\.\d+\.jsonl$/.test(f))).toEqual([
        'fixture.json',
        'pdf',
        'secret',
        'snapshot.jsonl',
      ]);
    },
  );

  it('a second signal while closing (Ctrl+C pressed twice) changes nothing: still exit 0', async () => {
    const dir = await tempDir();
    const sb = await run(['--data', dir]);
    sb.child.kill('SIGINT');
    sb.child.kill('SIGINT');
    sb.child.kill('SIGTERM');
    expect(await sb.exited).toEqual({ code: 0, signal: null });
    expect(sb.stderr()).not.toMatch(/ENOENT|Error|at /);
  });
});

describe('the control secret', () => {
  it('comes from NOTIFY_SANDBOX_CONTROL_SECRET, and every control call must then carry it', async () => {
    const secret = 'from-the-environment-1234';
    const sb = await run([], { NOTIFY_SANDBOX_CONTROL_SECRET: secret });
    try {
      const without = await controlFetch(sb.info.base_url, 'GET', '/info');
      expect(without.status).toBe(403);
      const wrong = await controlFetch(sb.info.base_url, 'GET', '/info', undefined, 'guess');
      expect(wrong.status).toBe(403);
      const right = await controlFetch(sb.info.base_url, 'GET', '/info', undefined, secret);
      expect(right.status).toBe(200);
      // Never on the command line, where `ps` would show it.
      expect(sb.child.spawnargs.join(' ')).not.toContain(secret);
      expect(CONTROL_SECRET_HEADER).toBe('X-Sandbox-Secret');
    } finally {
      sb.child.kill('SIGTERM');
      await sb.exited;
    }
  });

  it('without it the control API answers local tools with no secret', async () => {
    const sb = await run([], { NOTIFY_SANDBOX_CONTROL_SECRET: '' });
    try {
      expect((await controlFetch(sb.info.base_url, 'GET', '/info')).status).toBe(200);
    } finally {
      sb.child.kill('SIGTERM');
      await sb.exited;
    }
  });
});

describe('recovery', () => {
  it('says on stderr what it set aside from a torn journal line, and where', async () => {
    const dir = await tempDir();
    const first = await run(['--data', dir]);
    first.child.kill('SIGTERM');
    await first.exited;
    const live = (await readdir(dir)).find((n) => /^journal\.\d+\.jsonl$/.test(n))!;
    await appendFile(join(dir, live), '{"t":"update","id":"half a li');
    const second = await run(['--data', dir]);
    try {
      expect(second.stderr()).toMatch(
        new RegExp(
          `^sandbox: The sandbox data folder was not closed cleanly: .*${live} ended in a torn line \\(29 bytes, never acknowledged\\), kept in .*journal\\.damaged-`,
        ),
      );
      expect((await readdir(dir)).some((n) => n.startsWith('journal.damaged-'))).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
