/**
 * The process the crash test kills with SIGKILL: it writes to an archive and prints a line after
 * each commit returns, so the parent knows what was acknowledged before the kill.
 *
 *   node --import tsx crash-child.ts <archive path> sync <notifications>
 *   node --import tsx crash-child.ts <archive path> write <first batch> <batches>
 *
 * `sync` runs the sync engine against a FakeNotify of that many notifications (resuming any run
 * in progress); `write` upserts batches of 100 (batch k holds notifications k*100..k*100+99, and
 * updates the status of the batch before it).
 */
import { writeSync } from 'node:fs';
import { ArchiveStore } from '../../../../src-main/core/archive/archive-store';
import { SyncEngine } from '../../../../src-main/core/archive/sync-engine';
import { CRASH_BATCH as BATCH, CRASH_PROFILE, TestVault, fakeNotification } from './archive-fixtures';
import { FakeNotify } from './fake-notify';

const [path, mode, a, b] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);

const store = ArchiveStore.open({ path: path!, vault: new TestVault('crash test') });
await store.setOptIn(CRASH_PROFILE.id, true);
if (mode === 'sync') {
  const engine = new SyncEngine(store, {
    pageIntervalMs: 0,
    onProgress: (p) => {
      if (p.phase === 'paging') say(`committed ${p.pages}`);
    },
  });
  const result = await engine.run(CRASH_PROFILE, new FakeNotify(Number(a)));
  say(`done ${result.outcome}`);
} else {
  const first = Number(a);
  for (let k = first; k < first + Number(b); k++) {
    const items = Array.from({ length: BATCH }, (_, j) => ({
      notification: fakeNotification(k * BATCH + j),
    }));
    if (k > 0) {
      for (let j = 0; j < BATCH; j += 10) {
        items.push({ notification: fakeNotification((k - 1) * BATCH + j, { status: 'delivered' }) });
      }
    }
    await store.upsertMany(CRASH_PROFILE, items);
    say(`batch ${k}`);
  }
  say('done');
}
store.close();
