/**
 * The embedded sandbox's stable address (issue 9.1): a fixed default port, remembered in the data
 * folder (`embedded-sandbox.json`), so profiles a user adds for it keep working after a restart.
 * When that port is taken the sandbox listens on another, which is remembered instead; profiles that
 * point at the embedded sandbox follow it (core/profiles: `embeddedSandbox`).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The standalone sandbox's default is 6011 (`npm run sandbox`); the console's own is one above. */
const DEFAULT_EMBEDDED_SANDBOX_PORT = 6012;
const FILE = 'embedded-sandbox.json';

/** The port to try first: the one remembered, else the default. */
export async function preferredPort(dataDir: string): Promise<number> {
  try {
    const saved = JSON.parse(await readFile(join(dataDir, FILE), 'utf8')) as { port?: unknown };
    const port = saved.port;
    if (typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536) return port;
  } catch {
    // None yet, or unreadable: the default (and it is written again once the sandbox listens).
  }
  return DEFAULT_EMBEDDED_SANDBOX_PORT;
}

/** Remembers the port the sandbox listens on, written atomically. */
export async function rememberPort(dataDir: string, port: number): Promise<void> {
  const path = join(dataDir, FILE);
  try {
    const saved = JSON.parse(await readFile(path, 'utf8')) as { port?: unknown };
    if (saved.port === port) return;
  } catch {
    // Write it.
  }
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ port }, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, path);
}
