/**
 * The console's settings file: a {@link KeyValueStore} kept as one JSON object on disk.
 *
 * Every write replaces the whole file atomically (temp file, fsync, rename, fsync of the folder), so
 * a crash leaves either the old file or the new one, never half of each. The file is private to the
 * user (0600). A file that cannot be read as a JSON object is moved aside to `<name>.corrupt-<time>`
 * and reported; it is never deleted and never silently replaced.
 */
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  silentLogger,
  systemClock,
  type Clock,
  type JsonValue,
  type KeyValueStore,
  type Logger,
} from '../ports';

type Entries = Record<string, JsonValue>;

/** What happened to a settings file that could not be read. */
export interface StoreRecovery {
  /** Where the unreadable file now is, untouched. */
  backupPath: string;
  /** Why it could not be read, in words for the user. */
  reason: string;
}

export interface JsonFileStoreOptions {
  clock?: Clock;
  logger?: Logger;
}

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const isWindows = process.platform === 'win32';

/**
 * A {@link KeyValueStore} backed by a JSON file, written atomically with mode 0600.
 *
 * Writes are queued and applied in order; readers see only what is already on disk, so a failed
 * write leaves both the file and the in-memory state as they were.
 */
export class JsonFileStore implements KeyValueStore {
  private data: Entries;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    data: Entries,
    /** Set when the file was unreadable at open and has been moved aside; null otherwise. */
    readonly recovered: StoreRecovery | null,
    private readonly logger: Logger,
  ) {
    this.data = data;
  }

  /**
   * Opens (or starts) the store at `path`.
   *
   * Creates the folder (0700) when missing. An unreadable file is renamed to
   * `<name>.corrupt-<timestamp>` and the store starts empty, with `recovered` saying where the old
   * file went. Errors other than "missing" or "unreadable content" (permissions, a folder in the
   * way) are thrown: they need a person, not a fresh start.
   */
  static async open(path: string, options: JsonFileStoreOptions = {}): Promise<JsonFileStore> {
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? silentLogger;
    await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });

    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return new JsonFileStore(path, {}, null, logger);
      throw err;
    }

    const problem = checkContent(text);
    if (typeof problem !== 'string') {
      await tightenMode(path);
      return new JsonFileStore(path, problem, null, logger);
    }
    const backupPath = await freeBackupPath(path, clock.now());
    await rename(path, backupPath);
    await syncDir(dirname(path), logger);
    const recovered: StoreRecovery = { backupPath, reason: problem };
    logger.warn('settings file was unreadable; moved it aside and started empty', {
      file: basename(path),
      backup: basename(backupPath),
      reason: problem,
    });
    return new JsonFileStore(path, {}, recovered, logger);
  }

  get(key: string): JsonValue | undefined {
    const value = Object.hasOwn(this.data, key) ? this.data[key] : undefined;
    return value === undefined ? undefined : structuredClone(value);
  }

  keys(): string[] {
    return Object.keys(this.data);
  }

  set(key: string, value: JsonValue): Promise<void> {
    return this.setMany({ [key]: value });
  }

  delete(key: string): Promise<void> {
    return this.setMany({ [key]: undefined });
  }

  async setMany(entries: Readonly<Record<string, JsonValue | undefined>>): Promise<void> {
    // Copy now so later mutation by the caller cannot change what gets written.
    const changes = structuredClone(entries);
    await this.enqueue(async () => {
      const next = applyChanges(this.data, changes);
      await writeAtomically(this.path, `${JSON.stringify(next, null, 2)}\n`, this.logger);
      this.data = next;
    });
  }

  /** Resolves when every write queued so far has finished (successfully or not). */
  async flush(): Promise<void> {
    await this.queue;
  }

  private enqueue(fn: () => Promise<void>): Promise<void> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * A {@link KeyValueStore} in memory, for tests and for hosts that persist nothing.
 *
 * Follows the same contract as {@link JsonFileStore}, including atomic `setMany` and copies on read.
 */
export class MemoryStore implements KeyValueStore {
  private data: Entries;

  constructor(initial: Readonly<Record<string, JsonValue>> = {}) {
    this.data = structuredClone({ ...initial });
  }

  get(key: string): JsonValue | undefined {
    const value = Object.hasOwn(this.data, key) ? this.data[key] : undefined;
    return value === undefined ? undefined : structuredClone(value);
  }

  keys(): string[] {
    return Object.keys(this.data);
  }

  async set(key: string, value: JsonValue): Promise<void> {
    await this.setMany({ [key]: value });
  }

  async delete(key: string): Promise<void> {
    await this.setMany({ [key]: undefined });
  }

  async setMany(entries: Readonly<Record<string, JsonValue | undefined>>): Promise<void> {
    // Serialising proves the values are JSON, exactly as the file store would find out.
    this.data = JSON.parse(JSON.stringify(applyChanges(this.data, structuredClone(entries)))) as Entries;
  }
}

function applyChanges(current: Entries, changes: Record<string, JsonValue | undefined>): Entries {
  const merged = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) merged.delete(key);
    else merged.set(key, value);
  }
  const next: Entries = {};
  for (const [key, value] of merged) {
    // defineProperty, not assignment: a key named `__proto__` must stay a plain entry.
    Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return next;
}

/** The parsed object, or why the text is not one. */
function checkContent(text: string): Entries | string {
  // A BOM is what Windows editors add; it is not damage.
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (body.trim() === '') return 'the file was empty';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'the file is not valid JSON';
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return 'the file does not hold a JSON object';
  }
  return parsed as Entries;
}

async function writeAtomically(path: string, text: string, logger: Logger): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let renamed = false;
  try {
    const fh = await open(tmp, 'wx', FILE_MODE);
    try {
      // The mode given to open() is filtered by the umask; set it outright so it is exactly 0600.
      if (!isWindows) await fh.chmod(FILE_MODE);
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
    renamed = true;
  } finally {
    if (!renamed) await unlink(tmp).catch(() => undefined);
  }
  // After the rename the new file is in place; syncing the folder makes the rename itself durable.
  await syncDir(dirname(path), logger);
}

async function syncDir(dir: string, logger: Logger): Promise<void> {
  // Windows cannot open a folder for fsync, and NTFS journals renames anyway.
  if (isWindows) return;
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (err) {
    // The data is already written and renamed; failing here would leave memory and disk disagreeing.
    logger.warn('could not fsync the settings folder', {
      error: err instanceof Error ? err.message : String(err),
    });
  }
}

async function freeBackupPath(path: string, now: number): Promise<string> {
  // No ':' in the name: Windows forbids it in file names.
  const stamp = new Date(now).toISOString().replace(/:/g, '');
  const base = `${path}.corrupt-${stamp}`;
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}-${n}`;
    try {
      await lstat(candidate);
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return candidate;
      throw err;
    }
  }
}

async function tightenMode(path: string): Promise<void> {
  if (isWindows) return;
  // A file written by an older version, or copied in by hand, may be readable by others.
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) await chmod(path, FILE_MODE);
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === code;
}
