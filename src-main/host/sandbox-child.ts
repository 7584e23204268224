/**
 * The embedded Notify Sandbox's own process: a Node child in browser mode, Electron's utility
 * process in the desktop app (./sandbox-launcher.ts, src-main/electron/sandbox-launcher.ts).
 *
 * It starts the sandbox on the port it is given (another, free one when that is taken), guarded by
 * the control secret from `NOTIFY_SANDBOX_CONTROL_SECRET`, and says one JSON line on stdout
 * ({@link ChildReport}); everything else it says goes to stderr, which the console logs. SIGTERM, or
 * the console going away (its end of stdin closing), closes the sandbox and exits 0.
 */
import { CorruptDataError } from '../../src-sandbox/persistence';
import { startSandbox, type Sandbox } from '../../src-sandbox/server';
import {
  CONFIG_ENV,
  SECRET_ENV,
  WATCH_STDIN_ENV,
  type ChildConfig,
  type ChildReport,
} from './sandbox-protocol';

function report(line: ChildReport): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function listen(config: ChildConfig, secret: string, port: number): Promise<Sandbox> {
  return startSandbox({
    port,
    dataDir: config.dataDir,
    timeScale: config.timeScale,
    controlSecret: secret,
    onError: (err: unknown) =>
      process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`),
  });
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env[CONFIG_ENV] ?? 'null') as ChildConfig | null;
  const secret = process.env[SECRET_ENV] ?? '';
  if (!config || secret.length < 32) {
    report({ failed: { kind: 'config', message: 'The sandbox process was started without its settings.' } });
    process.exit(2);
  }
  let sandbox: Sandbox;
  try {
    try {
      sandbox = await listen(config, secret, config.port);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || config.port === 0) throw err;
      sandbox = await listen(config, secret, 0);
    }
  } catch (err) {
    const kind = err instanceof CorruptDataError ? 'damaged-data' : 'other';
    report({ failed: { kind, message: err instanceof Error ? err.message : String(err) } });
    process.exit(1);
  }
  const recovery = sandbox.recovery;
  report({ ready: { url: sandbox.url, port: sandbox.port, recovery } });

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(
          `could not close cleanly: ${err instanceof Error ? err.message : String(err)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // A Node child: the console's end of stdin closes when the console goes, however it went. (A
  // utility process has no stdin; Electron ends it with the app.)
  if (process.env[WATCH_STDIN_ENV] === '1') {
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }
}

void main();
