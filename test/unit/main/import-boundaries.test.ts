/**
 * The import boundaries are enforced by ESLint (eslint.config.js), not hoped for: each rule is fed
 * one file that breaks it, through the ESLint Node API with the project's own config, and must
 * fail; the import each layer is meant to use must pass.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The no-restricted-imports messages ESLint reports for one line of code placed at `filePath`. */
async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const FORBIDDEN: [rule: string, file: string, code: string, message: RegExp][] = [
  [
    'the core imports no sandbox',
    'src-main/core/offender.ts',
    "import { startSandbox as x } from '../../src-sandbox/server';",
    /hosts start it/,
  ],
  [
    'the core imports no RPC layer',
    'src-main/core/notify/offender.ts',
    "import { dispatch as x } from '../../rpc/dispatch';",
    /knows no transport/,
  ],
  [
    'the core imports no browser host',
    'src-main/core/offender.ts',
    "import { startBrowserHost as x } from '../browser-host/host';",
    /knows no transport/,
  ],
  [
    'the core imports no host',
    'src-main/core/offender.ts',
    "import { startConsole as x } from '../host/start-console';",
    /knows no transport/,
  ],
  [
    'the RPC layer imports no core internals',
    'src-main/rpc/offender.ts',
    "import { StoredProfiles as x } from '../core/profiles/stored-profiles';",
    /public surface/,
  ],
  [
    'the RPC layer imports no transport',
    'src-main/rpc/offender.ts',
    "import { startBrowserHost as x } from '../browser-host/host';",
    /transports and hosts import it/,
  ],
  [
    'the contract imports nothing but zod and src-shared',
    'src-main/contract/offender.ts',
    "import { CoreError as x } from '../core';",
    /only zod, src-shared/,
  ],
  [
    'the contract imports no npm package but zod',
    'src-main/contract/offender.ts',
    "import { request as x } from 'undici';",
    /only zod, src-shared/,
  ],
  [
    'the Electron shell imports no browser host',
    'src-main/electron/offender.ts',
    "import { resolveStaticFile as x } from '../browser-host/static-files';",
    /never imports the browser host/,
  ],
  [
    'the Electron shell imports no core internals',
    'src-main/electron/offender.ts',
    "import { SettingsStore as x } from '../core/store/settings-store';",
    /public surface/,
  ],
  [
    'the browser host imports no core internals',
    'src-main/browser-host/offender.ts',
    "import { silentLogger as x } from '../core/ports';",
    /public surface/,
  ],
  [
    'src-shared imports nothing outside itself',
    'src-shared/notify/offender.ts',
    "import { methods as x } from '../../src-main/contract/methods';",
    /imports nothing but itself/,
  ],
  [
    'the renderer imports no core',
    'src-renderer/lib/offender.ts',
    "import { createConsoleCore as x } from '../../src-main/core';",
    /src-shared and src-main\/contract only/,
  ],
];

const ALLOWED: [layer: string, file: string, code: string][] = [
  [
    'the RPC layer uses the core’s public surface',
    'src-main/rpc/fine.ts',
    "import { CoreError as x } from '../core';",
  ],
  ['the contract uses zod', 'src-main/contract/fine.ts', "import { z as x } from 'zod';"],
  [
    'the contract uses src-shared',
    'src-main/contract/fine.ts',
    "import { explanation as x } from '../../src-shared/notify/explanation';",
  ],
  ['the contract uses itself', 'src-main/contract/fine.ts', "import { methods as x } from './methods';"],
  [
    'the Electron shell starts the console through the host',
    'src-main/electron/fine.ts',
    "import { startConsole as x } from '../host/start-console';",
  ],
  [
    'the host starts the sandbox',
    'src-main/host/fine.ts',
    "import { startSandbox as x } from '../../src-sandbox/server';",
  ],
  [
    'the core uses the contract’s types',
    'src-main/core/fine.ts',
    "import type { Result as x } from '../contract/result';",
  ],
];

describe('import boundaries (ESLint)', () => {
  it.each(FORBIDDEN)('fails when %s', async (_rule, file, code, message) => {
    const messages = await restricted(file, code);
    expect(messages).toEqual([expect.stringMatching(message)]);
  });

  it.each(ALLOWED)('passes when %s', async (_layer, file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
