/**
 * When keys are in the passphrase vault and it is locked (or not set up), every screen says so
 * and offers to unlock right there.
 */
import { useState } from 'react';
import { TextField } from '../../components/fields';
import { useAppStore, useAppStoreApi } from '../../state/context';

export function VaultBanner() {
  const store = useAppStoreApi();
  const vault = useAppStore((s) => s.appStatus.value?.vault ?? null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!vault || vault.kind !== 'passphrase' || (!vault.locked && !vault.needsSetup)) return null;
  if (vault.needsSetup) {
    return (
      <div className="banner banner--warning" role="region" aria-label="Key vault" data-testid="vault-banner">
        <p>Set a vault passphrase before adding your own API keys. {vault.reason ?? ''}</p>
        <button
          type="button"
          className="button button--small"
          onClick={() => store.getState().navigate({ screen: 'profiles' })}
        >
          Set up the vault
        </button>
      </div>
    );
  }
  return (
    <form
      className="banner banner--warning"
      aria-label="Unlock the key vault"
      data-testid="vault-banner"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void store
          .getState()
          .unlockVault(passphrase)
          .then((r) => {
            setBusy(false);
            setError(r.ok ? null : r.error.message);
            if (r.ok) setPassphrase('');
          });
      }}
    >
      <p>The key vault is locked: nothing can be sent or fetched until you unlock it.</p>
      <TextField
        label="Vault passphrase"
        type="password"
        autoComplete="current-password"
        value={passphrase}
        onChange={setPassphrase}
        error={error}
        className="field--inline"
      />
      <button type="submit" className="button" disabled={busy || passphrase === ''}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
