/**
 * Updates as a user meets them, with a fake electron-updater and fake dialogs: checked at start and
 * from the menu, downloaded in the background, installed only after the user agrees, failures logged
 * and never thrown, and off where they must be.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../src-main/electron/menu';
import {
  startUpdates,
  updatePolicy,
  type UpdateMessage,
  type UpdaterLike,
} from '../../../src-main/electron/updater';

type CheckResult = Awaited<ReturnType<UpdaterLike['checkForUpdates']>>;

/** A stand-in for electron-updater's autoUpdater that records what the app asks of it. */
class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  constructor(private readonly answer: () => Promise<CheckResult>) {
    super();
  }
  checkForUpdates(): Promise<CheckResult> {
    this.checks += 1;
    return this.answer();
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function setUp(answer: () => Promise<CheckResult>, pressButton: number | Error = 1) {
  const updater = new FakeUpdater(answer);
  const shown: UpdateMessage[] = [];
  const logged: string[] = [];
  const updates = startUpdates({
    updater,
    currentVersion: '1.0.0',
    log: { info: (m) => logged.push(`info: ${m}`), warn: (m) => logged.push(`warn: ${m}`) },
    showMessage: async (message) => {
      shown.push(message);
      if (pressButton instanceof Error) throw pressButton;
      return message.buttons.length > 1 ? pressButton : 0;
    },
  });
  return { updater, shown, logged, updates };
}
const found = (version: string): CheckResult => ({ isUpdateAvailable: true, updateInfo: { version } });
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('updates', () => {
  describe('policy', () => {
    it('checks only in a packaged app', () => {
      expect(updatePolicy({ isPackaged: true, env: {} })).toEqual({ enabled: true });
      expect(updatePolicy({ isPackaged: false, env: {} })).toEqual({
        enabled: false,
        reason: 'updates are off in an unpackaged run (npm start, tests)',
      });
    });

    it('is switched off by an administrator’s environment variable, but not by an empty or 0 one', () => {
      // The variable README.md tells administrators to set.
      const env = 'NOTIFY_CONSOLE_DISABLE_UPDATES';
      expect(updatePolicy({ isPackaged: true, env: { [env]: '1' } })).toEqual({
        enabled: false,
        reason: 'updates are off: NOTIFY_CONSOLE_DISABLE_UPDATES is set',
      });
      for (const value of ['', '0']) {
        expect(updatePolicy({ isPackaged: true, env: { [env]: value } }).enabled).toBe(true);
      }
      // A look-alike name turns nothing off.
      expect(updatePolicy({ isPackaged: true, env: { NOTIFY_CONSOLE_DISABLE_UPDATE: '1' } }).enabled).toBe(
        true,
      );
    });

    it('is never loaded by browser mode', async () => {
      const { readFileSync, readdirSync } = await import('node:fs');
      const dir = new URL('../../../src-main/browser-host/', import.meta.url);
      for (const file of readdirSync(dir)) {
        expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(/electron-updater|\/updater'/);
      }
    });
  });

  it('downloads in the background and installs nothing on its own', () => {
    const { updater } = setUp(async () => found('1.1.0'));
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('a check at start says nothing to the user, whatever it finds', async () => {
    const { updates, shown, logged, updater } = setUp(async () => found('1.1.0'));
    await updates.check(false);
    expect(updater.checks).toBe(1);
    expect(shown).toEqual([]);
    expect(logged).toEqual(['info: update 1.1.0 found; downloading in the background']);
  });

  it('asks before installing a downloaded update, and installs on quit when the user says so', async () => {
    const { updater, shown } = setUp(async () => found('1.1.0'), 1);
    updater.emit('update-downloaded', { version: '1.1.0' });
    await settle();
    expect(shown).toEqual([
      {
        type: 'info',
        title: 'Update ready',
        message: 'Notify Console 1.1.0 is ready to install',
        detail:
          'You have 1.0.0. Restart now to install it, or it installs when you quit. ' +
          'Your profiles, keys and history are kept.',
        buttons: ['Restart and install', 'Install when I quit', 'Not now'],
        // Enter restarts and installs; Escape or closing the dialog is "Not now".
        defaultId: 0,
        cancelId: 2,
      },
    ]);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.installs).toEqual([]);
  });

  it('restarts into the update at once when the user chooses that', async () => {
    const { updater } = setUp(async () => found('1.1.0'), 0);
    updater.emit('update-downloaded', { version: '1.1.0' });
    await settle();
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('"Not now" (or closing the dialog) leaves the app as it is, and the menu asks again', async () => {
    const { updater, updates, shown } = setUp(async () => found('1.1.0'), 2);
    updater.emit('update-downloaded', { version: '1.1.0' });
    await settle();
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.installs).toEqual([]);
    await updates.check(true);
    expect(shown.map((m) => m.message)).toEqual([
      'Notify Console 1.1.0 is ready to install',
      'Notify Console 1.1.0 is ready to install',
    ]);
    // Already downloaded: no second trip to GitHub.
    expect(updater.checks).toBe(0);
  });

  it.each<[number, string]>([
    [0, 'restart-now'],
    [1, 'on-quit'],
    [2, 'later'],
    [3, 'later'],
    [-1, 'later'],
    [Number.NaN, 'later'],
  ])('maps dialog button %s to %s, treating anything unexpected as "later"', async (button, choice) => {
    const { updater, logged } = setUp(async () => found('1.1.0'), button);
    updater.emit('update-downloaded', { version: '1.1.0' });
    await settle();
    expect(logged).toEqual([`info: update 1.1.0: user chose ${choice}`]);
    expect(updater.installs).toEqual(choice === 'restart-now' ? [[false, true]] : []);
    expect(updater.autoInstallOnAppQuit).toBe(choice === 'on-quit');
  });

  describe('from the menu', () => {
    it('says when the app is up to date', async () => {
      const { updates, shown } = setUp(async () => ({
        isUpdateAvailable: false,
        updateInfo: { version: '1.0.0' },
      }));
      await updates.check(true);
      expect(shown.map((m) => m.message)).toEqual(['You have the latest version (1.0.0).']);
    });

    it('says a newer version is downloading and will ask before installing', async () => {
      const { updates, shown } = setUp(async () => found('2.0.0'));
      await updates.check(true);
      expect(shown.map((m) => m.message)).toEqual([
        'Version 2.0.0 is downloading. You will be asked before it installs.',
      ]);
    });

    it('says when this copy is not set up for updates', async () => {
      const { updates, shown } = setUp(async () => null);
      await updates.check(true);
      expect(shown.map((m) => m.message)).toEqual([
        'Updates are not set up for this copy of Notify Console.',
      ]);
    });

    it('reports a failed check in one line', async () => {
      const { updates, shown, logged } = setUp(async () => {
        throw new Error('net::ERR_INTERNET_DISCONNECTED\n    at SimpleURLLoaderWrapper.<anonymous>');
      });
      await updates.check(true);
      expect(shown.map((m) => m.message)).toEqual([
        'Could not check for updates: net::ERR_INTERNET_DISCONNECTED',
      ]);
      expect(logged).toEqual(['warn: update check failed: net::ERR_INTERNET_DISCONNECTED']);
    });

    it('is in the Help menu on Windows and Linux, and the app menu on macOS', () => {
      let clicked = 0;
      const options = {
        isPackaged: true,
        openExternal: () => undefined,
        checkForUpdates: () => void (clicked += 1),
      };
      const labels = (items: unknown): string[] =>
        (items as { label?: string; submenu?: unknown }[]).flatMap((i) => [
          ...(i.label ? [i.label] : []),
          ...(Array.isArray(i.submenu) ? labels(i.submenu) : []),
        ]);
      for (const platform of ['win32', 'linux', 'darwin'] as const) {
        const template = buildMenuTemplate({ ...options, platform });
        const menu = platform === 'darwin' ? template[0] : template.find((m) => m.role === 'help');
        expect(labels(menu?.submenu), platform).toContain('Check for Updates…');
        const item = (menu?.submenu as { label?: string; click?: () => void }[]).find(
          (i) => i.label === 'Check for Updates…',
        );
        item?.click?.();
      }
      expect(clicked).toBe(3);
      // Without an updater (browser mode never builds this menu; unpackaged runs pass none) no item.
      expect(
        labels(buildMenuTemplate({ platform: 'linux', isPackaged: false, openExternal: () => undefined })),
      ).not.toContain('Check for Updates…');
    });
  });

  describe('failures never escape', () => {
    it('a check at start that fails is logged and resolves', async () => {
      const { updates, shown, logged } = setUp(async () => {
        throw new Error('HttpError: 404 Not Found "method: GET url: https://github.com/o/r/releases.atom"');
      });
      await expect(updates.check(false)).resolves.toBeUndefined();
      expect(shown).toEqual([]);
      expect(logged[0]).toMatch(/^warn: update check failed: HttpError: 404 Not Found/);
    });

    it('errors electron-updater emits (a broken download) are logged', () => {
      const { updater, logged } = setUp(async () => found('1.1.0'));
      updater.emit('error', new Error('sha512 checksum mismatch'));
      expect(logged).toEqual(['warn: update failed: sha512 checksum mismatch']);
    });

    it('a dialog that fails is logged, and nothing is installed', async () => {
      const { updater, logged } = setUp(async () => found('1.1.0'), new Error('window destroyed'));
      updater.emit('update-downloaded', { version: '1.1.0' });
      await settle();
      expect(logged).toEqual(['warn: update 1.1.0: the install dialog failed: window destroyed']);
      expect(updater.installs).toEqual([]);
    });

    it.each<[string, unknown, string]>([
      ['a string', 'plain', 'plain'],
      ['an empty error', new Error(''), 'unknown error'],
      ['a long error, cut at 200 characters', new Error('x'.repeat(500)), `${'x'.repeat(200)}…`],
      ['200 characters, kept whole', new Error('y'.repeat(200)), 'y'.repeat(200)],
      ['201 characters, cut', new Error('z'.repeat(201)), `${'z'.repeat(200)}…`],
      ['an object, first line only', { toString: () => 'odd\nsecond line' }, 'odd'],
      ['a padded message', new Error('  spaced out  \n  at x'), 'spaced out'],
    ])('describes any thrown value in one bounded line: %s', async (_name, thrown, reason) => {
      // What electron-updater emits…
      const emitted = setUp(async () => found('1.1.0'));
      emitted.updater.emit('error', thrown);
      expect(emitted.logged).toEqual([`warn: update failed: ${reason}`]);
      // …and what a check throws, logged and shown when the user asked.
      const checked = setUp(() => Promise.reject(thrown));
      await checked.updates.check(true);
      expect(checked.logged).toEqual([`warn: update check failed: ${reason}`]);
      expect(checked.shown.map((m) => m.message)).toEqual([`Could not check for updates: ${reason}`]);
    });
  });
});
