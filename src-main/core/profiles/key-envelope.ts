/**
 * Sealing a profile's key and opening it again, bound to where it may be used.
 *
 * The plaintext the cipher seals names the profile and base URL the key belongs to, so a key moved
 * to another profile, or left behind when the base URL changes, is refused rather than sent to a
 * different origin.
 */
import { z } from 'zod';
import { parseApiKey, type ApiKey } from '../../../src-shared/notify/api-key';
import type { RekeyableCipher, SecretCipher } from '../ports';
import { KeyBindingError } from './profile-errors';
import type { Profile, StoredKeyFields } from './profile-model';

/** The plaintext the cipher seals: the key plus what it is bound to. */
interface KeyPayload {
  v: 1;
  profileId: string;
  baseUrl: string;
  apiKey: string;
}

/** Encrypts `key` for `profile` (its id and base URL); the key's dates start afresh at `nowMs`. */
export async function sealKey(
  cipher: SecretCipher,
  profile: Pick<Profile, 'id' | 'baseUrl'>,
  key: ApiKey,
  nowMs: number,
): Promise<StoredKeyFields> {
  const payload: KeyPayload = { v: 1, profileId: profile.id, baseUrl: profile.baseUrl, apiKey: key.value };
  return {
    keyEnvelope: await cipher.encrypt(JSON.stringify(payload)),
    key: { name: key.name, serviceId: key.serviceId, last4: key.secretLast4 },
    keyAddedAt: new Date(nowMs).toISOString(),
    keyLastUsedAt: null,
    keyRevokedSeenAt: null,
  };
}

/**
 * Decrypts a profile's key and checks it was sealed for this profile and base URL; throws
 * {@link KeyBindingError} when not, and the cipher's own errors (a locked vault) as they are.
 */
export async function openKey(cipher: SecretCipher, profile: Profile, envelope: string): Promise<ApiKey> {
  const payload = parsePayload(await cipher.decrypt(envelope));
  if (!payload || payload.profileId !== profile.id || payload.baseUrl !== profile.baseUrl) {
    throw new KeyBindingError(profile.name);
  }
  const parsed = parseApiKey(payload.apiKey);
  if (!parsed.ok) throw new KeyBindingError(profile.name);
  return parsed.key;
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

/** Whether the cipher can change its passphrase (the passphrase vault). */
export function isRekeyable(cipher: SecretCipher): cipher is RekeyableCipher {
  return (
    cipher.kind === 'passphrase' &&
    typeof (cipher as Partial<RekeyableCipher>).changePassphrase === 'function'
  );
}
