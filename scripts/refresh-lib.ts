// Shared by the scripts/refresh-*.ts data generators (run with `node --import tsx`): read a source file (a local copy, or a URL when
// there is internet), and write a generated TypeScript module whose header says where it came from.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Parses `--name value` options; `--help` prints the usage and exits. Every option in `required` must
 * be given, so a forgotten source is an error rather than stale data.
 */
export function options(
  usage: string,
  spec: Record<string, { type: 'string'; default?: string }>,
  required: string[],
): Record<string, string | undefined> {
  const parsed = parseArgs({ options: { ...spec, help: { type: 'boolean' } }, strict: true });
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help === true) {
    console.log(usage);
    process.exit(0);
  }
  const missing = required.filter((name) => values[name] === undefined);
  if (missing.length) {
    console.error(`Missing ${missing.map((m) => `--${m}`).join(', ')}.\n\n${usage}`);
    process.exit(2);
  }
  const strings: Record<string, string | undefined> = {};
  for (const name of Object.keys(spec)) {
    const value = values[name];
    strings[name] = typeof value === 'string' ? value : undefined;
  }
  return strings;
}

/** The text of a source: an `http(s)://` URL is fetched, anything else is read as a local file. */
export async function readSource(where: string): Promise<string> {
  if (/^https?:\/\//.test(where)) {
    const response = await fetch(where);
    if (!response.ok) throw new Error(`${where}: HTTP ${response.status}`);
    return response.text();
  }
  return readFileSync(where, 'utf8');
}

/** The command line that produced a file, for its header (paths relative to the repository). */
export function commandLine(script: string): string {
  const args = process.argv.slice(2).map((arg) => (arg.includes(' ') ? JSON.stringify(arg) : arg));
  return ['node --import tsx', relative(root, script), ...args].join(' ');
}

/** Writes a generated module, formatted with the repository's Prettier settings. */
export function writeGenerated(file: string, text: string): void {
  const path = join(root, file);
  writeFileSync(path, text);
  execFileSync(join(root, 'node_modules', '.bin', 'prettier'), ['--write', '--log-level', 'warn', path], {
    stdio: 'inherit',
  });
  console.log(`wrote ${file}`);
}

/** Whether this module is the script being run (so a test can import it without running it). */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}

/** Splits a long string literal into `'…' +` lines of at most `width` characters. */
export function chunkedLiteral(text: string, width = 100): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += width) parts.push(text.slice(i, i + width));
  return parts
    .map((part) => `  ${JSON.stringify(part).replace(/'/g, "\\'").replace(/^"|"$/g, "'")}`)
    .join(' +\n');
}
