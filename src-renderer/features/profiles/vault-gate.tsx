/**
 * Saving a key before the vault can take it (issue 9.4): the passphrase vault is not set up yet, or
 * it is locked. Shown right above the form's Save button, with focus moved to it, so the user sets
 * a passphrase (or unlocks) there and the profile is saved with everything they typed.
 */
import { useEffect, useRef, useState } from 'react';
import { TextField } from '../../components/fields';
import { useAppStore, useAppStoreApi } from '../../state/context';

export type VaultNeed = 'setup' | 'unlock';

/** The vault state that stops a key being saved, or null when a key can be stored now. */
export function vaultNeedFor(
  vault: { kind: 'os-keychain' | 'passphrase'; locked: boolean; needsSetup: boolean } | null,
  errorCode: string | null,
): VaultNeed | null {
  if (errorCode === 'vault_not_initialised') return 'setup';
  if (errorCode === 'vault_locked') return vault?.needsSetup ? 'setup' : 'unlock';
  if (!vault || vault.kind !== 'passphrase') return null;
  if (vault.needsSetup) return 'setup';
  return vault.locked ? 'unlock' : null;
}

export function VaultGate({
  need,
  onReady,
  busy,
}: {
  need: VaultNeed;
  /** Called once the vault can take the key: the form saves then. */
  onReady: () => void;
  busy: boolean;
}) {
  const store = useAppStoreApi();
  const reason = useAppStore((s) => s.appStatus.value?.vault.reason ?? null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [need]);

  const submit = async () => {
    if (need === 'setup') {
      if (pass.length < 8) return setError('Use at least 8 characters.');
      if (pass !== confirm) return setError('The passphrases do not match.');
    }
    setWorking(true);
    const r =
      need === 'setup' ? await store.getState().setupVault(pass) : await store.getState().unlockVault(pass);
    setWorking(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setPass('');
    setConfirm('');
    onReady();
  };

  return (
    <section
      className="vault-gate notice notice--warning"
      aria-labelledby="vault-gate-heading"
      data-testid="vault-gate"
    >
      <h3 id="vault-gate-heading" tabIndex={-1} ref={headingRef}>
        {need === 'setup'
          ? 'Choose a passphrase to keep your API key safe'
          : 'Unlock your API keys to save this one'}
      </h3>
      <p>
        {need === 'setup'
          ? 'No key has been saved on this computer yet, so there is no passphrase. API keys are stored encrypted; choose the passphrase that protects them, and this profile is saved with it. Everything you typed is kept.'
          : 'Your API keys are locked. Enter your passphrase, and this profile is saved. Everything you typed is kept.'}
      </p>
      {need === 'setup' && reason ? (
        <p className="small" data-testid="vault-gate-reason">
          Why not the operating system keychain: {reason}
        </p>
      ) : null}
      <TextField
        label={need === 'setup' ? 'New passphrase' : 'Passphrase'}
        type="password"
        autoComplete={need === 'setup' ? 'new-password' : 'current-password'}
        value={pass}
        onChange={setPass}
        hint={
          need === 'setup'
            ? 'At least 8 characters. If you forget it, keys must be entered again.'
            : undefined
        }
      />
      {need === 'setup' ? (
        <TextField
          label="Confirm passphrase"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
        />
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="button" disabled={working || busy} onClick={() => void submit()}>
        {need === 'setup' ? 'Set passphrase and save' : 'Unlock and save'}
      </button>
    </section>
  );
}
