/**
 * What the settings file holds, as conf checks it: a JSON Schema for the entries the core owns
 * (validated when the file is opened and on every write), and the migrations conf runs when a file
 * written by an older version is opened.
 *
 * Only the outline is checked here; each owner reads its entry with its own rules (the profiles
 * document keeps items it cannot read, untouched: ../profiles/profile-file.ts). Keys the schema
 * does not name are kept as they are, so a newer version's settings survive an older console.
 */
import type { Options } from 'conf';
import type { JsonValue } from '../ports';

type SettingsRecord = Record<string, unknown>;

export const SETTINGS_SCHEMA: NonNullable<Options<SettingsRecord>['schema']> = {
  profiles: {
    type: 'object',
    required: ['version', 'items'],
    properties: {
      version: { type: 'integer' },
      activeId: { type: ['string', 'null'] },
      items: { type: 'array' },
    },
  },
  passphraseVault: { type: 'string', maxLength: 100_000 },
  'console.activeProfileId': { type: ['string', 'null'] },
};

/**
 * Store migrations, keyed by the app version that introduced them (conf runs each one once, in
 * order, and records the version in the file's `__internal__` entry).
 *
 * 0.1.0: profiles documents of version 1 (before the key's dates) become version 2, with the dates
 * unknown (null), as ../profiles/profile-file.ts reads them.
 */
export const SETTINGS_MIGRATIONS: NonNullable<Options<SettingsRecord>['migrations']> = {
  '0.1.0': (store) => {
    const doc = store.get('profiles') as { version?: unknown; items?: unknown } | undefined;
    if (doc === undefined || doc.version !== 1 || !Array.isArray(doc.items)) return;
    const items = doc.items.map((item: JsonValue) =>
      item !== null && typeof item === 'object' && !Array.isArray(item)
        ? { keyAddedAt: null, keyLastUsedAt: null, keyRevokedSeenAt: null, ...item }
        : item,
    );
    store.set('profiles', { ...doc, version: 2, items });
  },
};
