/**
 * The reason the archive exists: a notification Notify has forgotten (past its 7-day retention,
 * the API answers 404) is still found in the archive by recipient, reference and id, with the
 * time it was sent. Against the Notify Sandbox, its clock moved forward 8 days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import { notifyClientSource } from '../../../src-main/core/archive/notify-client-source';
import { SyncEngine } from '../../../src-main/core/archive/sync-engine';
import { NotifyClient } from '../../../src-main/core/notify/client';
import { NotifyApiError } from '../../../src-main/core/notify/errors';
import { SERVICE_ID, T, startTestSandbox, type TestSandbox } from '../../support/sandbox';
import { TestVault, removeTempArchives, tempArchivePath } from './support/archive-fixtures';

afterAll(removeTempArchives);

const PROFILE = { id: 'sandbox-live', name: 'Sandbox live' };
let sb: TestSandbox;
let client: NotifyClient;
let store: ArchiveStore;

beforeAll(async () => {
  sb = await startTestSandbox();
  client = new NotifyClient({ baseUrl: sb.url, apiKey: sb.apiKeys.live, retry: { attempts: 1 } });
  store = ArchiveStore.open({ path: tempArchivePath(), vault: new TestVault() });
  await store.setOptIn(PROFILE.id, true);
});
afterAll(async () => {
  store.close();
  await client.close();
  await sb.sandbox.close();
});

async function advanceSandboxDays(days: number): Promise<void> {
  const res = await fetch(`${sb.url}/_sandbox/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advance_seconds: days * 86_400 }),
  });
  expect(res.status).toBe(200);
}

describe('archive against the Notify Sandbox', () => {
  it('keeps what Notify forgets after 7 days: found by recipient, reference and id, with when it was sent', async () => {
    const sent = await client.sendSms({
      phone_number: '07700 900 789',
      template_id: T.sms,
      personalisation: { name: 'Amara', code: '482913' },
      reference: 'support-case-4471',
    });
    const sentAt = new Date().toISOString();
    const first = await client.getNotification(sent.id);
    // Captured as the console would on send: Notify's record, the observed timeline, the personalisation.
    expect(
      await store.upsert(PROFILE, first, [{ status: first.status, observedAt: sentAt, source: 'response' }], {
        personalisation: { name: 'Amara', code: '482913' },
      }),
    ).toBe('added');

    // A notification sent by another system (a CSV job with the same service): only the sync sees it.
    const job = await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'email',
        job: true,
        email_address: 'Someone.Else@Example.gov.uk',
        template_id: T.emailUnsub,
        personalisation: { name: 'Someone' },
        reference: 'batch-row-17',
      }),
    });
    expect(job.status).toBe(201);
    const engine = new SyncEngine(store, { pageIntervalMs: 0 });
    const synced = await engine.run(PROFILE, notifyClientSource(client));
    expect(synced.outcome).toBe('completed');
    expect(synced.state.lastRun).toMatchObject({ seen: 2, added: 1 });

    await advanceSandboxDays(8);
    const gone = await client.getNotification(sent.id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(NotifyApiError);
    expect((gone as NotifyApiError).status).toBe(404);
    const list = await client.getNotifications({ include_jobs: true });
    expect(list.notifications).toEqual([]);

    for (const query of [
      { recipient: '+447700900789' },
      { reference: 'support-case-4471' },
      { id: sent.id },
    ]) {
      const { results } = await store.search(query);
      expect(
        results.map((r) => r.id),
        JSON.stringify(query),
      ).toEqual([sent.id]);
    }
    const archived = (await store.get(sent.id))!;
    expect(archived.createdAt).toBe(new Date(Date.parse(first.created_at)).toISOString());
    expect(archived.record!.notification.created_at).toBe(first.created_at);
    expect(archived.record!.notification['body']).toContain('Amara');
    expect(archived.record!.personalisation).toEqual({ name: 'Amara', code: '482913' });
    expect(archived.record!.timeline[0]).toMatchObject({ source: 'response', observedAt: sentAt });
    // Days between sending and now, as the console will label it ("sent 8 days ago").
    const sandboxNow = Date.now() + 8 * 86_400_000;
    expect(Math.floor((sandboxNow - Date.parse(archived.createdAt)) / 86_400_000)).toBe(8);

    const fromJob = await store.search({ recipient: 'someone.else@example.gov.uk' });
    expect(fromJob.results).toHaveLength(1);
    expect(fromJob.results[0]!.record!.notification.reference).toBe('batch-row-17');
  });
});
