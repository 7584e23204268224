import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// writeSync is wrapped so a test can make the disk "fill up" half-way through a write.
const failNext = vi.hoisted(() => ({ bytes: -1 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    writeSync: (fd: number, buf: Uint8Array, off: number, len: number) => {
      if (failNext.bytes > 0) {
        // A short write, then the disk is full.
        const wrote = fs.writeSync(fd, buf, off, Math.min(len, failNext.bytes));
        failNext.bytes = 0;
        return wrote;
      }
      if (failNext.bytes === 0) {
        failNext.bytes = -1;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return fs.writeSync(fd, buf, off, len);
    },
  };
});

const { FileJournal } = await import('../../../src-sandbox/persistence');
type JournalRecord = import('../../../src-sandbox/store').JournalRecord;

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const record = (id: string): JournalRecord => ({ t: 'update', id, patch: { status: 'delivered' } });

describe('file journal', () => {
  it('commits every append made in one turn with one write, and reads them back in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    dirs.push(dir);
    const { journal } = await FileJournal.open(dir);
    await Promise.all(['a', 'b', 'c'].map((id) => journal.append(record(id))));
    await journal.close();
    const reopened = await FileJournal.open(dir);
    expect(reopened.records.map((r) => (r as { id: string }).id)).toEqual(['a', 'b', 'c']);
    await reopened.journal.close();
  });

  it('rejects the appends of a write the disk refused, cuts off the partial line, and keeps going', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    dirs.push(dir);
    const { journal } = await FileJournal.open(dir);
    await journal.append(record('before'));
    failNext.bytes = 10; // ten bytes land, then the disk is full
    await expect(journal.append(record('lost'))).rejects.toThrow(/ENOSPC/);
    await journal.append(record('after'));
    await journal.close();
    const text = await readFile(join(dir, 'journal.jsonl'), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    // Without the cut, the torn line would sit mid-file and stop the next start.
    const reopened = await FileJournal.open(dir);
    expect(reopened.records.map((r) => (r as { id: string }).id)).toEqual(['before', 'after']);
    await reopened.journal.close();
  });
});
