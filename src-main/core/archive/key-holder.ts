/**
 * Holds the archive's unwrapped keys while the vault is unlocked, and only then.
 *
 * Every archive operation asks {@link KeyHolder.require} first: if the vault has been locked since,
 * the keys are zeroed and dropped and the operation fails with {@link ArchiveLockedError}; after an
 * unlock the data key is unwrapped again by the vault. The first use of a new archive creates the
 * data key and stores it wrapped, with its key check, in one transaction.
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

type Meta = { get(key: string): Buffer | null; set(entries: Record<string, Buffer>): void };

export function metaAccess(db: BetterSqlite3.Database): Meta {
  const get = db.prepare<[string], { value: Buffer }>('SELECT value FROM meta WHERE key = ?');
  const put = db.prepare<[string, Buffer]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  const setAll = db.transaction((entries: Record<string, Buffer>) => {
    for (const [k, v] of Object.entries(entries)) put.run(k, v);
  });
  return {
    get: (key) => {
      const row = get.get(key);
      return row ? Buffer.from(row.value) : null;
    },
    set: (entries) => setAll.immediate(entries),
  };
}

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
    let plain: string;
    try {
      plain = await this.vault.decrypt(wrapped.toString('utf8'));
    } catch (err) {
      if (this.vault.isLocked()) throw new ArchiveLockedError();
      // The vault's envelope errors (other passphrase, tampered, malformed) mean this vault can
      // never open the key; anything else (a keychain hiccup) is passed on and may be retried.
      if (err instanceof CoreError && err.code.startsWith('envelope_')) {
        throw new WrongArchiveKeyError('the vault cannot open its key', { cause: err });
      }
      throw err;
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
}
