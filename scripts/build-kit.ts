/**
 * `npm run build:kit` (and `npm pack`'s prepack): builds the Notify Sandbox testing kit into out/kit/,
 * the part of this package that other projects install (package.json `exports["./sandbox"]`, `bin`):
 *
 * - sandbox.js (ESM) and sandbox.cjs (CommonJS, for Jest's default mode): src-sandbox/kit/index.ts
 *   bundled with the sandbox and src-shared, its npm dependencies left as imports;
 * - cli.js: the `notify-sandbox` command;
 * - sandbox.d.ts: the kit's declarations, from index.ts alone (its public types are declared there).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}out/kit`;
const pkg = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
};
const dependencies = Object.keys(pkg.dependencies);
/** Node's modules and every declared dependency (and its subpaths) stay imports. */
const external = (id: string) =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  dependencies.some((d) => id === d || id.startsWith(`${d}/`));

async function bundle(entry: string, format: 'es' | 'cjs', fileName: string, banner = ''): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      rolldownOptions: {
        input: `${root}${entry}`,
        external,
        output: { format, entryFileNames: fileName, codeSplitting: false, banner },
      },
    },
  });
}

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
await bundle('src-sandbox/kit/index.ts', 'es', 'sandbox.js');
await bundle('src-sandbox/kit/index.ts', 'cjs', 'sandbox.cjs');
// npm links `notify-sandbox` to this file: the shebang makes it runnable on its own.
await bundle('src-sandbox/kit/cli-main.ts', 'es', 'cli.js', '#!/usr/bin/env node');

// The declarations of index.ts alone: everything public is declared in it, so nothing else is needed.
const source = await readFile(`${root}src-sandbox/kit/index.ts`, 'utf8');
const declared = ts.transpileDeclaration(source, {
  fileName: 'index.ts',
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true },
  reportDiagnostics: true,
});
if (declared.diagnostics?.length) {
  const text = ts.formatDiagnostics(declared.diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
  throw new Error(`The kit's declarations cannot be emitted from index.ts alone:\n${text}`);
}
// Imports of the implementation do not belong in the declarations (isolated declarations keep them).
const dts = declared.outputText.replace(/^import .*;\n/gm, '');
if (/\bfrom\s+['"]/.test(dts))
  throw new Error('sandbox.d.ts still imports something; declare its types in index.ts');
await writeFile(`${outDir}/sandbox.d.ts`, dts);
await writeFile(`${outDir}/sandbox.d.cts`, dts);
console.log('out/kit: sandbox.js, sandbox.cjs, cli.js, sandbox.d.ts');
