/**
 * The archive's data key is wrapped by the vault, so a passphrase change must re-wrap it with the
 * profiles' keys, or the archive would be unreadable afterwards. This decorates the vault's cipher:
 * a passphrase change carries the archive's wrapped key as one more envelope, stages the re-wrapped
 * key in the archive before the vault writes its new header (all-or-nothing with the profiles' keys)
 * and promotes it once the change has committed (key-holder.ts explains the crash cases).
 *
 * Give the decorated cipher to whoever changes the passphrase (the stored profiles); with the OS
 * keychain there is no passphrase and the cipher is returned as it is.
 */
import {
  CoreError,
  type EnvelopeRewrite,
  type Logger,
  type RekeyableCipher,
  type SecretCipher,
} from '../ports';
import type { KeyHolder } from './key-holder';

/** The archive's side of a re-wrap, while its key is held; null when there is nothing to re-wrap. */
export type RewrapTarget = Pick<KeyHolder, 'wrappedDataKey' | 'stageRewrapped' | 'commitRewrapped'>;

/** An id no profile can have (profile ids are printable), for the archive's envelope in the rewrite. */
const ARCHIVE_ENVELOPE_ID = '\u0000archive-data-key';

function isRekeyable(cipher: SecretCipher): cipher is RekeyableCipher {
  return typeof (cipher as Partial<RekeyableCipher>).changePassphrase === 'function';
}

export function rekeyingCipher(
  cipher: SecretCipher,
  archive: () => RewrapTarget | null,
  logger: Logger,
): SecretCipher {
  if (!isRekeyable(cipher)) return cipher;
  /** `rewrite` with the archive's wrapped key as one more envelope, staged before the vault writes. */
  const withArchiveKey = (
    target: RewrapTarget,
    wrapped: string,
    rewrite?: EnvelopeRewrite,
  ): EnvelopeRewrite => {
    const envelopes = new Map(rewrite?.envelopes ?? []);
    envelopes.set(ARCHIVE_ENVELOPE_ID, wrapped);
    return {
      envelopes,
      entries(reencrypted) {
        // Staged in the archive before the vault's own write: whichever way that write goes, one
        // of the archive's two wrapped keys opens with the passphrase the vault then has.
        target.stageRewrapped(reencrypted.get(ARCHIVE_ENVELOPE_ID)!);
        const profiles = new Map(reencrypted);
        profiles.delete(ARCHIVE_ENVELOPE_ID);
        return rewrite?.entries(profiles) ?? {};
      },
    };
  };
  const promote = (target: RewrapTarget): void => {
    try {
      target.commitRewrapped();
    } catch {
      // The vault has its new wrapping; the staged key is promoted the next time the archive opens.
    }
  };
  const decorated: RekeyableCipher = {
    kind: cipher.kind,
    isLocked: () => cipher.isLocked(),
    encrypt: (plain) => cipher.encrypt(plain),
    decrypt: (envelope) => cipher.decrypt(envelope),
    // An unlock re-wraps a vault made with older KDF parameters (vault/passphrase-cipher.ts): the
    // archive's key moves with the profiles' keys, as in a passphrase change.
    async unlock(passphrase, rewrite) {
      const target = archive();
      const wrapped = target?.wrappedDataKey() ?? null;
      if (!target || wrapped === null) return cipher.unlock(passphrase, rewrite);
      await cipher.unlock(passphrase, withArchiveKey(target, wrapped, rewrite));
      promote(target);
    },
    async changePassphrase(oldPassphrase, newPassphrase, rewrite) {
      const target = archive();
      const wrapped = target?.wrappedDataKey() ?? null;
      if (!target || wrapped === null) return cipher.changePassphrase(oldPassphrase, newPassphrase, rewrite);
      try {
        await cipher.changePassphrase(oldPassphrase, newPassphrase, withArchiveKey(target, wrapped, rewrite));
      } catch (err) {
        if (!(err instanceof CoreError && err.details?.['id'] === ARCHIVE_ENVELOPE_ID)) throw err;
        // The archive's key is not this vault's (the archive cannot be opened anyway, and says so
        // when it is): it must not stop the profiles' keys from moving to the new passphrase.
        logger.warn('archive key not re-wrapped: the old passphrase does not open it');
        return cipher.changePassphrase(oldPassphrase, newPassphrase, rewrite);
      }
      promote(target);
    },
  };
  return decorated;
}
