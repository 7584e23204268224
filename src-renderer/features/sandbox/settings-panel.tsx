/**
 * The rest of the control API: a service's settings (trial mode, rate and daily limits,
 * permissions, callbacks), a new template or version, the callbacks the sandbox sent and the
 * unsubscribes it received, and a reset (after a confirmation).
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  SANDBOX_PERMISSIONS,
  type PanelService,
  type PanelServiceSettings,
} from '../../../src-main/contract/sandbox';
import { Dialog } from '../../components/dialog';
import { Checkbox, SelectField, TextField } from '../../components/fields';
import { LoadState } from '../../components/states';
import { formatDateTime } from '../../lib/time';
import { idle } from '../../state/loadable';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { callbackChanges, callbackDrafts, withoutTokens, type CallbackErrors } from './callback-drafts';
import { CallbackFields } from './callback-settings';
import { ServicePicker, useAction, useServiceChoice } from './sandbox-common';

const LIMITS = ['sms', 'email', 'letter', 'international_sms'] as const;

function SettingsForm({ settings }: { settings: PanelServiceSettings }) {
  const store = useAppStoreApi();
  const act = useAction();
  const [restricted, setRestricted] = useState(settings.restricted);
  const [rate, setRate] = useState(String(settings.rateLimit));
  const [limits, setLimits] = useState(() =>
    Object.fromEntries(LIMITS.map((l) => [l, String(settings.limits[l])])),
  );
  const [permissions, setPermissions] = useState(new Set(settings.permissions));
  const [callbacks, setCallbacks] = useState(() => callbackDrafts(settings));
  const [callbackErrors, setCallbackErrors] = useState<CallbackErrors>({});
  const num = (v: string) => Math.max(0, Math.round(Number(v) || 0));
  return (
    <form
      className="form sandbox-form"
      aria-label={`Settings of ${settings.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        const { changes, errors } = callbackChanges(settings, callbacks);
        const form = e.currentTarget;
        // Rendered at once, so the first field that says what is wrong can take the focus.
        flushSync(() => setCallbackErrors(errors));
        if (Object.keys(errors).length > 0)
          return form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
        void act(
          () =>
            store.getState().updateSandboxService({
              serviceId: settings.id,
              restricted,
              rateLimit: num(rate),
              limits: Object.fromEntries(LIMITS.map((l) => [l, num(limits[l] ?? '0')])),
              permissions: SANDBOX_PERMISSIONS.filter((p) => permissions.has(p)),
              ...changes,
            }),
          `Saved the settings of ${settings.name}.`,
        ).then((ok) => ok && setCallbacks(withoutTokens));
      }}
    >
      <Checkbox
        label="Trial mode"
        hint="Only team members and the guest list can receive messages, as a new Notify service."
        checked={restricted}
        onChange={setRestricted}
      />
      <div className="form__row">
        <TextField
          label="Rate limit (requests a minute)"
          value={rate}
          onChange={setRate}
          inputMode="numeric"
        />
        {LIMITS.map((l) => (
          <TextField
            key={l}
            label={`Daily limit: ${l.replace('_', ' ')}`}
            value={limits[l] ?? ''}
            onChange={(v) => setLimits({ ...limits, [l]: v })}
            inputMode="numeric"
          />
        ))}
      </div>
      <fieldset className="fieldset fieldset--grid">
        <legend className="fieldset__legend">Permissions</legend>
        {SANDBOX_PERMISSIONS.map((p) => (
          <Checkbox
            key={p}
            label={p.replace(/_/g, ' ')}
            checked={permissions.has(p)}
            onChange={(on) => {
              const next = new Set(permissions);
              if (on) next.add(p);
              else next.delete(p);
              setPermissions(next);
            }}
          />
        ))}
      </fieldset>
      <CallbackFields
        settings={settings}
        drafts={callbacks}
        errors={callbackErrors}
        onChange={setCallbacks}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          Save the settings
        </button>
      </div>
    </form>
  );
}

function NewTemplate({ serviceId }: { serviceId: string }) {
  const store = useAppStoreApi();
  const act = useAction();
  const [name, setName] = useState('');
  const [type, setType] = useState<'sms' | 'email' | 'letter'>('sms');
  const [subject, setSubject] = useState('');
  const [content, setContent] = useState('');
  return (
    <form
      className="form sandbox-form"
      aria-label="Create a template"
      onSubmit={(e) => {
        e.preventDefault();
        void act(
          () =>
            store.getState().createSandboxTemplate({
              serviceId,
              name: name.trim(),
              type,
              content,
              ...(type === 'sms' ? {} : { subject }),
            }),
          `Created the template “${name.trim()}”.`,
        ).then((ok) => ok && (setName(''), setContent(''), setSubject('')));
      }}
    >
      <h2>Create a template</h2>
      <div className="form__row">
        <TextField label="Template name" value={name} onChange={setName} required maxLength={255} />
        <SelectField
          label="Template type"
          value={type}
          onChange={setType}
          options={[
            { value: 'sms', label: 'Text message' },
            { value: 'email', label: 'Email' },
            { value: 'letter', label: 'Letter' },
          ]}
        />
        {type !== 'sms' ? (
          <TextField label="Subject" value={subject} onChange={setSubject} required maxLength={1000} />
        ) : null}
      </div>
      <label className="field__label" htmlFor="new-template-content">
        Content (Notify’s template language: ((placeholders)), markdown for emails and letters)
      </label>
      <textarea
        id="new-template-content"
        className="input input--multiline"
        rows={4}
        value={content}
        maxLength={100_000}
        onChange={(e) => setContent(e.target.value)}
      />
      <div className="form__actions">
        <button
          type="submit"
          className="button button--secondary"
          disabled={!name.trim() || !content || (type !== 'sms' && !subject)}
        >
          Create the template
        </button>
      </div>
    </form>
  );
}

function Activity() {
  const store = useAppStoreApi();
  const activity = useAppStore((s) => s.sandboxActivity);
  useEffect(() => void store.getState().loadSandboxActivity(), [store]);
  return (
    <section aria-labelledby="sandbox-activity">
      <h2 id="sandbox-activity">Callbacks sent and unsubscribes received</h2>
      <LoadState
        loadable={activity}
        loadingLabel="Reading…"
        errorTitle="Could not read the callbacks"
        onRetry={() => void store.getState().loadSandboxActivity()}
      >
        {(a) => (
          <>
            {a.callbacks.length === 0 ? <p className="muted">No callback sent yet.</p> : null}
            {a.callbacks.length ? (
              <table className="table table--compact">
                <caption className="visually-hidden">Callbacks</caption>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">URL</th>
                    <th scope="col">State</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Last answer</th>
                  </tr>
                </thead>
                <tbody>
                  {a.callbacks.map((c) => (
                    <tr key={c.id}>
                      <td>{c.kind}</td>
                      <td className="truncate">{c.url}</td>
                      <td>{c.state}</td>
                      <td>{c.attempts}</td>
                      <td>{c.lastStatus ?? c.lastError ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <p className="muted">
              {a.unsubscribes.length === 0
                ? 'No one-click unsubscribe received.'
                : a.unsubscribes.map((u) => `${u.notificationId} at ${formatDateTime(u.at)}`).join('; ')}
            </p>
          </>
        )}
      </LoadState>
    </section>
  );
}

export function SettingsPanel({ services }: { services: PanelService[] }) {
  const store = useAppStoreApi();
  const act = useAction();
  const [serviceId, setServiceId] = useServiceChoice(services);
  const settings = useAppStore((s) => s.sandboxSettings[serviceId]) ?? idle();
  const [confirmReset, setConfirmReset] = useState(false);
  useEffect(() => {
    if (serviceId) void store.getState().loadSandboxSettings(serviceId);
  }, [store, serviceId]);
  return (
    <div className="sandbox-settings">
      <ServicePicker services={services} value={serviceId} onChange={setServiceId} />
      <LoadState
        loadable={settings}
        loadingLabel="Reading the service’s settings…"
        errorTitle="Could not read the settings"
        onRetry={() => void store.getState().loadSandboxSettings(serviceId)}
      >
        {(v) => <SettingsForm key={`${v.id}-${JSON.stringify(v)}`} settings={v} />}
      </LoadState>
      {serviceId ? <NewTemplate serviceId={serviceId} /> : null}
      <Activity />
      <section aria-labelledby="sandbox-reset" className="panel">
        <h2 id="sandbox-reset">Reset the sandbox</h2>
        <p>Back to its starting services and templates: everything sent is forgotten. Its keys stay.</p>
        <button type="button" className="button button--danger" onClick={() => setConfirmReset(true)}>
          Reset the sandbox
        </button>
      </section>
      {confirmReset ? (
        <Dialog title="Reset the sandbox?" onClose={() => setConfirmReset(false)} testId="reset-dialog">
          <p>
            Every notification, received text and callback in the sandbox is forgotten. This cannot be undone.
          </p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              data-autofocus=""
              onClick={() => {
                setConfirmReset(false);
                void act(() => store.getState().resetSandbox(), 'The sandbox is back to its start.');
              }}
            >
              Reset it
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmReset(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
