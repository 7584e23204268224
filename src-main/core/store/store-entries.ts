/**
 * The one rule every `KeyValueStore` applies a write with: the settings store (settings-store.ts), and
 * the in-memory store the tests use in its place (test/support/memory-store.ts).
 */
import type { JsonValue } from '../ports';

export type Entries = Record<string, JsonValue>;

/** `current` with `changes` applied (an `undefined` value deletes its key), as a new object. */
export function applyChanges(current: Entries, changes: Record<string, JsonValue | undefined>): Entries {
  const merged = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) merged.delete(key);
    else merged.set(key, value);
  }
  const next: Entries = {};
  for (const [key, value] of merged) {
    // defineProperty, not assignment: a key named `__proto__` must stay a plain entry.
    Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return next;
}
