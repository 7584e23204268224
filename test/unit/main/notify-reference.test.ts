/**
 * Source comments, tests and docs cite Notify's API by section ("§4.5"); every citation must name a
 * section of docs/notify-api-reference.md, the reference the repository carries, so none of them
 * points at a file only some machines have.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const REFERENCE = readFileSync(join(ROOT, 'docs', 'notify-api-reference.md'), 'utf8');
const SCANNED = [
  'src-main',
  'src-shared',
  'src-renderer',
  'src-sandbox',
  'test',
  'bench',
  'docs',
  'README.md',
];

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (/\.(ts|tsx|md|mjs)$/.test(path)) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(join(path, e.name))
      : /\.(ts|tsx|md|mjs)$/.test(e.name)
        ? [join(full, e.name)]
        : [],
  );
}

/** The sections the reference has: `## 4.`/`### 4.5` headings and the `**5.3**` steps of §5. */
function sections(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)) out.add(m[1]!);
  for (const m of text.matchAll(/\*\*(\d+\.\d+)\*\*/g)) out.add(m[1]!);
  return out;
}

describe('the API reference in docs/', () => {
  const known = sections(REFERENCE);
  const citations = SCANNED.flatMap(filesUnder).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/§(\d+(?:\.\d+)?)/g)].map((m) => ({
      where: relative(ROOT, file),
      section: m[1]!,
    })),
  );

  it('has the sections a reader needs, numbered as the citations expect', () => {
    for (const s of ['1', '2.1', '2.2', '4.5', '4.7', '5.3', '6', '7.5', '8.1', '10.3', '11', '15'])
      expect(known).toContain(s);
  });

  it('resolves every § citation in the repository', () => {
    expect(citations.length).toBeGreaterThan(50);
    expect(citations.filter((c) => !known.has(c.section))).toEqual([]);
  });
});
