#!/usr/bin/env node
// `npm start`: opens the desktop app where Electron can run; elsewhere serves browser mode.
// Kept as plain JavaScript so it runs before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const HELP = `Notify Console

Usage: npm start -- [options]

Options:
  --browser        Serve browser mode even where Electron could run

Browser mode only (the desktop app always uses the app data folder below):
  --port N         Port on 127.0.0.1 (default: any free port)
  --data DIR       Folder for profiles, the key vault and the embedded sandbox
                   (default: the user's app data folder, notify-console)
  --no-open        Print the URL but do not open a browser
  --no-notify-sandbox
                   Do not start the embedded Notify Sandbox
  --sandbox-time-scale N
                   Run the embedded sandbox's status lifecycle N times faster
                   (default 1, realistic)
  --json           Print the URL and folders as one JSON line
  -h, --help       Show this help

Environment:
  NOTIFY_SANDBOX_CONTROL_SECRET
                   The embedded sandbox's control secret (32 characters or more),
                   for your own scripts to call its control API with the
                   X-Sandbox-Secret header (default: a random one only the
                   console knows)

The embedded sandbox runs in a process of its own on 127.0.0.1:6012 (or the
port it found free the first time, remembered in the data folder). The log is
logs/console.log in the data folder.

npm ci does not download the Electron runtime: run npx install-electron once
for the desktop app (Node.js 22.13 or later). Without it, npm start says so in
one line and serves browser mode: it prints the URL with its one-time token and
opens the default browser if there is one. On first run the embedded Notify Sandbox
starts with a demo service and a "Local sandbox" profile, so the console works
at once with no account and no network.`;

const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) {
  console.log(HELP);
  process.exit(0);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const marker = join(root, 'out', 'renderer', 'index.html');
  const sources = ['src-renderer', 'src-main', 'src-shared'].map((d) => join(root, d)).filter(existsSync);
  const stale = !existsSync(marker) || Math.max(...sources.map(newestMtime)) > statSync(marker).mtimeMs;
  if (!stale) return;
  console.log('Building the console (first run or sources changed)…');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    },
  );
  if (r.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(r.status ?? 1);
  }
}

// Read electron's path.txt ourselves: `require('electron')` tries to download a missing binary.
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathTxt = join(dir, 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const binary = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Forwards Ctrl+C / SIGTERM to the child once, and exits with its code when it has stopped. */
function superviseChild(child) {
  let forwarded = false;
  const stop = () => {
    if (forwarded) return;
    forwarded = true;
    child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * The one line printed where the desktop app cannot start: why, and the exact command that fixes it.
 * Electron 45's package no longer downloads its runtime during `npm ci`; `npx install-electron` does.
 */
function noElectronLine(version) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 13)) {
    return `The desktop app needs Node.js 22.13 or later (this is ${process.version}), so the console is served in browser mode instead. On Node 22.13+, run \`npx install-electron\` once, then npm start again.`;
  }
  return `No Electron runtime is installed, so the console is served in browser mode instead. For the desktop app, run \`npx install-electron\` once (it downloads Electron${version ? ` ${version}` : ''}), then npm start again.`;
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

buildIfStale();
const electron = args.includes('--browser') ? null : electronBinary();
if (electron) {
  // The console's options are browser-mode options: none is forwarded, so none can reach Electron
  // or Chromium as a switch (Chromium's --no-sandbox would switch off the renderer sandbox).
  superviseChild(spawn(electron, [join(root, 'out', 'main', 'index.js')], { stdio: 'inherit' }));
} else {
  if (!args.includes('--browser')) console.log(noElectronLine(electronVersion()));
  superviseChild(
    spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main', 'browser-host', 'cli.ts'), ...args], {
      stdio: 'inherit',
      cwd: root,
    }),
  );
}
