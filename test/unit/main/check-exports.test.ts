/**
 * "Nothing dead, nothing kept alive for tests" is enforced by scripts/check-exports.ts, which runs in
 * `npm run lint`. Here it is fed a small repository with one export of each kind, and must report
 * exactly the dead one and the values only tests use (`npm run lint` runs it on this repository).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findExportProblems } from '../../../scripts/check-exports';

const fixture = mkdtempSync(join(tmpdir(), 'check-exports-'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(fixture, path)), { recursive: true });
  writeFileSync(join(fixture, path), text);
}

write(
  'src-shared/rules.ts',
  [
    'export const usedByMain = 1;',
    'export const usedByRenderer = 2;',
    'export const onlyTests = 3;',
    'export function nobody(): number { return usedByMain; }',
    'export class OnlyTestsError extends Error {}',
    'export interface OnlyTestsShape { a: number }',
    'export const reExported = 4;',
    'export const destructured = 5;',
    'export const usedByBuildConfig = 6;',
  ].join('\n'),
);
write('src-shared/index.ts', "export { reExported } from './rules';\n");
write('src-main/main.ts', "import { usedByMain } from '../src-shared/rules';\nconsole.log(usedByMain);\n");
write(
  'src-renderer/view.tsx',
  "import * as rules from '../src-shared/rules';\nconst View = () => <p>{rules.usedByRenderer}</p>;\nconsole.log(View);\n",
);
write(
  'src-main/late.ts',
  "export async function late(): Promise<number> {\n  const { destructured } = await import('../src-shared/rules');\n  return destructured;\n}\n",
);
write(
  'scripts/tool.ts',
  "import { reExported } from '../src-shared';\nimport { late } from '../src-main/late';\nconsole.log(reExported, late);\n",
);
write(
  'electron.vite.config.ts',
  "import { usedByBuildConfig } from './src-shared/rules';\nexport default { usedByBuildConfig };\n",
);
write('src-sandbox/kit/index.ts', 'export function startSandbox(): void {}\n');
write(
  'test/rules.test.ts',
  "import { onlyTests, OnlyTestsError, type OnlyTestsShape } from '../src-shared/rules';\nconst s: OnlyTestsShape = { a: onlyTests };\nconsole.log(s, OnlyTestsError);\n",
);

describe('scripts/check-exports.ts', () => {
  it('reports an export nobody imports and a value only tests import, nothing else', () => {
    const findings = findExportProblems(fixture).map((f) => `${f.file} ${f.kind} ${f.name}`);
    expect(findings.sort()).toEqual(
      [
        'src-shared/rules.ts test-only export OnlyTestsError',
        'src-shared/rules.ts test-only export onlyTests',
        'src-shared/rules.ts unused export nobody',
      ].sort(),
    );
  });

  it('names the tests that keep a test-only export alive', () => {
    const onlyTests = findExportProblems(fixture).find((f) => f.name === 'onlyTests');
    expect(onlyTests?.usedBy).toEqual(['test/rules.test.ts']);
  });
});
