/**
 * A stored profile as the renderer may see it, and the problems with its key worth telling the user.
 */
import { formatDay } from '../../../src-shared/dates';
import { KEY_TYPE_LABELS, maskedKey } from '../../../src-shared/notify/api-key';
import { isLoopbackUrl } from '../../../src-shared/notify/loopback';
import type { PublicProfile } from '../../contract/schemas';
import type { SecretCipher } from '../ports';
import type { Profile } from './profile-model';

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
            masked: maskedKey(profile.key),
            addedAt: profile.keyAddedAt,
            lastUsedAt: profile.keyLastUsedAt,
            revokedSeenAt: profile.keyRevokedSeenAt,
          },
    needsKey: profile.keyEnvelope === null || problem !== null,
    keyProblem: problem ?? (profile.key ? revokedKeyProblem(profile.keyRevokedSeenAt) : null),
    isSandbox: isLoopbackUrl(profile.baseUrl),
    builtIn: false,
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

/**
 * Why a stored key cannot be opened with the vault in use (it was sealed by another one), or null.
 * Read from the envelope's prefix, so lists need no decryption.
 */
export function keyProblem(profile: Profile, kind: SecretCipher['kind']): string | null {
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
