/**
 * The user's own profiles: which Notify API to talk to, with which key, shown how.
 *
 * A profile's API key is encrypted by the injected {@link SecretCipher} before it reaches the store,
 * and is decrypted only for the length of one {@link StoredProfiles.withApiKey} call, bound to the
 * profile and base URL it was entered for (./key-envelope.ts). Everything this returns is a
 * {@link PublicProfile}: safe to hand to the renderer as is. Mutations run one at a time, so
 * concurrent calls from several windows cannot lose each other's changes, and a passphrase change
 * never races a key being saved.
 */
import { randomUUID } from 'node:crypto';
import type { ApiKey } from '../../../src-shared/notify/api-key';
import type { PublicProfile } from '../../contract/schemas';
import {
  CoreError,
  silentLogger,
  systemClock,
  type Clock,
  type KeyValueStore,
  type Logger,
  type RekeyableCipher,
  type SecretCipher,
} from '../ports';
import { effectiveBaseUrl, isEmbeddedSandboxUrl, type SandboxUrl } from './embedded-sandbox-url';
import { isRekeyable, openKey, sealKey } from './key-envelope';
import { NoApiKeyError, ProfileNotFoundError, ProfileValidationError } from './profile-errors';
import {
  envelopeRewrite,
  readProfiles,
  serialiseProfiles,
  STORE_KEY,
  type StoredProfilesDoc,
} from './profile-file';
import { createSchema, issuesFrom, updateSchema } from './profile-input';
import {
  KEY_USE_WRITE_INTERVAL_MS,
  MAX_PROFILES,
  NO_KEY,
  nextColour,
  sameKey,
  sameName,
  type Profile,
  type StoredKeyInfo,
} from './profile-model';
import type { ApiKeyInUse, KeyObservation, ProfileSource } from './profile-source';
import { keyInUse } from './profile-source';
import { exportDocument, parseImport, planImport, type ImportReport } from './profile-transfer';
import { keyProblem, toPublicProfile } from './public-profile';

interface UpdateResult {
  profile: PublicProfile;
  /** The base URL changed without a key being re-entered, so the old key was removed. */
  keyCleared: boolean;
}

interface StoredProfilesOptions {
  store: KeyValueStore;
  cipher: SecretCipher;
  /** Where the embedded sandbox listens now: profiles saved with its address follow it. */
  sandboxUrl?: SandboxUrl;
  clock?: Clock;
  logger?: Logger;
  newId?: () => string;
}

export class StoredProfiles implements ProfileSource {
  readonly editable = true;
  private readonly store: KeyValueStore;
  private readonly cipher: SecretCipher;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly newId: () => string;
  private readonly sandboxUrl: SandboxUrl;
  private queue: Promise<unknown> = Promise.resolve();
  /** When `keyLastUsedAt` was last written (or skipped as fresh), per profile: the write throttle. */
  private readonly lastUseWrites = new Map<string, number>();

  constructor(options: StoredProfilesOptions) {
    this.store = options.store;
    this.cipher = options.cipher;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.newId = options.newId ?? randomUUID;
    this.sandboxUrl = options.sandboxUrl ?? (() => null);
  }

  /** Every profile, in the order they were created. */
  list(): PublicProfile[] {
    return this.load().profiles.map((p) => this.toPublic(p));
  }

  /** One profile; throws {@link ProfileNotFoundError} if there is none with that id. */
  get(id: string): PublicProfile {
    return this.toPublic(this.find(this.load(), id));
  }

  /** The active profile, or null when none is chosen (or it was deleted). */
  getActive(): PublicProfile | null {
    const loaded = this.load();
    const active = loaded.profiles.find((p) => p.id === loaded.activeId);
    return active ? this.toPublic(active) : null;
  }

  /** Makes a profile the active one; null clears the choice. */
  setActive(id: string | null): Promise<void> {
    return this.exclusive(async () => {
      const loaded = this.load();
      if (id !== null) this.find(loaded, id);
      await this.save({ ...loaded, activeId: id });
    });
  }

  /**
   * Creates a profile, encrypting its key (if given) before anything is stored.
   *
   * Throws {@link ProfileValidationError} listing every problem with the input; the vault's own
   * errors (locked, for example) pass through, and in every failure nothing is written.
   */
  create(input: unknown): Promise<PublicProfile> {
    return this.exclusive(async () => {
      const parsed = createSchema.safeParse(input);
      if (!parsed.success) throw new ProfileValidationError(issuesFrom(parsed.error));
      const value = parsed.data;
      const loaded = this.load();
      if (loaded.profiles.length >= MAX_PROFILES) {
        throw new ProfileValidationError([
          { field: '', message: `You can have at most ${MAX_PROFILES} profiles.` },
        ]);
      }
      this.requireUniqueName(loaded, value.name, null);
      const profile: Profile = {
        id: this.newId(),
        name: value.name,
        baseUrl: value.baseUrl,
        keyType: value.keyType,
        colour: value.colour ?? nextColour(loaded.profiles.length),
        proxy: value.proxy ?? null,
        createdAt: this.nowIso(),
        ...NO_KEY,
        embeddedSandbox: isEmbeddedSandboxUrl(value.baseUrl, this.sandboxUrl),
      };
      if (value.apiKey) Object.assign(profile, await this.seal(profile, value.apiKey));
      await this.save({ ...loaded, profiles: [...loaded.profiles, profile] });
      this.logger.info('profile created', { profileId: profile.id, hasKey: profile.keyEnvelope !== null });
      return this.toPublic(profile);
    });
  }

  /**
   * Changes some fields of a profile.
   *
   * A key is bound to its base URL: changing the URL without entering the key again removes the
   * key (reported as `keyCleared`), so a key is never sent to an origin the user did not pair it with.
   */
  update(id: string, patch: unknown): Promise<UpdateResult> {
    return this.exclusive(async () => {
      const parsed = updateSchema.safeParse(patch);
      if (!parsed.success) throw new ProfileValidationError(issuesFrom(parsed.error));
      const value = parsed.data;
      const loaded = this.load();
      const current = this.find(loaded, id);
      if (value.name !== undefined) this.requireUniqueName(loaded, value.name, id);
      // A profile that follows the sandbox shows its current address; saving that is no change.
      const baseUrlUnchanged =
        value.baseUrl === undefined ||
        (current.embeddedSandbox && isEmbeddedSandboxUrl(value.baseUrl, this.sandboxUrl));
      const next: Profile = {
        ...current,
        name: value.name ?? current.name,
        baseUrl: baseUrlUnchanged ? current.baseUrl : (value.baseUrl ?? current.baseUrl),
        embeddedSandbox: baseUrlUnchanged
          ? current.embeddedSandbox
          : isEmbeddedSandboxUrl(value.baseUrl ?? current.baseUrl, this.sandboxUrl),
        keyType: value.keyType ?? current.keyType,
        colour: value.colour ?? current.colour,
        proxy: value.proxy === undefined ? current.proxy : value.proxy,
      };
      let keyCleared = false;
      if (value.apiKey) {
        Object.assign(next, await this.seal(next, value.apiKey));
      } else if (value.apiKey === null) {
        Object.assign(next, NO_KEY);
      } else if (next.baseUrl !== current.baseUrl && current.keyEnvelope !== null) {
        Object.assign(next, NO_KEY);
        keyCleared = true;
      }
      if (next.keyEnvelope !== current.keyEnvelope) this.lastUseWrites.delete(id);
      await this.replace(loaded, next);
      this.logger.info('profile updated', { profileId: id, keyCleared });
      return { profile: this.toPublic(next), keyCleared };
    });
  }

  /** Deletes a profile and its key; if it was active, no profile is active afterwards. */
  delete(id: string): Promise<void> {
    return this.exclusive(async () => {
      const loaded = this.load();
      this.find(loaded, id);
      await this.save({
        ...loaded,
        profiles: loaded.profiles.filter((p) => p.id !== id),
        activeId: loaded.activeId === id ? null : loaded.activeId,
      });
      this.logger.info('profile deleted', { profileId: id });
    });
  }

  /**
   * Runs `fn` with the profile's decrypted key, and with the base URL it is bound to.
   *
   * The key is decrypted for this call only and is not cached. Throws {@link NoApiKeyError} when
   * the profile has no usable key, KeyBindingError when the stored key was made for another
   * profile or URL, and the cipher's errors (such as a locked vault) as they are.
   */
  async withApiKey<T>(profileId: string, fn: (key: ApiKeyInUse) => Promise<T> | T): Promise<T> {
    // Reading and decrypting under the lock means a passphrase change cannot swap the envelope
    // between the two; `fn` itself (a network call) runs outside it.
    const inUse = await this.exclusive(async () => {
      const profile = this.find(this.load(), profileId);
      const problem = keyProblem(profile, this.cipher.kind);
      if (profile.keyEnvelope === null || problem !== null) throw new NoApiKeyError(profile.name, problem);
      const key = await openKey(this.cipher, profile, profile.keyEnvelope);
      return keyInUse(profile.id, effectiveBaseUrl(profile, this.sandboxUrl), profile.proxy, key);
    });
    return fn(inUse);
  }

  /**
   * Records what Notify said about a key (see {@link ProfileSource.observeKey}).
   *
   * `accepted` sets `keyLastUsedAt`, written at most once per {@link KEY_USE_WRITE_INTERVAL_MS} per
   * profile; `revoked` sets `keyRevokedSeenAt` (once). Never throws for a deleted profile.
   */
  observeKey(profileId: string, key: StoredKeyInfo, verdict: KeyObservation): Promise<boolean> {
    const now = this.clock.now();
    if (verdict === 'accepted') {
      const last = this.lastUseWrites.get(profileId);
      if (last !== undefined && now >= last && now - last < KEY_USE_WRITE_INTERVAL_MS) {
        return Promise.resolve(false);
      }
      this.lastUseWrites.set(profileId, now);
    }
    return this.exclusive(async () => {
      const loaded = this.load();
      const current = loaded.profiles.find((p) => p.id === profileId);
      if (!current?.key || !sameKey(current.key, key)) return false;
      const at = new Date(now).toISOString();
      let next: Profile;
      if (verdict === 'accepted') {
        const previous = current.keyLastUsedAt === null ? NaN : Date.parse(current.keyLastUsedAt);
        if (now >= previous && now - previous < KEY_USE_WRITE_INTERVAL_MS) return false;
        next = { ...current, keyLastUsedAt: at };
      } else {
        if (current.keyRevokedSeenAt !== null) return false;
        next = { ...current, keyRevokedSeenAt: at };
        this.logger.warn('Notify reported the key revoked', { profileId });
      }
      await this.replace(loaded, next);
      return true;
    });
  }

  /** Every profile's settings as JSON, without keys (./profile-transfer.ts). */
  exportProfiles(): string {
    return exportDocument(this.load().profiles, this.clock.now());
  }

  /**
   * Imports profiles exported by {@link exportProfiles}, all or nothing, without keys.
   *
   * A profile identical to an existing one (same name, base URL and key type) is skipped; one whose
   * name is taken is renamed "Name (2)". Imported profiles need their key entered.
   */
  importProfiles(json: unknown): Promise<ImportReport> {
    return this.exclusive(async () => {
      const loaded = this.load();
      const { profiles, report } = planImport(parseImport(json), loaded.profiles, () => ({
        id: this.newId(),
        createdAt: this.nowIso(),
      }));
      if (report.imported.length > 0) await this.save({ ...loaded, profiles });
      this.logger.info('profiles imported', {
        imported: report.imported.length,
        skipped: report.skipped.length,
        renamed: report.renamed.length,
      });
      return report;
    });
  }

  /**
   * Changes the vault passphrase and re-encrypts every profile key with it, all or nothing.
   *
   * Only for the passphrase vault. Runs under the profile lock, so no key can be saved under the
   * old passphrase while the change is in flight.
   */
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const cipher = this.requireRekeyable();
      const loaded = this.load();
      const rewrite = envelopeRewrite(loaded, (p) => keyProblem(p, cipher.kind) === null);
      await cipher.changePassphrase(oldPassphrase, newPassphrase, rewrite);
      this.logger.info('passphrase changed', { keys: rewrite.envelopes.size });
    });
  }

  /**
   * Unlocks the passphrase vault; a vault made with older key-derivation parameters is re-wrapped
   * with the current ones, every key with it, under the profile lock so no key is saved meanwhile.
   */
  unlockVault(passphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const cipher = this.requireRekeyable();
      const rewrite = envelopeRewrite(this.load(), (p) => keyProblem(p, cipher.kind) === null);
      await cipher.unlock(passphrase, rewrite);
    });
  }

  /** How many profiles follow the embedded sandbox (for diagnostics). */
  followingSandbox(): number {
    return this.load().profiles.filter((p) => p.embeddedSandbox).length;
  }

  /** Descriptions of stored data this version could not read (kept on disk, untouched). */
  problems(): string[] {
    const { unreadable } = this.load();
    if (unreadable.length === 0) return [];
    return [
      `${unreadable.length} saved profile${unreadable.length === 1 ? '' : 's'} could not be read and ${unreadable.length === 1 ? 'was' : 'were'} left as saved.`,
    ];
  }

  private requireRekeyable(): RekeyableCipher {
    if (!isRekeyable(this.cipher)) {
      throw new CoreError(
        'not_passphrase_vault',
        'Your keys are protected by the OS keychain, which has no passphrase.',
      );
    }
    return this.cipher;
  }

  private toPublic(profile: Profile): PublicProfile {
    return toPublicProfile(
      { ...profile, baseUrl: effectiveBaseUrl(profile, this.sandboxUrl) },
      this.cipher.kind,
    );
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  private seal(profile: Profile, key: ApiKey) {
    return sealKey(this.cipher, profile, key, this.clock.now());
  }

  private requireUniqueName(loaded: StoredProfilesDoc, name: string, exceptId: string | null): void {
    if (loaded.profiles.some((p) => p.id !== exceptId && sameName(p.name, name))) {
      throw new ProfileValidationError([
        { field: 'name', message: `There is already a profile called “${name}”. Choose another name.` },
      ]);
    }
  }

  private find(loaded: StoredProfilesDoc, id: string): Profile {
    const profile = loaded.profiles.find((p) => p.id === id);
    if (!profile) throw new ProfileNotFoundError(id);
    return profile;
  }

  private load(): StoredProfilesDoc {
    return readProfiles(this.store);
  }

  private replace(loaded: StoredProfilesDoc, next: Profile): Promise<void> {
    return this.save({ ...loaded, profiles: loaded.profiles.map((p) => (p.id === next.id ? next : p)) });
  }

  private async save(loaded: StoredProfilesDoc): Promise<void> {
    await this.store.set(STORE_KEY, serialiseProfiles(loaded));
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
