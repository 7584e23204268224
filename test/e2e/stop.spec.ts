/**
 * Stopping is clean (issue 8.7): Ctrl+C on `npm start` signals the whole process group (start.mjs and
 * the console it spawned, which start.mjs also sends a SIGTERM), and a service manager sends SIGTERM
 * to the console alone. Each exits 0 with nothing on stderr, and the embedded sandbox's data folder
 * opens again afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';

interface Started {
  child: ChildProcess;
  stderr: () => string;
  info: { url: string; sandboxUrl: string };
}

/** The embedded sandbox's control secret, chosen here so the test can call its control API. */
const SECRET = randomBytes(32).toString('base64url');

async function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, NOTIFY_SANDBOX_CONTROL_SECRET: SECRET },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const info = await new Promise<Started['info']>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
  });
  return { child, stderr: () => stderr, info };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Gives the sandbox something to write: a new API key, in its journal, compacted when it closes. */
async function sendSome(sandboxUrl: string): Promise<void> {
  const headers = { 'X-Sandbox-Secret': SECRET };
  const info = (await (await fetch(`${sandboxUrl}/_sandbox/info`, { headers })).json()) as {
    services: { id: string }[];
  };
  const made = await fetch(`${sandboxUrl}/_sandbox/services/${info.services[0]!.id}/keys`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'written before the stop', key_type: 'test' }),
  });
  expect(made.status).toBe(201);
}

const cases: [string, (dir: string) => string[], NodeJS.Signals, 'group' | 'process'][] = [
  [
    'Ctrl+C on npm start (SIGINT to the process group)',
    (dir) => ['scripts/start.mjs', '--browser', '--no-open', '--json', '--data', dir],
    'SIGINT',
    'group',
  ],
  [
    'SIGTERM to npm start',
    (dir) => ['scripts/start.mjs', '--browser', '--no-open', '--json', '--data', dir],
    'SIGTERM',
    'process',
  ],
  [
    'SIGINT to the browser-host CLI',
    (dir) => ['--import', 'tsx', 'src-main/browser-host/cli.ts', '--no-open', '--json', '--data', dir],
    'SIGINT',
    'process',
  ],
  [
    'SIGTERM to the browser-host CLI',
    (dir) => ['--import', 'tsx', 'src-main/browser-host/cli.ts', '--no-open', '--json', '--data', dir],
    'SIGTERM',
    'process',
  ],
];

for (const [name, argsFor, signal, to] of cases) {
  test(`${name} exits 0 with no stack trace, and the data opens again`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'console-stop-'));
    try {
      const first = await start(argsFor(dataDir));
      await sendSome(first.info.sandboxUrl);
      const done = exited(first.child);
      process.kill(to === 'group' ? -first.child.pid! : first.child.pid!, signal);
      expect(await done).toEqual({ code: 0, signal: null });
      expect(first.stderr()).toBe('');
      expect(existsSync(join(dataDir, 'sandbox'))).toBe(true);
      expect(readdirSync(join(dataDir, 'sandbox')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      const second = await start(argsFor(dataDir));
      const again = exited(second.child);
      process.kill(-second.child.pid!, 'SIGINT');
      expect(await again).toEqual({ code: 0, signal: null });
      expect(second.stderr()).toBe('');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
