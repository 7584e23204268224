/**
 * Profiles: which Notify API to talk to, with which key, shown how.
 *
 * A profile's API key is encrypted by the injected {@link SecretCipher} before it reaches the store,
 * and is decrypted only for the length of one {@link ProfileService.withApiKey} call. The encrypted
 * payload names the profile and base URL it belongs to, so a key moved to another profile, or left
 * behind when the base URL changes, is refused rather than sent to a different origin. Everything
 * this service returns is a {@link PublicProfile}: safe to hand to the renderer as is.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { formatDay } from '../../../src-shared/dates';
import { KEY_TYPE_LABELS, parseApiKey, type ApiKey, type KeyType } from '../../../src-shared/notify/api-key';
import { normaliseBaseUrl, normaliseProxy } from '../../../src-shared/notify/key-destination';
import { isLoopbackUrl } from '../../../src-shared/notify/loopback';
import {
  bad,
  checkProfileName,
  normaliseColour,
  PROFILE_NAME_MAX,
  type Check,
} from '../../../src-shared/notify/profile-fields';
import {
  CoreError,
  silentLogger,
  systemClock,
  type Clock,
  type EnvelopeRewrite,
  type JsonValue,
  type KeyValueStore,
  type Logger,
  type RekeyableCipher,
  type SecretCipher,
} from '../ports';

/** A profile as stored. `keyEnvelope` is ciphertext; `key` is the non-secret description of it. */
export interface Profile {
  id: string;
  name: string;
  baseUrl: string;
  keyType: KeyType;
  colour: string;
  proxy: string | null;
  createdAt: string;
  keyEnvelope: string | null;
  /** Name, service id and last four of the stored key, so lists need no decryption (or unlock). */
  key: StoredKeyInfo | null;
  /** When this key was set or last replaced; null for keys stored before the console recorded it. */
  keyAddedAt: string | null;
  /** When Notify last answered a request signed with this key with anything but an auth error. */
  keyLastUsedAt: string | null;
  /** When Notify first said this key is revoked; cleared when the key is replaced. */
  keyRevokedSeenAt: string | null;
}

export interface StoredKeyInfo {
  name: string;
  serviceId: string;
  last4: string;
}

/** What the console has seen of a key: ISO times, null when unknown or never. */
export interface KeyHygiene {
  addedAt: string | null;
  lastUsedAt: string | null;
  revokedSeenAt: string | null;
}

/** A profile as the renderer may see it: no key, no envelope. */
export interface PublicProfile {
  id: string;
  name: string;
  baseUrl: string;
  keyType: KeyType;
  keyTypeLabel: string;
  colour: string;
  proxy: string | null;
  createdAt: string;
  key: (StoredKeyInfo & { masked: string } & KeyHygiene) | null;
  /** True when the profile cannot call Notify until the user enters a key. */
  needsKey: boolean;
  /** Why a stored key cannot be used, in words for the user; null when it can (or there is none). */
  keyProblem: string | null;
  /** The base URL is on this computer, so it is a Notify Sandbox rather than the real Notify. */
  isSandbox: boolean;
}

/** One problem with an input field. `field` is a dotted path (`profiles[2].baseUrl` for imports). */
export interface FieldIssue {
  field: string;
  message: string;
}

export class ProfileValidationError extends CoreError {
  override name = 'ProfileValidationError';
  constructor(readonly issues: FieldIssue[]) {
    super('invalid_profile', summarise(issues), { issues: issues.map((i) => ({ ...i })) });
  }
}

export class ProfileImportError extends CoreError {
  override name = 'ProfileImportError';
  constructor(readonly issues: FieldIssue[]) {
    super('invalid_import', `Nothing was imported. ${summarise(issues)}`, {
      issues: issues.map((i) => ({ ...i })),
    });
  }
}

export class ProfileNotFoundError extends CoreError {
  override name = 'ProfileNotFoundError';
  constructor(id: string) {
    super('profile_not_found', 'That profile no longer exists. It may have been deleted in another window.', {
      id: String(id).slice(0, 100),
    });
  }
}

export class NoApiKeyError extends CoreError {
  override name = 'NoApiKeyError';
  constructor(profileName: string, problem: string | null) {
    super(
      'no_api_key',
      problem ?? `The profile “${profileName}” has no API key yet. Add one in its settings.`,
    );
  }
}

/** The decrypted key belongs to another profile or base URL: refuse to use it anywhere. */
export class KeyBindingError extends CoreError {
  override name = 'KeyBindingError';
  constructor(profileName: string) {
    super(
      'key_binding_mismatch',
      `The stored key for “${profileName}” was saved for a different profile or base URL, so it was not used. Re-enter the key.`,
    );
  }
}

/** The stored profiles are in a shape this version cannot read; they are left exactly as they are. */
export class ProfileStoreError extends CoreError {
  override name = 'ProfileStoreError';
}

export const MAX_PROFILES = 200;
export const EXPORT_FORMAT = 'notify-console-profiles';
export const EXPORT_VERSION = 1;
const MAX_IMPORT_BYTES = 1024 * 1024;
const STORE_KEY = 'profiles';
/** Version 2 added the key's dates (keyAddedAt, keyLastUsedAt, keyRevokedSeenAt); 1 is read as is. */
const STORE_VERSION = 2;
const OLDEST_READABLE_VERSION = 1;
/** `keyLastUsedAt` is written at most this often per profile, so a busy key is not a write per request. */
export const KEY_USE_WRITE_INTERVAL_MS = 60_000;
/** GOV.UK Design System colours: distinct, and readable as a profile badge. */
const PALETTE = [
  '#1d70b8',
  '#00703c',
  '#d4351c',
  '#f47738',
  '#4c2c92',
  '#28a197',
  '#d53880',
  '#b58840',
] as const;
const KEY_TYPES: readonly KeyType[] = ['live', 'team', 'test'];

function checkKeyType(raw: unknown): Check<KeyType> {
  if (typeof raw === 'string' && (KEY_TYPES as readonly string[]).includes(raw)) {
    return { ok: true, value: raw as KeyType };
  }
  return bad(
    'Choose the key type: live, team or test. Notify shows it next to the key on the API keys page.',
  );
}

function checkApiKeyField(raw: unknown): Check<ApiKey | null> {
  if (raw === null) return { ok: true, value: null };
  const parsed = parseApiKey(raw);
  return parsed.ok ? { ok: true, value: parsed.key } : bad(parsed.message);
}

function field<T>(check: (raw: unknown) => Check<T>) {
  // `.optional()` on the input lets a missing key reach `check`, which words the error itself.
  return z
    .unknown()
    .optional()
    .transform((raw, ctx): T => {
      const result = check(raw);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    });
}

function optionalField<T>(check: (raw: unknown) => Check<T>) {
  return field((raw): Check<T | undefined> =>
    raw === undefined ? { ok: true, value: undefined } : check(raw),
  );
}

const createSchema = z.strictObject({
  name: field(checkProfileName),
  baseUrl: field(normaliseBaseUrl),
  keyType: field(checkKeyType),
  colour: optionalField(normaliseColour),
  proxy: optionalField(normaliseProxy),
  apiKey: optionalField(checkApiKeyField),
});

const updateSchema = z.strictObject({
  name: optionalField(checkProfileName),
  baseUrl: optionalField(normaliseBaseUrl),
  keyType: optionalField(checkKeyType),
  colour: optionalField(normaliseColour),
  proxy: optionalField(normaliseProxy),
  // null removes the key; a string replaces it; absent keeps it (unless the base URL changes).
  apiKey: optionalField(checkApiKeyField),
});

const exportedProfileSchema = z.strictObject({
  name: field(checkProfileName),
  baseUrl: field(normaliseBaseUrl),
  keyType: field(checkKeyType),
  colour: optionalField(normaliseColour),
  proxy: optionalField(normaliseProxy),
});

const exportSchema = z.strictObject({
  format: z.unknown(),
  version: z.unknown(),
  exportedAt: z.string().max(100).optional(),
  profiles: z.array(exportedProfileSchema, { error: 'Expected a list of profiles.' }).max(MAX_PROFILES, {
    error: `An import holds at most ${MAX_PROFILES} profiles.`,
  }),
});

const storedProfileSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().min(1),
  baseUrl: z.string().min(1),
  keyType: z.enum(['live', 'team', 'test']),
  colour: z.string(),
  proxy: z.string().nullable(),
  createdAt: z.string(),
  keyEnvelope: z.string().nullable(),
  key: z.strictObject({ name: z.string(), serviceId: z.string(), last4: z.string() }).nullable(),
  // Absent in version 1 files: unknown, not invented.
  keyAddedAt: z.string().nullable().default(null),
  keyLastUsedAt: z.string().nullable().default(null),
  keyRevokedSeenAt: z.string().nullable().default(null),
});

const storedDocSchema = z.object({
  version: z.number(),
  activeId: z.string().nullable(),
  items: z.array(z.unknown()),
});

/** Input to {@link ProfileService.create}; validated at run time, so callers may pass anything. */
export interface CreateProfileInput {
  name: string;
  baseUrl: string;
  keyType: KeyType;
  colour?: string;
  proxy?: string | null;
  apiKey?: string | null;
}

/** Input to {@link ProfileService.update}: only the fields to change. `apiKey: null` removes the key. */
export type UpdateProfileInput = Partial<CreateProfileInput>;

export interface UpdateResult {
  profile: PublicProfile;
  /** The base URL changed without a key being re-entered, so the old key was removed. */
  keyCleared: boolean;
}

export interface ImportReport {
  imported: PublicProfile[];
  skipped: { name: string; reason: string }[];
  renamed: { from: string; to: string }[];
}

/** The decrypted key handed to a {@link ProfileService.withApiKey} callback, with where it may go. */
export interface ApiKeyInUse {
  profileId: string;
  /** The base URL the key is bound to: the only origin it may be used with. */
  baseUrl: string;
  proxy: string | null;
  key: ApiKey;
  serviceId: string;
  secret: string;
}

export interface ProfileServiceOptions {
  store: KeyValueStore;
  cipher: SecretCipher;
  clock?: Clock;
  logger?: Logger;
  newId?: () => string;
}

interface Loaded {
  activeId: string | null;
  profiles: Profile[];
  /** Stored items this version cannot read: written back untouched, never dropped. */
  unreadable: JsonValue[];
}

/** The plaintext the cipher seals: the key plus what it is bound to. */
interface KeyPayload {
  v: 1;
  profileId: string;
  baseUrl: string;
  apiKey: string;
}

/**
 * Creates, edits and lists profiles, and lends out their keys one call at a time.
 *
 * Mutations run one at a time, so concurrent calls from several windows cannot lose each other's
 * changes, and a passphrase change never races a key being saved.
 */
export class ProfileService {
  private readonly store: KeyValueStore;
  private readonly cipher: SecretCipher;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly newId: () => string;
  private queue: Promise<unknown> = Promise.resolve();
  /** When `keyLastUsedAt` was last written (or skipped as fresh), per profile: the write throttle. */
  private readonly lastUseWrites = new Map<string, number>();

  constructor(options: ProfileServiceOptions) {
    this.store = options.store;
    this.cipher = options.cipher;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.newId = options.newId ?? randomUUID;
  }

  /** Every profile, in the order they were created. */
  list(): PublicProfile[] {
    return this.load().profiles.map((p) => toPublicProfile(p, this.cipher.kind));
  }

  /** One profile; throws {@link ProfileNotFoundError} if there is none with that id. */
  get(id: string): PublicProfile {
    return toPublicProfile(this.find(this.load(), id), this.cipher.kind);
  }

  /** The active profile, or null when none is chosen (or it was deleted). */
  getActive(): PublicProfile | null {
    const loaded = this.load();
    const active = loaded.profiles.find((p) => p.id === loaded.activeId);
    return active ? toPublicProfile(active, this.cipher.kind) : null;
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
      const id = this.newId();
      const profile: Profile = {
        id,
        name: value.name,
        baseUrl: value.baseUrl,
        keyType: value.keyType,
        colour: value.colour ?? PALETTE[loaded.profiles.length % PALETTE.length] ?? PALETTE[0],
        proxy: value.proxy ?? null,
        createdAt: new Date(this.clock.now()).toISOString(),
        ...NO_KEY,
      };
      if (value.apiKey) Object.assign(profile, await this.sealKey(profile, value.apiKey));
      await this.save({ ...loaded, profiles: [...loaded.profiles, profile] });
      this.logger.info('profile created', { profileId: id, hasKey: profile.keyEnvelope !== null });
      return toPublicProfile(profile, this.cipher.kind);
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
      const next: Profile = {
        ...current,
        name: value.name ?? current.name,
        baseUrl: value.baseUrl ?? current.baseUrl,
        keyType: value.keyType ?? current.keyType,
        colour: value.colour ?? current.colour,
        proxy: value.proxy === undefined ? current.proxy : value.proxy,
      };
      let keyCleared = false;
      if (value.apiKey) {
        Object.assign(next, await this.sealKey(next, value.apiKey));
      } else if (value.apiKey === null) {
        Object.assign(next, NO_KEY);
      } else if (next.baseUrl !== current.baseUrl && current.keyEnvelope !== null) {
        Object.assign(next, NO_KEY);
        keyCleared = true;
      }
      if (next.keyEnvelope !== current.keyEnvelope) this.lastUseWrites.delete(id);
      await this.save({ ...loaded, profiles: loaded.profiles.map((p) => (p.id === id ? next : p)) });
      this.logger.info('profile updated', { profileId: id, keyCleared });
      return { profile: toPublicProfile(next, this.cipher.kind), keyCleared };
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
   * the profile has no usable key, {@link KeyBindingError} when the stored key was made for another
   * profile or URL, and the cipher's errors (such as a locked vault) as they are.
   */
  async withApiKey<T>(profileId: string, fn: (key: ApiKeyInUse) => Promise<T> | T): Promise<T> {
    // Reading and decrypting under the lock means a passphrase change cannot swap the envelope
    // between the two; `fn` itself (a network call) runs outside it.
    const inUse = await this.exclusive(async () => {
      const profile = this.find(this.load(), profileId);
      const problem = keyProblem(profile, this.cipher.kind);
      if (profile.keyEnvelope === null || problem !== null) throw new NoApiKeyError(profile.name, problem);
      const plain = await this.cipher.decrypt(profile.keyEnvelope);
      const payload = parsePayload(plain);
      if (!payload || payload.profileId !== profile.id || payload.baseUrl !== profile.baseUrl) {
        throw new KeyBindingError(profile.name);
      }
      const parsed = parseApiKey(payload.apiKey);
      if (!parsed.ok) throw new KeyBindingError(profile.name);
      const key = parsed.key;
      return {
        profileId: profile.id,
        baseUrl: profile.baseUrl,
        proxy: profile.proxy,
        key,
        serviceId: key.serviceId,
        secret: key.value.slice(-36),
      } satisfies ApiKeyInUse;
    });
    return fn(inUse);
  }

  /**
   * Records what Notify's answer to a request signed with a profile's key said about that key.
   *
   * `accepted` sets `keyLastUsedAt`, written at most once per {@link KEY_USE_WRITE_INTERVAL_MS} per
   * profile; `revoked` sets `keyRevokedSeenAt` (once). `key` is the key the request was signed with:
   * if the profile's key has been replaced or removed since, nothing is recorded. Resolves true when
   * the stored profile changed. Never throws for a deleted profile.
   */
  observeKey(profileId: string, key: StoredKeyInfo, verdict: 'accepted' | 'revoked'): Promise<boolean> {
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
      await this.save({ ...loaded, profiles: loaded.profiles.map((p) => (p.id === profileId ? next : p)) });
      return true;
    });
  }

  /**
   * Every profile's settings as JSON, without keys, for moving profiles between machines.
   *
   * Format: `{ format: 'notify-console-profiles', version: 1, exportedAt, profiles: [{ name,
   * baseUrl, keyType, colour, proxy }] }`. Ids, dates and anything about keys are left out: an
   * import makes new profiles, and each needs its key entered on the new machine.
   */
  exportProfiles(): string {
    const profiles = this.load().profiles.map(({ name, baseUrl, keyType, colour, proxy }) => ({
      name,
      baseUrl,
      keyType,
      colour,
      proxy,
    }));
    const doc = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(this.clock.now()).toISOString(),
      profiles,
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  }

  /**
   * Imports profiles exported by {@link exportProfiles}, all or nothing, without keys.
   *
   * The file is validated strictly: unknown fields (a key in particular) or any invalid profile
   * reject the whole file with every problem listed. A profile identical to an existing one (same
   * name, base URL and key type) is skipped; one whose name is taken is renamed "Name (2)".
   * Imported profiles need their key entered.
   */
  importProfiles(json: unknown): Promise<ImportReport> {
    return this.exclusive(async () => {
      const doc = parseImport(json);
      const loaded = this.load();
      const profiles = [...loaded.profiles];
      const report: ImportReport = { imported: [], skipped: [], renamed: [] };
      for (const entry of doc.profiles) {
        const same = profiles.find(
          (p) => sameName(p.name, entry.name) && p.baseUrl === entry.baseUrl && p.keyType === entry.keyType,
        );
        if (same) {
          report.skipped.push({
            name: entry.name,
            reason: 'A profile with the same name, URL and key type exists.',
          });
          continue;
        }
        if (profiles.length >= MAX_PROFILES) {
          throw new ProfileImportError([
            { field: 'profiles', message: `Importing these would make more than ${MAX_PROFILES} profiles.` },
          ]);
        }
        const name = freeName(entry.name, profiles);
        if (name !== entry.name) report.renamed.push({ from: entry.name, to: name });
        const profile: Profile = {
          id: this.newId(),
          name,
          baseUrl: entry.baseUrl,
          keyType: entry.keyType,
          colour: entry.colour ?? PALETTE[profiles.length % PALETTE.length] ?? PALETTE[0],
          proxy: entry.proxy ?? null,
          createdAt: new Date(this.clock.now()).toISOString(),
          ...NO_KEY,
        };
        profiles.push(profile);
        report.imported.push(toPublicProfile(profile, this.cipher.kind));
      }
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
      const cipher = this.cipher;
      if (!isRekeyable(cipher)) {
        throw new CoreError(
          'not_passphrase_vault',
          'Your keys are protected by the OS keychain, which has no passphrase.',
        );
      }
      const loaded = this.load();
      const envelopes = new Map<string, string>();
      for (const p of loaded.profiles) {
        if (p.keyEnvelope !== null && keyProblem(p, cipher.kind) === null) envelopes.set(p.id, p.keyEnvelope);
      }
      const rewrite: EnvelopeRewrite = {
        envelopes,
        entries: (reencrypted) => ({
          [STORE_KEY]: this.serialise({
            ...loaded,
            profiles: loaded.profiles.map((p) => {
              const envelope = reencrypted.get(p.id);
              return envelope === undefined ? p : { ...p, keyEnvelope: envelope };
            }),
          }),
        }),
      };
      await cipher.changePassphrase(oldPassphrase, newPassphrase, rewrite);
      this.logger.info('passphrase changed', { keys: envelopes.size });
    });
  }

  /** Descriptions of stored data this version could not read (kept on disk, untouched). */
  problems(): string[] {
    const { unreadable } = this.load();
    if (unreadable.length === 0) return [];
    return [
      `${unreadable.length} saved profile${unreadable.length === 1 ? '' : 's'} could not be read and ${unreadable.length === 1 ? 'was' : 'were'} left as saved.`,
    ];
  }

  private async sealKey(profile: Profile, key: ApiKey): Promise<StoredKeyFields> {
    const payload: KeyPayload = { v: 1, profileId: profile.id, baseUrl: profile.baseUrl, apiKey: key.value };
    const keyEnvelope = await this.cipher.encrypt(JSON.stringify(payload));
    return {
      keyEnvelope,
      key: { name: key.name, serviceId: key.serviceId, last4: key.secretLast4 },
      keyAddedAt: new Date(this.clock.now()).toISOString(),
      keyLastUsedAt: null,
      keyRevokedSeenAt: null,
    };
  }

  private requireUniqueName(loaded: Loaded, name: string, exceptId: string | null): void {
    if (loaded.profiles.some((p) => p.id !== exceptId && sameName(p.name, name))) {
      throw new ProfileValidationError([
        { field: 'name', message: `There is already a profile called “${name}”. Choose another name.` },
      ]);
    }
  }

  private find(loaded: Loaded, id: string): Profile {
    const profile = loaded.profiles.find((p) => p.id === id);
    if (!profile) throw new ProfileNotFoundError(id);
    return profile;
  }

  private load(): Loaded {
    const raw = this.store.get(STORE_KEY);
    if (raw === undefined) return { activeId: null, profiles: [], unreadable: [] };
    const doc = storedDocSchema.safeParse(raw);
    if (!doc.success) {
      throw new ProfileStoreError(
        'profiles_unreadable',
        'The saved profiles are not in a format this console understands. They have been left exactly as they were.',
      );
    }
    if (doc.data.version < OLDEST_READABLE_VERSION || doc.data.version > STORE_VERSION) {
      throw new ProfileStoreError(
        'profiles_newer_version',
        'The saved profiles were written by a newer version of Notify Console. Update the console to use them; nothing has been changed.',
      );
    }
    const profiles: Profile[] = [];
    const unreadable: JsonValue[] = [];
    // Version 1 items are version 2 items without the key's dates; the schema fills them with null.
    const ids = new Set<string>();
    for (const item of doc.data.items) {
      const parsed = storedProfileSchema.safeParse(item);
      if (parsed.success && !ids.has(parsed.data.id)) {
        ids.add(parsed.data.id);
        profiles.push(parsed.data);
      } else {
        unreadable.push(item as JsonValue);
      }
    }
    return { activeId: doc.data.activeId, profiles, unreadable };
  }

  private serialise(loaded: Loaded): JsonValue {
    return {
      version: STORE_VERSION,
      activeId: loaded.activeId,
      items: [
        ...loaded.profiles.map((p) => ({ ...p, key: p.key ? { ...p.key } : null })),
        ...loaded.unreadable,
      ],
    };
  }

  private async save(loaded: Loaded): Promise<void> {
    await this.store.set(STORE_KEY, this.serialise(loaded));
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * A profile as the renderer may see it.
 *
 * Built field by field (never by spreading the stored profile) so a field added to {@link Profile}
 * later cannot leak through by default.
 */
export function toPublicProfile(profile: Profile, cipherKind?: SecretCipher['kind']): PublicProfile {
  const problem = cipherKind === undefined ? null : keyProblem(profile, cipherKind);
  return {
    id: profile.id,
    name: profile.name,
    baseUrl: profile.baseUrl,
    keyType: profile.keyType,
    keyTypeLabel: KEY_TYPE_LABELS[profile.keyType],
    colour: profile.colour,
    proxy: profile.proxy,
    createdAt: profile.createdAt,
    key:
      profile.key === null
        ? null
        : {
            name: profile.key.name,
            serviceId: profile.key.serviceId,
            last4: profile.key.last4,
            masked: `${profile.key.name}-${profile.key.serviceId}-••••${profile.key.last4}`,
            addedAt: profile.keyAddedAt,
            lastUsedAt: profile.keyLastUsedAt,
            revokedSeenAt: profile.keyRevokedSeenAt,
          },
    needsKey: profile.keyEnvelope === null || problem !== null,
    keyProblem: problem ?? (profile.key ? revokedKeyProblem(profile.keyRevokedSeenAt) : null),
    isSandbox: isLoopbackUrl(profile.baseUrl),
  };
}

/**
 * The problem to show for a key Notify has reported revoked, or null. A revoked key is still sent
 * (Notify's own answer is the authority), but the user is told to replace it.
 */
export function revokedKeyProblem(revokedSeenAt: string | null, builtIn = false): string | null {
  if (revokedSeenAt === null) return null;
  const ms = Date.parse(revokedSeenAt);
  const when = Number.isNaN(ms) ? '' : ` on ${formatDay(ms, 'utc')}`;
  return builtIn
    ? `Notify reported this key revoked${when}. Built-in sandbox profiles cannot be edited: add a profile of your own with a new key from the sandbox.`
    : `Notify reported this key revoked${when}, so requests with it will fail. Replace it: create a new key on the API keys page of your service in Notify, then enter it here.`;
}

function sameKey(a: StoredKeyInfo, b: StoredKeyInfo): boolean {
  return a.name === b.name && a.serviceId === b.serviceId && a.last4 === b.last4;
}

type StoredKeyFields = Pick<
  Profile,
  'keyEnvelope' | 'key' | 'keyAddedAt' | 'keyLastUsedAt' | 'keyRevokedSeenAt'
>;

/** A profile's key fields when it has no key. */
const NO_KEY: StoredKeyFields = {
  keyEnvelope: null,
  key: null,
  keyAddedAt: null,
  keyLastUsedAt: null,
  keyRevokedSeenAt: null,
};

function keyProblem(profile: Profile, kind: SecretCipher['kind']): string | null {
  if (profile.keyEnvelope === null) return null;
  const stored = profile.keyEnvelope.startsWith('nc1:os:')
    ? 'os-keychain'
    : profile.keyEnvelope.startsWith('nc1:passphrase:')
      ? 'passphrase'
      : null;
  if (stored === kind) return null;
  if (stored === 'os-keychain') {
    return 'This key was saved with the OS keychain, which is not in use now. Re-enter the key.';
  }
  if (stored === 'passphrase') {
    return 'This key was saved in the passphrase vault, which is not in use now. Re-enter the key.';
  }
  return 'This key was saved in a format this console cannot read. Re-enter the key.';
}

function parsePayload(plain: string): KeyPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(plain);
  } catch {
    return null;
  }
  const parsed = z
    .strictObject({ v: z.literal(1), profileId: z.string(), baseUrl: z.string(), apiKey: z.string() })
    .safeParse(value);
  return parsed.success ? parsed.data : null;
}

function parseImport(json: unknown): z.infer<typeof exportSchema> {
  let value = json;
  if (typeof json === 'string') {
    if (Buffer.byteLength(json, 'utf8') > MAX_IMPORT_BYTES) {
      throw new ProfileImportError([
        { field: '', message: 'The file is too large to be a profiles export (over 1 MB).' },
      ]);
    }
    try {
      value = JSON.parse(json.startsWith('\ufeff') ? json.slice(1) : json);
    } catch {
      throw new ProfileImportError([
        { field: '', message: 'The file is not JSON. Choose a file exported by Notify Console.' },
      ]);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProfileImportError([
      { field: '', message: 'The file is not a Notify Console profiles export.' },
    ]);
  }
  const header = value as { format?: unknown; version?: unknown };
  if (header.format !== EXPORT_FORMAT) {
    throw new ProfileImportError([
      {
        field: 'format',
        message: `The file is not a Notify Console profiles export (expected format “${EXPORT_FORMAT}”).`,
      },
    ]);
  }
  if (header.version !== EXPORT_VERSION) {
    throw new ProfileImportError([
      {
        field: 'version',
        message:
          typeof header.version === 'number' && header.version > EXPORT_VERSION
            ? `The file was exported by a newer version of Notify Console (format version ${header.version}). Update the console to import it.`
            : `The file's format version is not one this console reads (expected ${EXPORT_VERSION}).`,
      },
    ]);
  }
  const parsed = exportSchema.safeParse(value);
  if (!parsed.success) throw new ProfileImportError(issuesFrom(parsed.error));
  return parsed.data;
}

function issuesFrom(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `“${k}”`).join(', ');
      const secretish = issue.keys.some((k) => /key|envelope|secret/i.test(k) && k !== 'keyType');
      return {
        field: path,
        message: secretish
          ? `Remove ${keys}: profiles are imported without API keys, and each key is entered on this machine.`
          : `Unknown field${issue.keys.length === 1 ? '' : 's'} ${keys}.`,
      };
    }
    if (issue.code === 'invalid_type' && issue.path.length === 0) {
      return { field: '', message: 'Expected an object with the profile’s fields.' };
    }
    return { field: path, message: issue.message };
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function summarise(issues: FieldIssue[]): string {
  const first = issues[0];
  if (!first) return 'The input is not valid.';
  const lead = first.field ? `${first.field}: ${first.message}` : first.message;
  return issues.length === 1
    ? lead
    : `${lead} (and ${issues.length - 1} more problem${issues.length === 2 ? '' : 's'})`;
}

function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

function freeName(name: string, profiles: readonly Profile[]): string {
  if (!profiles.some((p) => sameName(p.name, name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const base = [...name]
      .slice(0, PROFILE_NAME_MAX - suffix.length)
      .join('')
      .trimEnd();
    const candidate = `${base}${suffix}`;
    if (!profiles.some((p) => sameName(p.name, candidate))) return candidate;
  }
}

function isRekeyable(cipher: SecretCipher): cipher is RekeyableCipher {
  return (
    cipher.kind === 'passphrase' &&
    typeof (cipher as Partial<RekeyableCipher>).changePassphrase === 'function'
  );
}
