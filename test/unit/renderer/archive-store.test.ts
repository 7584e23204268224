/**
 * The archive in the renderer's store and its words: a search's pages append in order and a stale
 * answer (for a search the user has since replaced) is dropped; the "to" day is included; an export
 * is joined from its pages; sync progress from the event feed reaches the screen; "sent 23 days
 * ago"; sizes; the timeline puts Notify's stamps and the console's sightings in time order.
 */
import { describe, expect, it } from 'vitest';
import type { ArchivedDetail, ArchivedSummary } from '../../../src-main/contract/archive';
import {
  describeProgress,
  formatBytes,
  goneFromNotifyLabel,
} from '../../../src-renderer/features/archive/archive-format';
import { archiveSearchFor, mergeHistory } from '../../../src-renderer/features/archive/archive-history';
import { archivedTimeline } from '../../../src-renderer/features/archive/archive-timeline';
import { createAppStore, startEventFeed } from '../../../src-renderer/state/store';
import { fakeApi, fail, ok } from './fake-api';

const summary = (id: string): ArchivedSummary => ({
  id,
  profileId: 'p1',
  profileName: 'P1',
  type: 'sms',
  status: 'delivered',
  templateId: 't',
  templateVersion: 1,
  createdAt: '2026-11-01T10:00:00.000Z',
  archivedAt: '2026-11-01T10:00:01.000Z',
  updatedAt: '2026-11-01T10:00:01.000Z',
  recipient: '07700900123',
  reference: null,
  subject: null,
  readable: true,
});

describe('archive search, export and progress in the store', () => {
  it('pages a search in order and drops the answer to a search that was replaced', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const api = fakeApi({
      'archive.search': async (input) => {
        if (input.reference === 'old') {
          await slow;
          return ok({ results: [summary('old')], nextCursor: null });
        }
        return input.cursor
          ? ok({ results: [summary('b')], nextCursor: null })
          : ok({ results: [summary('a')], nextCursor: '1:2' });
      },
    });
    const store = createAppStore(api);
    const stale = store.getState().searchArchive({ reference: 'old' });
    await store.getState().searchArchive({ recipient: '07700 900 123', to: '2026-11-30' });
    release();
    await stale;
    expect(store.getState().archiveResults.items.map((r) => r.id)).toEqual(['a']);
    await store.getState().searchArchive({ recipient: '07700 900 123', to: '2026-11-30' }, true);
    expect(store.getState().archiveResults.items.map((r) => r.id)).toEqual(['a', 'b']);
    expect(store.getState().archiveResults.nextCursor).toBeNull();
    expect(api.callsTo('archive.search')[1]).toEqual({
      recipient: '07700 900 123',
      to: '2026-12-01',
      limit: 50,
    });
    expect(api.callsTo('archive.search')[2]).toMatchObject({ cursor: '1:2' });
  });

  it('shows a refused search as its error, keeping nothing from before', async () => {
    const store = createAppStore(
      fakeApi({ 'archive.search': () => fail('archive_locked', 'The notification archive is locked…') }),
    );
    await store.getState().searchArchive({ reference: 'x' });
    expect(store.getState().archiveResults).toMatchObject({
      status: 'error',
      items: [],
      error: { code: 'archive_locked' },
    });
  });

  it('joins an export from its pages, the last day included', async () => {
    const api = fakeApi({
      'archive.export': (input) =>
        input.cursor
          ? ok({ csv: 'row2\r\n', count: 1, nextCursor: null })
          : ok({ csv: 'head\r\nrow1\r\n', count: 1, nextCursor: '5:6' }),
    });
    const seen: number[] = [];
    const r = await createAppStore(api)
      .getState()
      .exportArchive('2026-11-01', '2026-11-30', (n) => seen.push(n));
    expect(r).toEqual({ ok: true, value: { csv: 'head\r\nrow1\r\nrow2\r\n', count: 2 } });
    expect(seen).toEqual([1, 2]);
    expect(api.callsTo('archive.export')[0]).toEqual({ from: '2026-11-01', to: '2026-12-01' });
  });

  it('takes sync progress from the event feed and re-reads the status when a run finishes', async () => {
    const api = fakeApi({ 'archive.status': () => fail('archive_locked', 'locked') });
    const store = createAppStore(api);
    startEventFeed(store, api);
    api.emit({
      name: 'archive.syncProgress',
      payload: { profileId: 'p1', phase: 'paging', pages: 2, seen: 500, added: 12 },
    });
    expect(describeProgress(store.getState().archiveProgress['p1']!)).toBe(
      'Syncing: 2 pages, 500 notifications read, 12 new',
    );
    expect(api.callsTo('archive.status')).toHaveLength(0);
    api.emit({
      name: 'archive.syncProgress',
      payload: { profileId: 'p1', phase: 'finished', pages: 3, seen: 501, added: 12, outcome: 'completed' },
    });
    expect(api.callsTo('archive.status')).toHaveLength(1);
  });
});

describe('History with the archive', () => {
  const live = (id: string, created_at: string) =>
    ({ ...summaryAsLive(id), created_at }) as Parameters<typeof mergeHistory>[0][number];
  function summaryAsLive(id: string) {
    return {
      id,
      reference: null,
      type: 'sms',
      status: 'delivered',
      template: { id: 't', version: 1, uri: '' },
      body: 'b',
      created_at: '',
    };
  }
  const archived = (id: string, createdAt: string) => ({ ...summary(id), createdAt });

  it('merges by creation time, marks the source, shows a notification in both once (as Notify has it)', () => {
    const rows = mergeHistory(
      [live('n3', '2026-11-20T10:00:00Z'), live('n1', '2026-11-18T10:00:00Z')],
      [
        archived('N3', '2026-11-20T10:00:00Z'),
        archived('a2', '2026-11-19T10:00:00Z'),
        archived('a0', '2026-11-01T10:00:00Z'),
      ],
      true,
    );
    expect(rows.map((r) => `${r.id}:${r.source}`)).toEqual([
      'n3:notify',
      'a2:archive',
      'n1:notify',
      'a0:archive',
    ]);
    expect(rows[1]).toMatchObject({ phone_number: '07700900123', template: { id: 't', version: 1 } });
  });

  it('while Notify has more pages, shows archived rows only down to the oldest row Notify gave', () => {
    const rows = mergeHistory(
      [live('n1', '2026-11-18T10:00:00Z')],
      [archived('a2', '2026-11-19T10:00:00Z'), archived('a0', '2026-11-01T10:00:00Z')],
      false,
    );
    expect(rows.map((r) => r.id)).toEqual(['a2', 'n1']);
  });

  it('turns History’s filters into an archive search for the profile', () => {
    expect(archiveSearchFor('p1', { template_type: ['email'], status: ['failed'], reference: 'r' })).toEqual({
      profileId: 'p1',
      type: 'email',
      status: ['failed'],
      reference: 'r',
      limit: 200,
    });
    expect(archiveSearchFor('p1', { template_type: ['email', 'sms'] })).toEqual({
      profileId: 'p1',
      limit: 200,
    });
  });
});

describe('the archive’s words', () => {
  const now = Date.parse('2026-11-24T09:00:00Z');
  it('says how long ago it was sent, in whole days', () => {
    expect(goneFromNotifyLabel('2026-11-01T10:00:00Z', now)).toBe(
      'Notify no longer holds this notification (sent 22 days ago)',
    );
    expect(goneFromNotifyLabel('2026-11-24T08:00:00Z', now)).toBe(
      'Notify no longer holds this notification (sent today)',
    );
    expect(goneFromNotifyLabel('2026-11-23T08:00:00Z', now)).toBe(
      'Notify no longer holds this notification (sent 1 day ago)',
    );
    expect(goneFromNotifyLabel('not a date', now)).toBe(
      'Notify no longer holds this notification (sent at an unknown time)',
    );
  });

  it('gives sizes as people read them', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1_129_721_856)).toBe('1.13 GB');
    expect(formatBytes(45_100)).toBe('45.1 KB');
  });

  it('turns the form into the contract’s search, the "to" day included', async () => {
    const api = fakeApi({
      'archive.search': () => ok({ results: [], nextCursor: null }),
      'archive.export': () => ok({ csv: '', count: 0, nextCursor: null }),
    });
    const store = createAppStore(api);
    await store
      .getState()
      .searchArchive({ status: 'failed', type: 'sms', from: '2026-11-01', to: '2026-12-31', recipient: ' ' });
    expect(api.callsTo('archive.search')).toEqual([
      { status: ['failed'], type: 'sms', from: '2026-11-01', to: '2027-01-01', limit: 50 },
    ]);
    await store.getState().searchArchive({ to: '2028-02-28' });
    expect(api.callsTo('archive.search')[1]).toEqual({ to: '2028-02-29', limit: 50 });
    await store.getState().exportArchive('2028-02-01', '2028-02-29');
    expect(api.callsTo('archive.export')).toEqual([{ from: '2028-02-01', to: '2028-03-01' }]);
  });

  it('orders Notify’s stamps and the console’s sightings in time', () => {
    const detail = {
      ...summary('x'),
      notification: {
        id: 'x',
        type: 'sms',
        status: 'delivered',
        template: { id: 't', version: 1 },
        created_at: '2026-11-01T10:00:00.000000Z',
        sent_at: '2026-11-01T10:00:02.000000Z',
        completed_at: null,
      },
      timeline: [
        { status: 'delivered', observedAt: '2026-11-01T10:00:09.000Z', source: 'sync' },
        { status: 'created', observedAt: '2026-11-01T10:00:00.500Z', source: 'response' },
      ],
      lastSeenAt: null,
      personalisation: null,
    } as ArchivedDetail;
    expect(archivedTimeline(detail).map((s) => s.label)).toEqual([
      'Created (Notify’s created_at)',
      'Status created, seen in the send response',
      'Sent to the provider (Notify’s sent_at)',
      'Status delivered, seen by the archive’s sync',
    ]);
  });
});
