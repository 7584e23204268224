/**
 * Polls until a condition holds, for tests that wait on background work (status polling, key
 * bookkeeping). Fails with the last value seen, so a timeout says what the test got instead.
 */
export async function waitUntil<T>(
  fn: () => Promise<T>,
  ok: (value: T) => boolean,
  { tries = 300, intervalMs = 20 } = {},
): Promise<T> {
  let last!: T;
  for (let i = 0; i < tries; i++) {
    last = await fn();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`not reached: ${JSON.stringify(last).slice(0, 500)}`);
}
