/**
 * An append-only journal of JSON lines, synced to disk before an append resolves (group commit).
 *
 * Why a journal rather than SQLite: a batch's state is a sequence of row transitions that is only
 * ever appended to and read back whole on resume; a fsync'd line is exactly the durability the
 * exactly-once argument needs ("in flight" is on disk before the POST), with no native module to
 * build for Electron's ABI and no schema to migrate. Every append made in the same turn of the event
 * loop shares one write and one `fdatasync`, so 16 concurrent sends cost one sync, not 32.
 *
 * Each line ends in `\n` and carries a CRC-32 of its JSON (`<crc8hex> <json>`). A last line that is
 * torn (no newline, or a bad checksum) had not been acknowledged: it is cut off on open. Damage anywhere
 * else stops the open with the line number, and nothing is deleted.
 */
import { fdatasyncSync, ftruncateSync, writeSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';

/** A line before the last is damaged: the batch cannot be resumed safely, and nothing is deleted. */
class JournalDamagedError extends Error {
  override name = 'JournalDamagedError';
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of a string's UTF-8 bytes, as 8 hex digits. */
function crc32(text: string): string {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

function encode(record: unknown): string {
  const json = JSON.stringify(record);
  return `${crc32(json)} ${json}\n`;
}

function decode(line: string): unknown {
  const space = line.indexOf(' ');
  if (space !== 8) throw new Error('no checksum');
  const json = line.slice(9);
  if (crc32(json) !== line.slice(0, 8)) throw new Error('checksum mismatch');
  return JSON.parse(json);
}

/**
 * Reads a journal's records. A torn last line is dropped (and `validBytes` says where the good part
 * ends); a damaged line elsewhere throws {@link JournalDamagedError}. A missing file reads as empty.
 */
async function readJournal<T>(path: string): Promise<{ records: T[]; validBytes: number }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], validBytes: 0 };
    throw err;
  }
  const records: T[] = [];
  let offset = 0;
  let lineNo = 0;
  while (offset < text.length) {
    lineNo++;
    const end = text.indexOf('\n', offset);
    const last = end === -1 || text.slice(end + 1).trim() === '';
    const line = end === -1 ? text.slice(offset) : text.slice(offset, end);
    try {
      if (end === -1) throw new Error('torn');
      records.push(decode(line) as T);
    } catch {
      if (last) break;
      throw new JournalDamagedError(
        `${path} line ${lineNo} is damaged, so this batch cannot be resumed safely. Nothing has been deleted: keep the folder for support.`,
      );
    }
    offset = end + 1;
  }
  return { records, validBytes: Buffer.byteLength(text.slice(0, offset), 'utf8') };
}

/** Writes every byte, looping over short writes. */
function writeAll(fd: number, bytes: Buffer): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** An open journal; appends resolve once their line is on disk. */
export class Journal<T> {
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private scheduled = false;
  private closed = false;

  private constructor(
    private readonly fh: FileHandle,
    /** Bytes of whole lines: a failed write is cut back to this. */
    private size: number,
  ) {}

  /** Opens a journal for appending, cutting off a torn tail first; returns the records it held. */
  static async open<T>(path: string): Promise<{ journal: Journal<T>; records: T[] }> {
    const { records, validBytes } = await readJournal<T>(path);
    const fh = await open(path, 'a+', 0o600);
    const { size } = await fh.stat();
    if (size > validBytes) {
      await fh.truncate(validBytes);
      await fh.datasync();
    }
    return { journal: new Journal<T>(fh, validBytes), records };
  }

  /** Appends a record; resolves when it (and everything appended before it) is durable. */
  append(record: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The batch journal is closed'));
    this.pending.push(encode(record));
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Writes and syncs everything appended since the last flush. A few kilobytes and one sync take
   * well under a millisecond on an SSD, less than two round trips through the thread pool.
   */
  private flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    try {
      writeAll(this.fh.fd, bytes);
      fdatasyncSync(this.fh.fd);
      this.size += bytes.length;
      for (const w of waiters) w.resolve();
    } catch (err) {
      try {
        // A full disk can leave part of a line: cut it off so later lines stay readable.
        ftruncateSync(this.fh.fd, this.size);
      } catch {
        // The next open reports the damage with its line number.
      }
      for (const w of waiters) w.reject(err);
    }
  }

  /** Flushes what is pending and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    await this.fh.close();
  }
}
