/**
 * Screens that work on one profile render through this: it supplies the active profile, or says
 * how to get one.
 */
import type { ReactNode } from 'react';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { Loading, EmptyState } from '../../components/states';
import { ErrorPanel } from '../../components/error-panel';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { selectActiveProfile } from '../../state/slices/profiles-slice';

export function RequireProfile({ children }: { children: (profile: PublicProfile) => ReactNode }) {
  const store = useAppStoreApi();
  const profile = useAppStore(selectActiveProfile);
  const status = useAppStore((s) => s.profiles.status);
  const error = useAppStore((s) => s.profiles.error);
  if (profile) return <>{children(profile)}</>;
  if (status === 'loading' || status === 'idle') return <Loading label="Loading profiles…" />;
  if (error)
    return (
      <ErrorPanel
        error={error}
        title="Could not load profiles"
        onRetry={() => void store.getState().loadProfiles()}
      />
    );
  return (
    <EmptyState title="No profile yet">
      <p>A profile holds a Notify base URL and an API key. Add one to use this screen.</p>
      <button
        type="button"
        className="button"
        onClick={() => store.getState().navigate({ screen: 'profiles' })}
      >
        Add a profile
      </button>
    </EmptyState>
  );
}
