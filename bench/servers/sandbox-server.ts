/**
 * The sandbox under test, in its own process; prints its info and, on request, its RSS.
 */
import { startSandbox } from '../../src-sandbox/server';

const dataDir = process.argv[2] && process.argv[2] !== '-' ? process.argv[2] : null;
const timeScale = Number(process.argv[3] ?? 1);
const sandbox = await startSandbox({ dataDir, timeScale, limits: false });
const info = sandbox.info();
console.log(JSON.stringify({ url: sandbox.url, info }));
process.on('message', () => undefined);
setInterval(() => undefined, 1 << 30);
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
