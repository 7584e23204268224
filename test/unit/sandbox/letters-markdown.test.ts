import { describe, expect, it } from 'vitest';
import {
  parseLetterMarkdown,
  type HardLine,
  type LetterBlock,
} from '../../../src-sandbox/letters/letter-markdown';
import { niceTypography, toEncodableText } from '../../../src-sandbox/letters/typography';

const plain = (lines: HardLine[]): string =>
  lines.map((line) => line.map((run) => run.text).join('')).join('\n');
const types = (blocks: LetterBlock[]): string[] => blocks.map((block) => block.type);

describe('parseLetterMarkdown', () => {
  it('splits paragraphs on blank lines and keeps single newlines as line breaks', () => {
    const blocks = parseLetterMarkdown('Dear Sam,\n\nLine one\nLine   two\r\n\r\n\r\nEnd');
    expect(types(blocks)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    const second = blocks[1];
    expect(second?.type === 'paragraph' && plain(second.lines)).toBe('Line one\nLine two');
  });

  it('renders "# " as a heading and "##" or deeper as a plain paragraph, as Notify does', () => {
    const blocks = parseLetterMarkdown('# Main\n\n## Sub\n\n### Deeper\n\n#NoSpace');
    expect(types(blocks)).toEqual(['heading', 'paragraph', 'paragraph', 'heading']);
    expect(blocks.map((b) => (b.type === 'heading' || b.type === 'paragraph' ? plain(b.lines) : ''))).toEqual(
      ['Main', 'Sub', 'Deeper', 'NoSpace'],
    );
  });

  it('treats ---, *** and - - - as page breaks, but text underlined with --- as a paragraph', () => {
    expect(types(parseLetterMarkdown('a\n\n---\n\nb\n\n***\n\n- - -\n\nc'))).toEqual([
      'paragraph',
      'page-break',
      'paragraph',
      'page-break',
      'page-break',
      'paragraph',
    ]);
    expect(types(parseLetterMarkdown('Title\n---\n\nBody'))).toEqual(['paragraph', 'paragraph']);
    expect(types(parseLetterMarkdown('Title\n===\n\nBody'))).toEqual(['heading', 'paragraph']);
  });

  it('parses bullet lists with *, - and •, numbered lists, and nested lists', () => {
    const [list] = parseLetterMarkdown('* one\n- two\n• three\n  * nested');
    expect(list?.type).toBe('list');
    if (list?.type !== 'list') return;
    expect(list.ordered).toBe(false);
    expect(list.items).toHaveLength(3);
    const third = list.items[2] ?? [];
    expect(types(third)).toEqual(['paragraph', 'list']);

    const [numbered] = parseLetterMarkdown('1. first\n2. second\n10. third');
    expect(numbered?.type === 'list' && numbered.ordered).toBe(true);
    expect(numbered?.type === 'list' && numbered.items.length).toBe(3);
  });

  it('needs no space after a list marker (Notify grammar) and ends a list after two blank lines', () => {
    const [list] = parseLetterMarkdown('•tight');
    expect(list?.type === 'list' && plain((list.items[0]?.[0] as { lines: HardLine[] }).lines)).toBe('tight');
    expect(types(parseLetterMarkdown('* a\n\n* b'))).toEqual(['list']);
    expect(types(parseLetterMarkdown('* a\n\n\n* b'))).toEqual(['list', 'list']);
    expect(types(parseLetterMarkdown('* a\n\nafter'))).toEqual(['list', 'paragraph']);
  });

  it('lets a "* " line interrupt a paragraph', () => {
    expect(types(parseLetterMarkdown('Intro\n* item'))).toEqual(['paragraph', 'list']);
  });

  it('recognises "qr: <data>" paragraphs, case-insensitively, keeping the data raw', () => {
    const blocks = parseLetterMarkdown('QR:https://www.gov.uk/x?a=1&b="2"\n\nqr: not\nqr because two lines');
    expect(blocks[0]).toEqual({ type: 'qr', data: 'https://www.gov.uk/x?a=1&b="2"' });
    expect(blocks[1]?.type).toBe('paragraph');
  });

  it('unwraps ^ inset text into ordinary blocks', () => {
    const blocks = parseLetterMarkdown('^ Inset line\n^ more\n\nAfter');
    expect(types(blocks)).toEqual(['paragraph', 'paragraph']);
    expect(blocks[0]?.type === 'paragraph' && plain(blocks[0].lines)).toBe('Inset line\nmore');
  });
});

/** The lines of a one-paragraph letter body: the inline markup as the letter prints it. */
function paragraphLines(source: string): HardLine[] {
  const blocks = parseLetterMarkdown(source);
  expect(types(blocks)).toEqual(['paragraph']);
  const [block] = blocks;
  return block?.type === 'paragraph' ? block.lines : [];
}

describe('inline markup in a paragraph', () => {
  it('prints URLs bold without their protocol', () => {
    expect(paragraphLines('See https://www.gov.uk/help.')).toEqual([
      [
        { text: 'See ', bold: false },
        { text: 'www.gov.uk/help', bold: true },
        { text: '.', bold: false },
      ],
    ]);
  });

  it('prints [text](url) as "text: url" and drops images', () => {
    expect(paragraphLines('[Apply](https://example.com/apply) now ![logo](x.png)')).toEqual([
      [
        { text: 'Apply: ', bold: false },
        { text: 'example.com/apply', bold: true },
        { text: ' now', bold: false },
      ],
    ]);
  });

  it('leaves emphasis markers alone and honours backslash escapes', () => {
    // (Not at the start of the paragraph: a paragraph starting with `*` is a list item.)
    expect(plain(paragraphLines('Keep **not bold** and \\# hash'))).toBe('Keep **not bold** and # hash');
  });
});

describe('typography', () => {
  it('applies smart quotes, en dashes and punctuation spacing like do_nice_typography', () => {
    // smartypants' decade rule needs a word character before the quote, so " '80s" opens a quote.
    expect(niceTypography(`"Hello" - it's the '80s , ok .`)).toBe(
      '\u201CHello\u201D \u2013 it\u2019s the \u201880s, ok.',
    );
    expect(niceTypography("rock'n'roll in the 1990's")).toBe('rock\u2019n\u2019roll in the 1990\u2019s');
    expect(niceTypography("'quoted'")).toBe('\u2018quoted\u2019');
  });

  it('makes text encodable: accents dropped where needed, the rest becomes ?', () => {
    const winAnsi = new Set<number>([...Array.from({ length: 95 }, (_, i) => i + 32), 0xe9, 0x2019]);
    expect(toEncodableText('Café Ŵ ŵ 日本 😀 \u2011 \u200B!', winAnsi)).toBe('Café W w ?? ? - !');
  });
});
