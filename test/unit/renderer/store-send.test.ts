import { describe, expect, it } from 'vitest';
import type { SendRequest } from '../../../src-main/contract/methods';
import { createAppStore } from '../../../src-renderer/state/store';
import {
  previewKey,
  selectLookupReference,
  selectSendTemplate,
} from '../../../src-renderer/state/slices/send-slice';
import { notificationKey } from '../../../src-renderer/state/slices/tracking-slice';
import {
  deferred,
  fail,
  fakeApi,
  notification,
  ok,
  profile,
  smsResponse,
  template,
  TEMPLATE_ID,
  unknownOutcome,
  type Handlers,
} from './fake-api';
import type { TemplatePreview } from '../../../src-shared/notify/resources';
import type { Template } from '../../../src-main/contract/schemas';

const SENT_ID = '55555555-5555-5555-5555-555555555555';
const preview = (body: string): TemplatePreview => ({
  id: TEMPLATE_ID,
  type: 'sms',
  version: 3,
  body,
  html: null,
  subject: null,
  postage: null,
});

async function storeWithTemplate(handlers: Handlers = {}, t = template(), others: Template[] = []) {
  const api = fakeApi({
    'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }),
    'templates.list': () => ok({ templates: [t, ...others] }),
    ...handlers,
  });
  const store = createAppStore(api);
  await store.getState().loadProfiles();
  await store.getState().loadTemplates('p1');
  store.getState().setSendTemplate(TEMPLATE_ID);
  return { api, store };
}

describe('send form', () => {
  it('makes a field per placeholder when a template is chosen', async () => {
    const { store } = await storeWithTemplate();
    expect(selectSendTemplate(store.getState())?.id).toBe(TEMPLATE_ID);
    expect(store.getState().send.form.values).toEqual({
      name: { kind: 'text', text: '' },
      date: { kind: 'text', text: '' },
      urgent: { kind: 'flag', on: false },
    });
  });

  it('keeps typed values by name when another template is chosen, and only where the field is alike', async () => {
    const NEXT_ID = '77777777-7777-4777-8777-777777777777';
    const AGAIN_ID = '88888888-8888-4888-8888-888888888888';
    const { store } = await storeWithTemplate({}, template(), [
      template({ id: NEXT_ID, body: '((name)) ((other))' }),
      // `urgent` is a text here, not a yes/no: the ticked box does not carry over.
      template({ id: AGAIN_ID, body: '((name)) ((urgent))' }),
    ]);
    store.getState().setFieldValue('name', { kind: 'text', text: 'Ada' });
    store.getState().setFieldValue('urgent', { kind: 'flag', on: true });
    store.getState().setSendTemplate(NEXT_ID);
    expect(store.getState().send.form.values).toEqual({
      name: { kind: 'text', text: 'Ada' },
      other: { kind: 'text', text: '' },
    });
    store.getState().setSendTemplate(TEMPLATE_ID);
    store.getState().setFieldValue('urgent', { kind: 'flag', on: true });
    store.getState().setSendTemplate(AGAIN_ID);
    expect(store.getState().send.form.values).toEqual({
      name: { kind: 'text', text: 'Ada' },
      urgent: { kind: 'text', text: '' },
    });
  });

  it('shows errors only after a first attempt, then revalidates as you type', async () => {
    const { store, api } = await storeWithTemplate();
    store.getState().updateSendForm({ recipient: 'x' });
    expect(store.getState().send.showErrors).toBe(false);
    expect(await store.getState().sendNotification()).toBe(false);
    expect(api.callsTo('notifications.send')).toHaveLength(0);
    expect(store.getState().send.errors['recipient']).toBe('Must not contain letters or symbols');
    store.getState().updateSendForm({ recipient: '07700900123' });
    expect(store.getState().send.errors).toEqual({});
  });

  it('sends the built request, records the result and seeds tracking', async () => {
    const { store, api } = await storeWithTemplate({
      'notifications.send': () =>
        ok({ id: SENT_ID, response: smsResponse(SENT_ID, 'Hello Ada'), tracked: true }),
    });
    store.getState().updateSendForm({ recipient: '07700900123', reference: 'order-1' });
    store.getState().setFieldValue('name', { kind: 'text', text: 'Ada' });
    store.getState().setFieldValue('urgent', { kind: 'flag', on: true });
    expect(await store.getState().sendNotification()).toBe(true);
    const sent = api.callsTo('notifications.send')[0] as { profileId: string; request: SendRequest };
    expect(sent).toEqual({
      profileId: 'p1',
      request: {
        type: 'sms',
        phone_number: '07700900123',
        template_id: TEMPLATE_ID,
        personalisation: { name: 'Ada', date: '', urgent: 'yes' },
        reference: 'order-1',
      },
    });
    expect(store.getState().send).toMatchObject({
      status: 'sent',
      result: { id: SENT_ID, tracked: true, smokeTest: false },
    });
    expect(store.getState().notifications[notificationKey('p1', SENT_ID)]).toBeDefined();
  });

  it('marks a smoke-test send so the screen does not promise tracking', async () => {
    const { store } = await storeWithTemplate({
      'notifications.send': () => ok({ id: SENT_ID, response: smsResponse(SENT_ID), tracked: false }),
    });
    store.getState().updateSendForm({ recipient: '07700900000' });
    await store.getState().sendNotification();
    expect(store.getState().send.result?.smokeTest).toBe(true);
  });

  it('keeps Notify’s error and offers a lookup by reference after an unknown outcome', async () => {
    const { store, api } = await storeWithTemplate({
      'notifications.send': () =>
        fail('unknown-outcome', 'The request may have reached Notify.', unknownOutcome('order-2')),
      'notifications.findByReference': () => ok({ notifications: [notification({ reference: 'order-2' })] }),
    });
    store.getState().updateSendForm({ recipient: '07700900123', reference: 'order-2' });
    expect(await store.getState().sendNotification()).toBe(false);
    expect(store.getState().send).toMatchObject({ status: 'error', error: { code: 'unknown-outcome' } });
    await store.getState().lookUpByReference();
    expect(api.callsTo('notifications.findByReference')).toEqual([{ profileId: 'p1', reference: 'order-2' }]);
    expect(store.getState().send.referenceLookup.value).toHaveLength(1);
  });

  it('looks up by the reference the core added when the form had none', async () => {
    const { store, api } = await storeWithTemplate({
      'notifications.send': () =>
        fail('unknown-outcome', 'Timed out waiting for Notify.', unknownOutcome('nc-1234')),
      'notifications.findByReference': () => ok({ notifications: [] }),
    });
    store.getState().updateSendForm({ recipient: '07700900123' });
    await store.getState().sendNotification();
    expect(selectLookupReference(store.getState())).toBe('nc-1234');
    await store.getState().lookUpByReference();
    expect(api.callsTo('notifications.findByReference')).toEqual([{ profileId: 'p1', reference: 'nc-1234' }]);
    expect(store.getState().send.referenceLookup).toMatchObject({ status: 'ready', value: [] });
  });

  it('renders snippets for what was sent, with files redacted', async () => {
    const email = template({ type: 'email', subject: 'Your file', body: '((doc))' });
    const { store, api } = await storeWithTemplate(
      {
        'notifications.send': () => ok({ id: SENT_ID, response: smsResponse(SENT_ID), tracked: true }),
        'snippets.render': ({ language }) => ok({ code: `${language} code` }),
      },
      email,
    );
    store.getState().updateSendForm({ recipient: 'a@example.com' });
    store.getState().setFieldValue('doc', {
      kind: 'file',
      file: { fileName: 'r.pdf', size: 10, base64: 'JVBERi0xLjQK' },
      filename: '',
      confirmEmailBeforeDownload: true,
      retentionWeeks: '',
    });
    await store.getState().sendNotification();
    const sent = api.callsTo('notifications.send')[0] as {
      request: { personalisation: Record<string, { file: string }> };
    };
    expect(sent.request.personalisation['doc']?.file).toBe('JVBERi0xLjQK');
    await store.getState().loadSnippet('python');
    const asked = api.callsTo('snippets.render')[0] as {
      request: { personalisation: Record<string, { file: string }> };
      language: string;
    };
    expect(asked.language).toBe('python');
    expect(asked.request.personalisation['doc']?.file).toBe('<base64 of your file>');
    expect(store.getState().send.snippets.python).toMatchObject({ status: 'ready', value: 'python code' });
  });

  it('asks Notify for a preview once per distinct input and ignores stale answers', async () => {
    const first = deferred<ReturnType<typeof ok<TemplatePreview>>>();
    let n = 0;
    const { store, api } = await storeWithTemplate({
      'templates.preview': () => (n++ === 0 ? first.promise : ok(preview('second'))),
    });
    const slow = store.getState().requestServerPreview();
    store.getState().setFieldValue('name', { kind: 'text', text: 'Ada' });
    await store.getState().requestServerPreview();
    first.resolve(ok(preview('first')));
    await slow;
    expect(store.getState().send.preview.value?.body).toBe('second');
    await store.getState().requestServerPreview();
    expect(api.callsTo('templates.preview')).toHaveLength(2);
    expect(
      (api.callsTo('templates.preview')[1] as { personalisation: Record<string, unknown> }).personalisation[
        'name'
      ],
    ).toBe('Ada');
    expect(store.getState().send.preview.key).toBe(previewKey(template(), store.getState().send.form));
  });

  it('sends a precompiled letter', async () => {
    const { store, api } = await storeWithTemplate({
      'notifications.send': () =>
        ok({
          id: SENT_ID,
          response: { id: SENT_ID, reference: 'letter-1', postage: 'second' },
          tracked: true,
        }),
    });
    store.getState().setSendMode('precompiled');
    store.getState().updateSendForm({
      reference: 'letter-1',
      precompiled: { fileName: 'l.pdf', size: 10, base64: 'JVBERi0xLjcK' },
    });
    expect(await store.getState().sendNotification()).toBe(true);
    expect((api.callsTo('notifications.send')[0] as { request: SendRequest }).request).toEqual({
      type: 'precompiled',
      reference: 'letter-1',
      content: 'JVBERi0xLjcK',
    });
    expect(store.getState().send.result?.request).toMatchObject({ content: '<base64 of your PDF>' });
  });

  it('refuses to send without a profile', async () => {
    const store = createAppStore(fakeApi());
    expect(await store.getState().sendNotification()).toBe(false);
    expect(store.getState().send.error?.code).toBe('no-profile');
  });
});
