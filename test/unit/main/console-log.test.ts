/**
 * The console's log (issue 10.10): one format, secrets masked, a rotating file, the last errors.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleLog, fileSink, type LogSink } from '../../../src-main/host/file-log';
import { formatLogLine, Redactor } from '../../../src-main/host/log-format';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function memorySink(): LogSink & { lines: string[] } {
  const lines: string[] = [];
  return { path: null, lines, write: (_l, line) => void lines.push(line) };
}

const AT = new Date('2026-12-03T11:55:02.123Z');
const secret = randomUUID();
const serviceId = randomUUID();
const apiKey = `my_live_key-${serviceId}-${secret}`;
const jwt = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIke3NlcnZpY2VJZH0iLCJpYXQiOjE3MDAwMDAwMDB9.${randomBytes(32).toString('base64url')}`;
const controlSecret = randomBytes(32).toString('base64url');

describe('the log line', () => {
  it('has one format: time, level, message, fields', () => {
    expect(formatLogLine(new Redactor(), 'warn', 'sandbox restarted', { code: 1 }, AT)).toBe(
      '2026-12-03T11:55:02.123Z [warn] sandbox restarted {"code":1}',
    );
  });

  it('masks an API key, a JWT, a bearer token, the control secret and vault envelopes, wherever they are', () => {
    const r = new Redactor();
    r.addSecret(controlSecret);
    const line = formatLogLine(
      r,
      'error',
      `request with ${apiKey} failed; Authorization: Bearer ${jwt}; secret ${controlSecret}`,
      {
        nested: { list: [`key=${apiKey}`, jwt] },
        note: `X-Sandbox-Secret: ${controlSecret}`,
        env: 'nc1:passphrase:eyJ2IjoxfQ',
      },
      AT,
    );
    for (const s of [secret, secret.slice(-12), jwt.split('.')[2]!, controlSecret, 'eyJ2IjoxfQ'])
      expect(line).not.toContain(s);
    // What is left says what was there: the key as Notify's own list shows it.
    expect(line).toContain(`[API key my_live_key-${serviceId}-••••${secret.slice(-4)}]`);
    expect(line).toContain('Bearer [token]');
    expect(line).toContain('[secret]');
    expect(line).toContain('[sealed]');
  });

  it('drops fields whose name says they hold a secret', () => {
    const line = formatLogLine(
      new Redactor(),
      'info',
      'x',
      { apiKey: 'plain', token: 'abc', passphrase: 'hunter22', Authorization: 'x', profileId: 'p1' },
      AT,
    );
    expect(line).toBe(
      '2026-12-03T11:55:02.123Z [info] x {"apiKey":"[redacted]","token":"[redacted]","passphrase":"[redacted]","Authorization":"[redacted]","profileId":"p1"}',
    );
  });

  it('never lets a message forge a second entry, and never shows a generated key (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), fc.uuid(), (text, sid, sec) => {
        const key = `k-${sid}-${sec}`;
        const line = formatLogLine(new Redactor(), 'info', `${text}\n${key}\r\n${text}`, { text }, AT);
        expect(line).not.toMatch(/[\r\n]/);
        expect(line).not.toContain(sec);
      }),
    );
  });
});

describe('ConsoleLog', () => {
  it('writes masked lines and keeps the last errors, masked too', () => {
    const sink = memorySink();
    const log = new ConsoleLog(sink, () => AT);
    log.redactor.addSecret(controlSecret);
    log.info('started', { port: 6012 });
    log.error('internal error', { error: `boom with ${apiKey} and ${controlSecret}` });
    expect(sink.lines).toHaveLength(2);
    expect(sink.lines.join('\n')).not.toContain(secret);
    expect(sink.lines.join('\n')).not.toContain(controlSecret);
    expect(log.recentErrors()).toEqual([
      {
        at: AT.toISOString(),
        message: expect.stringMatching(/^\[error\] internal error .*\[API key .*\[secret\]/),
      },
    ]);
    for (let i = 0; i < 30; i++) log.warn(`w${i}`);
    expect(log.recentErrors()).toHaveLength(20);
    expect(log.recentErrors().at(-1)?.message).toMatch(/w29/);
  });

  it('rotates its file at the size limit and keeps three older files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nc-log-'));
    dirs.push(dir);
    const path = join(dir, 'logs', 'console.log');
    const log = new ConsoleLog(fileSink(path, 1000, 3), () => AT);
    for (let i = 0; i < 100; i++) log.info(`line ${i} ${'x'.repeat(50)}`);
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual([
      'console.log',
      'console.log.1',
      'console.log.2',
      'console.log.3',
    ]);
    for (const f of readdirSync(join(dir, 'logs')))
      expect(readFileSync(join(dir, 'logs', f)).length).toBeLessThanOrEqual(1000);
    expect(readFileSync(path, 'utf8')).toMatch(/line 99 /);
  });
});
