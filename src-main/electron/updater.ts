/**
 * Updates for the packaged desktop app, from this project's GitHub Releases (electron-updater).
 *
 * The rules, as a user meets them: the app checks once at start and whenever they choose "Check for
 * Updates…"; a new version downloads in the background; nothing is installed until they agree in a
 * dialog ("Restart and install" now, or "Install when I quit"); a check that fails (offline, GitHub
 * down, a release without files for this platform) is logged and never blocks or crashes the app,
 * and is shown only when the user asked. Updates are off in browser mode (which never loads this
 * module), in unpackaged runs, and where the administrator sets NOTIFY_CONSOLE_DISABLE_UPDATES=1.
 *
 * Everything Electron-specific is injected (the electron-updater instance, the dialogs, the logger),
 * so the rules are tested in plain Node: test/unit/release/updater.test.ts.
 */

/** The part of electron-updater's `AppUpdater` this module uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Resolves to null when the app is not set up for updates, else to a result naming the version found. */
  checkForUpdates(): Promise<{ isUpdateAvailable?: boolean; updateInfo: { version: string } } | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

interface UpdateLog {
  info(message: string): void;
  warn(message: string): void;
}

/** What the user chose in the "update ready" dialog. */
type InstallChoice = 'restart-now' | 'on-quit' | 'later';

/** A message box's content, for Electron's `dialog.showMessageBox`. */
export interface UpdateMessage {
  type: 'info' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}

interface UpdateDeps {
  updater: UpdaterLike;
  currentVersion: string;
  log: UpdateLog;
  /** Shows a message box and resolves to the index of the button pressed. */
  showMessage(message: UpdateMessage): Promise<number>;
}

export interface Updates {
  /** Checks now. `userAsked` (the menu) also reports "up to date" and failures in a dialog. */
  check(userAsked: boolean): Promise<void>;
}

/** The environment variable an administrator sets to turn update checks off. */
const DISABLE_UPDATES_ENV = 'NOTIFY_CONSOLE_DISABLE_UPDATES';

/** Whether this run checks for updates, and if not, why (logged once at start). */
export function updatePolicy(input: {
  isPackaged: boolean;
  env: Record<string, string | undefined>;
}): { enabled: true } | { enabled: false; reason: string } {
  if (!input.isPackaged) {
    return { enabled: false, reason: 'updates are off in an unpackaged run (npm start, tests)' };
  }
  const flag = input.env[DISABLE_UPDATES_ENV];
  if (flag !== undefined && flag !== '' && flag !== '0') {
    return { enabled: false, reason: `updates are off: ${DISABLE_UPDATES_ENV} is set` };
  }
  return { enabled: true };
}

const INSTALL_BUTTONS: readonly { label: string; choice: InstallChoice }[] = [
  { label: 'Restart and install', choice: 'restart-now' },
  { label: 'Install when I quit', choice: 'on-quit' },
  { label: 'Not now', choice: 'later' },
];

/** The dialog asking to install a downloaded version. */
function installPrompt(version: string, currentVersion: string): UpdateMessage {
  return {
    type: 'info',
    title: 'Update ready',
    message: `Notify Console ${version} is ready to install`,
    detail:
      `You have ${currentVersion}. Restart now to install it, or it installs when you quit. ` +
      'Your profiles, keys and history are kept.',
    buttons: INSTALL_BUTTONS.map((b) => b.label),
    defaultId: 0,
    cancelId: INSTALL_BUTTONS.length - 1,
  };
}

/** The choice behind a button index from `installPrompt` (anything unexpected means "later"). */
function installChoice(buttonIndex: number): InstallChoice {
  return INSTALL_BUTTONS[buttonIndex]?.choice ?? 'later';
}

/** A one-line reason from whatever electron-updater threw, without a stack or response body. */
function describeUpdateError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split('\n', 1)[0]!.trim();
  return firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine || 'unknown error';
}

/**
 * Wires the updater: background download, install only after the user agrees. Returns `check`,
 * which the caller runs at start (not awaited: the window never waits for GitHub) and from the menu.
 */
export function startUpdates({ updater, currentVersion, log, showMessage }: UpdateDeps): Updates {
  updater.autoDownload = true;
  // Nothing installs behind the user's back: only their "Install when I quit" turns this on.
  updater.autoInstallOnAppQuit = false;

  let downloaded: string | null = null;
  let asking = false;

  const ask = async (version: string): Promise<void> => {
    if (asking) return;
    asking = true;
    try {
      const choice = installChoice(await showMessage(installPrompt(version, currentVersion)));
      log.info(`update ${version}: user chose ${choice}`);
      if (choice === 'restart-now') updater.quitAndInstall(false, true);
      else if (choice === 'on-quit') updater.autoInstallOnAppQuit = true;
    } catch (error) {
      log.warn(`update ${version}: the install dialog failed: ${describeUpdateError(error)}`);
    } finally {
      asking = false;
    }
  };

  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    void ask(info.version);
  });
  // electron-updater also emits failures here (a download that broke off, say): log, carry on.
  updater.on('error', (error) => log.warn(`update failed: ${describeUpdateError(error)}`));

  const tell = (message: UpdateMessage): Promise<void> =>
    showMessage(message).then(
      () => undefined,
      (error: unknown) => log.warn(`update dialog failed: ${describeUpdateError(error)}`),
    );

  return {
    async check(userAsked) {
      if (downloaded !== null) {
        if (userAsked) await ask(downloaded);
        return;
      }
      try {
        const result = await updater.checkForUpdates();
        const found = result?.updateInfo.version;
        const newer = result !== null && result.isUpdateAvailable !== false && found !== currentVersion;
        log.info(newer ? `update ${found} found; downloading in the background` : 'no update available');
        if (!userAsked) return;
        if (result === null) {
          await tell(notice('warning', 'Updates are not set up for this copy of Notify Console.'));
        } else if (!newer) {
          await tell(notice('info', `You have the latest version (${currentVersion}).`));
        } else {
          await tell(
            notice('info', `Version ${found} is downloading. You will be asked before it installs.`),
          );
        }
      } catch (error) {
        const reason = describeUpdateError(error);
        log.warn(`update check failed: ${reason}`);
        if (userAsked) await tell(notice('warning', `Could not check for updates: ${reason}`));
      }
    },
  };
}

function notice(type: UpdateMessage['type'], message: string): UpdateMessage {
  return {
    type,
    title: 'Check for updates',
    message,
    detail: '',
    buttons: ['OK'],
    defaultId: 0,
    cancelId: 0,
  };
}
