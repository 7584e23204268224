/**
 * The send form is honest about what it will send (issue 9.7): empty placeholders are named with
 * the line they leave, a change of channel empties the fields that no longer apply, and a
 * reference is not reused for the next send.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src-renderer/state/store';
import {
  emptyPlaceholderMessage,
  emptyPlaceholders,
} from '../../../src-renderer/features/send/empty-placeholders';
import {
  buildPersonalisation,
  placeholderFields,
} from '../../../src-renderer/features/send/placeholder-fields';
import { fakeApi, ok, profile, smsResponse, template, TEMPLATE_ID } from './fake-api';

const EMAIL_ID = '66666666-6666-4666-8666-666666666666';

describe('empty placeholders', () => {
  const t = template({ body: 'Hello ((name)),\nYour code is ((code)).((urgent??Call us.))' });
  const fields = placeholderFields(t);

  it('quotes the line an empty value leaves', () => {
    const values = {
      name: { kind: 'text' as const, text: '' },
      code: { kind: 'text' as const, text: '123' },
      urgent: { kind: 'flag' as const, on: false },
    };
    const empties = emptyPlaceholders(t, fields, values, buildPersonalisation(fields, values));
    expect(empties).toEqual([{ name: 'name', reads: 'Hello ,' }]);
    expect(emptyPlaceholderMessage(empties[0]!)).toBe('name is empty: the message will read “Hello ,”');
  });

  it('counts spaces and a list with no item as empty, and never a yes/no', () => {
    const values = {
      name: { kind: 'text' as const, text: '   ' },
      code: { kind: 'list' as const, items: ['', ' '] },
      urgent: { kind: 'flag' as const, on: false },
    };
    const empties = emptyPlaceholders(t, fields, values, buildPersonalisation(fields, values));
    expect(empties.map((e) => e.name)).toEqual(['name', 'code']);
  });

  it('finds a placeholder in the subject, and one only used in a conditional is not flagged', () => {
    const email = template({ type: 'email', subject: 'Hi ((Name))', body: '((x??shown)) Body' });
    const f = placeholderFields(email);
    const values = { Name: { kind: 'text' as const, text: '' }, x: { kind: 'flag' as const, on: true } };
    expect(emptyPlaceholders(email, f, values, buildPersonalisation(f, values))).toEqual([
      { name: 'Name', reads: 'Hi' },
    ]);
  });
});

describe('switching template', () => {
  /** A store on the send screen with the text template chosen and its form filled in. */
  async function filledIn(other: ReturnType<typeof template>) {
    const api = fakeApi({
      'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }),
      'templates.list': () => ok({ templates: [template(), other] }),
    });
    const store = createAppStore(api);
    await store.getState().loadProfiles();
    await store.getState().loadTemplates('p1');
    store.getState().setSendTemplate(TEMPLATE_ID);
    store.getState().updateSendForm({
      recipient: '07700900123',
      senderId: '11111111-1111-4111-8111-111111111111',
      reference: 'ref-1',
    });
    store.getState().setFieldValue('name', { kind: 'text', text: 'Ada' });
    return store;
  }

  it('empties the recipient and sender when the channel changes, keeping values by name', async () => {
    const store = await filledIn(
      template({ id: EMAIL_ID, type: 'email', subject: 'Hi', body: 'Hello ((name))' }),
    );
    store.getState().setSendTemplate(EMAIL_ID);
    const next = store.getState().send.form;
    expect(next.recipient).toBe('');
    expect(next.senderId).toBe('');
    expect(next.values['name']).toEqual({ kind: 'text', text: 'Ada' });
    expect(next.reference).toBe('ref-1');
  });

  it('keeps the recipient for another template of the same channel', async () => {
    const store = await filledIn(template({ id: EMAIL_ID }));
    store.getState().setSendTemplate(EMAIL_ID);
    expect(store.getState().send.form).toMatchObject({
      recipient: '07700900123',
      senderId: '11111111-1111-4111-8111-111111111111',
    });
  });
});

describe('the reference after a send', () => {
  it('is emptied once used, and the screen is told which one it was', async () => {
    const api = fakeApi({
      'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }),
      'templates.list': () => ok({ templates: [template()] }),
      'notifications.send': () =>
        ok({ id: '55555555-5555-5555-5555-555555555555', response: smsResponse('x'), tracked: true }),
    });
    const store = createAppStore(api);
    await store.getState().loadProfiles();
    await store.getState().loadTemplates('p1');
    store.getState().setSendTemplate(TEMPLATE_ID);
    store.getState().updateSendForm({ recipient: '07700900123', reference: 'order-7' });
    expect(await store.getState().sendNotification()).toBe(true);
    expect(store.getState().send.form.reference).toBe('');
    expect(store.getState().send.lastSentReference).toBe('order-7');
    expect(store.getState().send.form.recipient).toBe('07700900123');
  });
});
