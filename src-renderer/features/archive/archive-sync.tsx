/**
 * Which profiles are archived, and their background sync: live progress, the last run and when the
 * next one starts, with "Sync now".
 */
import type { ArchiveStatus } from '../../../src-main/contract/archive';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { describeLastRun, describeProgress } from './archive-format';
import { ArchiveOptIn } from './archive-opt-in';

function ProfileSync({ status, profileId }: { status: ArchiveStatus; profileId: string }) {
  const store = useAppStoreApi();
  const live = useAppStore((s) => s.archiveProgress[profileId]);
  const info = status.profiles.find((p) => p.profileId === profileId);
  if (!info) return null;
  const progress = live ?? info.progress;
  const running = info.running || (live !== undefined && live.phase !== 'finished');
  return (
    <div className="archive-sync" data-testid={`archive-sync-${profileId}`}>
      {progress && (running || progress.phase === 'finished') ? (
        <p className="small" role="status" data-testid="archive-sync-progress">
          {describeProgress(progress)}
        </p>
      ) : null}
      {info.lastRun ? (
        <p className="small muted" data-testid="archive-sync-last-run">
          Last run {formatDateTime(info.lastRun.finishedAt)}: {describeLastRun(info.lastRun)}
          {info.lastRun.error ? ` (${info.lastRun.error})` : ''}
        </p>
      ) : (
        <p className="small muted">Not synced yet.</p>
      )}
      {info.interrupted ? (
        <p className="small">A run was cut short; the next one carries on from where it stopped.</p>
      ) : null}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={running}
        onClick={() => void store.getState().syncArchive(profileId)}
      >
        {running ? 'Syncing…' : 'Sync now'}
      </button>
    </div>
  );
}

export function ArchiveSyncPanel({ status }: { status: ArchiveStatus }) {
  const profiles = useAppStore((s) => s.profiles.value) ?? [];
  return (
    <section aria-labelledby="archive-profiles-heading">
      <h2 id="archive-profiles-heading">Profiles and sync</h2>
      <p className="muted">
        For each profile you opt in, the console keeps every notification it sends, follows, lists or looks
        up, and a background sync reads what Notify holds for that key ({status.syncIntervalMinutes} minutes
        apart
        {status.nextSyncAt ? `; next at ${formatDateTime(status.nextSyncAt)}` : ''}), so notifications sent by
        other systems with the same key type are kept too.
      </p>
      <ul className="card-list" aria-label="Profiles and their archive">
        {profiles.map((p) => (
          <li key={p.id} className="card" data-testid="archive-profile">
            <ArchiveOptIn profileId={p.id} profileName={p.name} />
            <ProfileSync status={status} profileId={p.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
