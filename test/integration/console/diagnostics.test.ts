/**
 * "About / diagnostics" (issue 10.10): what support needs, read from the running console, and no
 * secret in it even when the log saw one.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleLog, fileSink, logPathIn } from '../../../src-main/host/file-log';
import { startConsole, type RunningConsole } from '../../../src-main/host/start-console';

let core: RunningConsole;
let dataDir: string;
let log: ConsoleLog;
const call = (method: string, input: unknown = {}) =>
  core.endpoint.call(method, input, { transport: 'test' }) as Promise<any>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-diagnostics-'));
  log = new ConsoleLog(fileSink(logPathIn(dataDir)));
  core = await startConsole({
    dataDir,
    mode: 'browser',
    platform: 'linux',
    sandboxTimeScale: 1000,
    sandboxPort: 0,
    logger: log,
    diagnostics: { logPath: log.path, runtime: { test: '1' }, recentErrors: () => log.recentErrors() },
  });
  log.redactor.addSecret(core.sandbox!.controlSecret);
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('app.diagnostics', () => {
  it('says the version (package.json’s), OS, log path, profile kinds and recent errors, with no secret', async () => {
    const info = (await (
      await fetch(`${core.sandboxUrl}/_sandbox/info`, {
        headers: { 'X-Sandbox-Secret': core.sandbox!.controlSecret },
      })
    ).json()) as any;
    const apiKey: string = info.services[0].api_keys.find((k: any) => k.key_type === 'normal').api_key;
    await call('vault.setup', { passphrase: 'diagnostics passphrase' });
    expect(
      (
        await call('profiles.create', {
          name: 'Live copy',
          baseUrl: core.sandboxUrl,
          apiKey,
          keyType: 'live',
        })
      ).ok,
    ).toBe(true);
    // Something logged a secret by mistake: the log, and so the diagnostics, mask it.
    log.error('a careless error', {
      detail: `sent ${apiKey} with X-Sandbox-Secret ${core.sandbox!.controlSecret}`,
    });

    const d = (await call('app.diagnostics')).value;
    const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(d).toMatchObject({
      version: pkg.version,
      mode: 'browser',
      logPath: logPathIn(dataDir),
      runtime: { node: process.versions.node, test: '1' },
      vault: 'passphrase',
      sandbox: 'running',
      profiles: {
        builtIn: 4,
        stored: 1,
        byKeyType: { live: 2, team: 2, test: 1 },
        followingSandbox: 1,
        needingKey: 0,
      },
    });
    expect(d.os.platform).toBe(process.platform);
    expect(d.recentErrors.at(-1).message).toMatch(/a careless error/);
    expect(d.text).toMatch(
      new RegExp(`^Notify Console ${pkg.version.replace(/\./g, '\\.')} \\(browser mode\\)`),
    );
    const all = JSON.stringify(d);
    for (const s of [
      apiKey,
      apiKey.slice(-36),
      apiKey.slice(-12),
      core.sandbox!.controlSecret,
      'diagnostics passphrase',
      'Live copy',
    ])
      expect(all).not.toContain(s);
    // The log file itself has none either.
    const file = await readFile(logPathIn(dataDir), 'utf8');
    expect(file).toMatch(/a careless error/);
    expect(file).not.toContain(apiKey.slice(-36));
    expect(file).not.toContain(core.sandbox!.controlSecret);
  });
});
