/**
 * The profiles export file: every profile's settings without keys, for moving profiles between
 * machines, and reading one back strictly (all or nothing, every problem listed).
 *
 * Format: `{ format: 'notify-console-profiles', version: 1, exportedAt, profiles: [{ name, baseUrl,
 * keyType, colour, proxy }] }`. Ids, dates and anything about keys are left out: an import makes new
 * profiles, and each needs its key entered on the new machine.
 */
import { z } from 'zod';
import { normaliseBaseUrl, normaliseProxy } from '../../../src-shared/notify/key-destination';
import {
  checkProfileName,
  normaliseColour,
  PROFILE_NAME_MAX,
} from '../../../src-shared/notify/profile-fields';
import { ProfileImportError } from './profile-errors';
import { checkKeyType, field, issuesFrom, optionalField } from './profile-input';
import type { PublicProfile } from '../../contract/schemas';
import { MAX_PROFILES, NO_KEY, nextColour, sameName, type Profile } from './profile-model';
import { toPublicProfile } from './public-profile';

const EXPORT_FORMAT = 'notify-console-profiles';
const EXPORT_VERSION = 1;
const MAX_IMPORT_BYTES = 1024 * 1024;

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

/** One profile as an import file holds it, checked. */
type ImportedProfile = z.infer<typeof exportedProfileSchema>;

/** The export file for these profiles, written at `nowMs`. */
export function exportDocument(profiles: readonly Profile[], nowMs: number): string {
  const doc = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    profiles: profiles.map(({ name, baseUrl, keyType, colour, proxy }) => ({
      name,
      baseUrl,
      keyType,
      colour,
      proxy,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Reads an export file (text or parsed JSON) strictly: unknown fields (a key in particular) or any
 * invalid profile reject the whole file with every problem listed.
 */
export function parseImport(json: unknown): ImportedProfile[] {
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
  return parsed.data.profiles;
}

/** `name`, or "name (2)", "name (3)"… whichever no profile has yet, within the length limit. */
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

export interface ImportReport {
  imported: PublicProfile[];
  skipped: { name: string; reason: string }[];
  renamed: { from: string; to: string }[];
}

/**
 * What importing `entries` next to `existing` makes: the new list and the report. A profile
 * identical to an existing one (same name, base URL and key type) is skipped; one whose name is
 * taken is renamed "Name (2)"; each new one gets an id and creation time from `identify` and no key.
 * Throws {@link ProfileImportError} when the import would pass the profile limit.
 */
export function planImport(
  entries: readonly ImportedProfile[],
  existing: readonly Profile[],
  identify: () => { id: string; createdAt: string },
): { profiles: Profile[]; report: ImportReport } {
  const profiles = [...existing];
  const report: ImportReport = { imported: [], skipped: [], renamed: [] };
  for (const entry of entries) {
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
      ...identify(),
      name,
      baseUrl: entry.baseUrl,
      keyType: entry.keyType,
      colour: entry.colour ?? nextColour(profiles.length),
      proxy: entry.proxy ?? null,
      ...NO_KEY,
      // An export says nothing about this computer's embedded sandbox.
      embeddedSandbox: false,
    };
    profiles.push(profile);
    // Imported profiles have no key, so the vault in use does not change how they read.
    report.imported.push(toPublicProfile(profile));
  }
  return { profiles, report };
}
