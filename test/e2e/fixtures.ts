/**
 * Each test worker gets its own console in browser mode (a fresh data folder, an embedded sandbox
 * running 50 times faster than life) and its own Chromium page opened on the tokenised URL.
 */
import { startConsoleProcess } from '../support/console-process';
import {
  test as base,
  chromium,
  expect,
  type Browser,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';

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
  /** The embedded sandbox's control secret, for its control API (`X-Sandbox-Secret`). */
  sandboxSecret: string;
  dataDir: string;
}

export const test = base.extend<
  { page: Page; server: ConsoleServer },
  { workerServer: ConsoleServer; browserInstance: Browser }
>({
  workerServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const proc = await startConsoleProcess({ sandboxTimeScale: 50 });
      await use({
        url: proc.url,
        sandboxUrl: proc.sandboxUrl,
        sandboxSecret: proc.sandboxSecret,
        dataDir: proc.dataDir,
      });
      await proc.stop();
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

/**
 * The same fixtures, but each test gets a console of its own (a fresh sandbox whose statuses are
 * final within a millisecond, so no screen is caught halfway) and a 1280×800 page on it, in the
 * light theme with reduced motion, showing the built-in "Local sandbox" profile.
 */
export function ownConsoleTest(contextOptions: BrowserContextOptions = {}) {
  return test.extend({
    // eslint-disable-next-line no-empty-pattern
    server: async ({}, use) => {
      const proc = await startConsoleProcess();
      const server = {
        url: proc.url,
        sandboxUrl: proc.sandboxUrl,
        sandboxSecret: proc.sandboxSecret,
        dataDir: proc.dataDir,
      };
      const res = await fetch(`${server.sandboxUrl}/_sandbox/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sandbox-Secret': server.sandboxSecret },
        body: JSON.stringify({ time_scale: 100_000 }),
      });
      if (!res.ok) throw new Error(`POST /_sandbox/clock answered ${res.status}`);
      await use(server);
      await proc.stop();
    },
    page: async ({ browserInstance, server }, use) => {
      const context = await browserInstance.newContext({
        viewport: { width: 1280, height: 800 },
        colorScheme: 'light',
        reducedMotion: 'reduce',
        ...contextOptions,
      });
      const page = await context.newPage();
      await page.goto(server.url);
      await expect(page.getByTestId('active-profile-name')).toHaveText('Local sandbox');
      await use(page);
      await context.close();
    },
  });
}
