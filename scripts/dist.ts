/**
 * `npm run dist`: builds the installers for this OS (x64 and arm64) into dist/.
 *
 *   npm run dist                 unsigned unless signing variables are set; never publishes
 *   npm run dist -- --dir        only the unpacked app (dist/<os>-unpacked), the quickest check
 *   npm run dist -- --publish    uploads to the GitHub release draft for this version (CI, on a tag),
 *                                only when this OS's artifacts are signed (or Linux, which needs none)
 *
 * Before anything runs it says, one line each, what it will sign, notarise and publish, and what is
 * missing for the rest, so an unsigned build is a choice the log shows rather than a surprise. The
 * decisions are `distPlan`, a pure function of the platform and environment (tested in
 * test/unit/release/dist-plan.test.ts); electron-builder reads the signing variables itself.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Configuration } from 'electron-builder';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../', import.meta.url));
export const BUILDER_CONFIG_PATH = path.join(root, 'build', 'electron-builder.yml');

type Env = Record<string, string | undefined>;
export type DistOs = 'mac' | 'win' | 'linux';

export interface DistPlan {
  os: DistOs;
  /** Merged over build/electron-builder.yml. */
  config: Record<string, unknown>;
  /** Set for electron-builder's process. */
  env: Record<string, string>;
  publish: boolean;
  /** What the build will and will not do, printed before it starts. */
  notes: string[];
}

export const AZURE_SIGNING_ENV = [
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'AZURE_TRUSTED_SIGNING_ENDPOINT',
  'AZURE_TRUSTED_SIGNING_ACCOUNT',
  'AZURE_TRUSTED_SIGNING_PROFILE',
] as const;
export const APPLE_ID_ENV = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;
export const APPLE_API_KEY_ENV = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] as const;

const has = (env: Env, name: string): boolean => (env[name] ?? '').trim() !== '';
const missing = (env: Env, names: readonly string[]): string[] => names.filter((n) => !has(env, n));

/** The electron-builder OS for a Node platform; other platforms cannot build installers. */
export function distOs(platform: NodeJS.Platform): DistOs {
  if (platform === 'darwin') return 'mac';
  if (platform === 'win32') return 'win';
  if (platform === 'linux') return 'linux';
  throw new Error(`npm run dist builds on macOS, Windows or Linux, not on ${platform}`);
}

/** Loads build/electron-builder.yml as electron-builder will see it. */
export function loadBuilderConfig(file = BUILDER_CONFIG_PATH): Record<string, unknown> {
  return parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * What to sign, notarise and publish here. `repository` is `owner/name` on GitHub when known (from
 * GITHUB_REPOSITORY in Actions), else null: electron-builder then reads the git remote `origin`.
 */
export function distPlan(input: { platform: NodeJS.Platform; env: Env; publish: boolean }): DistPlan {
  const { env } = input;
  const os = distOs(input.platform);
  const config: Record<string, unknown> = {};
  const buildEnv: Record<string, string> = {};
  const notes: string[] = [];
  let signed = false;

  if (os === 'win') {
    const azureMissing = missing(env, AZURE_SIGNING_ENV);
    if (azureMissing.length < AZURE_SIGNING_ENV.length && azureMissing.length > 0) {
      throw new Error(`Azure Trusted Signing is half set up: also set ${azureMissing.join(', ')}`);
    }
    if (azureMissing.length === 0) {
      config['win'] = {
        azureSignOptions: {
          endpoint: env['AZURE_TRUSTED_SIGNING_ENDPOINT'],
          codeSigningAccountName: env['AZURE_TRUSTED_SIGNING_ACCOUNT'],
          certificateProfileName: env['AZURE_TRUSTED_SIGNING_PROFILE'],
          ...(has(env, 'AZURE_TRUSTED_SIGNING_PUBLISHER')
            ? { publisherName: env['AZURE_TRUSTED_SIGNING_PUBLISHER'] }
            : {}),
        },
      };
      notes.push(
        `Windows signing: Azure Trusted Signing (account ${env['AZURE_TRUSTED_SIGNING_ACCOUNT']}, profile ${env['AZURE_TRUSTED_SIGNING_PROFILE']}).`,
      );
      signed = true;
    } else if (has(env, 'WIN_CSC_LINK') || has(env, 'CSC_LINK')) {
      notes.push('Windows signing: the certificate in WIN_CSC_LINK (or CSC_LINK), with signtool.');
      signed = true;
    } else {
      notes.push(
        'Windows signing: SKIPPED, no certificate. Set WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD (a .pfx), or ' +
          `${AZURE_SIGNING_ENV.join(', ')} for Azure Trusted Signing. Unsigned installers make ` +
          'SmartScreen say "Windows protected your PC".',
      );
    }
  }

  if (os === 'mac') {
    if (has(env, 'CSC_LINK') || has(env, 'CSC_NAME')) {
      const appleId = missing(env, APPLE_ID_ENV);
      const apiKey = missing(env, APPLE_API_KEY_ENV);
      if (appleId.length === 0 || apiKey.length === 0) {
        notes.push(
          `macOS: signed with the Developer ID in ${has(env, 'CSC_LINK') ? 'CSC_LINK' : 'CSC_NAME'}, hardened runtime, notarised with ${appleId.length === 0 ? 'APPLE_ID' : 'APPLE_API_KEY'}.`,
        );
        signed = true;
      } else {
        notes.push(
          'macOS: signed, but notarisation SKIPPED: set APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + ' +
            'APPLE_TEAM_ID, or APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER. Gatekeeper blocks ' +
            'un-notarised apps downloaded from the internet.',
        );
      }
    } else {
      // No Developer ID: an ad-hoc signature, which Apple silicon needs to run the app at all. The
      // hardened runtime only matters for notarisation, and with ad-hoc signatures its library
      // validation would refuse Electron's own frameworks, so it is off for these builds.
      config['mac'] = { identity: '-', hardenedRuntime: false };
      buildEnv['CSC_IDENTITY_AUTO_DISCOVERY'] = 'false';
      notes.push(
        'macOS signing: SKIPPED, no Developer ID (set CSC_LINK + CSC_KEY_PASSWORD). The app gets an ' +
          'ad-hoc signature only: users must right-click it and choose Open the first time.',
      );
    }
  }

  if (os === 'linux') {
    notes.push('Linux: AppImage and deb carry no signature (neither format needs one).');
    signed = true;
  }

  const repository = env['GITHUB_REPOSITORY'];
  // GitHub owners are letters, digits and hyphens; repository names add `.` and `_` (but are not `.`/`..`).
  if (repository !== undefined && /^[A-Za-z0-9-]+\/(?!\.\.?$)[\w.-]+$/.test(repository)) {
    const [owner, repo] = repository.split('/') as [string, string];
    config['publish'] = [{ provider: 'github', releaseType: 'draft', owner, repo }];
    notes.push(`Updates: from the GitHub releases of ${repository}.`);
  } else {
    notes.push(
      "Updates: from the GitHub releases of the git remote 'origin' (or package.json's repository); " +
        'with neither, this build cannot find updates.',
    );
  }

  const publish = input.publish && signed;
  if (input.publish && !signed) {
    notes.push(`Publishing: SKIPPED, ${os} artifacts would be unsigned; they are left in dist/ only.`);
  } else if (publish) {
    notes.push(`Publishing: to the draft GitHub release for this version (needs GH_TOKEN).`);
  }
  return { os, config, env: buildEnv, publish, notes };
}

/** Deep-merges plain objects (arrays and values in `over` replace those in `base`). */
export function mergeConfig(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    const isObject = (v: unknown): v is Record<string, unknown> =>
      typeof v === 'object' && v !== null && !Array.isArray(v);
    out[key] = isObject(current) && isObject(value) ? mergeConfig(current, value) : value;
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const dirOnly = argv.includes('--dir');
  const plan = distPlan({
    platform: process.platform,
    env: process.env,
    publish: argv.includes('--publish'),
  });
  for (const note of plan.notes) console.log(`dist: ${note}`);

  console.log('dist: building the bundles (electron-vite build)…');
  const bundle = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: root, stdio: 'inherit' },
  );
  if (bundle.status !== 0) return bundle.status ?? 1;

  Object.assign(process.env, plan.env);
  const { build } = await import('electron-builder');
  const config = mergeConfig(loadBuilderConfig(), plan.config);
  try {
    const files = await build({
      projectDir: root,
      config: config as Configuration,
      publish: plan.publish ? 'always' : 'never',
      [plan.os]: dirOnly ? ['dir'] : [],
    });
    console.log(`dist: done, ${files.length} files in dist/`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`dist: electron-builder failed: ${message.split('\n', 1)[0]}`);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo|ETIMEDOUT/.test(message)) {
      console.error(
        'dist: it needs the internet to download the Electron runtime (and, for AppImage, deb and NSIS, ' +
          'its packaging tools) on first use; they are cached afterwards (ELECTRON_CACHE, ' +
          'ELECTRON_BUILDER_CACHE).',
      );
    }
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
