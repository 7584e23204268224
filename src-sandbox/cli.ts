/**
 * `npm run sandbox -- [options]` (or `npx notify-sandbox` where the package is installed): runs the
 * Notify Sandbox from the command line.
 */
import { parseArgs } from 'node:util';
import { CONTROL_SECRET_HEADER } from './control';
import { loadFixtureFile, FixtureError } from './fixtures';
import { LATENCY_MODES, type LatencyMode, type LatencySetting } from './latency';
import { CorruptDataError } from './persistence';
import { startSandbox, type Sandbox } from './server';

/** The environment variable the control secret comes from: never argv, which `ps` shows to everyone. */
const SECRET_ENV = 'NOTIFY_SANDBOX_CONTROL_SECRET';

const HELP = `Notify Sandbox: a local GOV.UK Notify API v2 for development and CI.

Usage: npx notify-sandbox [options]     (a project with notify-console installed)
       npm run sandbox -- [options]    (in the notify-console repository)

Options:
  --port N          Port to listen on (default 6011; 0 picks a free port)
  --host ADDR       Address to bind (default 127.0.0.1). The /_sandbox/ control API
                    answers loopback callers only, whatever the address.
  --fixtures FILE   JSON fixture: services, API keys, templates, received texts
                    (default: the built-in demo service)
  --data DIR        Keep state in DIR across restarts (default: memory only).
                    With existing state in DIR, --fixtures is ignored.
  --time-scale N    Run status lifecycles N times faster (default 1, realistic;
                    1000 delivers a text in milliseconds)
  --no-limits       Turn off rate and daily limits
  --latency MODE    Response times: realistic (default: each route answers in
                    about the time Notify takes, from 15 ms for a status check
                    to 420 ms for a precompiled letter; docs/sandbox.md) or
                    none (at once, for fast test suites)
  --latency-seed N  Seed for the realistic response times (default 14): the
                    same seed and requests give the same delays
  --json            Print the start-up details as one JSON line, for scripts
  -h, --help        Show this help

On start it prints the base URL, each service's API keys and template ids.
Point any Notify client at the base URL, for example:
  new NotifyClient('http://127.0.0.1:6011', apiKey)

Control API: GET /_sandbox/ lists its routes: info, the inbox of notifications
received, reset, faults, clock, inbound texts, callbacks, keys and templates. It
answers local tools, never a web page: loopback callers only, Host must be
127.0.0.1, localhost or [::1] with this port, requests from a web page (an Origin
header) are refused, and calls that change something need Content-Type:
application/json and a JSON body ({} if nothing else):
  curl -X POST -H 'Content-Type: application/json' -d '{}' http://127.0.0.1:6011/_sandbox/reset

Environment:
  ${SECRET_ENV}
                    A control secret: every control API call must then send it
                    in the ${CONTROL_SECRET_HEADER} header. (An environment variable, not
                    an option: other users can read a command line.)`;

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '6011' },
        host: { type: 'string', default: '127.0.0.1' },
        fixtures: { type: 'string' },
        data: { type: 'string' },
        'time-scale': { type: 'string', default: '1' },
        'no-limits': { type: 'boolean', default: false },
        latency: { type: 'string' },
        'latency-seed': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`sandbox: ${(err as Error).message}\nRun with --help for the options.`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`sandbox: --port must be a whole number from 0 to 65535, not "${values.port}"`);
    return 2;
  }
  const timeScale = Number(values['time-scale']);
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    console.error(`sandbox: --time-scale must be a positive number, not "${values['time-scale']}"`);
    return 2;
  }
  if (values.latency !== undefined && !(LATENCY_MODES as readonly string[]).includes(values.latency)) {
    console.error(`sandbox: --latency must be ${LATENCY_MODES.join(' or ')}, not "${values.latency}"`);
    return 2;
  }
  const seed = values['latency-seed'] === undefined ? undefined : Number(values['latency-seed']);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
    console.error(
      `sandbox: --latency-seed must be a whole number from 0 to 4294967295, not "${values['latency-seed']}"`,
    );
    return 2;
  }
  try {
    const fixture = values.fixtures ? await loadFixtureFile(values.fixtures) : undefined;
    const latency = latencyOption(values.latency as LatencyMode | undefined, seed, fixture?.latency);
    const controlSecret = env[SECRET_ENV] || null;
    // Ctrl+C or a service manager's SIGTERM: close once (the data folder is compacted), exit 0. A
    // second signal while closing changes nothing. Installed before the sandbox starts and anything
    // is printed: a script may signal as soon as it has read the start-up line, or sooner.
    let sandbox: Sandbox | null = null;
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      if (!sandbox) return; // still starting: it stops as soon as it has started
      sandbox.close().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(`sandbox: could not close cleanly: ${(err as Error)?.message ?? String(err)}`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    sandbox = await startSandbox({
      port,
      host: values.host,
      fixture,
      dataDir: values.data ?? null,
      timeScale,
      limits: !values['no-limits'],
      latency,
      controlSecret,
    });
    if (stopping) {
      stopping = false;
      stop();
      return -1;
    }
    if (sandbox.recovery) console.error(`sandbox: ${sandbox.recovery.message}`);
    const info = sandbox.info();
    if (values.json) {
      console.log(JSON.stringify(info));
    } else {
      console.log(`Notify Sandbox listening on ${info.base_url}`);
      for (const s of info.services) {
        console.log(`\n${s.name} (service id ${s.id})${s.restricted ? ' [trial mode]' : ''}`);
        for (const k of s.api_keys.filter((x) => !x.revoked))
          console.log(`  ${k.key_type === 'normal' ? 'live' : k.key_type} key  ${k.api_key}`);
        for (const t of s.templates.filter((x) => !x.archived))
          console.log(`  ${t.type.padEnd(6)} ${t.id}  ${t.name}`);
      }
      const times =
        sandbox.latency.mode === 'none'
          ? 'none (answers at once)'
          : `realistic, seed ${sandbox.latency.seed} (--latency none answers at once)`;
      console.log(`\nResponse times: ${times}`);
      const guard = controlSecret ? ` (send ${CONTROL_SECRET_HEADER}: the value of ${SECRET_ENV})` : '';
      console.log(`\nControl API: ${info.base_url}/_sandbox/${guard}   Stop with Ctrl+C.`);
    }
    return -1; // keep running
  } catch (err) {
    if (err instanceof FixtureError || err instanceof CorruptDataError) {
      console.error(`sandbox: ${err.message}`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `sandbox: port ${port} is in use. Pick another with --port, or --port 0 for any free port.`,
      );
      return 1;
    }
    throw err;
  }
}

/**
 * The latency option from `--latency` and `--latency-seed`: undefined (the fixture's setting, or
 * realistic) when neither is given; a seed alone keeps the fixture's mode.
 */
function latencyOption(
  mode: LatencyMode | undefined,
  seed: number | undefined,
  fromFixture: LatencySetting | undefined,
): LatencySetting | undefined {
  if (mode === undefined && seed === undefined) return undefined;
  const fixtureMode = typeof fromFixture === 'string' ? fromFixture : fromFixture?.mode;
  return { mode: mode ?? fixtureMode ?? 'realistic', seed };
}

// Run as `node --import tsx src-sandbox/cli.ts` (npm run sandbox). The installed package's
// `notify-sandbox` (out/kit/cli.js, bundled with this file) calls main() itself.
const isMain =
  process.argv[1] &&
  import.meta.url.endsWith('.ts') &&
  import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err) => {
      console.error('sandbox: unexpected error:', err);
      process.exit(1);
    },
  );
}
