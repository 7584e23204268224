/**
 * The Electron entry point: wiring only.
 *
 * Every decision lives in a tested module (./security, ./app-policy, ./app-protocol, ./menu,
 * ./ipc-transport, ./safe-storage-adapter); this file hands them the real Electron objects, in the order
 * that keeps every page hardened from its first byte: sandbox on and the app:// scheme privileged before
 * ready, the app:// handler and security installed before the first window exists, IPC registered before
 * the page can call.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startConsole } from '../host/start-console';
import { mainWindowOptions, quitsWhenAllWindowsClosed, rendererTarget, userDataOverride } from './app-policy';
import { APP_SCHEME, appProtocolHandler, PRIVILEGED_SCHEMES } from './app-protocol';
import { registerIpc } from './ipc-transport';
import { buildMenuTemplate } from './menu';
import { safeStorageAdapter } from './safe-storage-adapter';
import { installSecurity, isSafeExternalUrl, isTrustedSender } from './security';

// Built layout: out/main/index.js beside out/preload/index.cjs and out/renderer/index.html.
const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/index.cjs');
const rendererDir = path.join(here, '../renderer');

const openExternal = async (url: string): Promise<void> => {
  if (isSafeExternalUrl(url)) await shell.openExternal(url);
};

// Checklist 4: every renderer sandboxed, whatever a window's options say. Must precede `ready`.
app.enableSandbox();
// Checklist 18: the built renderer is served on app://notify-console, not file://. Must precede `ready`.
protocol.registerSchemesAsPrivileged([...PRIVILEGED_SCHEMES]);
const userData = userDataOverride(app.isPackaged, process.env);
if (userData !== null) app.setPath('userData', userData);

function createWindow(appUrl: string): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  // Before the first window: the app:// scheme serves out/renderer and nothing else. `fs.promises` is
  // read at each call: Electron patches it to read inside app.asar.
  protocol.handle(
    APP_SCHEME,
    appProtocolHandler(rendererDir, (file) => fs.promises.readFile(file)),
  );
  const target = rendererTarget({
    isPackaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  });
  installSecurity(app, session.defaultSession, null, { appUrl: target.url, csp: target.csp, openExternal });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, openExternal }),
    ),
  );

  const core = await startConsole({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    safeStorage: safeStorageAdapter(safeStorage, process.platform),
    platform: process.platform,
  });
  const stopIpc = registerIpc(ipcMain, core.endpoint, {
    isTrustedSender: (frame) => isTrustedSender(frame, target.url),
    getWindows: () => BrowserWindow.getAllWindows(),
  });

  createWindow(target.url);

  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win === undefined) return void createWindow(target.url);
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(target.url);
  });

  // Close the core (pending writes, the sandbox server) before the process goes.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    stopIpc();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another console already runs on this profile; it gets focus through 'second-instance'.
  app.quit();
} else {
  app.on('window-all-closed', () => {
    if (quitsWhenAllWindowsClosed(process.platform)) app.quit();
  });
  start().catch((err: unknown) => {
    dialog.showErrorBox('Notify Console could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}
