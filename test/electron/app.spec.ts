/**
 * Launches the built app (out/main/index.js) in a real Electron and checks the shell's promises.
 *
 * Runs only where an Electron binary is installed (./electron-binary.ts); elsewhere every test skips
 * and says why. test/electron/desktop.spec.ts covers the rest of what only Electron can show.
 *
 * Run: `npm run build && npx playwright test test/electron/app.spec.ts`.
 */
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_INDEX_URL } from '../../src-main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src-main/host/content-security-policy';
import { findElectronBinary, launchApp } from './electron-binary';

const binary = findElectronBinary();
if ('skip' in binary) console.warn(`[test/electron] SKIPPED: ${binary.skip}`);

test.describe('Electron shell', () => {
  test.skip('skip' in binary, 'skip' in binary ? binary.skip : '');

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeEach(async () => {
    if ('skip' in binary) return;
    // Each test gets its own profile and so its own single-instance lock. As root, Chromium's OS
    // sandbox is off (launchApp); the renderer's `sandbox: true` preload environment is unaffected.
    userData = mkdtempSync(path.join(tmpdir(), 'nc-electron-'));
    app = await launchApp(binary.path, userData);
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterEach(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window on the built renderer, with its CSP', async () => {
    expect(app.windows()).toHaveLength(1);
    // Served by the app:// protocol (checklist 18), never from file://.
    expect(page.url()).toBe(APP_INDEX_URL);
    const csp = await page.evaluate(() =>
      (globalThis as any).document
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute('content'),
    );
    // The header's policy without frame-ancestors, which browsers ignore in a meta tag.
    expect(csp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; frame-src blob: data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'",
    );
  });

  test('serves the renderer over app:// with the CSP header, and nothing outside it', async () => {
    const answers = await page.evaluate(async () => {
      const get = async (url: string) => {
        const r = await fetch(url);
        return {
          status: r.status,
          csp: r.headers.get('content-security-policy'),
          nosniff: r.headers.get('x-content-type-options'),
        };
      };
      return {
        index: await get('/index.html'),
        missing: await get('/no-such-file.js'),
        climb: await get('/%2e%2e/%2e%2e/package.json'),
      };
    });
    expect(answers.index).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, nosniff: 'nosniff' });
    expect(answers.missing.status).toBe(404);
    // Chromium resolves the encoded dots itself (→ /package.json, 404); if it did not, the handler's
    // own check answers 400. Either way, nothing from outside out/renderer.
    expect([400, 404]).toContain(answers.climb.status);
  });

  test('isolates the page from Node and Electron', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as any).require,
      process: typeof (globalThis as any).process,
      module: typeof (globalThis as any).module,
      Buffer: typeof (globalThis as any).Buffer,
      ipcRenderer: typeof (globalThis as any).ipcRenderer,
      electron: typeof (globalThis as any).electron,
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
    });
  });

  test('exposes window.notifyConsole with call and onEvent only, and it reaches the core', async () => {
    const shape = await page.evaluate(() => {
      const bridge = (globalThis as any).notifyConsole as Record<string, unknown>;
      return { keys: Object.keys(bridge).sort(), types: Object.values(bridge).map((v) => typeof v) };
    });
    expect(shape).toEqual({ keys: ['call', 'onEvent'], types: ['function', 'function'] });
    const status = await page.evaluate(() => (globalThis as any).notifyConsole.call('app.status', {}));
    expect(status).toMatchObject({ ok: true, value: { mode: 'electron' } });
  });

  test('denies new windows', async () => {
    // http, not https: a denied https URL would be opened in the user's browser.
    const opened = await page.evaluate(() => (globalThis as any).open('http://example.invalid/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
