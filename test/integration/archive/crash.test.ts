/**
 * Crash safety by crashing: a child process writing to the archive (a sync, then captures) is
 * killed with SIGKILL at random points, several times; after each kill the archive must open
 * sound, hold every page and batch the child acknowledged, hold no partial page or batch, and have
 * its sync cursor where the rows present say; the next run resumes and ends with every
 * notification once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import {
  CRASH_BATCH as BATCH,
  CRASH_PROFILE,
  TestVault,
  notificationId,
  tempArchivePath,
  removeTempArchives,
} from './support/archive-fixtures';
import { PAGE_SIZE } from './support/fake-notify';

afterAll(removeTempArchives);

const CHILD = fileURLToPath(new URL('./support/crash-child.ts', import.meta.url));
const KILLS = 6;

interface ChildRun {
  lines: string[];
  /** Resolves when the child exits, with its signal. */
  exited: Promise<NodeJS.Signals | null>;
  child: ChildProcess;
  /** Resolves at the first line matching. */
  waitFor(re: RegExp): Promise<void>;
}

function startChild(args: string[]): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of waiters.filter((x) => x.re.test(line))) w.resolve();
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  return {
    lines,
    exited,
    child,
    waitFor: (re) =>
      new Promise<void>((resolve, reject) => {
        if (lines.some((l) => re.test(l))) return resolve();
        waiters.push({ re, resolve });
        void exited.then(() =>
          reject(new Error(`child exited before ${re}; said: ${lines.slice(-3).join(' | ')}`)),
        );
      }),
  };
}

async function killAtRandom(run: ChildRun, maxDelayMs: number): Promise<number> {
  const delay = Math.floor(Math.random() * maxDelayMs);
  await new Promise((r) => setTimeout(r, delay));
  run.child.kill('SIGKILL');
  expect(await run.exited).toBe('SIGKILL');
  return delay;
}

async function inspect(path: string) {
  const store = ArchiveStore.open({ path, vault: new TestVault('crash test') });
  try {
    const state = await store.syncState(CRASH_PROFILE.id);
    const count = await store.count();
    const ids = new Set(
      (store.database().prepare('SELECT id FROM notifications').all() as { id: string }[]).map((r) => r.id),
    );
    return { state, count, ids };
  } finally {
    store.close();
  }
}

describe('archive crash safety (kill -9)', () => {
  it('a sync killed at random points loses no committed page, and resumes to every notification once', async () => {
    const total = 20_000; // 80 pages
    const path = tempArchivePath();
    const figures: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const run = startChild([path, 'sync', String(total)]);
      await run.waitFor(/^committed \d+/);
      const delay = await killAtRandom(run, 400);
      const acked = Math.max(...run.lines.map((l) => Number(/^committed (\d+)/.exec(l)?.[1] ?? 0)));
      const { state, count, ids } = await inspect(path);
      const pages = state.run?.pages ?? state.lastRun!.pages;
      // Every acknowledged page is there, and the cursor matches the rows present: after a full
      // page it is the one before the oldest row (the next page starts with the oldest row's
      // instant again, sync-engine.ts cursorAfterPage), so each page after the first adds 249.
      expect(pages).toBeGreaterThanOrEqual(acked);
      expect(count).toBe(Math.min(pages * (PAGE_SIZE - 1) + 1, total));
      const newestFirst = (k: number) => notificationId(total - 1 - k);
      for (let k = 0; k < count; k++) expect(ids.has(newestFirst(k))).toBe(true);
      if (state.run) expect(state.run.cursor).toBe(newestFirst(count === total ? count - 1 : count - 2));
      figures.push(
        `kill ${kill + 1} after ${delay} ms: ${acked} pages acknowledged, ${pages} committed, ${count} rows`,
      );
      if (!state.run) break;
    }
    const finish = startChild([path, 'sync', String(total)]);
    await finish.waitFor(/^done /);
    expect(finish.lines.at(-1)).toBe('done completed');
    await finish.exited;
    const { state, count, ids } = await inspect(path);
    expect(count).toBe(total);
    expect(ids.size).toBe(total);
    // Each full page's oldest row is read once more, at the start of the next page.
    const fullPages = Math.floor((total - 1) / (PAGE_SIZE - 1));
    expect(state.lastRun).toMatchObject({ outcome: 'completed', seen: total + fullPages, added: total });
    console.log(`sync crash test:\n  ${figures.join('\n  ')}\n  resumed: ${count} of ${total}, none lost`);
  }, 120_000);

  it('captures killed at random points keep every acknowledged batch and never half a batch', async () => {
    const path = tempArchivePath();
    const batches = 200;
    let next = 0;
    const figures: string[] = [];
    for (let kill = 0; kill < KILLS && next < batches; kill++) {
      const run = startChild([path, 'write', String(next), String(batches - next)]);
      await run.waitFor(/^batch \d+/);
      const delay = await killAtRandom(run, 300);
      const acked = Math.max(...run.lines.map((l) => Number(/^batch (\d+)/.exec(l)?.[1] ?? -1)));
      const { count, ids } = await inspect(path);
      expect(count % BATCH).toBe(0);
      expect(count / BATCH).toBeGreaterThanOrEqual(acked + 1);
      for (let i = 0; i < count; i++) expect(ids.has(notificationId(i))).toBe(true);
      figures.push(
        `kill ${kill + 1} after ${delay} ms: ${acked + 1} batches acknowledged, ${count / BATCH} committed`,
      );
      next = count / BATCH;
    }
    const finish = startChild([path, 'write', String(next), String(batches - next)]);
    await finish.waitFor(/^done$/);
    await finish.exited;
    const store = ArchiveStore.open({ path, vault: new TestVault('crash test') });
    expect(await store.count()).toBe(batches * BATCH);
    // Updates committed with their batch: every tenth notification of each earlier batch is delivered.
    expect((await store.get(notificationId(10)))!.status).toBe('delivered');
    store.close();
    console.log(
      `capture crash test:\n  ${figures.join('\n  ')}\n  resumed: ${batches * BATCH} notifications, none lost`,
    );
  }, 120_000);
});
