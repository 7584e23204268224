/**
 * The README's first command: `npm start` brings the console up on the embedded sandbox, in browser
 * mode here (no Electron binary), and the page works at once with the "Local sandbox" profile.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './fixtures';

test('npm start serves the console in browser mode on the embedded sandbox', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-start-'));
  const child = spawn('npm', ['start', '--', '--no-open', '--json', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  try {
    const lines: string[] = [];
    const info = await new Promise<{ url: string; sandboxUrl: string }>((resolve, reject) => {
      const rl = createInterface({ input: child.stdout! });
      rl.on('line', (line) => {
        lines.push(line);
        if (line.startsWith('{')) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${lines.join('\n')}`)));
    });
    // Where Electron cannot run, it says so in one line, with the command that gets the desktop app
    // (on Node 22.13+) or the Node version it needs, before serving browser mode.
    const why = lines.filter((l) => /served in browser mode instead/.test(l));
    expect(why).toHaveLength(1);
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(why[0]).toMatch(
      major > 22 || (major === 22 && minor >= 13)
        ? /run `npx install-electron` once \(it downloads Electron \d+\.\d+\.\d+\), then npm start again/
        : /desktop app needs Node\.js 22\.13 or later/,
    );
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(info.url);
      await expect(page.getByText('Local sandbox').first()).toBeVisible();
      // The token left the address bar once it was read.
      await expect.poll(() => page.url()).not.toContain('token=');
      const templates = page.getByRole('combobox', { name: /template/i }).first();
      await expect(templates.locator('option', { hasText: 'Verification code' })).toHaveCount(1);
    } finally {
      await browser.close();
    }
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
