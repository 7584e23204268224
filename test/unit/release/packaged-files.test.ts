/**
 * Only what runs ships. electron-builder packs the app here for real (its `dir` target, with a stand-in
 * Electron runtime, as the real one cannot be downloaded on this machine; fuses need the real binary
 * and are off), and the test compares the packaged `node_modules` with what the built main bundle
 * imports, then loads each of those imports from the unpacked app in a plain Node process, where the
 * project's own node_modules is out of reach: a module the bundle needs but the package lacks fails here,
 * not on a user's machine.
 */
import { extractAll, listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { loadBuilderConfig, mergeConfig } from '../../../scripts/dist';

const root = path.resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/**
 * Declared for the main process but not imported by its bundle (none today). Anything in
 * `dependencies` must be imported by the main bundle (its entries and their chunks).
 */
const DECLARED_AHEAD_OF_USE: string[] = [];

/** The package a bare specifier names (`libphonenumber-js/max` → `libphonenumber-js`), or null. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? null : name;
}

/** Every module the bundle loads by name: static and dynamic imports and require() calls. */
function bundleImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return [...new Set(info.importedFiles.map((f) => f.fileName))].sort();
}

/** Where Node would find `name` from `fromDir` (walking up node_modules folders, as require does). */
function resolvePackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; dir.startsWith(root); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root) break;
  }
  return null;
}

/** `name@version` of each package folder at `dir`. */
function identity(dir: string): string {
  const { name, version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return `${name}@${version}`;
}

/**
 * The packages (`name@version`) that loading `names` can reach through declared dependencies. By
 * identity, not folder: electron-builder lays node_modules out afresh (it hoists what npm nested).
 */
function dependencyClosure(names: string[]): Set<string> {
  const found = new Set<string>();
  const queue = names.map((name) => ({ name, from: root, optional: false }));
  while (queue.length > 0) {
    const { name, from, optional } = queue.shift()!;
    const dir = resolvePackageDir(name, from);
    if (dir === null) {
      if (optional) continue;
      throw new Error(`${name} is needed (from ${path.relative(root, from) || 'the app'}) but not installed`);
    }
    if (found.has(dir)) continue;
    found.add(dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies ?? {}))
      queue.push({ name: dep, from: dir, optional: false });
    for (const dep of Object.keys(manifest.optionalDependencies ?? {}))
      queue.push({ name: dep, from: dir, optional: true });
  }
  return new Set([...found].map(identity));
}

/** Packages (`name@version`) in the unpacked asar: each `…node_modules/<name>` or `…node_modules/@scope/<name>` with a package.json. */
function packagedPackages(asarFile: string, unpackedDir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of listPackage(asarFile, { isPack: false })) {
    const file = entry.split(path.sep).join('/').replace(/^\//, '');
    const match =
      /^((?:node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/)*?node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(
        file,
      );
    if (match) found.add(identity(path.join(unpackedDir, match[1]!)));
  }
  return found;
}

describe('the packaged app', () => {
  let work: string;
  let appDir: string;
  let resources: string;
  let imports: string[];

  beforeAll(async () => {
    const bundle = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      { cwd: root, encoding: 'utf8' },
    );
    if (bundle.status !== 0) throw new Error(`electron-vite build failed:\n${bundle.stderr}`);
    // Every file of the main bundle: index.js, the spreadsheet worker (sheet-worker.js) and shared chunks.
    const mainDir = path.join(root, 'out', 'main');
    imports = [
      ...new Set(
        readdirSync(mainDir)
          .filter((f) => f.endsWith('.js'))
          .flatMap((f) => bundleImports(path.join(mainDir, f))),
      ),
    ].sort();

    work = mkdtempSync(path.join(tmpdir(), 'nc-package-'));
    // A stand-in for the unpacked Electron runtime electron-builder would download.
    const electronDist = path.join(work, 'electron-dist');
    mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
    writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    const { build, Platform } = await import('electron-builder');
    const base = loadBuilderConfig();
    const config = mergeConfig(base, {
      electronDist,
      electronFuses: null,
      directories: { output: path.join(work, 'dist') },
      publish: [{ provider: 'github', releaseType: 'draft', owner: 'example-owner', repo: 'notify-console' }],
    });
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir', 1 /* Arch.x64 */),
      publish: 'never',
      config: config as Configuration,
    });
    resources = path.join(work, 'dist', 'linux-unpacked', 'resources');
    appDir = path.join(work, 'app');
    extractAll(path.join(resources, 'app.asar'), appDir);
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('keeps the archive’s native SQLite module outside the asar, where it can be loaded', () => {
    expect(imports).toContain('better-sqlite3');
    const native = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(existsSync(path.join(resources, 'app.asar.unpacked', native))).toBe(true);
  });

  it('holds the built bundles and package.json, and no source maps or sources', () => {
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false })
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => !f.startsWith('/node_modules'));
    expect(files.filter((f) => /\.(js|cjs|html|json)$/.test(f)).sort()).toEqual(
      expect.arrayContaining([
        '/out/main/index.js',
        '/out/main/sheet-worker.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/package.json',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts') || f.startsWith('/src'))).toEqual([]);
  });

  it('the main bundle loads only node built-ins, electron and declared dependencies', () => {
    const packages = [...new Set(imports.map(packageOf).filter((p): p is string => p !== null))];
    expect(packages).toContain('electron');
    for (const name of packages.filter((p) => p !== 'electron')) {
      expect(pkg.dependencies, `${name} is imported by the main bundle`).toHaveProperty(name);
    }
    // And every dependency is used (or about to be): nothing ships for nobody.
    for (const name of Object.keys(pkg.dependencies)) {
      expect([...packages, ...DECLARED_AHEAD_OF_USE], `${name} is a dependency nothing imports`).toContain(
        name,
      );
    }
    for (const name of DECLARED_AHEAD_OF_USE) expect(pkg.dependencies).toHaveProperty(name);
  });

  it('ships exactly the packages the main bundle’s imports reach: no renderer or build packages', () => {
    const roots = [...new Set([...imports.map(packageOf), ...DECLARED_AHEAD_OF_USE])].filter(
      (p): p is string => p !== null && p !== 'electron',
    );
    const expected = dependencyClosure(roots);
    const packaged = packagedPackages(path.join(resources, 'app.asar'), appDir);
    expect([...packaged].sort()).toEqual([...expected].sort());
    const names = [...packaged].map((p) => p.slice(0, p.lastIndexOf('@')));
    for (const unwanted of ['react', 'react-dom', 'zustand', 'electron', 'electron-builder', 'vite']) {
      expect(names, unwanted).not.toContain(unwanted);
    }
    expect(names).toEqual(expect.arrayContaining(['electron-updater', 'undici', 'zod', 'jose']));
  });

  it('every import of the main bundle loads in plain Node from the packaged app alone', () => {
    const specifiers = imports.filter((s) => packageOf(s) !== null && s !== 'electron');
    expect(specifiers.length).toBeGreaterThan(3);
    // A module beside out/main/index.js, so it resolves exactly as the bundle does; outside the project,
    // so no node_modules of this checkout can stand in for a missing one.
    // `electron` itself is the runtime's, not a package: packages that import or require it at load
    // time (electron-store, electron-log) get an empty stand-in, as they would get the real module.
    const electronStub = `export async function resolve(s, c, next) { return s === 'electron' ? { url: 'data:text/javascript,export default {}', shortCircuit: true } : next(s, c); }`;
    const probe = (names: string[]) => {
      const file = path.join(appDir, 'out', 'main', 'probe.mjs');
      writeFileSync(
        file,
        [
          `import { register } from 'node:module';`,
          `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(electronStub)}`)});`,
          // CommonJS packages (electron-log's main entry) require it: the same stand-in for `require`.
          `import Module from 'node:module';`,
          `const load = Module._load;`,
          `Module._load = function (request, ...rest) { return request === 'electron' ? {} : load.call(this, request, ...rest); };`,
          ...names.map((n) => `await import(${JSON.stringify(n)});`),
        ].join('\n'),
      );
      return spawnSync(process.execPath, [file], { cwd: appDir, encoding: 'utf8', timeout: 60_000 });
    };
    const loaded = probe(specifiers);
    expect(loaded.stderr).toBe('');
    expect(loaded.status).toBe(0);
    // The check can fail: a renderer package, present in this checkout, is missing from the app.
    const missing = probe(['react']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/Cannot find package 'react'/);
  });

  it('carries the update feed for electron-updater (GitHub releases of the repository)', () => {
    const feed = readFileSync(path.join(resources, 'app-update.yml'), 'utf8');
    expect(feed).toContain('provider: github');
    expect(feed).toContain('owner: example-owner');
    expect(feed).toContain('repo: notify-console');
    expect(feed).toContain('updaterCacheDirName: notify-console-updater');
  });
});
