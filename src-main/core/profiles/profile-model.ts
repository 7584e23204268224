/**
 * A stored profile as the settings file holds it, and the small rules about it that every profile
 * module shares.
 */
import type { KeyType } from '../../../src-shared/notify/api-key';

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
  /**
   * Saved with the embedded sandbox's address: the profile follows the sandbox wherever it listens
   * (./embedded-sandbox-url.ts). `baseUrl` stays as saved: the key is bound to it.
   */
  embeddedSandbox: boolean;
}

export interface StoredKeyInfo {
  name: string;
  serviceId: string;
  last4: string;
}

export const MAX_PROFILES = 200;
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

/** The colour a new profile gets when the user chose none: the palette in turn. */
export function nextColour(existing: number): string {
  return PALETTE[existing % PALETTE.length] ?? PALETTE[0];
}

/** The key fields of a {@link Profile}. */
export type StoredKeyFields = Pick<
  Profile,
  'keyEnvelope' | 'key' | 'keyAddedAt' | 'keyLastUsedAt' | 'keyRevokedSeenAt'
>;

/** A profile's key fields when it has no key. */
export const NO_KEY: StoredKeyFields = {
  keyEnvelope: null,
  key: null,
  keyAddedAt: null,
  keyLastUsedAt: null,
  keyRevokedSeenAt: null,
};

/** The same key, by its non-secret description. */
export function sameKey(a: StoredKeyInfo, b: StoredKeyInfo): boolean {
  return a.name === b.name && a.serviceId === b.serviceId && a.last4 === b.last4;
}

/** Names compare without case or Unicode normalisation differences. */
export function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}
