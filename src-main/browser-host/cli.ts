/**
 * Browser mode from the command line: the console core served to a browser tab on 127.0.0.1.
 *
 * `npm start` runs this where Electron cannot run (or with --browser).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConsoleLog, fileSink, logPathIn } from '../host/file-log';
import { SECRET_ENV as SANDBOX_SECRET_ENV } from '../host/sandbox-protocol';
import { exitOnSignals } from '../host/shutdown';
import { startConsole, type RunningConsole } from '../host/start-console';
import { startBrowserHost, type BrowserHost } from './host';

/** The same folder Electron's `app.getPath('userData')` gives, so both modes share profiles. */
function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const name = 'notify-console';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name);
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser to open: the printed URL is enough.
  }
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        data: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        'no-notify-sandbox': { type: 'boolean', default: false },
        browser: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'sandbox-time-scale': { type: 'string', default: '1' },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`notify-console: ${(err as Error).message}. Run npm start -- --help for the options.`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`notify-console: --port must be a whole number from 0 to 65535, not "${values.port}"`);
    return 2;
  }
  const timeScale = Number(values['sandbox-time-scale']);
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    console.error(
      `notify-console: --sandbox-time-scale must be a positive number, not "${values['sandbox-time-scale']}"`,
    );
    return 2;
  }
  const dataDir = values.data ?? defaultDataDir();
  const staticDir = join(
    import.meta.dirname ?? new URL('.', import.meta.url).pathname,
    '..',
    '..',
    'out',
    'renderer',
  );
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(
      'notify-console: the renderer is not built. Run npm run build (npm start does this for you).',
    );
    return 1;
  }
  const controlSecret = process.env[SANDBOX_SECRET_ENV];
  if (controlSecret !== undefined && controlSecret.length < 32) {
    console.error(`notify-console: ${SANDBOX_SECRET_ENV} must be at least 32 characters.`);
    return 2;
  }
  // Installed before anything starts: Ctrl+C reaches this process and npm start's (which forwards
  // a SIGTERM), at any moment, even mid-start-up. One stop, exit 0.
  const logger = new ConsoleLog(fileSink(logPathIn(dataDir)));
  let running: RunningConsole | null = null;
  let host: BrowserHost | null = null;
  let starting: Promise<unknown> = Promise.resolve();
  exitOnSignals({
    stop: async () => {
      await starting.catch(() => undefined);
      try {
        await host?.close();
      } finally {
        await running?.close();
      }
    },
  });
  const startup = (async () => {
    const r = (running = await startConsole({
      dataDir,
      mode: 'browser',
      platform: process.platform,
      sandbox: !values['no-notify-sandbox'],
      sandboxTimeScale: timeScale,
      ...(controlSecret ? { sandboxControlSecret: controlSecret } : {}),
      logger,
      diagnostics: { logPath: logger.path, runtime: {}, recentErrors: () => logger.recentErrors() },
    }));
    if (r.sandbox) logger.redactor.addSecret(r.sandbox.controlSecret);
    // What it recovered from, said once where the user started it (the window shows it too).
    for (const n of r.notices())
      console.error(
        `notify-console: ${n.title}. ${n.message}${n.savedCopy ? ` Saved copy: ${n.savedCopy}.` : ''}`,
      );
    const h = (host = await startBrowserHost({ endpoint: r.endpoint, staticDir, port, logger }));
    logger.redactor.addSecret(h.token);
    return { url: h.url, sandboxUrl: r.sandboxUrl };
  })();
  starting = startup;
  const { url, sandboxUrl } = await startup;
  if (values.json) {
    console.log(JSON.stringify({ url, sandboxUrl, dataDir }));
  } else {
    console.log(`Notify Console (browser mode) is at ${url}`);
    console.log(
      `Data folder: ${dataDir}${sandboxUrl ? `; embedded Notify Sandbox at ${sandboxUrl}` : ''}. Stop with Ctrl+C.`,
    );
  }
  if (!values['no-open']) openBrowser(url);
  return -1;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err) => {
      console.error('notify-console: could not start:', err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
