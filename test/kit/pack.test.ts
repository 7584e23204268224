/**
 * The testing kit as another project gets it: `npm pack` (its prepack builds out/kit), the tarball
 * installed in an empty project, then used there the ways docs/sandbox.md shows: `import` and
 * `require` of `notify-console/sandbox`, its types under TypeScript's `nodenext` resolution, the
 * `notify-sandbox` command, the GitHub Actions step that starts it, the pytest recipe (run against
 * that step's sandbox and against one it starts itself) and the Dockerfile's steps replayed without
 * Docker (this machine has no Docker daemon). The recipes are read from docs/sandbox.md, so what the
 * docs show is what runs here.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECIPES = join(ROOT, 'test/kit/recipes');
const TARBALL = 'notify-console-0.1.0.tgz';

let work: string;
let project: string;
let docs: string;
/** Process groups started here (a shell's background sandbox outlives the shell): ended afterwards. */
const started: ChildProcess[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'notify-kit-pack-'));
  docs = await readFile(join(ROOT, 'docs/sandbox.md'), 'utf8');
  await run('npm', ['pack', '--pack-destination', work], { cwd: ROOT, maxBuffer: 1 << 24 });
  project = join(work, 'project');
  await mkdir(join(project, 'tests'), { recursive: true });
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  // From npm's cache when it has the packages (this repository's own install put them there).
  await install(project);
  await cp(join(ROOT, 'test/kit/fixture.json'), join(project, 'tests/notify-fixture.json'));
}, 240_000);
afterAll(async () => {
  for (const child of started) killGroup(child);
  if (work) await rm(work, { recursive: true, force: true });
});

async function install(dir: string): Promise<void> {
  await run(
    'npm',
    ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', join(work, TARBALL)],
    { cwd: dir, maxBuffer: 1 << 24 },
  );
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The fenced blocks of docs/sandbox.md in this language. */
function blocks(language: string): string[] {
  return [...docs.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** Runs a script in the project and resolves with its stdout. */
async function node(file: string, source: string): Promise<string> {
  await writeFile(join(project, file), source);
  return (await run(process.execPath, [file], { cwd: project })).stdout;
}

describe('the tarball', () => {
  it('holds the built kit, its types, the command and the docs, and no source', async () => {
    const { stdout } = await run('tar', ['-tzf', join(work, TARBALL)]);
    expect(stdout.trim().split('\n').sort()).toEqual(
      [
        'package/README.md',
        'package/docs/sandbox.md',
        'package/out/kit/cli.js',
        'package/out/kit/sandbox.cjs',
        'package/out/kit/sandbox.d.cts',
        'package/out/kit/sandbox.d.ts',
        'package/out/kit/sandbox.js',
        'package/package.json',
      ].sort(),
    );
  });
});

describe('notify-console/sandbox in another project', () => {
  it('is imported (ESM): starts a sandbox, takes a send from the published client, reads it back', async () => {
    // The client under test comes from this repository's node_modules: the project is the kit's.
    const client = join(ROOT, 'node_modules/notifications-node-client/index.js');
    const out = await node(
      'esm.mjs',
      `import { createRequire } from 'node:module';
       import { startSandbox } from 'notify-console/sandbox';
       const { NotifyClient } = createRequire(import.meta.url)(${JSON.stringify(client)});
       const sandbox = await startSandbox({ fixture: 'tests/notify-fixture.json', latency: 'none', timeScale: 1000 });
       const notify = new NotifyClient(sandbox.url, await sandbox.apiKey());
       const sent = await notify.sendSms('7e6d5c4b-3a29-4180-8f7e-6d5c4b3a2918', '07700900123', { personalisation: { code: '42' } });
       const delivered = await sandbox.waitForStatus(sent.data.id, 'delivered');
       const [found] = await sandbox.notifications({ recipient: '07700 900123' });
       console.log(JSON.stringify([found.id === sent.data.id, delivered.status, (await sandbox.rendered(found.id)).text]));
       await sandbox.stop();`,
    );
    expect(JSON.parse(out)).toEqual([
      true,
      'delivered',
      'Example service: Your sign-in code is 42. It expires in 10 minutes.',
    ]);
  });

  it('is required (CommonJS, as Jest loads it by default)', async () => {
    const out = await node(
      'cjs.cjs',
      `const { startSandbox, SandboxKitError } = require('notify-console/sandbox');
       (async () => {
         const sandbox = await startSandbox({ latency: 'none' });
         const names = (await sandbox.services()).map((s) => s.name);
         const refused = await sandbox.notification('00000000-0000-4000-8000-000000000000').catch((e) => e);
         console.log(JSON.stringify([names, refused instanceof SandboxKitError, refused.status]));
         await sandbox.stop();
       })();`,
    );
    expect(JSON.parse(out)).toEqual([['Demo service', 'Trial service'], true, 404]);
  });

  it('has types that TypeScript finds through the package’s exports, for import and require', async () => {
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          strict: true,
          noEmit: true,
          types: [],
          lib: ['es2022', 'dom'],
        },
      }),
    );
    await writeFile(
      join(project, 'typed.mts'),
      `import { startSandbox, type SandboxNotification } from 'notify-console/sandbox';
       const sandbox = await startSandbox({ latency: 'none', timeScale: 1000 });
       const sent: SandboxNotification[] = await sandbox.notifications({ type: 'sms' });
       const first: string | undefined = sent[0]?.api_status;
       // @ts-expect-error: not a notification type
       await sandbox.notifications({ type: 'fax' });
       export { first };`,
    );
    await writeFile(
      join(project, 'typed.cts'),
      `import kit = require('notify-console/sandbox');
       export const start: (o?: kit.StartOptions) => Promise<kit.SandboxKit> = kit.startSandbox;`,
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', '.'], { cwd: project }).catch(
      (e: { stdout: string }) => ({ stdout: e.stdout }),
    );
    expect(result.stdout).toBe('');
  });

  it('installs the notify-sandbox command', async () => {
    const { stdout } = await run(join(project, 'node_modules/.bin/notify-sandbox'), ['--help']);
    expect(stdout).toContain('Usage: npx notify-sandbox [options]');
  });
});

describe('the recipes in docs/sandbox.md', () => {
  it('quotes the pytest recipe’s files as they are in test/kit/recipes/pytest', async () => {
    const python = blocks('python');
    for (const file of ['conftest.py', 'test_sign_in.py'])
      expect(python, file).toContain(await readFile(join(RECIPES, 'pytest', file), 'utf8'));
  });

  it('quotes the vitest example from test/kit/example.test.ts, line for line', async () => {
    const example = (await readFile(join(ROOT, 'test/kit/example.test.ts'), 'utf8')).split('\n');
    const quoted = blocks('ts').find((b) => b.includes("from 'notify-console/sandbox'"));
    expect(quoted).toBeDefined();
    for (const line of quoted!.split('\n'))
      if (line.trim() && line.trim() !== '// …' && line !== '});') expect(example, line).toContain(line);
  });

  const pythonReady = run('python3', ['-c', 'import pytest, requests']).then(
    () => true,
    () => false,
  );

  it('GitHub Actions: the step starts the sandbox in the background, and the pytest suite passes against it', async (ctx) => {
    const workflow = blocks('yaml').find((b) => b.includes('runs-on:'));
    expect(workflow, 'a GitHub Actions workflow in docs/sandbox.md').toBeDefined();
    const step = runScript(workflow!, 'Start the Notify Sandbox');
    expect(step).toContain('npx notify-sandbox --port 6011');
    const port = await freePort();
    // As the runner does: bash in the project, the sandbox left running in the background.
    const shell = spawn('bash', ['-e', '-c', step.replaceAll('6011', String(port))], {
      cwd: project,
      detached: true,
      stdio: 'ignore',
    });
    started.push(shell);
    expect(await new Promise((resolve) => shell.on('exit', resolve))).toBe(0);
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/_status`)).status).toBe(200);
    if (!(await pythonReady)) {
      console.warn('pytest recipe not run: python3 with pytest and requests is not installed here');
      ctx.skip();
    }
    await cp(join(RECIPES, 'pytest'), join(project, 'tests'), { recursive: true });
    const connected = await pytest({ NOTIFY_SANDBOX_URL: url });
    expect(connected).toMatch(/3 passed/);
  });

  it('pytest: the recipe’s conftest starts its own sandbox with the notify-sandbox command', async (ctx) => {
    if (!(await pythonReady)) {
      console.warn('pytest recipe not run: python3 with pytest and requests is not installed here');
      ctx.skip();
    }
    await cp(join(RECIPES, 'pytest'), join(project, 'tests'), { recursive: true });
    expect(await pytest({})).toMatch(/3 passed/);
  });

  it('Dockerfile: its steps, replayed here, give a sandbox on every address whose control API stays local', async () => {
    const dockerfile = blocks('dockerfile');
    expect(dockerfile).toHaveLength(1);
    const image = join(work, 'image');
    let workdir = image;
    let entrypoint: string[] = [];
    let cmd: string[] = [];
    for (const line of dockerfile[0]!.split('\n')) {
      const [instruction, ...rest] = line.trim().split(/\s+/);
      const args = rest.join(' ');
      if (!instruction || instruction.startsWith('#')) continue;
      if (instruction === 'FROM') expect(args).toMatch(/^node:20(-slim)?$/);
      else if (instruction === 'WORKDIR') await mkdir((workdir = join(image, args)), { recursive: true });
      else if (instruction === 'COPY') {
        expect(rest).toEqual([TARBALL, './']);
        await cp(join(work, TARBALL), join(workdir, TARBALL));
      } else if (instruction === 'RUN') await run('sh', ['-c', args], { cwd: workdir, maxBuffer: 1 << 24 });
      else if (instruction === 'ENTRYPOINT') entrypoint = JSON.parse(args) as string[];
      else if (instruction === 'CMD') cmd = JSON.parse(args) as string[];
      else expect(['EXPOSE', 'ENV']).toContain(instruction);
    }
    expect(entrypoint[0]).toBe('node_modules/.bin/notify-sandbox');
    // Started as the image would be, on a free port (a later --port wins) and printing its details.
    const child = spawn(
      join(workdir, entrypoint[0]!),
      [...entrypoint.slice(1), ...cmd, '--port', '0', '--json'],
      {
        cwd: workdir,
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    started.push(child);
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.on('exit', (code) => reject(new Error(`the image's command exited ${code}`)));
    });
    const port = Number(new URL((JSON.parse(line) as { base_url: string }).base_url).port);
    expect((await fetch(`http://127.0.0.1:${port}/_status`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/_sandbox/notifications`)).status).toBe(200);
    // From another address (as from the host through Docker's port mapping): Notify's API answers,
    // the control API does not.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (external) {
      expect((await fetch(`http://${external}:${port}/_status`)).status).toBe(200);
      const control = await fetch(`http://${external}:${port}/_sandbox/info`);
      expect(control.status).toBe(403);
    } else
      console.warn('no non-loopback IPv4 address here: the bind to 0.0.0.0 was checked on loopback only');
    killGroup(child);
  });
});

/** The shell of a workflow step's `run: |` block, by the step's name. */
function runScript(workflow: string, name: string): string {
  const lines = workflow.split('\n');
  const at = lines.findIndex((l) => l.trim() === `- name: ${name}`);
  expect(at, `step “${name}”`).toBeGreaterThanOrEqual(0);
  const runAt = lines.findIndex((l, i) => i > at && l.trim() === 'run: |');
  const indent = lines[runAt]!.search(/\S/);
  const body: string[] = [];
  for (const l of lines.slice(runAt + 1)) {
    if (l.trim() && l.search(/\S/) <= indent) break;
    body.push(l.slice(indent + 2));
  }
  return body.join('\n');
}

async function pytest(env: Record<string, string>): Promise<string> {
  const { stdout } = await run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests'], {
    cwd: project,
    env: { ...process.env, ...env },
  }).catch((e: { stdout: string; stderr: string }) => {
    throw new Error(`pytest failed:\n${e.stdout}\n${e.stderr}`);
  });
  return stdout;
}
