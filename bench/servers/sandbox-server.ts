/**
 * The sandbox under test, in its own process; prints its info as one JSON line (RSS is read from
 * its `/_sandbox/stats`).
 */
import { startSandbox } from '../../src-sandbox/server';

const dataDir = process.argv[2] && process.argv[2] !== '-' ? process.argv[2] : null;
const timeScale = Number(process.argv[3] ?? 1);
const sandbox = await startSandbox({ dataDir, timeScale, limits: false, latency: 'none' });
const info = sandbox.info();
console.log(JSON.stringify({ url: sandbox.url, info }));
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
