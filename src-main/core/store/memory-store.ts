/**
 * A {@link KeyValueStore} in memory, for tests and for hosts that persist nothing, and the one rule
 * both stores apply a write with.
 */
import type { JsonValue, KeyValueStore } from '../ports';

export type Entries = Record<string, JsonValue>;

/** Follows the same contract as the settings file store, including atomic `setMany` and copies on read. */
export class MemoryStore implements KeyValueStore {
  private data: Entries;

  constructor(initial: Readonly<Record<string, JsonValue>> = {}) {
    this.data = structuredClone({ ...initial });
  }

  get(key: string): JsonValue | undefined {
    const value = Object.hasOwn(this.data, key) ? this.data[key] : undefined;
    return value === undefined ? undefined : structuredClone(value);
  }

  keys(): string[] {
    return Object.keys(this.data);
  }

  async set(key: string, value: JsonValue): Promise<void> {
    await this.setMany({ [key]: value });
  }

  async delete(key: string): Promise<void> {
    await this.setMany({ [key]: undefined });
  }

  async setMany(entries: Readonly<Record<string, JsonValue | undefined>>): Promise<void> {
    // Serialising proves the values are JSON, exactly as the file store would find out.
    this.data = JSON.parse(JSON.stringify(applyChanges(this.data, structuredClone(entries)))) as Entries;
  }
}

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
