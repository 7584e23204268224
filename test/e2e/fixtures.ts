/**
 * Each test worker gets its own console in browser mode (a fresh data folder, an embedded sandbox
 * running 50 times faster than life) and its own Chromium page opened on the tokenised URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, chromium, type Browser, type Page } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ConsoleServer {
  url: string;
  sandboxUrl: string;
  dataDir: string;
}

async function startConsole(): Promise<{ server: ConsoleServer; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/browser-host/cli.ts',
      '--port',
      '0',
      '--data',
      dataDir,
      '--no-open',
      '--json',
      '--sandbox-time-scale',
      '50',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`console exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; sandboxUrl: string };
  return { server: { url: info.url, sandboxUrl: info.sandboxUrl, dataDir }, child };
}

export const test = base.extend<
  { page: Page; server: ConsoleServer },
  { workerServer: ConsoleServer; browserInstance: Browser }
>({
  workerServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { server, child } = await startConsole();
      await use(server);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(server.dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  browserInstance: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  server: async ({ workerServer }, use) => use(workerServer),
  page: async ({ browserInstance, workerServer }, use) => {
    const context = await browserInstance.newContext();
    const page = await context.newPage();
    await page.goto(workerServer.url);
    await use(page);
    await context.close();
  },
});

export { expect } from '@playwright/test';
