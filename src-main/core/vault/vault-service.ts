/**
 * The key vault as the user manages it: set up, unlock, lock and change the passphrase. Only the
 * passphrase vault has a passphrase; with the OS keychain these calls do not apply.
 */
import type { MethodOutput } from '../../contract/methods';
import { NotApplicableError } from '../errors';
import type { CoreEvents } from '../events';
import type { SecretCipher } from '../ports';
import type { StoredProfiles } from '../profiles/stored-profiles';
import { PassphraseCipher } from './passphrase-cipher';

type VaultState = MethodOutput<'vault.lock'>;

export class VaultService {
  constructor(
    private readonly cipher: SecretCipher,
    /** Why this vault was chosen (the OS keychain unusable…), for the user. */
    readonly reason: string,
    private readonly stored: StoredProfiles,
    private readonly events: CoreEvents,
  ) {}

  status(): MethodOutput<'app.status'>['vault'] {
    return {
      kind: this.cipher.kind,
      locked: this.cipher.isLocked(),
      needsSetup: this.cipher instanceof PassphraseCipher && !this.cipher.isInitialised(),
      reason: this.reason,
    };
  }

  async setup(passphrase: string): Promise<VaultState> {
    await this.passphrase().initialise(passphrase);
    return this.changed();
  }

  async unlock(passphrase: string): Promise<VaultState> {
    this.passphrase();
    await this.stored.unlockVault(passphrase);
    return this.changed();
  }

  lock(): VaultState {
    this.passphrase().lock();
    return this.changed();
  }

  /** Re-encrypts every stored key under the new passphrase, all or nothing. */
  async changePassphrase(current: string, next: string): Promise<VaultState> {
    this.passphrase();
    await this.stored.changePassphrase(current, next);
    return this.state();
  }

  private passphrase(): PassphraseCipher {
    if (!(this.cipher instanceof PassphraseCipher))
      throw new NotApplicableError(
        'Your API keys are kept in the operating system’s keychain, so there is no passphrase to manage.',
      );
    return this.cipher;
  }

  private state(): VaultState {
    return { locked: this.cipher.isLocked() };
  }

  private changed(): VaultState {
    const state = this.state();
    this.events.emit('vault.changed', state);
    return state;
  }
}
