/**
 * What the passphrase vault refuses, as CoreErrors with the contract's codes: messages for the
 * user that never contain a passphrase or a key.
 */
import { CoreError } from '../ports';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from './passphrase-limits';
import { describeWait } from './unlock-throttle';

export class WrongPassphraseError extends CoreError {
  override name = 'WrongPassphraseError';
  /** `waitMs`: how long the next attempt must wait (see ./unlock-throttle.ts), when known. */
  constructor(waitMs?: number) {
    super(
      'wrong_passphrase',
      waitMs === undefined
        ? 'That passphrase is not right. Nothing was changed; try again.'
        : `That passphrase is not right. Nothing was changed; you can try again in ${describeWait(waitMs)}.`,
    );
  }
}

/** An unlock attempted before the wait after a wrong passphrase is over. */
export class UnlockThrottledError extends CoreError {
  override name = 'UnlockThrottledError';
  constructor(waitMs: number) {
    super(
      'vault_throttled',
      `Too many wrong passphrases: wait ${describeWait(waitMs)} before trying again. Nothing was changed.`,
      { retryAfterSeconds: Math.ceil(waitMs / 1000) },
    );
  }
}

export class PassphraseTooShortError extends CoreError {
  override name = 'PassphraseTooShortError';
  constructor(length: number) {
    super(
      'passphrase_too_short',
      `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${length}). A few unrelated words make a good one.`,
      { minLength: MIN_PASSPHRASE_LENGTH, length },
    );
  }
}

export class PassphraseTooLongError extends CoreError {
  override name = 'PassphraseTooLongError';
  constructor() {
    super('passphrase_too_long', `Choose a passphrase of at most ${MAX_PASSPHRASE_LENGTH} characters.`);
  }
}

export class VaultLockedError extends CoreError {
  override name = 'VaultLockedError';
  constructor() {
    super('vault_locked', 'Your API keys are locked. Enter your passphrase to unlock them.');
  }
}

export class VaultNotInitialisedError extends CoreError {
  override name = 'VaultNotInitialisedError';
  constructor() {
    super('vault_not_initialised', 'No passphrase has been set yet. Choose one to protect your API keys.');
  }
}

export class VaultAlreadyInitialisedError extends CoreError {
  override name = 'VaultAlreadyInitialisedError';
  constructor() {
    super(
      'vault_already_initialised',
      'A passphrase is already set. Unlock with it, or change it in settings.',
    );
  }
}

/**
 * A vault header that cannot be used: out-of-range parameters, a format this console does not
 * know, or a checksum that does not match. Said as tampering (or damage), never as a wrong passphrase.
 */
export class VaultHeaderError extends CoreError {
  override name = 'VaultHeaderError';
  constructor(
    readonly detail: string,
    /** The header's own checksum failed: someone or something changed it on disk. */
    readonly tampered = false,
  ) {
    super(
      'vault_header_invalid',
      `The passphrase vault's header has been ${tampered ? 'tampered with' : 'tampered with or damaged'} (${detail}), so it cannot be unlocked, whatever the passphrase. Nothing has been changed or deleted: restore settings.json from a backup to use the keys saved in it, or re-enter your keys in a new data folder.`,
    );
  }
}

/** An envelope that is not one of ours, or was cut short. */
export class MalformedEnvelopeError extends CoreError {
  override name = 'MalformedEnvelopeError';
  constructor(detail: string) {
    super(
      'envelope_malformed',
      `A stored key is not in a format this console can read (${detail}). Re-enter the key.`,
    );
  }
}

/** An envelope whose authentication tag does not verify: it was changed after it was written. */
export class TamperedEnvelopeError extends CoreError {
  override name = 'TamperedEnvelopeError';
  constructor() {
    super(
      'envelope_tampered',
      'A stored key failed its integrity check: it was changed or damaged on disk. Re-enter the key.',
    );
  }
}

/** An envelope sealed under a different passphrase (another vault, or a superseded one). */
export class ForeignEnvelopeError extends CoreError {
  override name = 'ForeignEnvelopeError';
  constructor() {
    super(
      'envelope_other_passphrase',
      'A stored key was encrypted with a different passphrase than the current one, so it cannot be read. Re-enter the key.',
    );
  }
}
