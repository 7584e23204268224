/**
 * What only a real Electron can show: keys encrypted through safeStorage (and the passphrase vault
 * where it is unavailable), IPC refusing a caller that is not the console's page, navigation denied,
 * and one console per profile with notify-console:// links reaching it.
 *
 * Runs where an Electron binary is installed (./electron-binary.ts; CI downloads one), after
 * `npm run build`; elsewhere every test skips and says why. Under Xvfb on Linux.
 */
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IPC_CHANNELS } from '../../src-main/contract/channels';
import { APP_INDEX_URL } from '../../src-main/electron/app-protocol';
import { appEnv, findElectronBinary, launchApp, mainEntry, rootArgs } from './electron-binary';

const binary = findElectronBinary();
if ('skip' in binary) console.warn(`[test/electron] SKIPPED: ${binary.skip}`);

/** Calls the console through the page's bridge, as the renderer does. */
const call = (page: Page, method: string, input: object = {}): Promise<any> =>
  page.evaluate(([m, i]) => (globalThis as any).notifyConsole.call(m, i), [method, input] as const);

/** Every file's bytes under `dir`, as one latin1 string, to search for a key in plain text. */
function allBytes(dir: string): string {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .map((p) => (statSync(p).isDirectory() ? allBytes(p) : readFileSync(p).toString('latin1')))
    .join('\n');
}

/** A key in Notify's format: name, service id, secret. */
const apiKey = (): { key: string; secret: string } => {
  const secret = randomUUID();
  return { key: `electron-spec-${randomUUID()}-${secret}`, secret };
};

async function addProfileWithKey(page: Page, key: string): Promise<any> {
  const status = await call(page, 'app.status');
  const created = await call(page, 'profiles.create', {
    name: 'Electron spec',
    baseUrl: status.value.sandboxUrl ?? 'http://127.0.0.1:6011',
    apiKey: key,
    keyType: 'test',
  });
  expect(created).toMatchObject({ ok: true });
  return created.value;
}

test.describe('desktop app', () => {
  test.skip('skip' in binary, 'skip' in binary ? binary.skip : '');
  const electronPath = 'skip' in binary ? '' : binary.path;

  let userData: string;
  const apps: ElectronApplication[] = [];
  const launch = async (options?: Parameters<typeof launchApp>[2]) => {
    const app = await launchApp(electronPath, userData, options);
    apps.push(app);
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { app, page };
  };

  test.beforeEach(() => {
    userData = mkdtempSync(path.join(tmpdir(), 'nc-desktop-'));
  });
  test.afterEach(async () => {
    for (const app of apps.splice(0)) await app.close().catch(() => undefined);
    rmSync(userData, { recursive: true, force: true });
  });

  test('keys are encrypted with the OS keychain (safeStorage) and survive a restart', async () => {
    const first = await launch();
    const keychain = await first.app.evaluate(({ safeStorage }) => ({
      available: safeStorage.isEncryptionAvailable(),
      backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os',
    }));
    test.skip(
      !keychain.available || ['basic_text', 'unknown'].includes(keychain.backend),
      `no OS keychain here (safeStorage backend ${keychain.backend}); the passphrase test covers this machine`,
    );
    expect((await call(first.page, 'app.status')).value.vault).toMatchObject({
      kind: 'os-keychain',
      locked: false,
    });
    const { key, secret } = apiKey();
    const profile = await addProfileWithKey(first.page, key);
    expect(profile.needsKey).toBe(false);
    await first.app.close();

    // Not in any file the console wrote, in any form a reader could grep for.
    const disk = allBytes(userData);
    expect(disk).not.toContain(secret);
    expect(disk).not.toContain(Buffer.from(secret).toString('base64'));

    // A new process decrypts it with no passphrase: the OS keychain holds the key's key.
    const second = await launch();
    const listed = await call(second.page, 'profiles.list');
    expect(listed.value.profiles.find((p: any) => p.id === profile.id)).toMatchObject({ needsKey: false });
  });

  test('without a usable keychain the console falls back to a passphrase vault', async () => {
    test.skip(
      process.platform !== 'linux',
      `safeStorage cannot be made unavailable on ${process.platform}; Linux runs this with --password-store=basic`,
    );
    // Chromium's `basic` store is the plain-text backend the console refuses to trust with keys.
    const first = await launch({ switches: ['--password-store=basic'] });
    const vault = (await call(first.page, 'app.status')).value.vault;
    expect(vault).toMatchObject({ kind: 'passphrase', needsSetup: true });
    expect(vault.reason).toBeTruthy();
    expect(await call(first.page, 'vault.setup', { passphrase: 'correct horse battery' })).toMatchObject({
      ok: true,
    });
    const { key, secret } = apiKey();
    const profile = await addProfileWithKey(first.page, key);
    await first.app.close();
    expect(allBytes(userData)).not.toContain(secret);

    const second = await launch({ switches: ['--password-store=basic'] });
    expect((await call(second.page, 'app.status')).value.vault).toMatchObject({
      kind: 'passphrase',
      locked: true,
    });
    expect(await call(second.page, 'vault.unlock', { passphrase: 'wrong passphrase' })).toMatchObject({
      ok: false,
    });
    expect(await call(second.page, 'vault.unlock', { passphrase: 'correct horse battery' })).toMatchObject({
      ok: true,
    });
    const listed = await call(second.page, 'profiles.list');
    expect(listed.value.profiles.find((p: any) => p.id === profile.id)).toMatchObject({ needsKey: false });
  });

  test('IPC refuses a caller that is not the console’s own page', async () => {
    const { app, page } = await launch();
    // A page of another origin in its own window, with a preload that reaches the console's channel
    // directly: what a compromised or injected frame would try.
    const preload = path.join(userData, 'foreign-preload.cjs');
    writeFileSync(
      preload,
      "const { contextBridge, ipcRenderer } = require('electron');\n" +
        "contextBridge.exposeInMainWorld('probe', (channel, request) => ipcRenderer.invoke(channel, request));\n",
    );
    const answer = await app.evaluate(
      async ({ BrowserWindow }, { preload, channel }) => {
        const win = new BrowserWindow({
          show: false,
          webPreferences: { preload, sandbox: true, contextIsolation: true },
        });
        try {
          await win.loadURL('data:text/html,<title>foreign</title>');
          return await win.webContents.executeJavaScript(
            `window.probe(${JSON.stringify(channel)}, { method: 'app.status', input: {} })`,
          );
        } finally {
          win.destroy();
        }
      },
      { preload, channel: IPC_CHANNELS.call },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The console's own page still gets through.
    expect(await call(page, 'app.status')).toMatchObject({ ok: true });
  });

  test('the embedded sandbox runs in its own utility process, and quitting closes it cleanly', async () => {
    const { app, page } = await launch();
    const sandboxUrl: string = (await call(page, 'app.status')).value.sandboxUrl;
    expect(sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const metrics = await app.evaluate(({ app: electronApp }) =>
      electronApp
        .getAppMetrics()
        .map((m) => ({ pid: m.pid, type: m.type, name: m.serviceName ?? m.name ?? '' })),
    );
    const sandbox = metrics.find((m) => m.type === 'Utility' && m.name === 'Notify Sandbox');
    expect(sandbox, JSON.stringify(metrics)).toBeDefined();
    const mainPid = await app.evaluate(() => process.pid);
    expect(sandbox!.pid).not.toBe(mainPid);
    expect((await fetch(`${sandboxUrl}/_status`)).status).toBe(200);

    await app.close();
    // Its process is gone, nothing answers on its port, and it wrote its snapshot on the way out.
    expect(() => process.kill(sandbox!.pid, 0)).toThrow();
    await expect(fetch(`${sandboxUrl}/_status`)).rejects.toThrow();
    const files = readdirSync(path.join(userData, 'sandbox'));
    expect(files).toContain('snapshot.jsonl');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('the page cannot navigate away, to the web or to a file', async () => {
    const { app, page } = await launch();
    // http, not https: a denied https link is handed to the user's browser, which CI must not open.
    for (const target of ['http://example.invalid/', 'file:///etc/hosts', 'app://elsewhere/index.html']) {
      const navigated = page.waitForEvent('framenavigated', { timeout: 1_500 }).then(
        () => true,
        () => false,
      );
      await page.evaluate((url) => {
        (globalThis as any).location.href = url;
      }, target);
      expect(await navigated, target).toBe(false);
      expect(page.url()).toBe(APP_INDEX_URL);
    }
    expect(app.windows()).toHaveLength(1);
  });

  test('a notify-console:// link at launch opens that screen', async () => {
    const { page } = await launch({ args: ['notify-console://history'] });
    await expect.poll(() => page.url()).toBe(`${APP_INDEX_URL}#/history`);
  });

  test('a second launch hands its link to the running console and quits', async () => {
    const { app, page } = await launch();
    const second = spawnSync(electronPath, [...rootArgs(), mainEntry, 'notify-console://received'], {
      env: appEnv(userData),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.error).toBeUndefined();
    expect(second.status).toBe(0);
    await expect.poll(() => page.url()).toBe(`${APP_INDEX_URL}#/received`);
    expect(app.windows()).toHaveLength(1);
    // A link that is not a route only brings the window forward.
    spawnSync(electronPath, [...rootArgs(), mainEntry, 'notify-console://history?token=x'], {
      env: appEnv(userData),
      timeout: 30_000,
    });
    expect(page.url()).toBe(`${APP_INDEX_URL}#/received`);
  });
});
