/**
 * The embedded sandbox's services and their API keys: masked, with Copy (the key goes to the
 * clipboard, never into the page), Revoke (after a confirmation), "Add as profile" (one click: a
 * stored profile with the key, saved in the vault as the Profiles screen saves keys) and Create.
 */
import { useState } from 'react';
import type { PanelKey, PanelService } from '../../../src-main/contract/sandbox';
import { Dialog } from '../../components/dialog';
import { SelectField, TextField } from '../../components/fields';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { VaultGate, vaultNeedFor, type VaultNeed } from '../profiles/vault-gate';
import { useAction } from './sandbox-common';

const KEY_TYPES = [
  { value: 'test', label: 'Test (nothing is delivered)' },
  { value: 'team', label: 'Team and guest list' },
  { value: 'normal', label: 'Live' },
] as const;
const KEY_TYPE_NAMES = { normal: 'Live', team: 'Team and guest list', test: 'Test' } as const;

/** The browser's clipboard, for browser mode (the desktop app's main process writes its own). */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function KeyRow({ k, onRevoke }: { k: PanelKey; onRevoke: (k: PanelKey) => void }) {
  const store = useAppStoreApi();
  const act = useAction();
  const vault = useAppStore((s) => s.appStatus.value?.vault ?? null);
  const [gate, setGate] = useState<VaultNeed | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const addProfile = async () => {
    setBusy(true);
    const r = await store.getState().addSandboxKeyProfile(k.id);
    setBusy(false);
    if (r.ok) {
      setGate(null);
      setAdded(
        `Added the profile “${r.value.profile.name}” and made it the active profile. Its key is kept in your key vault, as every profile’s key is.`,
      );
      return;
    }
    const need =
      r.error.code === 'vault_locked' || r.error.code === 'vault_not_initialised'
        ? vaultNeedFor(store.getState().appStatus.value?.vault ?? vault, r.error.code)
        : null;
    if (need) setGate(need);
    else store.getState().pushToast('error', r.error.message);
  };
  return (
    <>
      <tr data-testid="sandbox-key" data-key-name={k.name}>
        <td>{k.name}</td>
        <td>{KEY_TYPE_NAMES[k.keyType]}</td>
        <td>
          <code className="sandbox-key__masked" data-testid="sandbox-key-masked">
            {k.masked}
          </code>
        </td>
        <td>
          {k.revoked ? (
            <span className="pill pill--warning">Revoked</span>
          ) : (
            <span className="pill">Active</span>
          )}
        </td>
        <td className="sandbox-actions">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Copy the key ${k.name}`}
            onClick={() =>
              void act(
                () => store.getState().copySandboxKey(k.id, writeClipboard),
                `Copied the key “${k.name}”.`,
              )
            }
          >
            Copy
          </button>
          {!k.revoked ? (
            <>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={`Add ${k.name} as a profile`}
                disabled={busy}
                onClick={() => void addProfile()}
              >
                Add as profile
              </button>
              <button
                type="button"
                className="button button--danger button--small"
                aria-label={`Revoke ${k.name}`}
                onClick={() => onRevoke(k)}
              >
                Revoke
              </button>
            </>
          ) : null}
        </td>
      </tr>
      {gate || added ? (
        <tr>
          <td colSpan={5}>
            {gate ? <VaultGate need={gate} busy={busy} onReady={() => void addProfile()} /> : null}
            {added ? (
              <p className="notice notice--ok" role="status" data-testid="sandbox-profile-added">
                {added}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => store.getState().navigate({ screen: 'profiles' })}
                >
                  Open Profiles
                </button>
              </p>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function CreateKey({ service }: { service: PanelService }) {
  const store = useAppStoreApi();
  const act = useAction();
  const [name, setName] = useState('');
  const [keyType, setKeyType] = useState<'normal' | 'team' | 'test'>('test');
  return (
    <form
      className="form form--inline sandbox-form"
      aria-label={`Create a key for ${service.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void act(
          () => store.getState().createSandboxKey({ serviceId: service.id, name: name.trim(), keyType }),
          `Created the key “${name.trim()}”.`,
        ).then((ok) => ok && setName(''));
      }}
    >
      <TextField label="Key name" value={name} onChange={setName} required maxLength={255} />
      <SelectField label="Key type" value={keyType} onChange={setKeyType} options={KEY_TYPES} />
      <button type="submit" className="button button--primary" disabled={!name.trim()}>
        Create key
      </button>
    </form>
  );
}

export function KeysPanel({ services }: { services: PanelService[] }) {
  const store = useAppStoreApi();
  const act = useAction();
  const [revoking, setRevoking] = useState<PanelKey | null>(null);
  return (
    <div className="sandbox-services">
      <p className="muted">
        These are keys of the embedded sandbox on this computer only: they work nowhere else. The console
        shows them masked; Copy puts the whole key on your clipboard.
      </p>
      {services.map((service) => (
        <section
          key={service.id}
          className="panel"
          aria-labelledby={`svc-${service.id}`}
          data-testid="sandbox-service"
        >
          <div className="panel__head">
            <h2 id={`svc-${service.id}`}>
              {service.name} {service.restricted ? <span className="pill">Trial mode</span> : null}
            </h2>
            <code className="small">{service.id}</code>
          </div>
          <table className="table table--compact">
            <caption className="visually-hidden">API keys of {service.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Key</th>
                <th scope="col">State</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {service.keys.map((k) => (
                <KeyRow key={k.id} k={k} onRevoke={setRevoking} />
              ))}
            </tbody>
          </table>
          <CreateKey service={service} />
        </section>
      ))}
      {revoking ? (
        <Dialog
          title={`Revoke the key “${revoking.name}”?`}
          onClose={() => setRevoking(null)}
          testId="revoke-dialog"
        >
          <p>
            Anything that uses this key (a profile, your own app) is refused from now on with Notify’s
            “Invalid token: API key revoked”. A revoked key cannot be brought back.
          </p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              data-autofocus=""
              onClick={() => {
                const k = revoking;
                setRevoking(null);
                void act(() => store.getState().revokeSandboxKey(k.id), `Revoked the key “${k.name}”.`);
              }}
            >
              Revoke the key
            </button>
            <button type="button" className="button button--secondary" onClick={() => setRevoking(null)}>
              Cancel
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
