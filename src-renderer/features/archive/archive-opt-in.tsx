/**
 * "Keep this profile's notifications in the local archive": the opt-in on the profile card, the
 * profile form and the Archive screen. It says why it cannot be changed when the archive is locked
 * or damaged, rather than failing silently.
 */
import { useEffect, useState } from 'react';
import { Checkbox } from '../../components/fields';
import { useAppStore, useAppStoreApi } from '../../state/context';

const UNAVAILABLE: Record<string, string> = {
  locked: 'locked with the key vault',
  damaged: 'damaged, see the Archive screen',
  'too-new': 'written by a newer Notify Console',
};

export function ArchiveOptIn({ profileId, profileName }: { profileId: string; profileName: string }) {
  const store = useAppStoreApi();
  const status = useAppStore((s) => s.archiveStatus);
  // The choice shows at once; it settles to what the archive says once the call has answered.
  const [pending, setPending] = useState<boolean | null>(null);
  useEffect(() => {
    if (status.status === 'idle') void store.getState().loadArchiveStatus();
  }, [store, status.status]);
  const value = status.value;
  const usable = value?.state === 'open' || value?.state === 'off';
  if (!value || !usable) {
    return (
      <p className="small muted" data-testid="archive-opt-in-unavailable">
        Local archive: {value ? UNAVAILABLE[value.state] : 'checking…'}.{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => store.getState().navigate({ screen: 'archive' })}
        >
          Open the Archive screen
        </button>
      </p>
    );
  }
  const optedIn = pending ?? value.optedIn.includes(profileId);
  return (
    <Checkbox
      label={`Keep ${profileName}’s notifications in the local archive`}
      checked={optedIn}
      testId={`archive-opt-in-${profileId}`}
      hint="Encrypted on this computer with your key vault, kept past Notify’s 7 days, searchable on the Archive screen."
      onChange={async (on) => {
        setPending(on);
        await store.getState().setArchiveOptIn(profileId, on);
        setPending(null);
      }}
    />
  );
}
