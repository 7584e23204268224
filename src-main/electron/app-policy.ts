/**
 * The decisions main.ts makes, as pure functions: what to load, with which policy, in which window.
 *
 * Kept out of main.ts so each is tested in plain Node; main.ts only feeds them `app.isPackaged`,
 * `process.env` and paths, and passes the answers to Electron.
 */
import path from 'node:path';
import { APP_INDEX_URL } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy';
import { devContentSecurityPolicy, secureWebPreferences } from './security';

interface RendererTarget {
  /** What the main window loads; also the only URL the security policies treat as the app. */
  url: string;
  /** The Content-Security-Policy for responses in this mode. */
  csp: string;
  dev: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the renderer comes from: the electron-vite dev server or the built index.html, served on
 * {@link APP_INDEX_URL} by the app:// protocol (./app-protocol), never from `file://`.
 *
 * The dev server URL (electron-vite's `ELECTRON_RENDERER_URL`) is honoured only in an unpackaged app and
 * only on loopback, so an environment variable can never point a shipped console at someone's web page.
 */
export function rendererTarget(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
}): RendererTarget {
  if (!options.isPackaged && options.devServerUrl) {
    try {
      const dev = new URL(options.devServerUrl);
      if ((dev.protocol === 'http:' || dev.protocol === 'https:') && LOOPBACK_HOSTS.has(dev.hostname)) {
        return { url: dev.href, csp: devContentSecurityPolicy(dev.href), dev: true };
      }
    } catch {
      // Not a URL: fall through to the built renderer.
    }
  }
  return { url: APP_INDEX_URL, csp: CONTENT_SECURITY_POLICY, dev: false };
}

/**
 * A user-data folder chosen by the environment, for tests only.
 *
 * `NOTIFY_CONSOLE_USER_DATA_DIR` gives each launch test its own profile (and its own single-instance
 * lock); a packaged app ignores it so nobody can redirect a user's settings.
 */
export function userDataOverride(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  const dir = env['NOTIFY_CONSOLE_USER_DATA_DIR'];
  if (isPackaged || !dir || !path.isAbsolute(dir)) return null;
  return dir;
}

/** The main window's constructor options. `show: false` until the first paint avoids a white flash. */
export function mainWindowOptions(preloadPath: string) {
  return {
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Notify Console',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** macOS apps stay running with no window open; elsewhere closing the last window quits. */
export function quitsWhenAllWindowsClosed(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}
