import { describe, expect, it } from 'vitest';
import { diffLines, diffStats } from '../../../src-renderer/features/templates/line-diff';

const render = (a: string, b: string) =>
  diffLines(a, b).map((l) => `${{ same: ' ', added: '+', removed: '-' }[l.kind]}${l.text}`);

describe('diffLines', () => {
  it('marks nothing for identical texts', () => {
    expect(render('a\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  it('finds an inserted and a removed line', () => {
    expect(render('a\nb\nc', 'a\nc\nd')).toEqual([' a', '-b', ' c', '+d']);
  });

  it('puts removed lines before the lines that replace them', () => {
    expect(render('one\ntwo\nthree', 'one\nTWO\nthree')).toEqual([' one', '-two', '+TWO', ' three']);
  });

  it('numbers lines in both versions', () => {
    const lines = diffLines('a\nb\nc', 'x\na\nc');
    expect(lines).toEqual([
      { kind: 'added', text: 'x', oldNumber: null, newNumber: 1 },
      { kind: 'same', text: 'a', oldNumber: 1, newNumber: 2 },
      { kind: 'removed', text: 'b', oldNumber: 2, newNumber: null },
      { kind: 'same', text: 'c', oldNumber: 3, newNumber: 3 },
    ]);
  });

  it('handles empty texts and CRLF', () => {
    expect(render('', 'a')).toEqual(['+a']);
    expect(render('a', '')).toEqual(['-a']);
    expect(render('a\r\nb', 'a\nb')).toEqual([' a', ' b']);
    expect(render('a\rb', 'a\nb')).toEqual([' a', ' b']);
    expect(diffLines('', '')).toEqual([]);
  });

  it('is a longest common subsequence (keeps the most lines)', () => {
    const a = 'A\nB\nC\nB\nD\nA\nB';
    const b = 'B\nD\nC\nA\nB\nA';
    const same = diffLines(a, b).filter((l) => l.kind === 'same').length;
    expect(same).toBe(4);
    const stats = diffStats(diffLines(a, b));
    expect(stats).toEqual({ added: 2, removed: 3 });
  });

  it('rebuilds both texts from the diff', () => {
    const a = 'Dear ((name))\n\nYour appointment is on ((date)).\n\nThanks';
    const b = 'Dear ((name)),\n\nYour appointment is at ((time)) on ((date)).\n\nThanks\nThe team';
    const lines = diffLines(a, b);
    expect(
      lines
        .filter((l) => l.kind !== 'added')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(a);
    expect(
      lines
        .filter((l) => l.kind !== 'removed')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(b);
  });

  it('falls back to replace-all above the size cap instead of freezing', () => {
    // The cap is 4,000,000 cells of the (n + 1) × (m + 1) table: 1,999 changed lines on each side
    // still get a real diff, 2,000 do not. Templates are far smaller; the cap only guards the window.
    const texts = (n: number) => {
      // Every line differs except one in the middle, which a real diff keeps.
      const lines = (p: string) => Array.from({ length: n }, (_, i) => (i === n >> 1 ? 'kept' : `${p}${i}`));
      return [lines('a').join('\n'), lines('b').join('\n')] as const;
    };
    const below = diffLines(...texts(1999));
    expect(below.filter((l) => l.kind === 'same').map((l) => l.text)).toEqual(['kept']);
    expect(diffStats(below)).toEqual({ added: 1998, removed: 1998 });
    const above = diffLines(...texts(2000));
    expect(above.filter((l) => l.kind === 'same')).toEqual([]);
    expect(diffStats(above)).toEqual({ added: 2000, removed: 2000 });
  });
});
