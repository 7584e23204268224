/**
 * Durable state for a sandbox with a data folder: a snapshot plus numbered append-only journals.
 *
 * A notification is acknowledged only after its journal line is on disk (fdatasync). Lines are
 * group-committed: every append made in the same turn of the event loop shares one write and one
 * sync, which keeps durability cheap under load.
 *
 * Files: `snapshot.jsonl` starts with `{"t":"snapshot","covers":G}`: it holds everything in journals
 * numbered G or lower. Journals are `journal.<N>.jsonl` (a folder from before numbering has
 * `journal.jsonl`, number 0). Start-up replays the snapshot, then each journal numbered above G in
 * order. A compaction starts the next journal and switches appends to it in one synchronous step,
 * then writes the snapshot beside it (renamed into place, folder synced): whatever is appended while
 * the snapshot is written lands in the new journal, so a crash at any moment loses nothing acknowledged.
 *
 * A torn last line (a crash mid-write, never acknowledged) is set aside in `journal.damaged-<time>`
 * and reported; damage anywhere else stops start-up with the line number, and nothing is wiped.
 */
import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { mkdir, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Journal, JournalRecord } from './store';

export class CorruptDataError extends Error {
  override name = 'CorruptDataError';
}

/** What start-up found and set aside; shown by the CLI and (later) the console. */
export interface JournalRecovery {
  /** One sentence for a person: what was damaged, what was kept, where. */
  message: string;
  /** Records read back from the snapshot and journals. */
  recordsRecovered: number;
  /** Each journal whose last line was torn. */
  damaged: { file: string; bytes: number; savedTo: string }[];
}

const SNAPSHOT = 'snapshot.jsonl';
const SNAPSHOT_TMP = 'snapshot.jsonl.tmp';
const LEGACY_JOURNAL = 'journal.jsonl';
const JOURNAL_NAME = /^journal(?:\.(\d+))?\.jsonl$/;
/** Records serialised per write while a snapshot is written, so a big store never blocks for long. */
const SNAPSHOT_BATCH = 2000;
/** A journal this big is compacted into the snapshot in the background. */
const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

const journalFile = (gen: number) => (gen === 0 ? LEGACY_JOURNAL : `journal.${gen}.jsonl`);

interface OpenedJournal {
  journal: FileJournal;
  /** Snapshot then journals, in the order they must be replayed. */
  records: JournalRecord[];
  /** True when the folder held no state at all. */
  fresh: boolean;
  /** Set when a torn last line was set aside. */
  recovery: JournalRecovery | null;
}

export class FileJournal implements Journal {
  private pending: string[] = [];
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;
  /** The live journal's descriptor; -1 before `start()` and after `close()`. */
  private fd = -1;
  /** Bytes of whole lines in the live journal: a failed write is cut back to this. */
  private size = 0;
  private closed = false;
  /** Set by `start()`: before it, nothing is written (a compaction would snapshot an empty store). */
  private started = false;
  /** Compactions run one after another. */
  private queue: Promise<void> = Promise.resolve();
  private compacting = false;
  private snapshotOf: () => JournalRecord[] = () => [];

  private constructor(
    private readonly dir: string,
    /** The highest journal number on disk: the next one is `gen + 1`. */
    private gen: number,
    private readonly compactAfterBytes: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Opens (creating) the data folder and reads back every record it holds. Writes nothing but damage copies. */
  static async open(
    dir: string,
    options: { compactAfterBytes?: number; onError?: (err: unknown) => void } = {},
  ): Promise<OpenedJournal> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await unlink(join(dir, SNAPSHOT_TMP)).catch(() => undefined);
    const snapshot = await readLines(join(dir, SNAPSHOT), false);
    const covers = snapshot?.covers ?? -1;
    const gens = readdirSync(dir)
      .map((name) => JOURNAL_NAME.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => (m[1] === undefined ? 0 : Number(m[1])))
      .sort((a, b) => a - b);
    const records: JournalRecord[] = [...(snapshot?.records ?? [])];
    const damaged: JournalRecovery['damaged'] = [];
    for (const gen of gens) {
      if (gen <= covers) continue;
      const path = join(dir, journalFile(gen));
      const read = await readLines(path, true);
      if (!read) continue;
      records.push(...read.records);
      if (read.torn) {
        const savedTo = join(dir, `journal.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}-${gen}`);
        await writeFile(savedTo, read.torn, { mode: 0o600 });
        damaged.push({ file: path, bytes: read.torn.length, savedTo });
      }
    }
    const fresh = snapshot === null && gens.length === 0;
    const journal = new FileJournal(
      dir,
      Math.max(covers, ...gens, 0),
      options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES,
      options.onError ?? (() => undefined),
    );
    return {
      journal,
      records,
      fresh,
      recovery: damaged.length ? describeRecovery(records.length, damaged) : null,
    };
  }

  /**
   * Starts journaling: writes a snapshot of `snapshotOf()` (called now, and again at each compaction)
   * covering every journal on disk, and opens a fresh journal for appends.
   */
  async start(snapshotOf: () => JournalRecord[]): Promise<void> {
    this.snapshotOf = snapshotOf;
    this.started = true;
    await this.compact();
  }

  append(record: JournalRecord): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The sandbox journal is closed.'));
    this.pending.push(`${JSON.stringify(record)}\n`);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Writes and syncs everything appended since the last flush, on the event loop. Appending a few
   * kilobytes and syncing them takes about 0.1 ms on an SSD, less than handing the work to the
   * thread pool and back twice when the machine is busy; a slow disk holds other requests for the
   * length of one sync.
   */
  private flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const waiters = this.waiters;
    if (this.fd < 0) {
      // Only before `start()`: nothing may be acknowledged that is not on disk.
      this.pending = [];
      this.waiters = [];
      const err = new Error('The sandbox journal is not open.');
      for (const w of waiters) w.reject(err);
      return;
    }
    const lines = this.pending.join('');
    this.pending = [];
    this.waiters = [];
    try {
      this.size += writeAll(this.fd, lines);
      fdatasyncSync(this.fd);
      for (const w of waiters) w.resolve();
    } catch (err) {
      // A disk that filled up mid-write leaves part of a line: cut it off, so later lines stay readable.
      try {
        ftruncateSync(this.fd, this.size);
      } catch {
        // The next start reports the damage with its line number.
      }
      for (const w of waiters) w.reject(err);
    }
    if (this.size >= this.compactAfterBytes && !this.compacting && !this.closed)
      this.compact().catch(this.onError);
  }

  /**
   * Folds everything journaled so far into a new snapshot and starts the next journal. Safe while
   * requests append: see the file comment. Compactions queue behind one another.
   */
  compact(): Promise<void> {
    const run = this.queue.then(() => this.compactNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async compactNow(): Promise<void> {
    if (this.closed || !this.started) return;
    this.compacting = true;
    try {
      // One synchronous step: older appends go to the old journal, later ones to the new.
      this.flush();
      const covers = this.gen;
      const nextPath = join(this.dir, journalFile(covers + 1));
      // Append mode: after a failed write is cut back, the next write still lands at the end.
      const fd = openSync(nextPath, 'ax', 0o600);
      try {
        fdatasyncSync(fd);
        syncFolder(this.dir);
      } catch (err) {
        closeSync(fd);
        throw err;
      }
      if (this.fd >= 0) closeSync(this.fd);
      this.fd = fd;
      this.size = 0;
      this.gen = covers + 1;
      const records = this.snapshotOf();

      await writeSnapshot(this.dir, covers, records);
      // Journals the snapshot now holds are no longer needed.
      for (const name of readdirSync(this.dir)) {
        const m = JOURNAL_NAME.exec(name);
        const gen = m ? (m[1] === undefined ? 0 : Number(m[1])) : Infinity;
        if (gen <= covers) {
          try {
            unlinkSync(join(this.dir, name));
          } catch {
            // Left behind, it is skipped at the next start (the snapshot covers it).
          }
        }
      }
    } finally {
      this.compacting = false;
    }
  }

  /** Waits for everything appended so far to be durable. */
  async drain(): Promise<void> {
    this.flush();
  }

  /** Compacts once more and closes the journal; calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.compact();
    } finally {
      this.closed = true;
      this.flush();
      await this.queue;
      if (this.fd >= 0) closeSync(this.fd);
      this.fd = -1;
    }
  }
}

function describeRecovery(records: number, damaged: JournalRecovery['damaged']): JournalRecovery {
  const parts = damaged.map(
    (d) => `${d.file} ended in a torn line (${d.bytes} bytes, never acknowledged), kept in ${d.savedTo}`,
  );
  return {
    message: `The sandbox data folder was not closed cleanly: ${parts.join('; ')}. ${records} records were recovered.`,
    recordsRecovered: records,
    damaged,
  };
}

/** Writes the snapshot beside the live one, syncs it, renames it into place and syncs the folder. */
async function writeSnapshot(dir: string, covers: number, records: JournalRecord[]): Promise<void> {
  const tmp = join(dir, SNAPSHOT_TMP);
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.write(`${JSON.stringify({ t: 'snapshot', covers })}\n`);
    for (let i = 0; i < records.length; i += SNAPSHOT_BATCH) {
      let chunk = '';
      for (const r of records.slice(i, i + SNAPSHOT_BATCH)) chunk += `${JSON.stringify(r)}\n`;
      await fh.write(chunk);
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, SNAPSHOT));
  syncFolder(dir);
}

/**
 * fsync on the folder, so a new or renamed file's name is as durable as its bytes. Windows cannot open
 * a folder for this (its renames are durable once done).
 */
function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (err) {
    if (process.platform === 'win32') return;
    throw err;
  }
  try {
    fsyncSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw err;
  } finally {
    closeSync(fd);
  }
}

/** Writes every byte, looping over short writes. */
function writeAll(fd: number, text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
  return bytes.length;
}

interface ReadFile {
  records: JournalRecord[];
  /** From a snapshot's first line: the highest journal it holds. */
  covers?: number;
  /** The bytes of a torn last line, when there was one. */
  torn?: Buffer;
}

async function readLines(path: string, tolerateTornTail: boolean): Promise<ReadFile | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  const out: ReadFile = { records: [] };
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = offset;
    offset += Buffer.byteLength(line, 'utf8') + 1;
    if (line === '') continue;
    let record: JournalRecord | { t: 'snapshot'; covers: number };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      const isLast = i === lines.length - 1 || lines.slice(i + 1).every((l) => l === '');
      if (tolerateTornTail && isLast) {
        out.torn = bytes.subarray(start);
        break;
      }
      throw new CorruptDataError(
        `${path} line ${i + 1} is damaged; the sandbox will not start on it. Move the folder aside (nothing has been deleted) or start with another --data folder.`,
      );
    }
    if (record.t === 'snapshot') {
      if (i === 0) out.covers = Number(record.covers);
      continue;
    }
    out.records.push(record);
  }
  return out;
}
