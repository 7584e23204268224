/**
 * The application menu, as a template built from plain inputs.
 *
 * Reload and developer tools are there only in unpackaged builds: in a packaged app they would let anyone
 * at the keyboard poke at the page that holds decrypted responses. The one link out goes through the
 * injected `openExternal`, and only to Notify's own https documentation.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { OpenExternal } from './security';

/** Notify's API documentation, opened from Help. */
const NOTIFY_API_DOCS_URL = 'https://docs.notifications.service.gov.uk/rest-api.html';

interface MenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  openExternal: OpenExternal;
  /** "Check for Updates…" (src-main/electron/updater.ts): in the app menu on macOS, Help elsewhere. */
  checkForUpdates?: () => void;
}

/** The menu template for `Menu.buildFromTemplate`: (app menu on macOS,) File, Edit, View, Window, Help. */
export function buildMenuTemplate({
  platform,
  isPackaged,
  openExternal,
  checkForUpdates,
}: MenuOptions): MenuItemConstructorOptions[] {
  const updateItem: MenuItemConstructorOptions[] = checkForUpdates
    ? [{ label: 'Check for Updates…', click: () => checkForUpdates() }]
    : [];
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    ...(platform === 'darwin' ? [macAppMenu(updateItem)] : []),
    { role: 'fileMenu' },
    // The Edit menu is what gives copy and paste their keyboard shortcuts on macOS.
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Notify API documentation',
          click: () => void Promise.resolve(openExternal(NOTIFY_API_DOCS_URL)).catch(() => undefined),
        },
        ...(platform === 'darwin' || updateItem.length === 0
          ? []
          : [{ type: 'separator' } as const, ...updateItem]),
      ],
    },
  ];
}

/** macOS's app menu (About, Services, Hide, Quit…), with "Check for Updates…" under About. */
function macAppMenu(updateItem: MenuItemConstructorOptions[]): MenuItemConstructorOptions {
  if (updateItem.length === 0) return { role: 'appMenu' };
  return {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      ...updateItem,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}
