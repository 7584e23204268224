/**
 * The archive's errors: each says what happened and what the user can do, and none carries a
 * recipient, a reference, a key or a record (they reach the renderer through the RPC layer).
 */
import { CoreError } from '../ports';

/** The vault is locked, so the archive cannot read or write until it is unlocked. */
export class ArchiveLockedError extends CoreError {
  override name = 'ArchiveLockedError';
  constructor() {
    super(
      'archive_locked',
      'The notification archive is locked because your vault is locked. Unlock it with your passphrase to search or add to the archive.',
    );
  }
}

/**
 * The archive file could not be used as it is (cut short, not a database, unreadable with this
 * vault's key, or failing SQLite's checks). It has been renamed, never deleted, so it can be
 * inspected or restored. A new, empty archive starts only when the user asks for one.
 */
export class ArchiveDamagedError extends CoreError {
  override name = 'ArchiveDamagedError';
  constructor(
    readonly reason: string,
    readonly movedTo: string | null,
    options?: { cause?: unknown },
  ) {
    super(
      'archive_damaged',
      movedTo
        ? `The notification archive could not be opened: ${reason}. It was moved aside to ${movedTo} (nothing was deleted). Start a new archive on the Archive screen; profiles then opt in again.`
        : `The notification archive could not be opened: ${reason}. It could not be moved aside either, so it was left where it is; nothing was deleted.`,
      { reason, movedTo },
      options,
    );
  }
}

/** The archive was written by a newer Notify Console: left untouched, never downgraded. */
export class ArchiveTooNewError extends CoreError {
  override name = 'ArchiveTooNewError';
  constructor(found: number, known: number) {
    super(
      'archive_too_new',
      `The notification archive was written by a newer version of Notify Console (schema ${found}; this version knows up to ${known}). Update Notify Console to open it; the file was left as it is.`,
      { found, known },
    );
  }
}

/** A request to the archive that cannot be carried out as given (a bad query, an oversized record). */
export class ArchiveInputError extends CoreError {
  override name = 'ArchiveInputError';
  constructor(message: string, details?: Record<string, string | number | boolean | null>) {
    super('archive_input', message, details);
  }
}

/** The archive was closed (the app is quitting, or it was moved aside after damage). */
export class ArchiveClosedError extends CoreError {
  override name = 'ArchiveClosedError';
  constructor() {
    super('archive_closed', 'The notification archive is closed. Open it again to use it.');
  }
}
