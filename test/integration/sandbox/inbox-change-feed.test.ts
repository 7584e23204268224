/**
 * The change feed behind `GET /_sandbox/notifications/changes`: from any cursor it answers exactly the
 * notifications changed since, newest change first and once each, or says "reload" (complete: false)
 * when it cannot know them all: a reset since, more changes since than it keeps, another run's cursor.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../../src-sandbox/change-feed';

type Op = { kind: 'record'; id: string } | { kind: 'reset' };

describe('ChangeFeed', () => {
  it('answers every cursor exactly, or says it cannot (fast-check against a plain log)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(
          fc.oneof(
            {
              weight: 9,
              arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e').map((id): Op => ({ kind: 'record', id })),
            },
            { weight: 1, arbitrary: fc.constant<Op>({ kind: 'reset' }) },
          ),
          { maxLength: 40 },
        ),
        (capacity, ops) => {
          const feed = new ChangeFeed(capacity);
          const cursors = [feed.cursor()];
          for (const op of ops) {
            if (op.kind === 'record') feed.record(op.id);
            else feed.reset();
            cursors.push(feed.cursor());
          }
          cursors.forEach((cursor, i) => {
            const after = ops.slice(i);
            const got = feed.since(cursor);
            expect(got.cursor).toBe(feed.cursor());
            const knowable = !after.some((o) => o.kind === 'reset') && after.length < capacity;
            expect(got.complete, `cursor ${i} of ${ops.length}, capacity ${capacity}`).toBe(knowable);
            if (!knowable) return expect(got.ids).toEqual([]);
            const expected: string[] = [];
            for (const o of [...after].reverse())
              if (o.kind === 'record' && !expected.includes(o.id)) expected.push(o.id);
            expect(got.ids).toEqual(expected);
          });
        },
      ),
    );
  });

  it('refuses cursors that are not its own: none, another run’s, malformed, from the future', () => {
    const feed = new ChangeFeed();
    feed.record('a');
    const other = new ChangeFeed();
    for (const cursor of [
      null,
      other.cursor(),
      'garbage',
      `${feed.epoch}.99`,
      `${feed.epoch}.-1`,
      `${feed.epoch}.1e3`,
    ])
      expect(feed.since(cursor), String(cursor)).toEqual({ cursor: feed.cursor(), ids: [], complete: false });
  });

  it('a wait ends at the next change, at once for a stale cursor, and when the feed closes', async () => {
    const feed = new ChangeFeed();
    const stale = feed.cursor();
    feed.record('a');
    let woken = false;
    await feed.wait(stale, 60_000); // something already changed: at once
    const waiting = feed.wait(feed.cursor(), 60_000).then(() => (woken = true));
    await Promise.resolve();
    expect(woken).toBe(false);
    feed.record('b');
    await waiting;
    const closing = feed.wait(feed.cursor(), 60_000);
    feed.close();
    await closing;
  });
});
