import { defineConfig } from '@playwright/test';

/**
 * Browser tests run the real built renderer in Debian's Chromium against browser mode with a real
 * embedded sandbox behind it. `test/electron` launches the packaged app where an Electron binary
 * exists and skips, saying why, where none does.
 */
export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  use: { trace: 'off', screenshot: 'off' },
  projects: [
    { name: 'browser', testDir: 'test/e2e', testMatch: /.*\.spec\.ts/ },
    { name: 'electron', testDir: 'test/electron', testMatch: /.*\.spec\.ts/ },
  ],
});
