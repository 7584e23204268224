/**
 * `npm run bench [-- name…]`: runs the benchmarks and prints their tables and ratios.
 *
 * Every benchmark measures its baseline in the same run and prints a ratio; nothing here asserts a
 * timing. Copy the output into bench/RESULTS.md with the command and the machine.
 */
import { benchArchive } from './archive';
import { benchBrowser } from './browser';
import { benchBulk } from './bulk';
import { benchClient } from './client-vs-node-client';
import { benchSandbox } from './sandbox-throughput';
import { benchWrk } from './wrk';

const benches: Record<string, () => Promise<string[]>> = {
  sandbox: benchSandbox,
  client: benchClient,
  browser: benchBrowser,
  archive: benchArchive,
  bulk: benchBulk,
  wrk: benchWrk,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(benches);
for (const name of names) {
  const fn = benches[name];
  if (!fn) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n## ${name}\n`);
  for (const line of await fn()) console.log(line);
}
