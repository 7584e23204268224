/**
 * Add or edit a profile. The key is write-only: it is typed here, sent to the core once, and only
 * its name, service id and last four characters ever come back. The core validates it and its
 * message is shown next to the field.
 */
import { useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../src-main/contract/methods';
import type { RpcError } from '../../../src-main/contract/result';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { ArchiveOptIn } from '../archive/archive-opt-in';
import { Checkbox, RadioGroup, TextField } from '../../components/fields';
import { ErrorPanel } from '../../components/error-panel';
import { Sensitive } from '../../components/sensitive';
import { parseApiKey } from '../../../src-shared/notify/api-key';
import { fieldErrors } from '../../lib/errors';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { ConnectionResult } from './connection-result';
import { VaultGate, vaultNeedFor, type VaultNeed } from './vault-gate';

type KeyType = PublicProfile['keyType'];

const DEFAULT_COLOURS: Record<KeyType, string> = { live: '#d4351c', team: '#f47738', test: '#00703c' };
const KEY_TYPES: ReadonlyArray<{ value: KeyType; label: string; hint: string }> = [
  { value: 'test', label: 'Test', hint: 'Nothing is delivered; any valid recipient ends “delivered”.' },
  {
    value: 'team',
    label: 'Team and guest list',
    hint: 'Only to your team and guest list. Cannot send letters.',
  },
  { value: 'live', label: 'Live', hint: 'Real messages to anyone. They are charged.' },
];

const FIELD_NAMES = ['name', 'baseUrl', 'apiKey', 'keyType', 'colour', 'proxy'];

/** Field errors from a failed save; a key problem with no field goes next to the key. */
function errorsFor(error: RpcError | null): { fields: Record<string, string>; general: RpcError | null } {
  if (!error) return { fields: {}, general: null };
  const fields = fieldErrors(error);
  const known = Object.keys(fields).some((f) => FIELD_NAMES.includes(f));
  if (!known && /key/i.test(`${error.code} ${error.message}`) && !/vault|locked/i.test(error.code)) {
    return { fields: { apiKey: error.message }, general: null };
  }
  return { fields, general: known ? null : error };
}

export function ProfileForm({ profile, onDone }: { profile: PublicProfile | null; onDone: () => void }) {
  const store = useAppStoreApi();
  const sandboxUrl = useAppStore((s) => s.appStatus.value?.sandboxUrl ?? null);
  const testKey = profile ? profile.id : 'draft';
  const test = useAppStore((s) => s.connectionTests[testKey]);
  const [name, setName] = useState(profile?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(
    profile?.baseUrl ?? sandboxUrl ?? 'https://api.notifications.service.gov.uk',
  );
  const [apiKey, setApiKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [keyType, setKeyType] = useState<KeyType>(profile?.keyType ?? 'test');
  const [colour, setColour] = useState(profile?.colour ?? DEFAULT_COLOURS.test);
  const [colourTouched, setColourTouched] = useState(profile !== null);
  const [proxy, setProxy] = useState(profile?.proxy ?? '');
  const [error, setError] = useState<RpcError | null>(null);
  const [saving, setSaving] = useState(false);
  const [gate, setGate] = useState<VaultNeed | null>(null);
  const generalRef = useRef<HTMLDivElement>(null);
  const { fields, general } = errorsFor(error);
  useEffect(() => {
    // A failure is shown beside the Save button and read out: focus goes to it.
    if (general) generalRef.current?.focus();
  }, [general]);
  // Checked as it is pasted, with the rule the core applies on save (src-shared/notify/api-key.ts).
  const keyCheck = apiKey.trim() === '' ? null : parseApiKey(apiKey);

  const storesKey = !removeKey && apiKey.trim() !== '';

  const save = async () => {
    // A key cannot be stored before the passphrase vault exists (or while it is locked): ask for the
    // passphrase here, keep what was typed, and save once it is set.
    // Read now, not from the render: the gate's onReady runs right after the vault changed.
    const current = store.getState().appStatus.value?.vault ?? null;
    const need = storesKey ? vaultNeedFor(current, null) : null;
    if (need) {
      setGate(need);
      return;
    }
    setGate(null);
    setSaving(true);
    setError(null);
    const common = {
      name: name.trim(),
      baseUrl: baseUrl.trim(),
      keyType,
      colour,
      proxy: proxy.trim() || null,
    };
    let result;
    if (profile) {
      const input: MethodInput<'profiles.update'> = { id: profile.id, ...common };
      if (removeKey) input.apiKey = null;
      else if (apiKey.trim()) input.apiKey = apiKey.trim();
      result = await store.getState().updateProfile(input);
    } else {
      result = await store
        .getState()
        .createProfile({ ...common, ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}) });
    }
    setSaving(false);
    if (!result.ok) {
      const vaultNeed =
        result.error.code === 'vault_locked' || result.error.code === 'vault_not_initialised'
          ? vaultNeedFor(store.getState().appStatus.value?.vault ?? null, result.error.code)
          : null;
      if (vaultNeed) setGate(vaultNeed);
      else setError(result.error);
      return;
    }
    store.getState().clearConnectionTest(testKey);
    store.getState().pushToast('success', profile ? `Saved “${common.name}”.` : `Added “${common.name}”.`);
    onDone();
  };

  const canTest = apiKey.trim() !== '' ? baseUrl.trim() !== '' : profile !== null && profile.key !== null;

  return (
    <form
      className="form"
      aria-label={profile ? `Edit ${profile.name}` : 'Add a profile'}
      data-testid="profile-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        data-autofocus=""
        label="Name"
        value={name}
        onChange={setName}
        error={fields['name']}
        autoComplete="off"
        required
        maxLength={120}
      />
      <TextField
        label="Base URL"
        value={baseUrl}
        onChange={setBaseUrl}
        error={fields['baseUrl']}
        hint={
          sandboxUrl
            ? `The built-in Notify Sandbox is at ${sandboxUrl}.`
            : 'Notify is at https://api.notifications.service.gov.uk.'
        }
        inputMode="url"
        autoComplete="off"
        required
      />
      <TextField
        label="API key"
        type="password"
        value={apiKey}
        onChange={setApiKey}
        error={fields['apiKey'] ?? (keyCheck && !keyCheck.ok ? keyCheck.message : null)}
        autoComplete="off"
        spellCheck={false}
        disabled={removeKey || profile?.builtIn === true}
        hint={
          keyCheck?.ok ? (
            <span data-testid="api-key-check">
              Looks right: key “<Sensitive>{keyCheck.key.name}</Sensitive>” for service{' '}
              <Sensitive>{keyCheck.key.serviceId}</Sensitive>, ending{' '}
              <Sensitive>{keyCheck.key.secretLast4}</Sensitive>.
              {keyCheck.trimmed || keyCheck.unquoted ? ' Spaces or quotes around it will be removed.' : ''}
              {keyCheck.warnings.map((w) => ` ${w}`).join('')}
            </span>
          ) : profile?.builtIn ? (
            'The built-in sandbox profile’s key is managed by the console.'
          ) : profile?.key ? (
            <>
              Stored:{' '}
              <Sensitive>
                {profile.key.name}, service {profile.key.serviceId}, ending {profile.key.last4}
              </Sensitive>
              . Leave empty to keep it.
            </>
          ) : (
            'Paste the whole key, as Notify showed it: name-serviceid-secret. It is encrypted and never shown again.'
          )
        }
        testId="api-key-input"
      />
      {profile?.key && !profile.builtIn ? (
        <Checkbox label="Remove the stored key" checked={removeKey} onChange={setRemoveKey} />
      ) : null}
      {profile?.keyProblem ? <p className="field__error">{profile.keyProblem}</p> : null}
      <RadioGroup
        legend="Key type"
        name="key-type"
        value={keyType}
        error={fields['keyType']}
        onChange={(t) => {
          setKeyType(t);
          if (!colourTouched) setColour(DEFAULT_COLOURS[t]);
        }}
        options={KEY_TYPES.map((t) => ({ value: t.value, label: t.label, hint: t.hint }))}
      />
      <div className="field">
        <label className="field__label" htmlFor="profile-colour">
          Colour
        </label>
        <input
          id="profile-colour"
          type="color"
          className="input input--colour"
          value={colour}
          onChange={(e) => {
            setColour(e.target.value);
            setColourTouched(true);
          }}
        />
        {fields['colour'] ? <p className="field__error">{fields['colour']}</p> : null}
      </div>
      <TextField
        label="Proxy (optional)"
        value={proxy}
        onChange={setProxy}
        error={fields['proxy']}
        hint="For example http://proxy.internal:3128. Empty uses the system or environment setting."
        autoComplete="off"
      />
      {profile ? <ArchiveOptIn profileId={profile.id} profileName={profile.name} /> : null}
      <ConnectionResult test={test} />
      {general ? (
        <div tabIndex={-1} ref={generalRef} data-testid="profile-save-error">
          <ErrorPanel error={general} title="The profile was not saved" />
        </div>
      ) : null}
      {gate ? <VaultGate need={gate} busy={saving} onReady={() => void save()} /> : null}
      <div className="form__actions form__actions--sticky" data-testid="profile-form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save profile'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={!canTest || test?.status === 'loading'}
          onClick={() =>
            void store
              .getState()
              .testConnection(
                testKey,
                apiKey.trim()
                  ? { baseUrl: baseUrl.trim(), apiKey: apiKey.trim(), proxy: proxy.trim() || null }
                  : { id: profile?.id ?? '' },
              )
          }
        >
          Test connection
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
