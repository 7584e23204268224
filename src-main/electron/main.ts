/**
 * The Electron entry point: wiring only.
 *
 * Every decision lives in a tested module (./security, ./app-policy, ./app-protocol, ./menu,
 * ./ipc-transport, ./safe-storage-adapter, ./deep-links, ./updater); this file hands them the real
 * Electron objects, in the order that keeps every page hardened from its first byte: sandbox on and the
 * app:// scheme privileged before ready, the app:// handler and security installed before the first
 * window exists, IPC registered before the page can call.
 */
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import electronUpdater from 'electron-updater';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConsoleLog, logPathIn } from '../host/file-log';
import { startConsole } from '../host/start-console';
import { mainWindowOptions, quitsWhenAllWindowsClosed, rendererTarget, userDataOverride } from './app-policy';
import { APP_ID } from './app-identity';
import { APP_SCHEME, appProtocolHandler, PRIVILEGED_SCHEMES } from './app-protocol';
import { installDeepLinks, urlWithHash } from './deep-links';
import { registerIpc } from './ipc-transport';
import { buildMenuTemplate } from './menu';
import { electronLogSink } from './log-sink';
import { safeStorageAdapter } from './safe-storage-adapter';
import { utilityProcessLauncher } from './sandbox-launcher';
import { electronStoreEngine } from './settings-engine';
import { installSecurity, isSafeExternalUrl, isTrustedSender } from './security';
import { startUpdates, updatePolicy, type UpdateMessage, type Updates } from './updater';

// Built layout: out/main/index.js and sandbox-child.js beside out/preload/index.cjs and out/renderer/index.html.
const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/index.cjs');
const rendererDir = path.join(here, '../renderer');
const sandboxEntry = path.join(here, 'sandbox-child.js');

const openExternal = async (url: string): Promise<void> => {
  if (isSafeExternalUrl(url)) await shell.openExternal(url);
};

// Checklist 4: every renderer sandboxed, whatever a window's options say. Must precede `ready`.
app.enableSandbox();
// Checklist 18: the built renderer is served on app://notify-console, not file://. Must precede `ready`.
protocol.registerSchemesAsPrivileged([...PRIVILEGED_SCHEMES]);
const userData = userDataOverride(app.isPackaged, process.env);
if (userData !== null) app.setPath('userData', userData);
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

// Set once the first window exists: where deep links and second launches go.
let showWindow: (hash: string | null) => void = () => undefined;
// The single-instance lock and notify-console:// links; before `ready`, as macOS may send the link early.
const links = installDeepLinks({ app, argv: process.argv, show: (hash) => showWindow(hash), log: console });

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
  const showMessage = async (message: UpdateMessage): Promise<number> => {
    const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    return (win ? await dialog.showMessageBox(win, message) : await dialog.showMessageBox(message)).response;
  };
  const policy = updatePolicy({ isPackaged: app.isPackaged, env: process.env });
  if (!policy.enabled) console.info(`[updates] ${policy.reason}`);
  const updates: Updates | null = policy.enabled
    ? startUpdates({
        updater: electronUpdater.autoUpdater,
        currentVersion: app.getVersion(),
        log: { info: (m) => console.info(`[updates] ${m}`), warn: (m) => console.warn(`[updates] ${m}`) },
        showMessage,
      })
    : null;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isPackaged: app.isPackaged,
        openExternal,
        // Only where updates are on: an unpackaged run has no item rather than one that cannot work.
        ...(updates ? { checkForUpdates: () => void updates.check(true) } : {}),
      }),
    ),
  );

  const dataDir = app.getPath('userData');
  const logger = new ConsoleLog(electronLogSink(logPathIn(dataDir)));
  const core = await startConsole({
    dataDir,
    logger,
    diagnostics: {
      logPath: logger.path,
      runtime: { electron: process.versions.electron, chrome: process.versions.chrome },
      recentErrors: () => logger.recentErrors(),
    },
    mode: 'electron',
    safeStorage: safeStorageAdapter(safeStorage, process.platform),
    // The Sandbox panel's Copy: the key goes from this process to the clipboard, never to the window.
    clipboard: { writeText: (text) => clipboard.writeText(text) },
    platform: process.platform,
    version: app.getVersion(),
    settingsEngine: electronStoreEngine,
    // The sandbox never shares this process: it runs in a utility process of its own.
    sandboxLauncher: utilityProcessLauncher(utilityProcess, sandboxEntry),
  });
  if (core.sandbox) logger.redactor.addSecret(core.sandbox.controlSecret);
  for (const n of core.notices())
    logger.warn(`recovered: ${n.title}`, { message: n.message, savedCopy: n.savedCopy });
  const stopIpc = registerIpc(ipcMain, core.endpoint, {
    isTrustedSender: (frame) => isTrustedSender(frame, target.url),
    getWindows: () => BrowserWindow.getAllWindows(),
  });

  createWindow(urlWithHash(target.url, links.takeInitialHash()));
  showWindow = (hash) => {
    const [win] = BrowserWindow.getAllWindows();
    if (win === undefined) return void createWindow(urlWithHash(target.url, hash));
    if (win.isMinimized()) win.restore();
    win.focus();
    // Only the fragment changes: the page stays, and its router moves to the linked screen.
    if (hash !== null) void win.loadURL(urlWithHash(target.url, hash));
  };
  links.ready();
  // Not awaited: the window never waits for GitHub, and a failed check is only logged.
  void updates?.check(false);
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

if (!links.primary) {
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
