/**
 * Send: a form generated from the template's placeholders, a live preview, simulated recipients
 * for test keys, a confirmation for live keys, and the result with copy-as snippets. Everything
 * works from the keyboard; Ctrl+Enter sends.
 */
import { useEffect, useState } from 'react';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { RadioGroup, SelectField, TextField } from '../../components/fields';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, LoadState } from '../../components/states';
import { emptyPlaceholderMessage, emptyPlaceholders } from './empty-placeholders';
import { ADDRESS_FIELDS, buildPersonalisation, placeholderFields } from './placeholder-fields';
import { checkRecipient } from './recipient';
import { formatPounds, smsPreview } from './sms-preview';
import { TEMPLATE_TYPE_LABELS } from '../templates/template-filter';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { selectSendTemplate } from '../../state/slices/send-slice';
import { RequireProfile } from '../shell/require-profile';
import { ConfirmLiveDialog } from './confirm-live-dialog';
import { PersonalisationFields } from './personalisation-fields';
import { PrecompiledFields } from './precompiled-fields';
import { PreviewPanel } from './preview-panel';
import { RecipientField } from './recipient-field';
import { SendResultPanel } from './send-result';

const PREVIEW_DEBOUNCE_MS = 500;

const ADDRESS_LABELS: Record<(typeof ADDRESS_FIELDS)[number], string> = {
  address_line_1: 'Address line 1',
  address_line_2: 'Address line 2',
  address_line_3: 'Address line 3',
  address_line_4: 'Address line 4',
  address_line_5: 'Address line 5',
  address_line_6: 'Address line 6',
  postcode: 'Postcode',
};

function SendForm({ profile }: { profile: PublicProfile }) {
  const store = useAppStoreApi();
  const templates = useAppStore((s) => s.templatesByProfile[profile.id]);
  const send = useAppStore((s) => s.send);
  const template = useAppStore(selectSendTemplate);
  const routeTemplateId = useAppStore((s) => (s.route.screen === 'send' ? s.route.templateId : undefined));
  const [confirming, setConfirming] = useState(false);
  const { form } = send;
  const errors = send.showErrors ? send.errors : {};

  useEffect(() => {
    void store.getState().loadTemplates(profile.id);
  }, [store, profile.id]);

  useEffect(() => {
    if (routeTemplateId && templates?.value && routeTemplateId !== store.getState().send.templateId) {
      store.getState().setSendTemplate(routeTemplateId);
    }
  }, [store, routeTemplateId, templates?.value]);

  // Confirm the local preview with Notify's once typing pauses.
  useEffect(() => {
    if (!template || form.mode !== 'template') return;
    const timer = window.setTimeout(() => void store.getState().requestServerPreview(), PREVIEW_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [store, template, form.values, form.address, form.mode]);

  const recipientType = template?.type === 'sms' || template?.type === 'email' ? template.type : null;
  const recipientCheck =
    recipientType && form.recipient.trim() ? checkRecipient(recipientType, form.recipient) : null;
  const rateMultiplier = recipientCheck?.ok ? recipientCheck.rateMultiplier : 1;

  const costText = (): string => {
    if (form.mode === 'precompiled')
      return 'Charged by sheets and postage (shown in cost_details after sending)';
    if (!template) return '';
    if (template.type === 'email') return 'Free: emails cost nothing';
    if (template.type === 'letter')
      return 'Charged by sheets and postage (shown in cost_details after sending)';
    const stats = smsPreview(
      template.body,
      buildPersonalisation(placeholderFields(template), form.values),
      rateMultiplier,
    );
    return `About ${formatPounds(stats.costEstimate)} (estimate: ${stats.fragmentCount} fragment${stats.fragmentCount === 1 ? '' : 's'})`;
  };

  const submit = () => {
    const s = store.getState();
    const problems = s.validateSend();
    if (Object.keys(problems).length) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[data-testid="send-form"] [aria-invalid="true"]')?.focus(),
      );
      return;
    }
    if (profile.keyType === 'live') setConfirming(true);
    else void s.sendNotification();
  };

  const fields = template ? placeholderFields(template) : [];
  const empties =
    template && form.mode === 'template'
      ? emptyPlaceholders(
          template,
          fields,
          form.values,
          buildPersonalisation(fields, form.values, form.address),
        )
      : [];
  const warnings =
    send.personalisationTouched || send.showErrors
      ? Object.fromEntries(empties.map((e) => [e.name, emptyPlaceholderMessage(e)]))
      : {};
  const errorList = Object.values(errors);

  return (
    <div className="send-layout">
      <form
        className="form send-form"
        aria-label="Send a message"
        data-testid="send-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      >
        {errorList.length ? (
          <div className="error-summary" role="alert" data-testid="send-error-summary">
            <p className="error-summary__title">Fix these before sending</p>
            <ul>
              {errorList.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <RadioGroup
          legend="What to send"
          name="send-mode"
          inline
          value={form.mode}
          onChange={(mode) => store.getState().setSendMode(mode)}
          options={[
            { value: 'template', label: 'From a template' },
            { value: 'precompiled', label: 'Precompiled PDF letter' },
          ]}
        />
        {form.mode === 'template' ? (
          <>
            <LoadState
              loadable={templates}
              loadingLabel="Loading templates…"
              errorTitle="Could not load templates"
              onRetry={() => void store.getState().loadTemplates(profile.id, { force: true })}
              isEmpty={(list) => list.length === 0}
              empty={<EmptyState title="This service has no templates" />}
            >
              {(list) => (
                <SelectField
                  label="Template"
                  value={send.templateId ?? ''}
                  error={errors['template']}
                  testId="template-select"
                  onChange={(id) => {
                    store.getState().setSendTemplate(id || null);
                    // The choice is part of the address: a link or a reload opens the same form.
                    store.getState().navigate(id ? { screen: 'send', templateId: id } : { screen: 'send' });
                  }}
                  options={[
                    { value: '', label: 'Choose a template' },
                    ...list.map((t) => ({
                      value: t.id,
                      label: `${t.name} (${TEMPLATE_TYPE_LABELS[t.type]})`,
                    })),
                  ]}
                />
              )}
            </LoadState>
            {template?.type === 'letter' && profile.keyType === 'team' ? (
              <p className="notice notice--warning">
                Team keys cannot send letters: Notify will refuse this.
              </p>
            ) : null}
            {template && recipientType ? (
              <RecipientField
                type={recipientType}
                value={form.recipient}
                error={errors['recipient']}
                profile={profile}
                onChange={(recipient) => store.getState().updateSendForm({ recipient })}
              />
            ) : null}
            {template?.type === 'letter' ? (
              <fieldset className="fieldset">
                <legend className="fieldset__legend">Address</legend>
                {errors['address'] ? <p className="field__error">{errors['address']}</p> : null}
                {ADDRESS_FIELDS.map((key) => (
                  <TextField
                    key={key}
                    label={ADDRESS_LABELS[key]}
                    value={form.address[key] ?? ''}
                    onChange={(v) => store.getState().setAddressLine(key, v)}
                    autoComplete="off"
                    data-sensitive=""
                  />
                ))}
              </fieldset>
            ) : null}
            {template ? (
              <PersonalisationFields
                fields={fields}
                values={form.values}
                errors={errors}
                warnings={warnings}
                allowFile={template.type === 'email'}
                onChange={(name, value) => store.getState().setFieldValue(name, value)}
              />
            ) : null}
          </>
        ) : (
          <PrecompiledFields error={errors['precompiled']} />
        )}
        {template || form.mode === 'precompiled' ? (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">Options</legend>
            <TextField
              label={form.mode === 'precompiled' ? 'Reference' : 'Reference (optional)'}
              value={form.reference}
              error={errors['reference']}
              onChange={(reference) => store.getState().updateSendForm({ reference })}
              hint={
                <>
                  Your own identifier. With one, a send whose outcome is unknown can be looked up instead of
                  sent twice.
                  {send.lastSentReference && form.reference === '' ? (
                    <span className="field__hint-line" data-testid="last-reference">
                      {' '}
                      The last send used “<Sensitive>{send.lastSentReference}</Sensitive>”; it was not kept,
                      so the next send gets its own.
                    </span>
                  ) : null}
                </>
              }
              autoComplete="off"
              data-sensitive=""
              maxLength={1000}
            />
            {form.mode === 'template' && template?.type === 'sms' ? (
              <TextField
                label="SMS sender ID (optional)"
                value={form.senderId}
                error={errors['senderId']}
                onChange={(senderId) => store.getState().updateSendForm({ senderId })}
                hint="The sms_sender_id UUID from your service’s text message senders. Empty uses the default sender."
                autoComplete="off"
                spellCheck={false}
              />
            ) : null}
            {form.mode === 'template' && template?.type === 'email' ? (
              <>
                <TextField
                  label="Reply-to address ID (optional)"
                  value={form.senderId}
                  error={errors['senderId']}
                  onChange={(senderId) => store.getState().updateSendForm({ senderId })}
                  hint="The email_reply_to_id UUID from your service’s reply-to addresses. Empty uses the default."
                  autoComplete="off"
                  spellCheck={false}
                />
                <TextField
                  label="One-click unsubscribe URL (optional)"
                  type="url"
                  value={form.unsubscribeUrl}
                  error={errors['unsubscribeUrl']}
                  onChange={(unsubscribeUrl) => store.getState().updateSendForm({ unsubscribeUrl })}
                  hint="An https URL that unsubscribes the recipient with one POST request (one_click_unsubscribe_url)."
                  autoComplete="off"
                  data-sensitive=""
                />
              </>
            ) : null}
          </fieldset>
        ) : null}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={send.status === 'sending'}
            aria-busy={send.status === 'sending'}
            aria-keyshortcuts="Control+Enter"
          >
            {send.status === 'sending' ? 'Sending…' : 'Send'}
          </button>
          <span className="muted small">Ctrl+Enter sends</span>
          {send.status === 'sent' || send.status === 'error' ? (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => store.getState().clearSendResult()}
            >
              Clear result
            </button>
          ) : null}
        </div>
        <SendResultPanel />
      </form>
      <aside className="send-layout__preview" aria-label="Preview">
        {form.mode === 'template' && template ? (
          <PreviewPanel
            template={template}
            values={form.values}
            address={form.address}
            unsubscribeUrl={form.unsubscribeUrl}
            rateMultiplier={rateMultiplier}
            empties={empties}
          />
        ) : form.mode === 'precompiled' ? (
          <EmptyState title="Precompiled letters are not previewed">
            Notify checks the PDF after sending; its status starts as pending-virus-check.
          </EmptyState>
        ) : (
          <EmptyState title="Choose a template to preview it" />
        )}
      </aside>
      {confirming ? (
        <ConfirmLiveDialog
          profile={profile}
          recipient={
            form.mode === 'precompiled'
              ? 'The address printed in the PDF'
              : recipientType
                ? form.recipient
                : Object.values(form.address)
                    .filter((l) => l.trim())
                    .join(', ')
          }
          cost={costText()}
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void store.getState().sendNotification();
          }}
        />
      ) : null}
    </div>
  );
}

export function SendScreen() {
  return (
    <div className="screen" data-testid="screen-send">
      <div className="screen__head">
        <h1 tabIndex={-1}>Send a message</h1>
      </div>
      <RequireProfile>{(profile) => <SendForm profile={profile} />}</RequireProfile>
    </div>
  );
}
