import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderEmailHtml } from '../../../src-shared/template';
import { emailHtmlRenderer, renderMarkdown } from '../../../src-shared/template/markdown';
import { BLOCK, INLINE, PARAGRAPH_WITHOUT_FENCES } from '../../../src-shared/template/markdown-grammar';
import { Lookahead } from '../../../src-shared/template/markdown-lookahead';
import { PY_S } from '../../../src-shared/template/python';

// Markdown is read in linear time on long text (issue 8 point 2): a rule is skipped only where it
// cannot match, and the rules rewritten for speed match what mistune's own expressions match. Each
// shortcut is checked here against the expression it stands for.

const PIECES = [
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '!',
  '^',
  '\\',
  '"',
  "'",
  ' ',
  '   ',
  '\n',
  '\t',
  'a',
  '-',
  '|',
];
const MORE = ['`', '```', '~~~', '-->', '<!--', 'http://x', 'https://', '@', ':', '1.', '#', '\u2000', '*'];
const text = fc.array(fc.constantFrom(...PIECES, ...MORE), { maxLength: 30 }).map((parts) => parts.join(''));

/** mistune's own inline expressions where the lexer now checks part of them itself. */
const MISTUNE_TEXT = /^[\s\S]+?(?=[\\<![_*`~]|https?:\/\/| *\n|$)/;
const MISTUNE_LINEBREAK = new RegExp(`^ *\\n(?![${PY_S}]*$)`, 'u');
const MISTUNE_NPTABLE = new RegExp(
  `^(?:( *[^${PY_S}][^\\n]*\\|[^\\n]*)\\n *([-:]+ *\\|[-| :]*)\\n((?:[^\\n]*\\|[^\\n]*(?:\\n|$))*)\\n*)`,
  'u',
);

describe('inline shortcuts', () => {
  it('a rule is skipped only where its expression does not match', () => {
    fc.assert(
      fc.property(text, fc.nat(), (full, at) => {
        const offset = full.length ? at % full.length : 0;
        const rest = full.slice(offset);
        const ahead = new Lookahead(full);
        for (const rule of ['inlineHtml', 'autolink', 'footnote', 'link', 'reflink', 'nolink'] as const) {
          if (!ahead.mayMatch(rule, offset)) expect(INLINE[rule].exec(rest), rule).toBeNull();
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('the text and line-break rules match what mistune’s expressions match', () => {
    fc.assert(
      fc.property(text, fc.nat(), (full, at) => {
        const offset = full.length ? at % full.length : 0;
        const rest = full.slice(offset);
        const ahead = new Lookahead(full);
        if (rest) expect(ahead.text(rest, offset)[0]).toBe(MISTUNE_TEXT.exec(rest)?.[0]);
        const own = INLINE.linebreak.exec(rest);
        const linebreak = own && !ahead.onlySpaceAfter(offset + own[0].length) ? own[0] : null;
        expect(linebreak).toBe(MISTUNE_LINEBREAK.exec(rest)?.[0] ?? null);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('block shortcuts', () => {
  it('the table rule matches what mistune’s expression matches', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(BLOCK.nptable.exec(s)?.slice()).toEqual(MISTUNE_NPTABLE.exec(s)?.slice());
      }),
      { numRuns: 5000 },
    );
  });

  it('without a closing fence the paragraph rule is the same without its fence check', () => {
    fc.assert(
      fc.property(text, (s) => {
        if (/(?:```|~~~) *(?:\n|$)/.test(s)) return;
        expect(BLOCK.fences.exec(s)).toBeNull();
        expect(PARAGRAPH_WITHOUT_FENCES.exec(s)?.[0]).toBe(BLOCK.paragraph.exec(s)?.[0]);
      }),
      { numRuns: 5000 },
    );
  });

  it('lists and inset text nest up to the limit, and deeper is refused', () => {
    // The limit is 50 levels (markdown-block.ts): far below mistune's recursion limit, far above real
    // templates. 49 markers still render; the 50th is refused with an error that names the limit.
    const refused = { name: 'MarkdownNestingError', message: 'Markdown nested more than 50 levels deep' };
    const nested = (marker: string, depth: number) => `${marker.repeat(depth)}x`;
    expect(renderMarkdown(nested('-', 48), emailHtmlRenderer)).toContain('x</li>');
    expect(renderMarkdown(nested('-', 49), emailHtmlRenderer)).toContain('x</li>');
    expect(renderMarkdown(nested('^', 49), emailHtmlRenderer)).toContain('x');
    expect(() => renderMarkdown(nested('-', 50), emailHtmlRenderer)).toThrow(
      expect.objectContaining(refused),
    );
    expect(() => renderMarkdown(nested('^', 50), emailHtmlRenderer)).toThrow(
      expect.objectContaining(refused),
    );
  });
});

describe('long hostile text', () => {
  // Each of these took seconds for 40,000 characters (a paragraph of `[a](b "` over two minutes);
  // 200,000 now render, with the answers checked above.
  it.each([['[a]('], ['['], ['[^'], ['![a]('], ['[a](b "'], ['~~~ a\n'], ['|'], ['<!--']])(
    'renders 200,000 characters of %j',
    (unit) => {
      const body = unit.repeat(Math.ceil(200_000 / unit.length));
      expect(renderEmailHtml('((body))', { body }).length).toBeGreaterThan(100_000);
    },
  );
});
