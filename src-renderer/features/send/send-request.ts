/**
 * The send form, checked and turned into the contract's `SendRequest`.
 *
 * Checks run before anything is sent, with the messages Notify itself would give, so a mistake
 * costs no request (and, with a live key, no money). Notify still validates everything again.
 */
import type { SendRequest } from '../../../src-main/contract/methods';
import type { Template } from '../../../src-main/contract/schemas';
import { validatePostalAddress } from '../../../src-shared/recipients/postal-address';
import { base64DecodedSize } from '../../lib/base64';
import {
  buildPersonalisation,
  fileFieldProblems,
  placeholderFields,
  type AttachedFile,
  type FieldValue,
} from './placeholder-fields';
import { checkRecipient } from './recipient';
import { UUID_PATTERN } from '../../../src-shared/notify/ids';

export type Postage = '' | 'first' | 'second' | 'economy';

export interface SendForm {
  mode: 'template' | 'precompiled';
  recipient: string;
  values: Record<string, FieldValue>;
  address: Record<string, string>;
  reference: string;
  /** `sms_sender_id` for texts, `email_reply_to_id` for emails. */
  senderId: string;
  unsubscribeUrl: string;
  precompiled: AttachedFile | null;
  postage: Postage;
}

export const emptySendForm: SendForm = {
  mode: 'template',
  recipient: '',
  values: {},
  address: {},
  reference: '',
  senderId: '',
  unsubscribeUrl: '',
  precompiled: null,
  postage: '',
};

const MAX_PRECOMPILED_BYTES = 5 * 1024 * 1024;

/** Problems by field: `recipient`, `reference`, `senderId`, `unsubscribeUrl`, `address`, `precompiled`, `template`, or a placeholder name. */
export type SendErrors = Record<string, string>;

/** Every problem with the form; empty when it can be sent. */
export function validateSendForm(template: Template | null, form: SendForm): SendErrors {
  const errors: SendErrors = {};
  if (form.reference.length > 1000) errors['reference'] = 'reference is too long (1000 characters at most)';
  if (form.mode === 'precompiled') {
    if (form.reference.trim() === '') errors['reference'] = 'A precompiled letter needs a reference';
    if (!form.precompiled) errors['precompiled'] = 'Choose a PDF file';
    else if (base64DecodedSize(form.precompiled.base64) > MAX_PRECOMPILED_BYTES) {
      errors['precompiled'] = 'File is larger than 5MB';
    } else if (!form.precompiled.base64.startsWith('JVBER')) {
      errors['precompiled'] = 'The file is not a PDF';
    }
    return errors;
  }
  if (!template) {
    errors['template'] = 'Choose a template';
    return errors;
  }
  if (template.type === 'sms' || template.type === 'email') {
    const check = checkRecipient(template.type, form.recipient);
    if (!check.ok) errors['recipient'] = check.message;
    const sender = form.senderId.trim();
    if (sender && !UUID_PATTERN.test(sender)) {
      errors['senderId'] =
        `${template.type === 'sms' ? 'sms_sender_id' : 'email_reply_to_id'} is not a valid UUID`;
    }
  }
  if (template.type === 'email' && form.unsubscribeUrl.trim() !== '') {
    if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(form.unsubscribeUrl.trim())) {
      errors['unsubscribeUrl'] = 'one_click_unsubscribe_url is not a valid https url';
    }
  }
  if (template.type === 'letter') {
    const address = validatePostalAddress(addressPersonalisation(form.address), { allowInternational: true });
    if (!address.ok) errors['address'] = address.message;
  }
  Object.assign(errors, fileFieldProblems(form.values));
  if (template.type !== 'email') {
    for (const [name, v] of Object.entries(form.values)) {
      if (v.kind === 'file') errors[name] = 'Can only send a file by email';
    }
  }
  return errors;
}

function addressPersonalisation(address: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(address)) if (v.trim()) out[k] = v;
  return out;
}

/** The request for a valid form (call {@link validateSendForm} first). */
export function buildSendRequest(template: Template | null, form: SendForm): SendRequest {
  const reference = form.reference.trim() ? form.reference : undefined;
  if (form.mode === 'precompiled') {
    return {
      type: 'precompiled',
      reference: form.reference,
      content: form.precompiled?.base64 ?? '',
      ...(form.postage ? { postage: form.postage } : {}),
    };
  }
  if (!template) throw new Error('A template is needed to build a send request.');
  const fields = placeholderFields(template);
  const sender = form.senderId.trim() || undefined;
  switch (template.type) {
    case 'sms':
      return {
        type: 'sms',
        phone_number: form.recipient.trim(),
        template_id: template.id,
        personalisation: buildPersonalisation(fields, form.values),
        ...(reference !== undefined ? { reference } : {}),
        ...(sender ? { sms_sender_id: sender } : {}),
      };
    case 'email':
      return {
        type: 'email',
        email_address: form.recipient.trim(),
        template_id: template.id,
        personalisation: buildPersonalisation(fields, form.values),
        ...(reference !== undefined ? { reference } : {}),
        ...(sender ? { email_reply_to_id: sender } : {}),
        ...(form.unsubscribeUrl.trim() ? { one_click_unsubscribe_url: form.unsubscribeUrl.trim() } : {}),
      };
    case 'letter':
      return {
        type: 'letter',
        template_id: template.id,
        personalisation: buildPersonalisation(fields, form.values, form.address),
        ...(reference !== undefined ? { reference } : {}),
      };
  }
}

/** The request with file contents cut short, for showing or snippets (a 2 MB base64 helps nobody). */
export function redactFileContents(request: SendRequest): SendRequest {
  if (request.type === 'precompiled') return { ...request, content: '<base64 of your PDF>' };
  if (!request.personalisation) return request;
  const personalisation: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(request.personalisation)) {
    personalisation[k] =
      typeof v === 'object' && v !== null && !Array.isArray(v) && 'file' in v
        ? { ...v, file: '<base64 of your file>' }
        : v;
  }
  return { ...request, personalisation } as SendRequest;
}
