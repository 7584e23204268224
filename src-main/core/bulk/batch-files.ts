/**
 * A batch on disk: one folder per batch with its manifest, its rows and its journal.
 *
 * `rows.jsonl` (one API request per line, with its row number and reference) and `manifest.json`
 * are written once, synced and renamed into place; the manifest goes last, so a folder without one
 * is an unfinished creation and is never resumed. `journal.jsonl` then records every row transition
 * (journal.ts). Nothing here holds an API key: the batch names the profile it sends with.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { NotificationRequest } from '../../../src-shared/spreadsheet/index';
import type { TemplateType } from '../../../src-shared/statuses';
import { Journal } from './journal';
import { replay, type BatchState, type JournalEntry, type RowState } from './row-states';

/** What a batch is: everything needed to resume it after a restart, except the key. */
export interface BatchManifest {
  version: 1;
  batchId: string;
  createdAt: string;
  fileName: string;
  type: TemplateType;
  templateId: string;
  templateVersion: number | null;
  /** The console profile whose key sends the batch. */
  profileId: string;
  rowCount: number;
  /** The template's name when the batch was made, for the batches list. */
  templateName?: string;
  /** The batch whose failed rows this one sends again. */
  resendOf?: string | null;
}

interface OpenedBatch {
  manifest: BatchManifest;
  requests: NotificationRequest[];
  rows: RowState[];
  state: BatchState;
  message: string | null;
  journal: Journal<JournalEntry>;
}

/** Batch ids are generated (UUIDs); refusing anything else keeps them safe as folder names. */
const BATCH_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Writes a file whole: to a temporary name, synced, then renamed into place. */
export async function writeDurably(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } catch {
    // Some platforms cannot sync a directory; the files themselves are synced.
  } finally {
    await fh.close();
  }
}

/** The folder of a batch under the batches folder. */
export function batchDir(root: string, batchId: string): string {
  if (!BATCH_ID.test(batchId)) throw new Error(`Not a batch id: ${JSON.stringify(batchId)}`);
  return join(root, batchId);
}

/**
 * Writes a new batch's rows (one request a line, as `JSON.stringify` writes them) and manifest.
 * Resolves once both are on disk.
 */
export async function createBatchFiles(
  root: string,
  manifest: BatchManifest,
  rowsJsonl: string,
): Promise<void> {
  const dir = batchDir(root, manifest.batchId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeDurably(join(dir, 'rows.jsonl'), rowsJsonl);
  await writeDurably(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await syncDir(dir);
}

/** Parses JSON lines, yielding to the event loop between chunks so 100,000 rows never block it. */
async function parseLines(text: string): Promise<NotificationRequest[]> {
  const out: NotificationRequest[] = [];
  let start = 0;
  while (start < text.length) {
    for (let n = 0; n < 2_000 && start < text.length; n++) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      if (end > start) out.push(JSON.parse(text.slice(start, end)) as NotificationRequest);
      start = end + 1;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

/** Opens a batch: its manifest, requests, and each row's state replayed from the journal. */
export async function openBatchFiles(root: string, batchId: string): Promise<OpenedBatch> {
  const dir = batchDir(root, batchId);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as BatchManifest;
  const requests = await parseLines(await readFile(join(dir, 'rows.jsonl'), 'utf8'));
  if (requests.length !== manifest.rowCount) {
    throw new Error(`Batch ${batchId} should have ${manifest.rowCount} rows but has ${requests.length}`);
  }
  const { journal, records } = await Journal.open<JournalEntry>(join(dir, 'journal.jsonl'));
  const { rows, state, message } = replay(manifest.rowCount, records);
  return { manifest, requests, rows, state, message, journal };
}
