/**
 * The status timeline: Notify's timestamps plus every status the console observed, with the time
 * between each step.
 */
import type { Notification, Observation } from '../../../src-main/contract/schemas';
import { StatusTag } from '../../components/badges';
import { buildTimeline } from '../../lib/timeline';
import { formatDateTime, formatDuration, formatTimeOfDay } from '../../lib/time';

export function TimelineView({
  notification,
  observations,
}: {
  notification: Notification | null;
  observations: readonly Observation[];
}) {
  const entries = buildTimeline(notification, observations);
  if (entries.length === 0) return <p className="muted">Nothing observed yet.</p>;
  const last = entries[entries.length - 1];
  return (
    <div>
      <ol className="timeline" data-testid="timeline" aria-label="Status timeline">
        {entries.map((e) => (
          <li
            key={e.key}
            className={`timeline__item timeline__item--${e.source}`}
            data-testid="timeline-entry"
            data-source={e.source}
            data-status={e.status ?? ''}
          >
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__body">
              <p className="timeline__label">
                {e.status ? <StatusTag status={e.status} /> : null} {e.label}
              </p>
              <p className="timeline__time">
                <time dateTime={e.at}>
                  {formatDateTime(e.at).slice(0, 10)} {formatTimeOfDay(e.at)}
                </time>
                {e.sincePreviousMs !== null ? (
                  <span className="muted">
                    {' '}
                    · {formatDuration(e.sincePreviousMs)} after the previous step
                  </span>
                ) : null}
              </p>
            </div>
          </li>
        ))}
      </ol>
      {last && entries.length > 1 ? (
        <p className="muted small" data-testid="timeline-total">
          {formatDuration(last.sinceStartMs)} from the first to the last step.
        </p>
      ) : null}
    </div>
  );
}
