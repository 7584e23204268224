/**
 * The console says what it recovered from when it starts (issue 8.6): a damaged settings file, a
 * tampered vault header, saved profiles it cannot read. Each is a notice until dismissed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../../src-main/host/start-console';

const open: RunningConsole[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function consoleWith(settings: string | null) {
  const dataDir = await mkdtemp(join(tmpdir(), 'console-notices-'));
  dirs.push(dataDir);
  if (settings !== null) await writeFile(join(dataDir, 'settings.json'), settings);
  const core = await startConsole({ dataDir, mode: 'browser', platform: 'linux', sandbox: false });
  open.push(core);
  const call = (method: string, input: unknown = {}) =>
    core.endpoint.call(method, input, { transport: 'test' }) as Promise<any>;
  return { core, call, dataDir };
}

describe('start-up notices', () => {
  it('none for a fresh data folder', async () => {
    const { call } = await consoleWith(null);
    expect((await call('app.notices')).value.notices).toEqual([]);
  });

  it.each([
    ['an empty settings.json', '', /the file was empty/],
    ['a truncated one', '{"profiles": {"vers', /not valid JSON/],
  ])('%s: named, with the saved copy and how to restore it', async (_l, content, reason) => {
    const { call, core } = await consoleWith(content);
    const [notice] = (await call('app.notices')).value.notices;
    expect(notice).toMatchObject({
      id: 'settings-recovered',
      severity: 'warning',
      message: expect.stringMatching(reason),
      savedCopy: expect.stringMatching(/settings\.json\.corrupt-/),
      restore: expect.stringMatching(/rename it to settings\.json/),
    });
    expect(await readFile(notice.savedCopy, 'utf8')).toBe(content);
    expect(core.notices()).toEqual([notice]);
    expect((await call('app.dismissNotice', { id: 'settings-recovered' })).value.notices).toEqual([]);
  });

  it('a vault header edited on disk: "tampered", before any passphrase is typed', async () => {
    const first = await consoleWith(null);
    await first.call('vault.setup', { passphrase: 'notice test passphrase' });
    await first.core.close();
    const path = join(first.dataDir, 'settings.json');
    const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, any>;
    const header = JSON.parse(
      Buffer.from(file.passphraseVault.slice('nc1:vault:'.length), 'base64url').toString(),
    );
    header.kdf.N = 2 ** 18;
    file.passphraseVault = `nc1:vault:${Buffer.from(JSON.stringify(header)).toString('base64url')}`;
    await writeFile(path, JSON.stringify(file));

    const core = await startConsole({
      dataDir: first.dataDir,
      mode: 'browser',
      platform: 'linux',
      sandbox: false,
    });
    open.push(core);
    const notices = core.notices();
    expect(notices).toEqual([
      expect.objectContaining({
        id: 'vault-damaged',
        severity: 'error',
        message: expect.stringMatching(/tampered with/),
      }),
    ]);
  });
});
