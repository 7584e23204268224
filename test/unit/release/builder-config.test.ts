/**
 * build/electron-builder.yml, checked as electron-builder reads it: its own schema validation, its own
 * artifact-name macro expansion, and what each OS must get (targets, architectures, signing set-up).
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../src-main/electron/app-identity';
import { loadBuilderConfig } from '../../../scripts/dist';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { expandMacro } = require('app-builder-lib/out/util/macroExpander') as {
  expandMacro(pattern: string, arch: string | null, appInfo: object, extra: object): string;
};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

type Target = { target: string; arch: string[] };
interface Config {
  appId: string;
  productName: string;
  executableName: string;
  artifactName: string;
  files: string[];
  protocols: { schemes: string[] }[];
  electronFuses: Record<string, boolean>;
  publish: { provider: string; releaseType?: string }[];
  win: { icon: string; target: Target[] };
  nsis: Record<string, unknown>;
  mac: {
    icon: string;
    target: Target[];
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
  };
  linux: { icon: string; target: Target[] };
}
const config = loadBuilderConfig() as unknown as Config;

/** The file names electron-builder gives a target's artifacts, from its own macro expander. */
function artifactNames(os: 'win' | 'mac' | 'linux', target: Target): string[] {
  const ext: Record<string, string> = {
    nsis: 'exe',
    dmg: 'dmg',
    zip: 'zip',
    AppImage: 'AppImage',
    deb: 'deb',
  };
  const appInfo = { ...pkg, productName: config.productName, sanitizedProductName: config.productName };
  // NSIS puts every architecture into one installer, which electron-builder names without an arch.
  const archs = target.target === 'nsis' ? [null] : target.arch;
  return archs.map((arch) =>
    expandMacro(config.artifactName, arch, appInfo, { os, ext: ext[target.target] }),
  );
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is refused by that validation when it is wrong (so the pass above means something)', async () => {
    const broken = { ...config, nsis: { ...config.nsis, perMachine: 'sometimes' } };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/perMachine/);
  });

  it('has a real reverse-DNS appId, the one the app sets at run time', () => {
    expect(config.appId).toBe(APP_ID);
    // notifications.service.gov.uk reversed, then the product.
    expect(config.appId).toBe(`${'notifications.service.gov.uk'.split('.').reverse().join('.')}.console`);
    expect(config.productName).toBe('Notify Console');
    expect(config.executableName).toBe(pkg.name);
  });

  it('names artifacts by product, version, OS and architecture, with no spaces', () => {
    const v = pkg.version;
    const names = [
      ...config.win.target.flatMap((t) => artifactNames('win', t)),
      ...config.mac.target.flatMap((t) => artifactNames('mac', t)),
      ...config.linux.target.flatMap((t) => artifactNames('linux', t)),
    ];
    expect(names.sort()).toEqual(
      [
        `notify-console-${v}-win.exe`,
        `notify-console-${v}-mac-x64.dmg`,
        `notify-console-${v}-mac-arm64.dmg`,
        `notify-console-${v}-mac-x64.zip`,
        `notify-console-${v}-mac-arm64.zip`,
        `notify-console-${v}-linux-x64.AppImage`,
        `notify-console-${v}-linux-arm64.AppImage`,
        `notify-console-${v}-linux-x64.deb`,
        `notify-console-${v}-linux-arm64.deb`,
      ].sort(),
    );
  });

  it('builds x64 and arm64 of every target: NSIS on Windows, dmg + zip on macOS, AppImage + deb on Linux', () => {
    const summary = (targets: Target[]) => targets.map((t) => `${t.target}:${[...t.arch].sort().join('+')}`);
    expect(summary(config.win.target)).toEqual(['nsis:arm64+x64']);
    expect(summary(config.mac.target)).toEqual(['dmg:arm64+x64', 'zip:arm64+x64']);
    expect(summary(config.linux.target)).toEqual(['AppImage:arm64+x64', 'deb:arm64+x64']);
  });

  it('installs per user on Windows, without an administrator prompt, keeping data on uninstall', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      deleteAppDataOnUninstall: false,
    });
  });

  it('signs macOS builds with the hardened runtime and only the JIT entitlement', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    const plist = readFileSync(path.join(root, config.mac.entitlements), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('uses the generated icons, which exist', () => {
    for (const icon of [config.win.icon, config.mac.icon, path.join(config.linux.icon, '512x512.png')]) {
      expect(existsSync(path.join(root, icon)), icon).toBe(true);
    }
  });

  it('packs only the built bundles, without source maps, into an asar with its integrity checked', () => {
    expect(config.files).toEqual(['out/**/*', '!**/*.map']);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('registers the deep-link scheme and publishes to GitHub release drafts', () => {
    // The scheme src-main/electron/deep-links.ts claims with the OS and parses (deep-links.test.ts).
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['notify-console']);
    expect(config.publish).toEqual([{ provider: 'github', releaseType: 'draft' }]);
  });
});
