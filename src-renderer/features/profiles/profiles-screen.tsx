/**
 * Profiles: every saved Notify service and key, with add, edit, delete, test and switch.
 */
import { useEffect, useState } from 'react';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { ColourDot, KeyTypeBadge } from '../../components/badges';
import { Dialog } from '../../components/dialog';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, LoadState } from '../../components/states';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi, useAppStoreShallow } from '../../state/context';
import { ConnectionResult } from './connection-result';
import { ImportExport } from './import-export';
import { ArchiveOptIn } from '../archive/archive-opt-in';
import { describeKeyHygiene } from './key-hygiene';
import { ProfileForm } from './profile-form';
import { VaultPanel } from './vault-panel';

/** The time now, refreshed every minute: enough for "2 hours ago". */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function ProfileCard({
  profile,
  active,
  onEdit,
  onDelete,
}: {
  profile: PublicProfile;
  active: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const store = useAppStoreApi();
  const test = useAppStore((s) => s.connectionTests[profile.id]);
  const now = useMinuteClock();
  const hygiene = describeKeyHygiene(profile.key, now);
  return (
    <li
      className={`card profile-card ${active ? 'profile-card--active' : ''}`}
      style={{ borderLeftColor: profile.colour }}
      data-testid="profile-card"
    >
      <div className="profile-card__head">
        <ColourDot colour={profile.colour} />
        <h3 className="profile-card__name">{profile.name}</h3>
        <KeyTypeBadge keyType={profile.keyType} title={profile.keyTypeLabel} />
        {active ? <span className="pill">Active</span> : null}
        {profile.isSandbox ? <span className="pill pill--quiet">Sandbox</span> : null}
      </div>
      {hygiene?.revoked && profile.keyProblem ? (
        <div className="notice notice--error" role="note" data-testid="profile-key-revoked">
          <p>
            <strong>{profile.keyProblem}</strong>
          </p>
          {profile.builtIn ? null : (
            <button
              type="button"
              className="button"
              onClick={onEdit}
              aria-label={`Replace key of ${profile.name}`}
            >
              Replace key
            </button>
          )}
        </div>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Base URL</dt>
          <dd>
            <code>{profile.baseUrl}</code>
          </dd>
        </div>
        <div>
          <dt>Key</dt>
          <dd data-testid="profile-key">
            {profile.key ? (
              <Sensitive>
                {profile.key.name} · service <code>{profile.key.serviceId}</code> · ending{' '}
                <code>{profile.key.last4}</code>
              </Sensitive>
            ) : (
              <span className="muted">No key stored</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Key type</dt>
          <dd>{profile.keyTypeLabel}</dd>
        </div>
        {profile.proxy ? (
          <div>
            <dt>Proxy</dt>
            <dd>
              <code>{profile.proxy}</code>
            </dd>
          </div>
        ) : null}
        {profile.builtIn ? null : (
          <div>
            <dt>Added</dt>
            <dd>{formatDateTime(profile.createdAt)}</dd>
          </div>
        )}
      </dl>
      <ArchiveOptIn profileId={profile.id} profileName={profile.name} />
      {hygiene ? (
        <p className="small" data-testid="profile-key-usage">
          {hygiene.usage}
        </p>
      ) : null}
      {hygiene?.rotate ? (
        <p className="notice notice--warning" data-testid="profile-key-rotate">
          {hygiene.rotate}
        </p>
      ) : null}
      {profile.keyProblem && !hygiene?.revoked ? (
        <p className="field__error" role="note">
          {profile.keyProblem}
        </p>
      ) : null}
      <div className="form__actions">
        {!active ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void store.getState().setActiveProfile(profile.id)}
          >
            Use this profile
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          disabled={!profile.key && !profile.builtIn}
          onClick={() => void store.getState().testConnection(profile.id, { id: profile.id })}
        >
          Test connection
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={onEdit}
          aria-label={`Edit ${profile.name}`}
        >
          Edit
        </button>
        {!profile.builtIn ? (
          <button
            type="button"
            className="button button--danger"
            onClick={onDelete}
            aria-label={`Delete ${profile.name}`}
          >
            Delete
          </button>
        ) : null}
      </div>
      <ConnectionResult test={test} />
    </li>
  );
}

function DeleteDialog({ profile, onClose }: { profile: PublicProfile; onClose: () => void }) {
  const store = useAppStoreApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={`Delete ${profile.name}?`} onClose={onClose} testId="delete-profile-dialog">
      <p>The profile and its stored key are removed from this computer. Notify itself is not changed.</p>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void store
              .getState()
              .deleteProfile(profile.id)
              .then((r) => {
                setBusy(false);
                if (r.ok) {
                  store.getState().pushToast('success', `Deleted “${profile.name}”.`);
                  onClose();
                } else setError(r.error.message);
              });
          }}
        >
          Delete profile
        </button>
        <button type="button" className="button button--ghost" onClick={onClose} data-autofocus>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

export function ProfilesScreen() {
  const store = useAppStoreApi();
  const { profiles, activeId } = useAppStoreShallow((s) => ({
    profiles: s.profiles,
    activeId: s.activeProfileId,
  }));
  const [editing, setEditing] = useState<PublicProfile | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PublicProfile | null>(null);
  return (
    <div className="screen" data-testid="screen-profiles">
      <div className="screen__head">
        <h1 tabIndex={-1}>Profiles</h1>
        <button type="button" className="button" onClick={() => setEditing('new')}>
          Add a profile
        </button>
      </div>
      <VaultPanel />
      <LoadState
        loadable={profiles}
        loadingLabel="Loading profiles…"
        errorTitle="Could not load profiles"
        onRetry={() => void store.getState().loadProfiles()}
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No profiles yet">
            <p>Add a profile with a Notify base URL and an API key. The built-in sandbox needs no account.</p>
          </EmptyState>
        }
      >
        {(list) => (
          <ul className="card-list" aria-label="Profiles">
            {list.map((p) => (
              <ProfileCard
                key={p.id}
                profile={p}
                active={p.id === activeId}
                onEdit={() => setEditing(p)}
                onDelete={() => setDeleting(p)}
              />
            ))}
          </ul>
        )}
      </LoadState>
      <ImportExport />
      {editing ? (
        <Dialog
          title={editing === 'new' ? 'Add a profile' : `Edit ${editing.name}`}
          onClose={() => setEditing(null)}
          className="dialog--wide"
        >
          <ProfileForm profile={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        </Dialog>
      ) : null}
      {deleting ? <DeleteDialog profile={deleting} onClose={() => setDeleting(null)} /> : null}
    </div>
  );
}
