/**
 * Stopping cleanly: every close runs once, however many times it is asked for, and a signal ends
 * the process with exit code 0 and one line, never a stack trace.
 *
 * Ctrl+C on `npm start` reaches both scripts/start.mjs and the console it spawned (the terminal
 * signals the whole process group), and start.mjs forwards a SIGTERM too: two signals, one stop.
 */

/** `fn` wrapped so that every call after the first returns the first call's promise. */
export function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= Promise.resolve().then(fn));
}

interface SignalExitOptions {
  /** Closes everything; called once, whichever signal comes first. */
  stop: () => Promise<void>;
  /** Where the one-line message goes when closing fails (default: stderr). */
  report?: (line: string) => void;
  exit?: (code: number) => void;
  /** Signals to handle (default SIGINT and SIGTERM). */
  signals?: readonly NodeJS.Signals[];
  /** A close that takes longer than this ends the process anyway, with exit code 1. */
  timeoutMs?: number;
  /** The process to listen on (tests pass an EventEmitter). */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

/**
 * On SIGINT or SIGTERM: closes once, then exits 0; a failed or stuck close exits 1 with one line
 * saying why. Further signals while closing change nothing. Returns the function that removes the
 * handlers.
 */
export function exitOnSignals(options: SignalExitOptions): () => void {
  const {
    stop,
    report = (line) => process.stderr.write(`${line}\n`),
    exit = (code) => process.exit(code),
    signals = ['SIGINT', 'SIGTERM'],
    timeoutMs = 15_000,
    target = process,
  } = options;
  const stopOnce = once(stop);
  let stopping = false;
  const handler = (): void => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => {
      report(`notify-console: closing took over ${Math.round(timeoutMs / 1000)} s; stopped anyway.`);
      exit(1);
    }, timeoutMs);
    timer.unref?.();
    stopOnce().then(
      () => {
        clearTimeout(timer);
        exit(0);
      },
      (err: unknown) => {
        clearTimeout(timer);
        report(
          `notify-console: could not close cleanly: ${err instanceof Error ? err.message : String(err)}`,
        );
        exit(1);
      },
    );
  };
  for (const s of signals) target.on(s, handler);
  return () => {
    for (const s of signals) target.off(s, handler);
  };
}
