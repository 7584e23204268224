/**
 * The console's settings file (`settings.json`): a {@link KeyValueStore} on conf, electron-store's
 * engine, as the design card asks (electron-store itself in the Electron shell, which passes it in).
 *
 * conf brings the file's schema validation (./settings-schema.ts: on open and on every write),
 * its migrations (run once per version, recorded in the file) and atomic writes (a temporary file,
 * fsynced, renamed over the old one). Around it this store keeps what conf does not:
 * - reads come from memory: conf reads and parses the whole file on every `get`;
 * - `setMany` is one write of the whole object, so it is atomic as the port promises (conf's own
 *   `set` of several keys is too, but its `delete` is a separate write);
 * - the folder is fsynced after each rename (conf syncs the file, not the folder), so the rename
 *   itself survives a power cut;
 * - writes are queued, so they land in order and a failed one leaves memory and disk as they were;
 * - a file that is empty, not JSON, not an object or outside the schema is moved aside to
 *   `<name>.corrupt-<time>` and reported ({@link SettingsStore.recovered}); conf would throw, or
 *   with `clearInvalidConfig` start afresh without a word;
 * - the file and its folder are private to the user (0600, 0700), a Windows editor's byte order
 *   mark is not damage.
 * conf's writes are synchronous (fsync included): a settings write blocks the event loop for the
 * time the disk takes, a few milliseconds; settings change rarely (docs/architecture.md).
 */
import Conf, { type Options } from 'conf';
import { chmod, lstat, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import {
  silentLogger,
  systemClock,
  type Clock,
  type JsonValue,
  type KeyValueStore,
  type Logger,
} from '../ports';
import { applyChanges, type Entries } from './store-entries';
import { SETTINGS_MIGRATIONS, SETTINGS_SCHEMA } from './settings-schema';

/** What happened to a settings file that could not be read. */
export interface StoreRecovery {
  /** Where the unreadable file now is, untouched. */
  backupPath: string;
  /** Why it could not be read, in words for the user. */
  reason: string;
}

/** The part of conf (and electron-store, its subclass) this store uses. */
interface SettingsEngine {
  /** Reading parses the file; assigning validates and writes it atomically. */
  store: Record<string, unknown>;
}

type SettingsEngineOptions = Options<Record<string, unknown>> & {
  cwd: string;
  configName: string;
  projectVersion: string;
};

/** Builds the engine: conf by default; the Electron shell passes electron-store. */
export type SettingsEngineFactory = (options: SettingsEngineOptions) => SettingsEngine;

const confEngine: SettingsEngineFactory = (options) => new Conf(options);

export interface SettingsStoreOptions {
  /** The console's version (package.json): conf runs the migrations up to it. */
  version: string;
  engine?: SettingsEngineFactory;
  clock?: Clock;
  logger?: Logger;
}

/** conf's own bookkeeping entry (the migrations' version): kept in the file, hidden from callers. */
const INTERNAL_KEY = '__internal__';
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const isWindows = process.platform === 'win32';

export class SettingsStore implements KeyValueStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly engine: SettingsEngine,
    private data: Entries,
    private internal: JsonValue | undefined,
    /** Set when the file was unreadable at open and has been moved aside; null otherwise. */
    readonly recovered: StoreRecovery | null,
    private readonly logger: Logger,
  ) {}

  /**
   * Opens (or starts) the store at `path`: creates the folder (0700) when missing, moves an
   * unreadable file aside and starts empty (saying so in `recovered`), runs conf's migrations.
   * Errors that need a person (permissions, a folder in the way, a failed migration) are thrown.
   */
  static async open(path: string, options: SettingsStoreOptions): Promise<SettingsStore> {
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? silentLogger;
    const engineFor = options.engine ?? confEngine;
    await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });

    let recovered: StoreRecovery | null = null;
    const original = await readIfThere(path);
    const problem = original === null ? null : contentProblem(original.toString('utf8'));
    if (problem !== null) recovered = await moveAside(path, problem, clock, logger);

    const make = () =>
      engineFor({
        cwd: dirname(path),
        configName: basename(path, extname(path)),
        fileExtension: extname(path).slice(1),
        projectName: 'notify-console',
        projectVersion: options.version,
        schema: SETTINGS_SCHEMA,
        migrations: SETTINGS_MIGRATIONS,
        accessPropertiesByDotNotation: false,
        clearInvalidConfig: false,
        configFileMode: FILE_MODE,
        serialize: (value) => `${JSON.stringify(value, null, 2)}\n`,
        deserialize: (text) =>
          JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text) as Record<string, unknown>,
      });
    let engine: SettingsEngine;
    try {
      engine = make();
    } catch (err) {
      const violation = schemaViolation(err);
      if (violation === null || recovered !== null || original === null) throw err;
      // conf may have run its migrations on the file before refusing it: keep the bytes as they were.
      recovered = await setAside(path, original, violation, clock, logger);
      engine = make();
    }
    await tightenMode(path);
    await syncDir(dirname(path), logger);
    const { [INTERNAL_KEY]: internal, ...data } = engine.store;
    return new SettingsStore(path, engine, data as Entries, internal as JsonValue, recovered, logger);
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
    if (Object.hasOwn(entries, INTERNAL_KEY)) throw new Error(`"${INTERNAL_KEY}" is conf's own entry.`);
    // Copy now so later mutation by the caller cannot change what gets written.
    const changes = structuredClone(entries);
    await this.enqueue(async () => {
      const next = applyChanges(this.data, changes);
      // A round trip through JSON refuses what a file cannot hold, before anything is written.
      const whole = JSON.parse(JSON.stringify(next)) as Record<string, unknown>;
      if (this.internal !== undefined) whole[INTERNAL_KEY] = this.internal;
      this.engine.store = whole;
      this.data = next;
      await syncDir(dirname(this.path), this.logger);
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

async function readIfThere(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return null;
    throw err;
  }
}

/** Why `text` cannot be read as settings, or null. */
function contentProblem(text: string): string | null {
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
  return null;
}

/** conf's "Config schema violation: `x` must be …" in words, or null for any other error. */
function schemaViolation(err: unknown): string | null {
  const message = err instanceof Error ? err.message : '';
  const prefix = 'Config schema violation: ';
  if (!message.startsWith(prefix)) return null;
  return `the file does not have the layout of the console's settings (${message.slice(prefix.length)})`;
}

async function moveAside(path: string, reason: string, clock: Clock, logger: Logger): Promise<StoreRecovery> {
  const backupPath = await freeBackupPath(path, clock.now());
  await rename(path, backupPath);
  await syncDir(dirname(path), logger);
  logger.warn('settings file was unreadable; moved it aside and started empty', {
    file: basename(path),
    backup: basename(backupPath),
    reason,
  });
  return { backupPath, reason };
}

/** Like {@link moveAside}, but the backup holds `original`, the bytes read before conf touched the file. */
async function setAside(
  path: string,
  original: Buffer,
  reason: string,
  clock: Clock,
  logger: Logger,
): Promise<StoreRecovery> {
  const backupPath = await freeBackupPath(path, clock.now());
  await writeFile(backupPath, original, { flag: 'wx', mode: FILE_MODE });
  await unlink(path);
  await syncDir(dirname(path), logger);
  logger.warn('settings file was unreadable; moved it aside and started empty', {
    file: basename(path),
    backup: basename(backupPath),
    reason,
  });
  return { backupPath, reason };
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
  try {
    const { mode } = await stat(path);
    if ((mode & 0o077) !== 0) await chmod(path, FILE_MODE);
  } catch (err) {
    if (!isErrno(err, 'ENOENT')) throw err;
  }
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === code;
}
