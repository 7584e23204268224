/**
 * Nothing dead, nothing kept alive for tests (issue 10, point 8): fails when a source module in
 * src-shared, src-main, src-sandbox or src-renderer exports something that no other production
 * module uses.
 *
 *   npm run check:exports            (part of `npm run lint`, so of `npm test`)
 *   npm run check:exports -- --json  (machine-readable list)
 *
 * Two findings:
 * - "unused export": nothing outside its own file imports it (tests included). Drop the `export`
 *   keyword, or the declaration if its own file does not use it either.
 * - "test-only export": a value (function, constant, class) that only tests import. Test it
 *   through the module's public surface, state the expected value in the test, or move the logic
 *   into a module that production code imports.
 *
 * A type used only by tests is allowed: it is erased at run time and names the shape a caller of
 * an exported function must pass (a port such as `WebContentsLike`, which tests fake). Production
 * importers are src-*, scripts/ and the build configuration; tests and benchmarks are not.
 * Public surfaces that nothing in the repository imports by design are listed in PUBLIC_SURFACES.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const SOURCE_DIRS = ['src-shared', 'src-main', 'src-sandbox', 'src-renderer'];
const OTHER_PRODUCTION = ['scripts', 'electron.vite.config.ts'];
const CONSUMER_DIRS = ['test', 'bench'];

/** Modules whose exports are consumed outside this repository; every export there is public. */
const PUBLIC_SURFACES: Record<string, string> = {
  'src-sandbox/kit/index.ts': 'the testing kit, published as notify-console/sandbox',
};

export interface Finding {
  file: string;
  name: string;
  kind: 'unused export' | 'test-only export';
  usedBy: string[];
}

function listSources(root: string, dir: string, out: string[] = []): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return out;
  if (!statSync(abs).isDirectory()) {
    if (/\.(ts|tsx)$/.test(abs)) out.push(abs);
    return out;
  }
  const entries = readdirSync(abs);
  for (const name of entries) {
    if (name === 'node_modules' || name === 'out') continue;
    const path = join(abs, name);
    if (statSync(path).isDirectory()) listSources(root, relative(root, path), out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Lists the exports of `root` (a checkout of this repository) that no production module uses. */
export function findExportProblems(root: string = repoRoot): Finding[] {
  const rel = (file: string): string => relative(root, file).split(sep).join('/');
  const isSource = (file: string): boolean => SOURCE_DIRS.some((d) => rel(file).startsWith(`${d}/`));
  const isProduction = (file: string): boolean => {
    const r = rel(file);
    return isSource(file) || OTHER_PRODUCTION.some((p) => r === p || r.startsWith(`${p}/`));
  };
  const files = [
    ...SOURCE_DIRS.flatMap((d) => listSources(root, d)),
    ...OTHER_PRODUCTION.flatMap((d) => listSources(root, d)),
    ...CONSUMER_DIRS.flatMap((d) => listSources(root, d)),
  ];
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    noLib: false,
    baseUrl: root,
    paths: { 'notify-console/sandbox': ['./src-sandbox/kit/index.ts'] },
  });
  const checker = program.getTypeChecker();

  // Every symbol any file refers to, resolved through imports and re-exports, with who refers.
  const users = new Map<ts.Symbol, Set<string>>();
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || sf.fileName.includes('/node_modules/')) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        // `export { a as b }` and shorthand properties name a local alias first.
        if (symbol && ts.isShorthandPropertyAssignment(node.parent)) {
          symbol = checker.getShorthandAssignmentValueSymbol(node.parent) ?? symbol;
        }
        // `const { a } = await import('./m')` names the module's export through a binding pattern.
        const binding = node.parent;
        if (
          ts.isBindingElement(binding) &&
          ts.isObjectBindingPattern(binding.parent) &&
          (binding.propertyName ?? binding.name) === node
        ) {
          symbol = checker.getTypeAtLocation(binding.parent).getProperty(node.text) ?? symbol;
        }
        while (symbol && symbol.flags & ts.SymbolFlags.Alias) {
          const target = checker.getAliasedSymbol(symbol);
          if (target === symbol) break;
          symbol = target;
        }
        if (symbol) {
          let set = users.get(symbol);
          if (!set) users.set(symbol, (set = new Set()));
          set.add(sf.fileName);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  const findings: Finding[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!isSource(sf.fileName) || PUBLIC_SURFACES[rel(sf.fileName)]) continue;
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      let symbol = exported;
      while (symbol.flags & ts.SymbolFlags.Alias) {
        const target = checker.getAliasedSymbol(symbol);
        if (target === symbol) break;
        symbol = target;
      }
      // Re-exports (`export * from`, `export { x } from`) are judged where they are declared.
      const declaredHere = symbol.declarations?.some((d) => d.getSourceFile() === sf) ?? false;
      if (!declaredHere) continue;
      const outside = [...(users.get(symbol) ?? [])].filter((f) => f !== sf.fileName);
      if (outside.some(isProduction)) continue;
      const isValue = (symbol.flags & ts.SymbolFlags.Value) !== 0;
      const usedBy = outside.map(rel).sort();
      if (usedBy.length === 0) {
        findings.push({ file: rel(sf.fileName), name: exported.name, kind: 'unused export', usedBy });
      } else if (isValue) {
        findings.push({ file: rel(sf.fileName), name: exported.name, kind: 'test-only export', usedBy });
      }
    }
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const findings = findExportProblems();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  } else {
    for (const f of findings) {
      const by = f.usedBy.length
        ? ` (only ${f.usedBy.slice(0, 3).join(', ')}${f.usedBy.length > 3 ? ', …' : ''})`
        : '';
      process.stdout.write(`${f.file}: ${f.kind} '${f.name}'${by}\n`);
    }
    process.stdout.write(
      findings.length
        ? `check-exports: ${findings.length} export(s) no production module uses; see scripts/check-exports.ts\n`
        : 'check-exports: every export is used by production code\n',
    );
  }
  process.exitCode = findings.length ? 1 : 0;
}
