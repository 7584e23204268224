/**
 * The core's own refusals that are not about a profile, the vault or Notify: each a
 * {@link CoreError} with the code the contract names, so the dispatcher can map it without
 * knowing which service raised it.
 */
import { CoreError } from './ports';

/** One problem with one input field, named by its path in the call's input. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** An input the core refused, with the problems by field. */
export class FieldValidationError extends CoreError {
  override name = 'FieldValidationError';
  constructor(readonly issues: FieldIssue[]) {
    super('validation', issues[0]?.message ?? 'The input is not valid.', {
      issues: issues.map((i) => ({ ...i })),
    });
  }
}

/** The call does not apply here (a passphrase call while keys are in the OS keychain…). */
export class NotApplicableError extends CoreError {
  override name = 'NotApplicableError';
  constructor(message: string) {
    super('not-applicable', message);
  }
}

/** A built-in sandbox profile cannot be changed or deleted. */
export class BuiltInProfileError extends CoreError {
  override name = 'BuiltInProfileError';
  constructor() {
    super(
      'built-in',
      'The local sandbox profiles are built in: they cannot be changed or deleted. Add a profile of your own instead.',
    );
  }
}
