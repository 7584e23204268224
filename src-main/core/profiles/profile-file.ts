/**
 * The profiles as the settings store holds them: a versioned document under one key.
 *
 * Version 2 added the key's dates (keyAddedAt, keyLastUsedAt, keyRevokedSeenAt); version 1 files
 * are read as they are, with those dates unknown. Items this version cannot read are kept and
 * written back untouched, never dropped; a document from a newer version is refused as a whole and
 * left exactly as it was.
 */
import { z } from 'zod';
import type { EnvelopeRewrite, JsonValue, KeyValueStore } from '../ports';
import { ProfileStoreError } from './profile-errors';
import type { Profile } from './profile-model';

/** The store key the profiles live under. */
export const STORE_KEY = 'profiles';
const STORE_VERSION = 2;
const OLDEST_READABLE_VERSION = 1;

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
  // Absent before the embedded sandbox kept a stable address: such profiles do not follow it.
  embeddedSandbox: z.boolean().default(false),
});

const storedDocSchema = z.object({
  version: z.number(),
  activeId: z.string().nullable(),
  items: z.array(z.unknown()),
});

/** The profiles document, read. */
export interface StoredProfilesDoc {
  activeId: string | null;
  profiles: Profile[];
  /** Stored items this version cannot read: written back untouched, never dropped. */
  unreadable: JsonValue[];
}

/** Reads the stored profiles; throws {@link ProfileStoreError} for a document it cannot read at all. */
export function readProfiles(store: KeyValueStore): StoredProfilesDoc {
  const raw = store.get(STORE_KEY);
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

export function serialiseProfiles(loaded: StoredProfilesDoc): JsonValue {
  return {
    version: STORE_VERSION,
    activeId: loaded.activeId,
    items: [
      ...loaded.profiles.map((p) => ({ ...p, key: p.key ? { ...p.key } : null })),
      ...loaded.unreadable,
    ],
  };
}

/**
 * The re-encryption a passphrase change needs: every stored envelope `readable` accepts (keys
 * sealed by the vault in use), and the store entry that holds them once re-encrypted.
 */
export function envelopeRewrite(
  loaded: StoredProfilesDoc,
  readable: (p: Profile) => boolean,
): EnvelopeRewrite {
  const envelopes = new Map<string, string>();
  for (const p of loaded.profiles)
    if (p.keyEnvelope !== null && readable(p)) envelopes.set(p.id, p.keyEnvelope);
  return {
    envelopes,
    entries: (reencrypted) => ({
      [STORE_KEY]: serialiseProfiles({
        ...loaded,
        profiles: loaded.profiles.map((p) => {
          const envelope = reencrypted.get(p.id);
          return envelope === undefined ? p : { ...p, keyEnvelope: envelope };
        }),
      }),
    }),
  };
}
