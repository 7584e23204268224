/**
 * The send form and what came of sending: server preview, result, snippets, lookup by reference.
 */
import type { MethodOutput, SendRequest } from '../../../src-main/contract/methods';
import type { RpcError } from '../../../src-main/contract/result';
import type { Notification, Template } from '../../../src-main/contract/schemas';
import {
  emptyValueFor,
  placeholderFields,
  previewPersonalisation,
  type FieldValue,
} from '../../features/send/placeholder-fields';
import {
  buildSendRequest,
  emptySendForm,
  redactFileContents,
  validateSendForm,
  type SendErrors,
  type SendForm,
} from '../../features/send/send-request';
import { describeRpcError } from '../../lib/errors';
import { checkRecipient } from '../../features/send/recipient';
import { idle, loading, settle, type Loadable } from '../loadable';
import { selectTemplate } from './templates-slice';
import type { AppState, SliceCreator } from '../types';

export type SnippetLanguage = 'curl' | 'node' | 'python';
type PreviewOutput = MethodOutput<'templates.preview'>;

interface SendResult {
  profileId: string;
  id: string;
  response: Record<string, unknown>;
  tracked: boolean;
  /** What was sent, file contents cut short. */
  request: SendRequest;
  /** The recipient was a smoke-test one: the id can never be fetched. */
  smokeTest: boolean;
}

interface SendState {
  templateId: string | null;
  form: SendForm;
  errors: SendErrors;
  /** Errors show after the first attempt to send, then update as the user types. */
  showErrors: boolean;
  status: 'idle' | 'sending' | 'sent' | 'error';
  result: SendResult | null;
  error: RpcError | null;
  /** The request of the last attempt (for lookups after an unknown outcome), files redacted. */
  lastRequest: SendRequest | null;
  preview: Loadable<PreviewOutput> & { key: string | null };
  snippets: Partial<Record<SnippetLanguage, Loadable<string>>>;
  referenceLookup: Loadable<Notification[]>;
  /** A placeholder has been typed in: empty ones are pointed out from then on. */
  personalisationTouched: boolean;
  /** The reference the last successful send used; the field is emptied so it is not sent twice. */
  lastSentReference: string | null;
}

export interface SendSlice {
  send: SendState;
  setSendTemplate(templateId: string | null): void;
  setSendMode(mode: SendForm['mode']): void;
  updateSendForm(patch: Partial<Omit<SendForm, 'values' | 'address'>>): void;
  setFieldValue(name: string, value: FieldValue): void;
  setAddressLine(key: string, value: string): void;
  /** Checks the form; shows and returns the problems. */
  validateSend(): SendErrors;
  sendNotification(): Promise<boolean>;
  requestServerPreview(): Promise<void>;
  loadSnippet(language: SnippetLanguage): Promise<void>;
  lookUpByReference(): Promise<void>;
  clearSendResult(): void;
}

export const initialSendState: SendState = {
  templateId: null,
  form: emptySendForm,
  errors: {},
  showErrors: false,
  status: 'idle',
  result: null,
  error: null,
  lastRequest: null,
  preview: { ...idle<PreviewOutput>(), key: null },
  snippets: {},
  referenceLookup: idle(),
  personalisationTouched: false,
  lastSentReference: null,
};

/**
 * The form for a newly chosen template: placeholder values kept by name, and the fields that only
 * applied to the previous template's channel emptied (a phone number must not land in "Email
 * address", a reply-to id is not an SMS sender id, an address means nothing to an email).
 */
function formForTemplate(form: SendForm, previous: Template | null, next: Template | null): SendForm {
  const values = next ? valuesForTemplate(next, form.values) : {};
  const sameChannel = previous !== null && next !== null && previous.type === next.type;
  if (sameChannel) return { ...form, mode: 'template', values };
  return {
    ...form,
    mode: 'template',
    values,
    recipient: '',
    senderId: '',
    unsubscribeUrl: '',
    address: {},
  };
}

/** The template chosen on the send screen, from the active profile's list. */
export function selectSendTemplate(
  state: Pick<AppState, 'send' | 'activeProfileId' | 'templatesByProfile'>,
): Template | null {
  return selectTemplate(state, state.activeProfileId, state.send.templateId);
}

/** Form values for a template's fields: keeps what was typed for names that still exist. */
function valuesForTemplate(
  template: Template,
  previous: Readonly<Record<string, FieldValue>>,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const field of placeholderFields(template)) {
    const old = previous[field.name];
    out[field.name] = old && (old.kind === 'flag') === field.conditionalOnly ? old : emptyValueFor(field);
  }
  return out;
}

/**
 * The reference to look an unknown-outcome send up by: the one the core reports (it adds one when
 * the form had none), else the one the form sent.
 */
export function selectLookupReference(state: Pick<AppState, 'send'>): string | null {
  const fromCore = state.send.error ? describeRpcError(state.send.error).reference : null;
  if (fromCore) return fromCore;
  return state.send.lastRequest?.reference ?? null;
}

/** The key that identifies one server preview (template + personalisation). */
export function previewKey(template: Template, form: SendForm): string {
  const fields = placeholderFields(template);
  return JSON.stringify([
    template.id,
    template.version,
    previewPersonalisation(fields, form.values, form.address),
  ]);
}

export const createSendSlice: SliceCreator<SendSlice> = (set, get, { api }) => {
  const patchSend = (patch: Partial<SendState>): void => set({ send: { ...get().send, ...patch } });
  const revalidate = (form: SendForm): Partial<SendState> =>
    get().send.showErrors
      ? {
          form,
          errors: validateSendForm(selectSendTemplate({ ...get(), send: { ...get().send, form } }), form),
        }
      : { form };

  return {
    send: initialSendState,
    setSendTemplate(templateId) {
      const state = get();
      const template = selectTemplate(state, state.activeProfileId, templateId);
      const form = formForTemplate(state.send.form, selectSendTemplate(state), template);
      set({
        send: {
          ...initialSendState,
          templateId,
          form,
          snippets: {},
          lastSentReference: state.send.lastSentReference,
        },
      });
    },
    setSendMode: (mode) =>
      patchSend({ ...revalidate({ ...get().send.form, mode }), status: 'idle', error: null }),
    updateSendForm: (patch) => patchSend(revalidate({ ...get().send.form, ...patch })),
    setFieldValue(name, value) {
      const form = get().send.form;
      patchSend({
        ...revalidate({ ...form, values: { ...form.values, [name]: value } }),
        personalisationTouched: true,
      });
    },
    setAddressLine(key, value) {
      const form = get().send.form;
      patchSend(revalidate({ ...form, address: { ...form.address, [key]: value } }));
    },
    validateSend() {
      const errors = validateSendForm(selectSendTemplate(get()), get().send.form);
      patchSend({ errors, showErrors: true });
      return errors;
    },
    async sendNotification() {
      const state = get();
      const profileId = state.activeProfileId;
      const template = selectSendTemplate(state);
      if (!profileId) {
        patchSend({
          status: 'error',
          error: { code: 'no-profile', message: 'Choose or add a profile first.' },
        });
        return false;
      }
      if (Object.keys(get().validateSend()).length > 0) return false;
      const request = buildSendRequest(template, state.send.form);
      const shown = redactFileContents(request);
      patchSend({
        status: 'sending',
        error: null,
        result: null,
        lastRequest: shown,
        snippets: {},
        referenceLookup: idle(),
      });
      const result = await api.call('notifications.send', { profileId, request });
      if (!result.ok) {
        patchSend({ status: 'error', error: result.error });
        return false;
      }
      const recipient =
        request.type === 'sms'
          ? request.phone_number
          : request.type === 'email'
            ? request.email_address
            : null;
      const check =
        recipient && (request.type === 'sms' || request.type === 'email')
          ? checkRecipient(request.type, recipient)
          : null;
      // The reference named this send; sending it again would make two notifications one lookup
      // cannot tell apart, so the field is emptied and the screen says which one was used.
      const used = request.reference ?? null;
      patchSend({
        status: 'sent',
        ...(used ? { form: { ...get().send.form, reference: '' }, lastSentReference: used } : {}),
        result: {
          profileId,
          id: result.value.id,
          response: result.value.response,
          tracked: result.value.tracked,
          request: shown,
          smokeTest: check?.ok === true && check.smokeTest,
        },
      });
      get().seedSentNotification(profileId, result.value.id);
      return true;
    },
    async requestServerPreview() {
      const state = get();
      const template = selectSendTemplate(state);
      const profileId = state.activeProfileId;
      if (!template || !profileId || state.send.form.mode !== 'template') return;
      const key = previewKey(template, state.send.form);
      if (state.send.preview.key === key && state.send.preview.status !== 'error') return;
      const fields = placeholderFields(template);
      patchSend({ preview: { ...loading(state.send.preview), key } });
      const result = await api.call('templates.preview', {
        profileId,
        id: template.id,
        personalisation: previewPersonalisation(fields, state.send.form.values, state.send.form.address),
      });
      // A newer preview may have started while this one was in flight.
      if (get().send.preview.key !== key) return;
      patchSend({ preview: { ...settle(get().send.preview, result, (v) => v), key } });
    },
    async loadSnippet(language) {
      const { send, activeProfileId } = get();
      const request = send.result?.request ?? send.lastRequest;
      const profileId = send.result?.profileId ?? activeProfileId;
      if (!request || !profileId) return;
      patchSend({ snippets: { ...get().send.snippets, [language]: loading(get().send.snippets[language]) } });
      const result = await api.call('snippets.render', { profileId, request, language });
      patchSend({
        snippets: { ...get().send.snippets, [language]: settle(undefined, result, (v) => v.code) },
      });
    },
    async lookUpByReference() {
      const { send, activeProfileId } = get();
      const reference = selectLookupReference(get());
      if (!reference || !activeProfileId) return;
      patchSend({ referenceLookup: loading(send.referenceLookup) });
      const result = await api.call('notifications.findByReference', {
        profileId: activeProfileId,
        reference,
      });
      patchSend({ referenceLookup: settle(get().send.referenceLookup, result, (v) => v.notifications) });
    },
    clearSendResult: () =>
      patchSend({ status: 'idle', result: null, error: null, snippets: {}, referenceLookup: idle() }),
  };
};
