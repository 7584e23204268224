/**
 * The console's version, from package.json: the one place it is written down.
 *
 * This file sits two folders below the project root both as source (src-main/host/, run by tsx
 * and vitest) and once bundled (out/main/index.js, inside app.asar in a packaged app, where
 * electron-builder puts package.json at the root), so the same relative path finds it.
 */
import { readFileSync } from 'node:fs';

let cached: string | null = null;

export function appVersion(): string {
  if (cached === null) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    if (typeof pkg.version !== 'string') throw new Error('package.json has no version.');
    cached = pkg.version;
  }
  return cached;
}
