/**
 * The notification archive (issue 12) at a million notifications.
 *
 * Fill: the sync engine pages a generated Notify (`GET /v2/notifications`, 250 a page, newest
 * first) into the encrypted archive, each page one transaction, as a real sync does. Baseline, in
 * the same run: the same rows, in the same pages, inserted into a plain SQLite table with the same
 * columns, indexes and pragmas (WAL, synchronous=FULL) but nothing encrypted or hashed.
 * Then search latency (p50/p99) for each kind of search over the full archive, the database size
 * per notification, and the cost of the integrity checks on open.
 *
 * Run: `npm run bench -- archive` (ARCHIVE_BENCH_ROWS to change the size, default 1,000,000).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { ArchiveStore } from '../src-main/core/archive/archive-store';
import { quickCheck } from '../src-main/core/archive/database';
import type { NotificationSource } from '../src-main/core/archive/ports';
import { recipientTerm } from '../src-main/core/archive/recipient-terms';
import { archiveSize } from '../src-main/core/archive/retention';
import type { ArchiveQuery } from '../src-main/core/archive/search-query';
import { SyncEngine } from '../src-main/core/archive/sync-engine';
import { TestVault } from '../test/integration/archive/support/archive-fixtures';
import { BENCH_TEMPLATES, benchEmail, benchId, benchIndex, benchPhone, benchRow } from './lib/archive-rows';

const PAGE = 250;
const QUERIES = 200;

function pageOf(total: number, endMs: number, olderThan: string | null): Record<string, unknown>[] {
  const start = olderThan === null ? total - 1 : benchIndex(olderThan) - 1;
  const rows: Record<string, unknown>[] = [];
  for (let i = start; i > start - PAGE && i >= 0; i--) rows.push(benchRow(i, total, endMs));
  return rows;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * The archive's own notifications table and its indexes, as `ArchiveStore.open` creates them in a
 * new file (read back from that file's schema, so the baseline follows the archive's migrations).
 */
function archiveNotificationsSchema(dir: string): string {
  const path = join(dir, 'schema.sqlite');
  ArchiveStore.open({ path, vault: new TestVault('schema') }).close();
  const db = new Database(path, { readonly: true });
  const statements = db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE tbl_name = 'notifications' AND sql IS NOT NULL ORDER BY type DESC",
    )
    .all()
    .map((row) => `${row.sql};`);
  db.close();
  return statements.join('\n');
}

/** The plain baseline: the archive's own table, with the personal fields as plain text. */
function fillBaseline(
  path: string,
  schema: string,
  total: number,
  endMs: number,
): { seconds: number; bytes: number } {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    schema
      .replaceAll('recipient_hash BLOB', 'recipient TEXT')
      .replaceAll('reference_hash BLOB', 'reference TEXT')
      .replaceAll('record BLOB', 'record TEXT')
      .replaceAll('recipient_hash', 'recipient')
      .replaceAll('reference_hash', 'reference'),
  );
  const byId = db.prepare('SELECT seq, record FROM notifications WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO notifications (id, profile_id, type, status, status_rank, template_id, template_version,
       created_at, archived_at, updated_at, recipient, reference, record) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const writePage = db.transaction((rows: Record<string, unknown>[]) => {
    const now = Date.now();
    for (const n of rows) {
      if (byId.get(n['id'])) continue;
      const t = n['template'] as { id: string; version: number };
      insert.run(
        n['id'],
        'bench',
        n['type'],
        n['status'],
        t.id,
        t.version,
        Date.parse(n['created_at'] as string),
        now,
        now,
        recipientTerm(n as never),
        n['reference'],
        JSON.stringify({ notification: n, timeline: [] }),
      );
    }
  });
  const t0 = performance.now();
  let cursor: string | null = null;
  for (;;) {
    const rows = pageOf(total, endMs, cursor);
    if (!rows.length) break;
    writePage.immediate(rows);
    cursor = rows[rows.length - 1]!['id'] as string;
  }
  const seconds = (performance.now() - t0) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { seconds, bytes: statSync(path).size };
}

export async function benchArchive(): Promise<string[]> {
  const total = Number(process.env.ARCHIVE_BENCH_ROWS ?? 1_000_000);
  const dir = mkdtempSync(join(process.env.ARCHIVE_BENCH_DIR ?? tmpdir(), 'archive-bench-'));
  const endMs = Date.parse('2026-12-01T00:00:00Z');
  const out: string[] = [];
  try {
    process.stderr.write(`archive bench: baseline fill of ${fmt(total)} rows…\n`);
    const base = fillBaseline(join(dir, 'plain.sqlite'), archiveNotificationsSchema(dir), total, endMs);

    process.stderr.write('archive bench: encrypted archive fill through the sync engine…\n');
    const path = join(dir, 'archive.sqlite');
    const vault = new TestVault('bench');
    const store = ArchiveStore.open({ path, vault });
    const profile = { id: 'bench-profile', name: 'Bench' };
    await store.setOptIn(profile.id, true);
    const source: NotificationSource = {
      fetchPage: async (olderThan) => ({ kind: 'page', notifications: pageOf(total, endMs, olderThan) }),
    };
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const t0 = performance.now();
    const result = await new SyncEngine(store, {
      pageIntervalMs: 0,
      onProgress: (p) => {
        if (p.phase === 'paging' && p.pages % 400 === 0) process.stderr.write(`  ${fmt(p.seen)} rows\n`);
      },
    }).run(profile, source);
    const seconds = (performance.now() - t0) / 1000;
    loop.disable();
    if (result.outcome !== 'completed' || result.state.lastRun?.added !== total) {
      throw new Error(`the sync did not archive every row: ${JSON.stringify(result.state.lastRun)}`);
    }
    store.database().pragma('wal_checkpoint(TRUNCATE)');
    const size = await archiveSize(store);

    const rateArchive = total / seconds;
    const rateBase = total / base.seconds;
    out.push(
      `Fill: ${fmt(total)} notifications, pages of ${PAGE}, one transaction a page (WAL, synchronous=FULL).`,
    );
    out.push('');
    out.push('| store | seconds | notifications/s | bytes on disk | bytes per notification |');
    out.push('| ----- | ------- | --------------- | ------------- | ---------------------- |');
    out.push(
      `| plain SQLite baseline (same rows, columns, indexes) | ${fmt(base.seconds, 1)} | ${fmt(rateBase)} | ${fmt(base.bytes)} | ${fmt(base.bytes / total)} |`,
    );
    out.push(
      `| encrypted archive via the sync engine | ${fmt(seconds, 1)} | ${fmt(rateArchive)} | ${fmt(size.bytesOnDisk)} | ${fmt(size.bytesOnDisk / total)} |`,
    );
    out.push('');
    out.push(
      `insert rate archive/baseline = ${(rateArchive / rateBase).toFixed(2)}; size archive/baseline = ${(size.bytesOnDisk / base.bytes).toFixed(2)}`,
    );
    out.push(
      `event loop during the archive fill: p99 delay ${fmt(loop.percentile(99) / 1e6, 1)} ms, max ${fmt(loop.max / 1e6, 1)} ms (one page's transaction)`,
    );

    // Search: each kind QUERIES times with varied values, over the full archive.
    const pick = (k: number) => Math.floor(((k * 7919 + 13) % QUERIES) * (total / QUERIES) + (k % 97));
    const smsRow = (k: number) => {
      for (let i = pick(k); ; i = (i + 1) % total) if (benchRow(i, total, endMs)['type'] === 'sms') return i;
    };
    const emailRow = (k: number) => {
      for (let i = pick(k); ; i = (i + 1) % total)
        if (benchRow(i, total, endMs)['type'] === 'email') return i;
    };
    const day = 86_400_000;
    const startMs = endMs - 365 * day;
    const iso = (ms: number) => new Date(ms).toISOString();
    const kinds: [string, (k: number) => ArchiveQuery][] = [
      ['id', (k) => ({ id: benchId(pick(k)) })],
      ['reference', (k) => ({ reference: `case-${pick(k)}` })],
      [
        'recipient: phone number (typed +44 …)',
        (k) => ({ recipient: benchPhone(smsRow(k)).replace(/^0/, '+44 ') }),
      ],
      ['recipient: email (other case)', (k) => ({ recipient: benchEmail(emailRow(k)).toUpperCase() })],
      ['template (newest 50)', (k) => ({ templateId: BENCH_TEMPLATES[k % BENCH_TEMPLATES.length] })],
      ['status "failed" (newest 50)', () => ({ status: 'failed' })],
      ['channel letter (newest 50)', () => ({ type: 'letter' })],
      [
        'date range, one day (first 50)',
        (k) => ({ from: iso(startMs + (k % 360) * day), to: iso(startMs + (k % 360) * day + day) }),
      ],
      [
        'sms + permanent-failure + 30 days',
        (k) => ({
          type: 'sms',
          status: 'permanent-failure',
          from: iso(startMs + (k % 300) * day),
          to: iso(startMs + (k % 300) * day + 30 * day),
        }),
      ],
      ['all, newest 50', () => ({})],
    ];
    out.push('');
    out.push(
      `Search over ${fmt(total)} archived notifications, ${QUERIES} queries each (results decrypted):`,
    );
    out.push('');
    out.push('| search | p50 ms | p99 ms | results (mean) |');
    out.push('| ------ | ------ | ------ | -------------- |');
    for (const [name, make] of kinds) {
      const times: number[] = [];
      let results = 0;
      for (let k = 0; k < QUERIES; k++) {
        const q = make(k);
        const s = performance.now();
        const r = await store.search(q);
        times.push(performance.now() - s);
        results += r.results.length;
      }
      times.sort((a, b) => a - b);
      out.push(
        `| ${name} | ${fmt(pct(times, 50), 2)} | ${fmt(pct(times, 99), 2)} | ${fmt(results / QUERIES, 1)} |`,
      );
    }
    // Deep paging: the 20th page of one month costs what the first does (keyset paging).
    const deep: number[] = [];
    for (let k = 0; k < 20; k++) {
      let cursor: string | undefined;
      for (let p = 0; p < 20; p++) {
        const s = performance.now();
        const r = await store.search({
          from: iso(startMs + k * 10 * day),
          to: iso(startMs + k * 10 * day + 30 * day),
          cursor,
        });
        deep.push(performance.now() - s);
        cursor = r.nextCursor ?? undefined;
      }
    }
    deep.sort((a, b) => a - b);
    out.push(
      `| one month, pages 1–20 by cursor | ${fmt(pct(deep, 50), 2)} | ${fmt(pct(deep, 99), 2)} | 50 |`,
    );
    store.close();

    // What the integrity checks would cost on open at this size.
    const t1 = performance.now();
    const reopened = ArchiveStore.open({ path, vault });
    const openMs = performance.now() - t1;
    const t2 = performance.now();
    const problem = quickCheck(reopened.database());
    const checkMs = performance.now() - t2;
    const t3 = performance.now();
    reopened.database().pragma('integrity_check(1)');
    const integrityMs = performance.now() - t3;
    reopened.close();
    out.push('');
    out.push(
      `Open (cheap checks: header, size against page count, schema): ${fmt(openMs)} ms; PRAGMA quick_check: ${fmt(checkMs)} ms (${problem ?? 'ok'}); PRAGMA integrity_check: ${fmt(integrityMs)} ms, for ${fmt(size.bytesOnDisk / 1048576)} MiB.`,
    );
    return out;
  } finally {
    if (!process.env.ARCHIVE_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
