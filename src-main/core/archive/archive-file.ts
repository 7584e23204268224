/**
 * The archive file in the console's data folder, and its state: not there yet, locked with the
 * vault, open, damaged (moved aside) or written by a newer console.
 *
 * The file is opened once the vault is unlocked (its data key is wrapped by the vault), and the key
 * is unwrapped at once, so an archive this vault cannot read is reported on unlock rather than on
 * the first search. Damage, found on open or in use, is remembered in a small note beside the file
 * (`archive.damaged.json`) until the user starts a new archive: a restart shows the same report,
 * and nothing recreates the archive behind the user's back.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../ports';
import { ArchiveStore } from './archive-store';
import { ArchiveDamagedError, ArchiveLockedError, ArchiveTooNewError } from './errors';
import type { ArchiveClock, ArchiveVault } from './ports';

const ARCHIVE_FILE_NAME = 'archive.sqlite';
const DAMAGE_NOTE = 'archive.damaged.json';

type ArchiveProblem = ArchiveDamagedError | ArchiveTooNewError;

/** The vault as the archive file needs it; `isInitialised` tells "set a passphrase" from "unlock". */
type FileVault = ArchiveVault & { isInitialised?: () => boolean };

const damageNote = z.object({ reason: z.string().max(2000), movedTo: z.string().max(4096).nullable() });

export class ArchiveFile {
  readonly path: string;
  private readonly notePath: string;
  private store: ArchiveStore | null = null;
  private problem: ArchiveProblem | null;
  private opening: Promise<ArchiveStore | null> | null = null;

  constructor(
    dataDir: string,
    private readonly vault: FileVault,
    private readonly clock: ArchiveClock,
    private readonly logger: Logger,
    /** Called whenever the state may have changed (opened, damaged, locked, started anew). */
    private readonly changed: () => void,
  ) {
    this.path = join(dataDir, ARCHIVE_FILE_NAME);
    this.notePath = join(dataDir, DAMAGE_NOTE);
    this.problem = this.readNote();
  }

  /** The reason the archive cannot be used (damaged, too new), or null. */
  currentProblem(): ArchiveProblem | null {
    return this.problem;
  }

  /** The open archive, or null; never opens one (captures use this, so a lookup never creates a file). */
  current(): ArchiveStore | null {
    return this.problem || !this.store || this.store.isLocked() ? null : this.store;
  }

  exists(): boolean {
    try {
      return statSync(this.path).size > 0;
    } catch {
      return false;
    }
  }

  isVaultLocked(): boolean {
    return this.vault.isLocked();
  }

  /** What to tell a user whose vault is locked (or has no passphrase yet). */
  lockedError(): ArchiveLockedError {
    const error = new ArchiveLockedError();
    if (this.vault.isInitialised?.() === false) {
      error.message =
        'The notification archive keeps its key in the key vault, which has no passphrase yet. Set one up on the Profiles screen to use the archive.';
    }
    return error;
  }

  /**
   * The archive, opened if it exists and the vault is unlocked; null when there is none yet (or,
   * with `create`, a new one). Throws the locked (when there is an archive, or one is to be
   * created), damaged or too-new error.
   */
  async ready(create = false): Promise<ArchiveStore | null> {
    if (this.problem) throw this.problem;
    // No archive yet: nothing to search, locked or not (only creating one needs the vault).
    if (!create && !this.store && !this.exists()) return null;
    if (this.vault.isLocked()) throw this.lockedError();
    if (this.store) return this.use(async (s) => (await s.unlockedKeys(), s));
    this.opening ??= this.open().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  /** Runs archive work; damage found meanwhile is recorded (the store has moved the file aside). */
  async use<T>(fn: (store: ArchiveStore) => Promise<T>, store: ArchiveStore | null = this.store): Promise<T> {
    if (!store) throw this.problem ?? this.lockedError();
    try {
      return await fn(store);
    } catch (err) {
      if (err instanceof ArchiveDamagedError) this.recordProblem(err);
      throw err;
    }
  }

  /** After damage: forgets the report and opens a new, empty archive (the vault must be unlocked). */
  async startNew(): Promise<ArchiveStore> {
    if (this.problem instanceof ArchiveTooNewError) throw this.problem;
    if (this.vault.isLocked()) throw this.lockedError();
    rmSync(this.notePath, { force: true });
    this.problem = null;
    const store = await this.ready(true);
    this.changed();
    return store!;
  }

  /**
   * The open archive for a passphrase change to re-wrap its key, opened without its keys if need be
   * (the vault may be locked while its passphrase changes); null when there is no usable archive.
   */
  forRewrap(): ArchiveStore | null {
    if (this.problem) return null;
    if (this.store) return this.store;
    if (!this.exists()) return null;
    try {
      this.store = this.openStore();
    } catch {
      return null; // Damaged or too new: recorded; there is nothing this vault could re-wrap.
    }
    return this.store;
  }

  /**
   * The vault locked: the archive is closed with its keys (reopened, and checked again, on unlock);
   * work under way fails with "closed" and nothing more is written.
   */
  locked(): void {
    this.store?.close();
    this.store = null;
    this.changed();
  }

  close(): void {
    this.store?.close();
    this.store = null;
  }

  private openStore(): ArchiveStore {
    try {
      return ArchiveStore.open({
        path: this.path,
        vault: this.vault,
        clock: this.clock,
        onDamaged: (err) => this.recordProblem(err),
      });
    } catch (err) {
      if (err instanceof ArchiveDamagedError || err instanceof ArchiveTooNewError) this.recordProblem(err);
      throw err;
    }
  }

  private async open(): Promise<ArchiveStore | null> {
    const store = this.openStore();
    try {
      await store.unlockedKeys();
    } catch (err) {
      if (err instanceof ArchiveDamagedError) this.recordProblem(err);
      else store.close();
      throw err;
    }
    this.store = store;
    this.logger.info('archive opened', { notifications: await store.count() });
    this.changed();
    return store;
  }

  private recordProblem(err: ArchiveProblem): void {
    if (this.problem === err) return;
    this.store?.close();
    this.store = null;
    this.problem = err;
    if (err instanceof ArchiveDamagedError) {
      this.logger.error('archive damaged', { movedTo: err.movedTo });
      const tmp = `${this.notePath}.tmp`;
      try {
        writeFileSync(tmp, JSON.stringify({ reason: err.reason, movedTo: err.movedTo }), { mode: 0o600 });
        renameSync(tmp, this.notePath);
      } catch {
        // The report still stands for this session; the file was moved aside whatever happens here.
      }
    }
    this.changed();
  }

  private readNote(): ArchiveDamagedError | null {
    if (!existsSync(this.notePath)) return null;
    try {
      const note = damageNote.parse(JSON.parse(readFileSync(this.notePath, 'utf8')));
      return new ArchiveDamagedError(note.reason, note.movedTo);
    } catch {
      return new ArchiveDamagedError('its damage report could not be read', null);
    }
  }
}
