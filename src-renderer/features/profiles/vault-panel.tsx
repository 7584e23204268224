/**
 * The passphrase vault: set up, unlock, lock and change the passphrase. Shown only when the
 * console keeps keys in the passphrase vault (no OS keychain, or browser mode).
 */
import { useState, type ReactNode } from 'react';
import type { Result } from '../../../src-main/contract/result';
import { TextField } from '../../components/fields';
import { useAppStore, useAppStoreApi } from '../../state/context';

function PassForm({
  label,
  submit,
  busyText,
  children,
  onSubmit,
}: {
  label: string;
  submit: string;
  busyText: string;
  children: ReactNode;
  onSubmit: () => Promise<string | null>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="form form--compact"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onSubmit().then((err) => {
          setBusy(false);
          setError(err);
        });
      }}
    >
      {children}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? busyText : submit}
      </button>
    </form>
  );
}

const message = (r: Result<unknown>): string | null => (r.ok ? null : r.error.message);

export function VaultPanel() {
  const store = useAppStoreApi();
  const vault = useAppStore((s) => s.appStatus.value?.vault ?? null);
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [nextConfirm, setNextConfirm] = useState('');
  if (!vault) return null;
  if (vault.kind === 'os-keychain') {
    return (
      <section className="panel" aria-labelledby="vault-heading" data-testid="vault-panel">
        <h2 id="vault-heading">Key storage</h2>
        <p>
          API keys are encrypted with this computer’s keychain. They are never shown again after you save
          them.
        </p>
      </section>
    );
  }
  const reset = () => {
    setPass('');
    setConfirm('');
    setCurrent('');
    setNext('');
    setNextConfirm('');
  };
  return (
    <section className="panel" aria-labelledby="vault-heading" data-testid="vault-panel">
      <h2 id="vault-heading">Key vault</h2>
      <p>
        API keys are encrypted with a passphrase (scrypt and AES-256-GCM).{' '}
        {vault.reason ? <span>{vault.reason}</span> : null} The passphrase is never stored; if you forget it,
        the keys cannot be recovered and must be entered again.
      </p>
      <p>
        Status:{' '}
        <strong data-testid="vault-status">
          {vault.needsSetup ? 'not set up' : vault.locked ? 'locked' : 'unlocked'}
        </strong>
      </p>
      {vault.needsSetup ? (
        <PassForm
          label="Set up the key vault"
          submit="Set up vault"
          busyText="Setting up…"
          onSubmit={async () => {
            if (pass.length < 8) return 'Use at least 8 characters.';
            if (pass !== confirm) return 'The passphrases do not match.';
            const err = message(await store.getState().setupVault(pass));
            if (!err) reset();
            return err;
          }}
        >
          <TextField
            label="New passphrase"
            type="password"
            autoComplete="new-password"
            value={pass}
            onChange={setPass}
            hint="At least 8 characters."
          />
          <TextField
            label="Confirm passphrase"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
          />
        </PassForm>
      ) : vault.locked ? (
        <PassForm
          label="Unlock the key vault"
          submit="Unlock vault"
          busyText="Unlocking…"
          onSubmit={async () => {
            const err = message(await store.getState().unlockVault(pass));
            if (!err) reset();
            return err;
          }}
        >
          <TextField
            label="Passphrase"
            type="password"
            autoComplete="current-password"
            value={pass}
            onChange={setPass}
          />
        </PassForm>
      ) : (
        <>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void store.getState().lockVault()}
          >
            Lock vault now
          </button>
          <details className="disclosure">
            <summary>Change passphrase</summary>
            <PassForm
              label="Change the vault passphrase"
              submit="Change passphrase"
              busyText="Re-encrypting keys…"
              onSubmit={async () => {
                if (next.length < 8) return 'Use at least 8 characters for the new passphrase.';
                if (next !== nextConfirm) return 'The new passphrases do not match.';
                const err = message(await store.getState().changePassphrase(current, next));
                if (!err) {
                  reset();
                  store.getState().pushToast('success', 'Passphrase changed.');
                }
                return err;
              }}
            >
              <TextField
                label="Current passphrase"
                type="password"
                autoComplete="current-password"
                value={current}
                onChange={setCurrent}
              />
              <TextField
                label="New passphrase"
                type="password"
                autoComplete="new-password"
                value={next}
                onChange={setNext}
              />
              <TextField
                label="Confirm new passphrase"
                type="password"
                autoComplete="new-password"
                value={nextConfirm}
                onChange={setNextConfirm}
              />
            </PassForm>
          </details>
        </>
      )}
    </section>
  );
}
