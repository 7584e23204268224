/**
 * The console's log (issue 10.10): a rotating file in the data folder (`logs/console.log`, 1 MiB,
 * three older files kept), lines made by ./log-format.ts, and the last errors kept in memory for the
 * diagnostics view. In the desktop app electron-log writes the file (src-main/electron/log-sink.ts);
 * in browser mode and tests, {@link fileSink} does, in the same format.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../core';
import { formatLogLine, Redactor, type LogLevel } from './log-format';

export const LOG_MAX_BYTES = 1024 * 1024;
const LOG_KEEP = 3;
const RECENT_ERRORS = 20;

/** Writes finished lines somewhere. */
export interface LogSink {
  readonly path: string | null;
  write(level: LogLevel, line: string): void;
}

/** Where the log lives in a data folder. */
export function logPathIn(dataDir: string): string {
  return join(dataDir, 'logs', 'console.log');
}

/**
 * Appends to `path`, rotating to `path.1` … `path.{keep}` when it would pass `maxBytes`. Synchronous
 * appends of one short line: the order is the order things happened, and nothing is lost at exit.
 */
export function fileSink(path: string, maxBytes = LOG_MAX_BYTES, keep = LOG_KEEP): LogSink {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    size = 0;
  }
  const rotate = () => {
    rmSync(`${path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${path}.${i}`, `${path}.${i + 1}`);
      } catch {
        // Not there yet.
      }
    }
    renameSync(path, `${path}.1`);
    size = 0;
  };
  return {
    path,
    write(_level, line) {
      const text = `${line}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(path, text, { mode: 0o600 });
        size += bytes;
      } catch {
        // A log that cannot be written must not stop the console.
      }
    },
  };
}

interface RecentError {
  at: string;
  message: string;
}

/** The console's logger over a sink: masked lines, and the last errors for the diagnostics view. */
export class ConsoleLog implements Logger {
  readonly redactor = new Redactor();
  private readonly errors: RecentError[] = [];

  constructor(
    private readonly sink: LogSink,
    private readonly now: () => Date = () => new Date(),
    /** Also said on stderr (browser mode: the terminal it was started from). */
    private readonly echo: ((line: string) => void) | null = null,
  ) {}

  get path(): string | null {
    return this.sink.path;
  }

  info(msg: string, data?: Record<string, unknown>): void {
    this.write('info', msg, data);
  }

  warn(msg: string, data?: Record<string, unknown>): void {
    this.write('warn', msg, data);
  }

  error(msg: string, data?: Record<string, unknown>): void {
    this.write('error', msg, data);
  }

  /** The last errors and warnings, newest last, masked as the log is. */
  recentErrors(): RecentError[] {
    return [...this.errors];
  }

  private write(level: LogLevel, msg: string, data?: Record<string, unknown>): void {
    const at = this.now();
    const line = formatLogLine(this.redactor, level, msg, data, at);
    this.sink.write(level, line);
    if (level !== 'info') {
      this.errors.push({ at: at.toISOString(), message: line.slice(at.toISOString().length + 1) });
      if (this.errors.length > RECENT_ERRORS) this.errors.shift();
      this.echo?.(line);
    }
  }
}
