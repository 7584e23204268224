/**
 * Holds the archive's unwrapped keys while the vault is unlocked, and only then.
 *
 * Every archive operation asks {@link KeyHolder.require} first: if the vault has been locked since,
 * the keys are zeroed and dropped and the operation fails with {@link ArchiveLockedError}; after an
 * unlock the data key is unwrapped again by the vault. The first use of a new archive creates the
 * data key and stores it wrapped, with its key check, in one transaction.
 *
 * A passphrase change re-wraps the data key in two steps that survive a crash between them: the
 * key wrapped under the new passphrase is staged (`data_key_next`) before the vault writes its new
 * header, and promoted once it has. An unwrap that fails with the vault's "other passphrase" error
 * tries the staged key before calling the archive unreadable; a staged key left behind by a change
 * that did not happen is dropped the next time the current key opens.
 */
import { randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { CoreError } from '../ports';
import { ArchiveLockedError } from './errors';
import { checkMatches, deriveKeys, forgetKeys, newDataKey, parseDataKey, type ArchiveKeys } from './keyring';
import type { ArchiveVault } from './ports';

/** The vault could not open the wrapped data key, or it opened to a key this archive was not made with. */
export class WrongArchiveKeyError extends Error {
  override name = 'WrongArchiveKeyError';
}

type Meta = {
  get(key: string): Buffer | null;
  set(entries: Record<string, Buffer>): void;
  remove(key: string): void;
};

export function metaAccess(db: BetterSqlite3.Database): Meta {
  const get = db.prepare<[string], { value: Buffer }>('SELECT value FROM meta WHERE key = ?');
  const put = db.prepare<[string, Buffer]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  const del = db.prepare<[string]>('DELETE FROM meta WHERE key = ?');
  const setAll = db.transaction((entries: Record<string, Buffer>) => {
    for (const [k, v] of Object.entries(entries)) put.run(k, v);
  });
  return {
    get: (key) => {
      const row = get.get(key);
      return row ? Buffer.from(row.value) : null;
    },
    set: (entries) => setAll.immediate(entries),
    remove: (key) => void del.run(key),
  };
}

/** Where a passphrase change stages the re-wrapped data key until the vault has committed. */
const STAGED_KEY = 'data_key_next';

export class KeyHolder {
  private keys: ArchiveKeys | null = null;
  private pending: Promise<ArchiveKeys> | null = null;

  constructor(
    private readonly meta: Meta,
    private readonly vault: ArchiveVault,
  ) {}

  /** True while the vault is locked: no archive operation runs. */
  isLocked(): boolean {
    if (this.vault.isLocked()) {
      this.drop();
      return true;
    }
    return false;
  }

  /** The keys, unwrapping or creating the data key when needed. */
  async require(): Promise<ArchiveKeys> {
    if (this.isLocked()) throw new ArchiveLockedError();
    if (this.keys) return this.keys;
    this.pending ??= this.load().finally(() => {
      this.pending = null;
    });
    const keys = await this.pending;
    // The vault may have been locked while it was decrypting.
    if (this.isLocked()) throw new ArchiveLockedError();
    return keys;
  }

  /** Forgets the keys (on lock and on close). */
  drop(): void {
    if (this.keys) forgetKeys(this.keys);
    this.keys = null;
  }

  private async load(): Promise<ArchiveKeys> {
    let salt = this.meta.get('archive_id');
    const wrapped = this.meta.get('data_key');
    if (!salt || !wrapped) {
      salt = randomBytes(16);
      const { dataKey, plain } = newDataKey();
      const envelope = await this.vault.encrypt(plain);
      const keys = deriveKeys(dataKey, salt);
      dataKey.fill(0);
      this.meta.set({ archive_id: salt, data_key: Buffer.from(envelope, 'utf8'), key_check: keys.check });
      this.keys = keys;
      return keys;
    }
    const staged = this.meta.get(STAGED_KEY);
    let plain: string;
    try {
      plain = await this.vault.decrypt(wrapped.toString('utf8'));
      if (staged) this.meta.remove(STAGED_KEY);
    } catch (err) {
      if (this.vault.isLocked()) throw new ArchiveLockedError();
      // The vault's envelope errors (other passphrase, tampered, malformed) mean this vault can
      // never open the key; anything else (a keychain hiccup) is passed on and may be retried.
      if (!(err instanceof CoreError && err.code.startsWith('envelope_'))) throw err;
      const promoted = staged ? await this.openStaged(staged) : null;
      if (promoted === null) throw new WrongArchiveKeyError('the vault cannot open its key', { cause: err });
      plain = promoted;
    }
    const dataKey = parseDataKey(plain);
    if (!dataKey) throw new WrongArchiveKeyError('its key is not in the expected format');
    const keys = deriveKeys(dataKey, salt);
    dataKey.fill(0);
    const check = this.meta.get('key_check');
    if (!check || !checkMatches(keys, check)) {
      forgetKeys(keys);
      throw new WrongArchiveKeyError('its key does not match the records');
    }
    this.keys = keys;
    return keys;
  }

  /** The staged key (a passphrase change that committed before the archive heard of it), promoted. */
  private async openStaged(staged: Buffer): Promise<string | null> {
    try {
      const plain = await this.vault.decrypt(staged.toString('utf8'));
      this.meta.set({ data_key: staged });
      this.meta.remove(STAGED_KEY);
      return plain;
    } catch {
      return null;
    }
  }

  /**
   * The data key as the vault wrapped it, for a passphrase change to re-wrap (the vault re-wraps
   * it with the old passphrase, so the archive's keys need not be held); null before the first use.
   */
  wrappedDataKey(): string | null {
    return this.meta.get('data_key')?.toString('utf8') ?? null;
  }

  /** Stores the data key wrapped under the passphrase being set, beside the current one. */
  stageRewrapped(envelope: string): void {
    this.meta.set({ [STAGED_KEY]: Buffer.from(envelope, 'utf8') });
  }

  /** The passphrase change committed: the staged key becomes the key. */
  commitRewrapped(): void {
    const staged = this.meta.get(STAGED_KEY);
    if (!staged) return;
    this.meta.set({ data_key: staged });
    this.meta.remove(STAGED_KEY);
  }
}
