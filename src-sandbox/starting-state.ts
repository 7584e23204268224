/**
 * What a sandbox starts from: the data folder's saved state (fixture, unsubscribe secret and journal,
 * replayed into the store), a fresh data folder seeded from the fixture, or the fixture alone in memory.
 * Kept apart from the server so the three ways in are read in one place.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxClock } from './clock';
import { defaultFixture } from './default-fixture';
import { completeFixture, parseFixture, type Fixture } from './fixtures';
import { FileJournal, type JournalRecovery } from './persistence';
import type { SandboxStore } from './store';

/** What `loadStartingState` needs from the sandbox's options. */
interface StartingStateOptions {
  fixture?: Fixture | unknown;
  dataDir?: string | null;
  compactAfterBytes?: number;
}

/** The state loaded into the store, and what the server keeps of it. */
interface StartingState {
  /** The data folder's journal, already the store's; null in memory. */
  journal: FileJournal | null;
  /** What start-up recovered from when the data folder was not closed cleanly; null otherwise. */
  recovery: JournalRecovery | null;
  /** The fixture the sandbox started from (and `reset()` goes back to). */
  fixture: Fixture;
  /** Secret for unsubscribe-link tokens, fixed per data folder. */
  unsubscribeSecret: string;
}

/** Loads the starting state into `store` and, with a data folder, attaches its journal to it. */
export async function loadStartingState(
  options: StartingStateOptions,
  clock: SandboxClock,
  store: SandboxStore,
  onError: (err: unknown) => void,
): Promise<StartingState> {
  let journal: FileJournal | null = null;
  let recovery: JournalRecovery | null = null;
  let fixture: Fixture;
  let unsubscribeSecret = randomBytes(32).toString('hex');
  if (options.dataDir) {
    const opened = await FileJournal.open(options.dataDir, {
      compactAfterBytes: options.compactAfterBytes,
      onError,
    });
    journal = opened.journal;
    recovery = opened.recovery;
    const fixturePath = join(options.dataDir, 'fixture.json');
    const secretPath = join(options.dataDir, 'secret');
    if (opened.fresh) {
      fixture = completeFixture(parseFixture(options.fixture ?? defaultFixture()), new Date(clock.nowMs()));
      await writeFile(fixturePath, JSON.stringify(fixture, null, 2), { mode: 0o600 });
      await writeFile(secretPath, unsubscribeSecret, { mode: 0o600 });
      store.startingFixture = fixture;
      store.loadFixture(fixture);
    } else {
      fixture = completeFixture(
        parseFixture(JSON.parse(await readFile(fixturePath, 'utf8')), fixturePath),
        new Date(clock.nowMs()),
      );
      unsubscribeSecret = (await readFile(secretPath, 'utf8')).trim();
      store.startingFixture = fixture;
      for (const rec of opened.records) store.replay(rec);
    }
    await journal.start(() => store.snapshot());
    store.journal = journal;
  } else {
    fixture = completeFixture(parseFixture(options.fixture ?? defaultFixture()), new Date(clock.nowMs()));
    store.startingFixture = fixture;
    store.loadFixture(fixture);
  }
  return { journal, recovery, fixture, unsubscribeSecret };
}
