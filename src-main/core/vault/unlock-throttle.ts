/**
 * Failed unlocks slow down: after each wrong passphrase the next attempt must wait twice as long
 * (1 s, 2 s, 4 s… up to 5 minutes), and the error says how long. A right passphrase resets it.
 *
 * Kept in memory: it slows guessing through the console (a page that reached the browser-mode host,
 * a script on its IPC), which is the only way in that does not already hold the settings file. Whoever
 * holds that file can guess offline, and scrypt's cost is what slows them.
 */
const MAX_UNLOCK_DELAY_MS = 5 * 60_000;

export class UnlockThrottle {
  private failures = 0;
  private notBefore = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until the next attempt is allowed; 0 when it is allowed now. */
  waitMs(): number {
    return Math.max(0, this.notBefore - this.now());
  }

  /** Records a wrong passphrase; returns how long the next attempt must wait. */
  failed(): number {
    this.failures++;
    const delay = Math.min(1000 * 2 ** (this.failures - 1), MAX_UNLOCK_DELAY_MS);
    this.notBefore = this.now() + delay;
    return delay;
  }

  succeeded(): void {
    this.failures = 0;
    this.notBefore = 0;
  }
}

/** "3 seconds", "1 minute 5 seconds": the wait in words, rounded up to the second. */
export function describeWait(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return part(seconds, 'second');
  return seconds === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(seconds, 'second')}`;
}
