/**
 * The recipient, checked with Notify's rules as it is typed, plus one-click simulated recipients
 * for test keys.
 */
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { TextField } from '../../components/fields';
import { checkRecipient, SIMULATED_RECIPIENTS, SMOKE_TEST_WARNING } from './recipient';

export function RecipientField({
  type,
  value,
  error,
  profile,
  onChange,
}: {
  type: 'sms' | 'email';
  value: string;
  error?: string;
  profile: PublicProfile;
  onChange: (value: string) => void;
}) {
  const check = value.trim() ? checkRecipient(type, value) : null;
  const smoke = check?.ok === true && check.smokeTest;
  return (
    <div className="recipient">
      <TextField
        label={type === 'sms' ? 'Phone number' : 'Email address'}
        type={type === 'sms' ? 'tel' : 'email'}
        autoComplete="off"
        value={value}
        onChange={onChange}
        error={error}
        testId="recipient"
        data-sensitive=""
        hint={
          check?.ok && check.countryName && type === 'sms'
            ? `${check.countryName}${check.rateMultiplier !== 1 ? `, charged at ${check.rateMultiplier}× the UK rate` : ''}${check.noDeliveryReceipts ? '; no delivery receipts, so the status stops at “sent”' : ''}.`
            : undefined
        }
      />
      {smoke ? (
        <p className="notice notice--warning" data-testid="smoke-test-warning">
          {SMOKE_TEST_WARNING}
        </p>
      ) : null}
      {profile.keyType === 'test' ? (
        <div className="chips" role="group" aria-label="Simulated recipients (test key)">
          <span className="chips__label">Simulate:</span>
          {SIMULATED_RECIPIENTS[type].map((r) => (
            <button
              key={r.value}
              type="button"
              className={`chip chip--${r.outcome}`}
              aria-pressed={value === r.value}
              data-testid={`simulate-${r.outcome}`}
              title={r.value}
              onClick={() => onChange(r.value)}
            >
              {r.label} <span className="chip__value">{r.value}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
