/**
 * The desktop app's log file, written by electron-log: the console's lines (src-main/host/log-format.ts,
 * already masked) in the data folder's `logs/console.log`, rotated at 1 MiB (electron-log keeps the
 * previous file as `console.old.log`). Nothing is echoed to a terminal the user never sees.
 */
import log from 'electron-log/main';
import { LOG_MAX_BYTES, type LogSink } from '../host/file-log';

export function electronLogSink(path: string): LogSink {
  log.transports.file.resolvePathFn = () => path;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  // The line is formatted and masked already: written as it is.
  log.transports.file.format = '{text}';
  log.transports.console.level = false;
  return { path, write: (level, line) => log[level](line) };
}
