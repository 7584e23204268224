/**
 * What the profile modules refuse, as {@link CoreError}s with the contract's codes: messages for
 * the user, never a key.
 */
import type { FieldIssue } from '../errors';
import { CoreError } from '../ports';

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

function summarise(issues: FieldIssue[]): string {
  const first = issues[0];
  if (!first) return 'The input is not valid.';
  const lead = first.field ? `${first.field}: ${first.message}` : first.message;
  return issues.length === 1
    ? lead
    : `${lead} (and ${issues.length - 1} more problem${issues.length === 2 ? '' : 's'})`;
}
