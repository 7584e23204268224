/**
 * The console says what it recovered from (issue 8.6), in the window and on stderr, and offers to
 * move a damaged sandbox's data aside; "About / diagnostics" shows the log and copies no secret
 * (issue 10.10); a profile the user adds for the embedded sandbox still sends after a restart (9.1).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { startConsoleProcess, type ConsoleProcess } from '../support/console-process';
import { CHROMIUM, CHROMIUM_ARGS } from './fixtures';
import { ensureVaultUnlocked, sendVerificationSms } from './helpers';

let browser: Browser;
const dirs: string[] = [];
const running: ConsoleProcess[] = [];

test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
test.afterAll(async () => {
  await browser.close();
});
test.afterEach(async () => {
  for (const c of running.splice(0)) await c.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'console-health-'));
  dirs.push(d);
  return d;
}

async function start(dir: string): Promise<ConsoleProcess> {
  const c = await startConsoleProcess({ dataDir: dir, sandboxTimeScale: 1000 });
  running.push(c);
  return c;
}

test('a truncated settings.json: the console starts, says so on stderr and in a banner naming the saved copy', async () => {
  const dir = dataDir();
  writeFileSync(join(dir, 'settings.json'), '{"profiles": {"version": 2, "activeId": null, "ite');
  const c = await start(dir);
  expect(c.stderr()).toMatch(
    /Your settings file could not be read\. settings\.json could not be read \(the file is not valid JSON\)/,
  );
  const page = await browser.newPage();
  await page.goto(c.url);
  const banner = page.getByTestId('notice-settings-recovered');
  await expect(banner).toContainText('Your settings file could not be read');
  const saved = await banner.getByTestId('notice-saved-copy').textContent();
  expect(saved).toMatch(/settings\.json\.corrupt-/);
  // The copy is the damaged file, byte for byte, where the banner says.
  expect(readFileSync(saved!, 'utf8')).toBe('{"profiles": {"version": 2, "activeId": null, "ite');
  await expect(banner).toContainText('rename it to settings.json');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  await page.close();
});

test('a damaged sandbox journal: the console starts without it, and "Move the damaged data aside" brings it back', async () => {
  const dir = dataDir();
  const first = await start(dir);
  await first.stop();
  const snapshot = join(dir, 'sandbox', 'snapshot.jsonl');
  const lines = readFileSync(snapshot, 'utf8').split('\n');
  lines[1] = '{"damaged": ';
  writeFileSync(snapshot, lines.join('\n'));

  const c = await start(dir);
  expect(c.stderr()).toMatch(/The embedded sandbox’s data is damaged/);
  const page = await browser.newPage();
  await page.goto(c.url);
  const banner = page.getByTestId('notice-sandbox-damaged');
  await expect(banner).toContainText('line 2 is damaged');
  await banner.getByRole('button', { name: 'Move the damaged data aside' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('active-profile-name')).toHaveText('Local sandbox');
  await page.close();
});

test('About shows the version and log path, and "Copy diagnostics" copies no secret', async () => {
  const dir = dataDir();
  const c = await start(dir);
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(c.url);
  await page.getByTestId('about-open').click();
  const dialog = page.getByTestId('about-dialog');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  await expect(dialog.getByTestId('about-version')).toContainText(pkg.version);
  await expect(dialog.getByTestId('about-log-path')).toHaveText(join(dir, 'logs', 'console.log'));
  await dialog.getByTestId('about-copy').click();
  await expect(dialog.getByTestId('about-copy')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`^Notify Console ${pkg.version.replace(/\./g, '\\.')}`));
  const info = (await (
    await fetch(`${c.sandboxUrl}/_sandbox/info`, { headers: { 'X-Sandbox-Secret': c.sandboxSecret } })
  ).json()) as { services: { api_keys: { api_key: string }[] }[] };
  for (const k of info.services.flatMap((s) => s.api_keys))
    expect(copied).not.toContain(k.api_key.slice(-36));
  expect(copied).not.toContain(c.sandboxSecret);
  expect(copied).not.toContain(new URL(c.url).hash.slice('#token='.length));
  await context.close();
});

test('a profile added with an embedded-sandbox key still sends after the console restarts on the same data folder', async () => {
  const dir = dataDir();
  const first = await start(dir);
  const info = (await (
    await fetch(`${first.sandboxUrl}/_sandbox/info`, { headers: { 'X-Sandbox-Secret': first.sandboxSecret } })
  ).json()) as { services: { api_keys: { api_key: string; key_type: string }[] }[] };
  const apiKey = info.services[0]!.api_keys.find((k) => k.key_type === 'test')!.api_key;

  let page = await browser.newPage();
  await page.goto(first.url);
  await ensureVaultUnlocked(page);
  await page.getByRole('main').getByRole('button', { name: 'Add a profile' }).click();
  const form = page.getByRole('form', { name: 'Add a profile' });
  await form.getByLabel('Name', { exact: true }).fill('My sandbox key');
  await expect(form.getByLabel('Base URL', { exact: true })).toHaveValue(first.sandboxUrl);
  await form.getByLabel('API key', { exact: true }).fill(apiKey);
  await form.getByRole('radio', { name: 'Test' }).check();
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form).toBeHidden();
  await page.close();
  await first.stop();

  const second = await start(dir);
  page = await browser.newPage();
  await page.goto(second.url);
  await ensureVaultUnlocked(page);
  const id = await sendVerificationSms(page, { profile: 'My sandbox key' });
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await page.close();
});
