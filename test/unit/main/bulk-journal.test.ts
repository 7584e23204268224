import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src-main/core/bulk/journal';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bulk-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Appends records through the journal, as the batch runner does, and closes it. */
async function write(path: string, records: unknown[]): Promise<void> {
  const { journal } = await Journal.open(path);
  await Promise.all(records.map((r) => journal.append(r)));
  await journal.close();
}

/** The records a journal holds, as reopening a batch reads them (a torn tail is cut off). */
async function read<T>(path: string): Promise<T[]> {
  const { journal, records } = await Journal.open<T>(path);
  await journal.close();
  return records;
}

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
    expect(await read(path)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('writes each record as the CRC-32 (IEEE) of its JSON in 8 hex digits, a space and the JSON, one a line', async () => {
    const path = join(dir, 'j.jsonl');
    const records = [{ n: 1 }, { text: 'é “quoted” 😀' }];
    await write(path, records);
    const expected = records.map((r) => {
      const json = JSON.stringify(r);
      return `${crc32(Buffer.from(json, 'utf8')).toString(16).padStart(8, '0')} ${json}\n`;
    });
    expect(await readFile(path, 'utf8')).toBe(expected.join(''));
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
    await write(path, [{ n: 1 }, { n: 2 }]);
    const whole = await readFile(path, 'utf8');
    // The second line cut short, as a crash mid-write leaves it.
    await writeFile(path, whole.slice(0, whole.length - 3));
    const opened = await Journal.open<{ n: number }>(path);
    expect(opened.records).toEqual([{ n: 1 }]);
    await opened.journal.append({ n: 3 });
    await opened.journal.close();
    expect(await read(path)).toEqual([{ n: 1 }, { n: 3 }]);

    await appendFile(path, `00000000 {"n":4}\n`);
    expect(await read(path)).toEqual([{ n: 1 }, { n: 3 }]);

    // A whole last line whose JSON no longer matches its checksum (one byte changed).
    await write(path, [{ n: 5 }]);
    await writeFile(path, (await readFile(path, 'utf8')).replace('{"n":5}', '{"n":6}'));
    expect(await read(path)).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('refuses a damaged line before the end, naming it, and deletes nothing', async () => {
    const path = join(dir, 'j.jsonl');
    await write(path, [{ n: 1 }, { n: 2 }, { n: 3 }]);
    // One byte changed in the middle line: its checksum no longer matches.
    const text = (await readFile(path, 'utf8')).replace('{"n":2}', '{"n":9}');
    await writeFile(path, text);
    await expect(Journal.open(path)).rejects.toMatchObject({
      name: 'JournalDamagedError',
      message: expect.stringMatching(/line 2 is damaged, .*Nothing has been deleted/),
    });
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
      const numbers = (await read<{ n: number }>(path)).map((r) => r.n);
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
    const fullPath = join(dir, 'full.jsonl');
    await write(fullPath, records);
    const bytes = await readFile(fullPath);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length }), async (cut) => {
        await writeFile(path, bytes.subarray(0, cut));
        const got = await read<{ n: number }>(path);
        expect(got).toEqual(records.slice(0, got.length));
        expect(got.length).toBe(bytes.subarray(0, cut).toString('utf8').split('\n').length - 1);
      }),
      { numRuns: 200 },
    );
  });
});
