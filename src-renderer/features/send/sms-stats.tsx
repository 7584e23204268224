/**
 * Length, fragments, encoding, characters that will not survive, and the cost estimate.
 */
import { SMS_RATE_POUNDS } from '../../../src-shared/letters/costs';
import { formatPounds, describeCharacter, type SmsPreview } from './sms-preview';

export function SmsStats({ stats, rateMultiplier }: { stats: SmsPreview; rateMultiplier: number }) {
  return (
    <div className="sms-stats" data-testid="sms-stats">
      <dl className="facts facts--inline">
        <div>
          <dt>Characters</dt>
          <dd data-testid="sms-characters">{stats.characterCount} of 918</dd>
        </div>
        <div>
          <dt>Fragments</dt>
          <dd data-testid="sms-fragments">{stats.fragmentCount}</dd>
        </div>
        <div>
          <dt>Encoding</dt>
          <dd>{stats.encoding}</dd>
        </div>
        <div>
          <dt>Estimated cost</dt>
          <dd data-testid="sms-cost">
            {formatPounds(stats.costEstimate)}{' '}
            <span className="muted small">
              (estimate: {stats.fragmentCount} × £{SMS_RATE_POUNDS}
              {rateMultiplier !== 1 ? ` × ${rateMultiplier}` : ''})
            </span>
          </dd>
        </div>
      </dl>
      {stats.isTooLong ? (
        <p className="notice notice--error" role="alert">
          Text messages cannot be longer than 918 characters. This one is {stats.characterCount}.
        </p>
      ) : null}
      {stats.nonGsmCharacters.length ? (
        <div className="notice notice--warning" data-testid="non-gsm-warning">
          <p>
            {stats.encoding === 'UCS-2'
              ? 'These characters are not in the GSM-7 alphabet and make the whole message UCS-2 (70 characters per fragment):'
              : 'These characters are not in the GSM-7 alphabet; Notify changes them before sending:'}
          </p>
          <ul className="char-list">
            {stats.nonGsmCharacters.map((c) => {
              const replaced = stats.replaced.find((r) => r.from === c);
              return (
                <li key={c}>
                  <code>{describeCharacter(c)}</code>
                  {replaced ? (
                    <>
                      {' '}
                      becomes <code>{replaced.to === '' ? '(removed)' : replaced.to}</code>
                    </>
                  ) : (
                    ' is kept'
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
