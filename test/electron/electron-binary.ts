/**
 * Where the Electron binary is, or why there is none, for the `_electron` specs, and how to launch the
 * built app in it.
 *
 * The binary is located by hand: `require('electron')` would try to download it. Electron 45's npm
 * package downloads it on demand (`node node_modules/electron/install.js`, as CI does), never at
 * `npm ci`, so a fresh checkout has none and every spec skips, saying why.
 */
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const mainEntry = path.join(root, 'out', 'main', 'index.js');

export function findElectronBinary(): { path: string } | { skip: string } {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { skip: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const binary = path.join(override, relative ?? 'electron');
    return existsSync(binary)
      ? { path: binary }
      : { skip: `ELECTRON_OVERRIDE_DIST_PATH has no Electron at ${binary}` };
  }
  if (relative === null) {
    return {
      skip:
        `no Electron binary on this machine (${pathFile} is missing). ` +
        'Run `node node_modules/electron/install.js` to download it, then these tests run.',
    };
  }
  const binary = path.join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { skip: `no Electron binary at ${binary}` };
}

/** Chromium refuses to start as root with its OS sandbox (CI containers run as root). */
export const rootArgs = (): string[] => (process.getuid?.() === 0 ? ['--no-sandbox'] : []);

/** The environment for a launch on its own profile (so its own single-instance lock). */
export const appEnv = (userData: string): Record<string, string> =>
  ({ ...process.env, NOTIFY_CONSOLE_USER_DATA_DIR: userData }) as Record<string, string>;

/** Launches the built app, Chromium switches first, then the entry, then the app's own arguments. */
export async function launchApp(
  binary: string,
  userData: string,
  options: { switches?: string[]; args?: string[] } = {},
): Promise<ElectronApplication> {
  if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run \`npm run build\` first.`);
  return electron.launch({
    executablePath: binary,
    args: [...rootArgs(), ...(options.switches ?? []), mainEntry, ...(options.args ?? [])],
    env: appEnv(userData),
  });
}
