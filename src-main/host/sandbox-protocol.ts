/**
 * What the console and its sandbox process say to each other at start-up: the settings in one
 * environment variable, the control secret in another (the sandbox CLI's own), and one JSON line
 * back on stdout.
 */

/**
 * The sandbox CLI's variable for the control secret (src-sandbox/cli.ts `SECRET_ENV`, which a test
 * keeps equal); the child reads the same one. Not imported from there: the console's process must
 * not load the sandbox.
 */
export const SECRET_ENV = 'NOTIFY_SANDBOX_CONTROL_SECRET';
export const CONFIG_ENV = 'NOTIFY_CONSOLE_SANDBOX_CONFIG';
/** Set by the Node launcher: the child stops when its stdin (the console's end of a pipe) closes. */
export const WATCH_STDIN_ENV = 'NOTIFY_CONSOLE_SANDBOX_WATCH_STDIN';

export interface ChildConfig {
  dataDir: string;
  /** The port to try first; another free one when it is taken. */
  port: number;
  timeScale: number;
}

/** A torn journal the sandbox set aside at start (the sandbox's JournalRecovery). */
export interface JournalRecoveryReport {
  message: string;
  recordsRecovered: number;
  damaged: { file: string; bytes: number; savedTo: string }[];
}

export type ChildReport =
  | { ready: { url: string; port: number; recovery: JournalRecoveryReport | null } }
  | { failed: { kind: 'damaged-data' | 'config' | 'other'; message: string } };

/** The report in one stdout line, or null when the line is something else. */
export function parseReport(line: string): ChildReport | null {
  if (!line.startsWith('{')) return null;
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value && typeof value === 'object' && ('ready' in value || 'failed' in value))
      return value as ChildReport;
  } catch {
    // Not a report.
  }
  return null;
}
