/**
 * A status lookup explains a malformed id in plain words (issue 9.11).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMalformedId } from '../../../src-renderer/features/notification/malformed-id';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
/** The id the explanation shows as an example (any well-formed id would do; this is the one it names). */
const EXAMPLE_ID = '740e5834-3a29-46b4-9a6f-16142fde533a';

describe('describeMalformedId', () => {
  it('accepts an id in any case, with or without hyphens, with spaces around it', () => {
    expect(describeMalformedId(ID)).toBeNull();
    expect(describeMalformedId(` ${ID.toUpperCase()} `)).toBeNull();
    expect(describeMalformedId(ID.replace(/-/g, ''))).toBeNull();
  });

  it('says an id cut short is missing characters, and shows what an id looks like', () => {
    const d = describeMalformedId(ID.slice(0, 30));
    expect(d?.pasted).toBe(ID.slice(0, 30));
    expect(d?.problem).toMatch(
      /has 26 characters other than hyphens; an id has 32, so part of it may be missing/,
    );
    expect(d?.expected).toBe(
      `A notification id is 32 letters a to f and digits, usually in groups of 8-4-4-4-12 separated by hyphens, like ${EXAMPLE_ID}.`,
    );
    // The example it shows is itself an id the lookup accepts.
    expect(describeMalformedId(EXAMPLE_ID)).toBeNull();
    expect(d?.suggestion).toBeNull();
  });

  it('names the characters that cannot be in an id, and points a reference to Support', () => {
    const d = describeMalformedId('invoice 2024/17');
    expect(d?.problem).toMatch(/“i”, “n”, “v”, “o”, a space/);
    expect(d?.problem).toMatch(/reference/);
  });

  it('offers the id inside a pasted link', () => {
    const d = describeMalformedId(`https://example.gov.uk/notifications/${ID}?x=1`);
    expect(d?.suggestion).toBe(ID);
    expect(d?.problem).toMatch(/id inside it/);
  });

  it('says so when several ids were pasted', () => {
    expect(describeMalformedId(`${ID} ${EXAMPLE_ID}`)?.problem).toMatch(/holds 2 ids/);
  });

  it('cuts a long paste when repeating it back', () => {
    expect(describeMalformedId('x'.repeat(5000))?.pasted).toHaveLength(61);
  });

  it('never throws, and either accepts a text or explains it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const d = describeMalformedId(text);
        if (d) expect(d.problem.length).toBeGreaterThan(0);
      }),
    );
  });
});
