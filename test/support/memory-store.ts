/**
 * A {@link KeyValueStore} in memory: the test double for the settings store, applying a write with
 * the same rule (src-main/core/store/store-entries.ts). settings-store.test.ts runs the store
 * contract against both, so a test using this one exercises what production would do.
 */
import type { JsonValue, KeyValueStore } from '../../src-main/core/ports';
import { applyChanges, type Entries } from '../../src-main/core/store/store-entries';

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
