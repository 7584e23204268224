/**
 * The console's explanation of a failure or status: what happened, retry?, charged?, next steps.
 */
import type { Explanation } from '../../src-shared/notify/explanation';

const RETRY: Record<Explanation['retry'], string> = {
  yes: 'Yes, you can send it again',
  no: 'No, do not send it again',
  'after-fixing': 'Only after fixing the problem',
  later: 'Later: wait, then try again',
};

const CHARGED: Record<Explanation['charged'], string> = {
  yes: 'Yes',
  no: 'No',
  'not-applicable': 'Not applicable',
};

export function ExplanationView({
  explanation,
  testId = 'explanation',
}: {
  explanation: Explanation;
  testId?: string;
}) {
  return (
    <section className="explanation" data-testid={testId} aria-label="Explanation">
      <h3 className="explanation__title">{explanation.title}</h3>
      <p>{explanation.whatHappened}</p>
      <dl className="facts facts--inline">
        <div>
          <dt>Retry?</dt>
          <dd data-testid="explanation-retry">{RETRY[explanation.retry]}</dd>
        </div>
        <div>
          <dt>Charged?</dt>
          <dd data-testid="explanation-charged">{CHARGED[explanation.charged]}</dd>
        </div>
      </dl>
      {explanation.nextSteps.length ? (
        <>
          <h4 className="explanation__subtitle">Next steps</h4>
          <ul>
            {explanation.nextSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
