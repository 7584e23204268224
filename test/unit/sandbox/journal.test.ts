import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

const { CorruptDataError, FileJournal } = await import('../../../src-sandbox/persistence');
type JournalRecord = import('../../../src-sandbox/store').JournalRecord;

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'journal-'));
  dirs.push(dir);
  return dir;
}

const record = (id: string): JournalRecord => ({ t: 'update', id, patch: { status: 'delivered' } });
const ids = (records: JournalRecord[]) => records.map((r) => (r as { id: string }).id);

/**
 * A journal over a list standing in for the store: each append is kept in the list (as the store
 * applies a change in memory), and a compaction snapshots the list.
 */
async function openHeld(dir: string, options: { compactAfterBytes?: number } = {}) {
  const opened = await FileJournal.open(dir, options);
  const held = [...opened.records];
  await opened.journal.start(() => [...held]);
  const append = (r: JournalRecord) => {
    held.push(r);
    return opened.journal.append(r);
  };
  return { ...opened, held, append };
}

describe('file journal', () => {
  it('commits every append made in one turn with one write, and reads them back in order', async () => {
    const dir = await tempDir();
    const { journal, append } = await openHeld(dir);
    await Promise.all(['a', 'b', 'c'].map((id) => append(record(id))));
    await journal.close();
    const reopened = await FileJournal.open(dir);
    expect(ids(reopened.records)).toEqual(['a', 'b', 'c']);
    expect(reopened.recovery).toBeNull();
  });

  it('rejects the appends of a write the disk refused, cuts off the partial line, and keeps going', async () => {
    const dir = await tempDir();
    const { journal } = await openHeld(dir);
    await journal.append(record('before'));
    failNext.bytes = 10; // ten bytes land, then the disk is full
    await expect(journal.append(record('lost'))).rejects.toThrow(/ENOSPC/);
    await journal.append(record('after'));
    const text = await readFile(join(dir, 'journal.1.jsonl'), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    // Without the cut, the torn line would sit mid-file and stop the next start.
    const reopened = await FileJournal.open(dir);
    expect(ids(reopened.records)).toEqual(['before', 'after']);
    await journal.close();
  });

  it('keeps every append made while a compaction writes the snapshot', async () => {
    const dir = await tempDir();
    const { journal, append, held } = await openHeld(dir);
    for (let i = 0; i < 3000; i++) held.push(record(`old-${i}`));
    const during: Promise<void>[] = [];
    const compaction = journal.compact();
    // The snapshot is written in batches, yielding between them: these land in the next journal.
    for (let i = 0; i < 50; i++) {
      during.push(append(record(`during-${i}`)));
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all([compaction, ...during]);
    // The appends really did land while the snapshot was being written.
    expect(await readFile(join(dir, 'snapshot.jsonl'), 'utf8')).not.toContain('during-49');
    // A crash now (no clean close): the folder alone must hold all of it, in order.
    const reopened = await FileJournal.open(dir);
    expect(ids(reopened.records)).toEqual(ids(held));
    expect(await readdir(dir)).not.toContain('journal.1.jsonl');
    await journal.close();
  });

  it('compacts by itself once the journal passes its size limit', async () => {
    const dir = await tempDir();
    const { journal, append } = await openHeld(dir, { compactAfterBytes: 2000 });
    for (let i = 0; i < 200; i++) await append(record(`n-${i}`));
    await journal.compact();
    const names = (await readdir(dir)).filter((n) => n.startsWith('journal.'));
    expect(names).toHaveLength(1);
    expect(Number(/journal\.(\d+)\.jsonl/.exec(names[0]!)![1])).toBeGreaterThan(2);
    expect(ids((await FileJournal.open(dir)).records)).toEqual(
      Array.from({ length: 200 }, (_, i) => `n-${i}`),
    );
    await journal.close();
  });

  it('skips a journal the snapshot already holds (a crash between the snapshot and the clean-up)', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'snapshot.jsonl'),
      `{"t":"snapshot","covers":3}\n${JSON.stringify(record('s'))}\n`,
    );
    await writeFile(join(dir, 'journal.3.jsonl'), `${JSON.stringify(record('stale'))}\n`);
    await writeFile(join(dir, 'journal.4.jsonl'), `${JSON.stringify(record('live'))}\n`);
    const opened = await FileJournal.open(dir);
    expect(ids(opened.records)).toEqual(['s', 'live']);
  });

  it('reads a folder from before numbered journals, then moves it to the new layout', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'snapshot.jsonl'), `${JSON.stringify(record('s'))}\n`);
    await writeFile(join(dir, 'journal.jsonl'), `${JSON.stringify(record('j'))}\n`);
    const { journal, records } = await openHeld(dir);
    expect(ids(records)).toEqual(['s', 'j']);
    expect((await readdir(dir)).sort()).toEqual(['journal.1.jsonl', 'snapshot.jsonl']);
    await journal.close();
    expect(ids((await FileJournal.open(dir)).records)).toEqual(['s', 'j']);
  });

  it('sets a torn last line aside in a file of its own and says so', async () => {
    const dir = await tempDir();
    const { journal, append } = await openHeld(dir);
    await append(record('kept'));
    await appendFile(join(dir, 'journal.1.jsonl'), '{"t":"update","id":"to');
    // No clean close: the process "died" mid-write.
    const opened = await FileJournal.open(dir);
    expect(ids(opened.records)).toEqual(['kept']);
    expect(opened.recovery).not.toBeNull();
    const [damage] = opened.recovery!.damaged;
    expect(damage!.file).toBe(join(dir, 'journal.1.jsonl'));
    expect(damage!.bytes).toBe(Buffer.byteLength('{"t":"update","id":"to'));
    expect(await readFile(damage!.savedTo, 'utf8')).toBe('{"t":"update","id":"to');
    expect(opened.recovery!.recordsRecovered).toBe(1);
    expect(opened.recovery!.message).toContain(damage!.savedTo);
    await journal.close();
  });

  it('refuses to start on damage before the last line, and deletes nothing', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'journal.2.jsonl'), `garbage\n${JSON.stringify(record('x'))}\n`);
    await expect(FileJournal.open(dir)).rejects.toThrow(CorruptDataError);
    await expect(FileJournal.open(dir)).rejects.toThrow(/journal\.2\.jsonl line 1 is damaged/);
    expect(await readFile(join(dir, 'journal.2.jsonl'), 'utf8')).toContain('garbage');
  });

  it('closes once however often close() is called, and refuses appends afterwards', async () => {
    const dir = await tempDir();
    const { journal, append } = await openHeld(dir);
    await append(record('a'));
    await Promise.all([journal.close(), journal.close(), journal.close()]);
    await expect(journal.append(record('late'))).rejects.toThrow(/closed/);
    expect(ids((await FileJournal.open(dir)).records)).toEqual(['a']);
  });
});
