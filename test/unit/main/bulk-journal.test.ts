import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc32, Journal, JournalDamagedError, readJournal } from '../../../src-main/core/bulk/journal';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bulk-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('journal', () => {
  it('reads back what was appended, in order, across reopenings', async () => {
    const path = join(dir, 'j.jsonl');
    const first = await Journal.open<{ n: number }>(path);
    await Promise.all([first.journal.append({ n: 1 }), first.journal.append({ n: 2 })]);
    await first.journal.close();
    const second = await Journal.open<{ n: number }>(path);
    expect(second.records).toEqual([{ n: 1 }, { n: 2 }]);
    await second.journal.append({ n: 3 });
    await second.journal.close();
    expect((await readJournal(path)).records).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('group-commits appends made in one turn of the event loop into one write', async () => {
    const path = join(dir, 'j.jsonl');
    const { journal } = await Journal.open<{ n: number }>(path);
    await Promise.all(Array.from({ length: 100 }, (_v, n) => journal.append({ n })));
    await journal.close();
    const text = await readFile(path, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(100);
  });

  it('cuts off a torn last line (no newline, or a bad checksum) and keeps appending after it', async () => {
    const path = join(dir, 'j.jsonl');
    const good = `${crc32('{"n":1}')} {"n":1}\n`;
    await writeFile(path, `${good}${crc32('{"n":2}')} {"n":`);
    const opened = await Journal.open<{ n: number }>(path);
    expect(opened.records).toEqual([{ n: 1 }]);
    await opened.journal.append({ n: 3 });
    await opened.journal.close();
    expect((await readJournal(path)).records).toEqual([{ n: 1 }, { n: 3 }]);

    await appendFile(path, `00000000 {"n":4}\n`);
    expect((await readJournal(path)).records).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('refuses a damaged line before the end, naming it, and deletes nothing', async () => {
    const path = join(dir, 'j.jsonl');
    const line = (n: number) => `${crc32(`{"n":${n}}`)} {"n":${n}}\n`;
    const text = `${line(1)}${line(2).replace('2}', '9}')}${line(3)}`;
    await writeFile(path, text);
    await expect(readJournal(path)).rejects.toThrow(JournalDamagedError);
    await expect(readJournal(path)).rejects.toThrow(/line 2 is damaged/);
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('loses no acknowledged record when the process is killed (-9) mid-write', async () => {
    const path = join(dir, 'crash.jsonl');
    const script = `
      const { Journal } = await import(${JSON.stringify(new URL('../../../src-main/core/bulk/journal.ts', import.meta.url).href)});
      const { journal } = await Journal.open(${JSON.stringify(path)});
      let n = 0;
      for (;;) {
        const batch = Array.from({ length: 20 }, () => ({ n: n++, pad: 'x'.repeat(200) }));
        await Promise.all(batch.map((r) => journal.append(r)));
        process.stdout.write(String(n - 1) + '\\n');
      }`;
    let acknowledged = -1;
    for (let round = 0; round < 2; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const lines = createInterface({ input: child.stdout! });
      await new Promise<void>((resolve) => {
        let seen = 0;
        lines.on('line', (l) => {
          acknowledged = Number(l);
          if (++seen === 50) {
            child.kill('SIGKILL');
            resolve();
          }
        });
      });
      await new Promise((resolve) => child.once('exit', resolve));
      const { records } = await readJournal<{ n: number }>(path);
      const numbers = records.map((r) => r.n);
      // Every acknowledged record is there; each run restarts numbering, so check the tail run.
      expect(numbers.lastIndexOf(acknowledged)).toBeGreaterThanOrEqual(0);
      const start = numbers.lastIndexOf(0);
      expect(numbers.slice(start, start + acknowledged + 1)).toEqual(
        Array.from({ length: acknowledged + 1 }, (_v, i) => i),
      );
    }
  }, 60_000);
});

describe('journal fuzz', () => {
  it('a journal cut at any byte reads back as a prefix of what was written', async () => {
    const fc = (await import('fast-check')).default;
    const path = join(dir, 'cut.jsonl');
    const records = Array.from({ length: 30 }, (_v, n) => ({ n, text: `é ${'x'.repeat(n)}` }));
    const full = records.map((r) => `${crc32(JSON.stringify(r))} ${JSON.stringify(r)}\n`).join('');
    const bytes = Buffer.from(full, 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length }), async (cut) => {
        await writeFile(path, bytes.subarray(0, cut));
        const { records: read } = await readJournal<{ n: number }>(path);
        expect(read).toEqual(records.slice(0, read.length));
        expect(read.length).toBe(bytes.subarray(0, cut).toString('utf8').split('\n').length - 1);
      }),
      { numRuns: 200 },
    );
  });
});
