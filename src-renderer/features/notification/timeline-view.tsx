/**
 * The status timeline: Notify's timestamps plus every status the console observed, with the time
 * between each step.
 */
import type { Notification, Observation } from '../../../src-main/contract/schemas';
import { StatusTag } from '../../components/badges';
import { buildTimeline, timelineTotal, type TimelineTotal } from './timeline';
import { formatDateTime, formatDuration, formatTimeOfDay } from '../../lib/time';
import './timeline.css';

const UNTIL_WORDS: Record<TimelineTotal['until'], string> = {
  completed_at: 'Notify’s completed_at',
  'first-seen': 'when the console first saw it',
  'so-far': '',
};

function TotalLine({ total }: { total: TimelineTotal }) {
  if (total.finalStatus === null) return <>{formatDuration(total.ms)} since it was created, so far.</>;
  return (
    <>
      {formatDuration(total.ms)} from creation to {total.finalStatus} ({UNTIL_WORDS[total.until]}).
    </>
  );
}

export function TimelineView({
  notification,
  observations,
  final = false,
}: {
  notification: Notification | null;
  observations: readonly Observation[];
  /** The notification has reached a final status: the total runs to it. */
  final?: boolean;
}) {
  const entries = buildTimeline(notification, observations);
  if (entries.length === 0) return <p className="muted">Nothing observed yet.</p>;
  const total = timelineTotal(notification, entries, final);
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
      {total ? (
        <p className="muted small" data-testid="timeline-total">
          <TotalLine total={total} />
        </p>
      ) : null}
    </div>
  );
}
