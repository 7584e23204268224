/**
 * Runs (or resumes) one batch against Notify in its own process, for the fault suite to kill.
 *
 * argv: <batches folder> <batch id> <base URL>; the API key comes in NOTIFY_API_KEY. Prints one
 * JSON line per progress event and exits 0 when the batch is done.
 */
import { openBatch } from '../../../src-main/core/bulk/batches';
import { NotifyClient } from '../../../src-main/core/notify/client';
import { clientPort } from '../../support/bulk-batches';

const [root, batchId, baseUrl] = process.argv.slice(2) as [string, string, string];
const client = new NotifyClient({ baseUrl, apiKey: process.env['NOTIFY_API_KEY'] ?? '' });
const batch = await openBatch(root, batchId);
const progress = await batch.runner.run({
  port: clientPort(client),
  ratePerMinute: null,
  concurrency: 8,
  settleMs: 300,
  progressIntervalMs: 20,
  onProgress: (p) => process.stdout.write(`${JSON.stringify(p)}\n`),
});
process.stdout.write(`${JSON.stringify(progress)}\n`);
await batch.close();
await client.close();
process.exit(progress.state === 'done' ? 0 : 1);
