/**
 * The sandbox with Notify's limits on (3,000 a minute per key type, daily limits), in its own
 * process; prints its info as one JSON line.
 */
import { startSandbox } from '../../src-sandbox/server';

const sandbox = await startSandbox({ dataDir: null, timeScale: 1, limits: true, latency: 'none' });
console.log(JSON.stringify({ url: sandbox.url, info: sandbox.info() }));
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
