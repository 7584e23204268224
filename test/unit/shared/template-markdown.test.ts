import { describe, expect, it } from 'vitest';
import {
  emailHtmlRenderer,
  emailPlainTextRenderer,
  renderMarkdown,
} from '../../../src-shared/template/markdown';

// Ported from alphagov/notifications-utils tests/test_markdown.py (mistune 0.8 renderers):
// `notify_email_markdown` and `notify_plain_text_email_markdown` called directly.

const html = (source: string): string => renderMarkdown(source, emailHtmlRenderer);
const plain = (source: string): string => renderMarkdown(source, emailPlainTextRenderer);

const P = '<p style="Margin: 0 0 20px 0; font-size: 19px; line-height: 25px; color: #0B0C0C;">';
const A = '<a style="word-wrap: break-word; color: #1D70B8;"';
const LI =
  '<li style="Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;line-height: 25px; color: #0B0C0C;">';
const TABLE =
  '<table role="presentation" style="padding: 0 0 20px 0;"><tr><td style="font-family: Helvetica, Arial, sans-serif;">';

describe('links', () => {
  it.each([
    'http://example.com',
    'http://www.gov.uk/',
    'https://www.gov.uk/',
    'http://service.gov.uk',
    'http://service.gov.uk/blah.ext?q=a%20b%20c&order=desc#fragment',
  ])('makes a link out of %s', (url) => {
    expect(html(url)).toBe(`${P}${A} href="${url}">${url}</a></p>`);
  });

  it.each([
    [
      'this is some text with a link http://example.com in the middle',
      `this is some text with a link ${A} href="http://example.com">http://example.com</a> in the middle`,
    ],
    [
      'this link is in brackets (http://example.com)',
      `this link is in brackets (${A} href="http://example.com">http://example.com</a>)`,
    ],
  ])('links URLs in context: %s', (input, output) => {
    expect(html(input)).toBe(`${P}${output}</p>`);
  });

  it.each([
    'example.com',
    'www.example.com',
    'ftp://example.com',
    'test@example.com',
    'mailto:test@example.com',
    '<a href="https://example.com">Example</a>',
  ])('does not link %s', (url) => {
    expect(html(url)).toBe(`${P}${url}</p>`);
  });

  it('handles placeholders in URLs', () => {
    expect(html("http://example.com/?token=<span class='placeholder'>((token))</span>&key=1")).toBe(
      `${P}${A} href="http://example.com/?token=">http://example.com/?token=</a>` +
        "<span class='placeholder'>((token))</span>&amp;key=1</p>",
    );
  });

  it.each([
    [
      `https://example.com"onclick="alert('hi')`,
      `${A} href="https://example.com%22onclick=%22alert%28%27hi">https://example.com"onclick="alert('hi</a>')`,
    ],
    [
      'https://example.com/login?redirect=%2Fhomepage%3Fsuccess=true%26page=blue',
      `${A} href="https://example.com/login?redirect=%2Fhomepage%3Fsuccess=true%26page=blue">https://example.com/login?redirect=%2Fhomepage%3Fsuccess=true%26page=blue</a>`,
    ],
    [
      `https://example.com"style='text-decoration:blink'`,
      `${A} href="https://example.com%22style=%27text-decoration:blink">https://example.com"style='text-decoration:blink</a>'`,
    ],
  ])('escapes URLs: %s', (url, expected) => {
    expect(html(url)).toBe(`${P}${expected}</p>`);
  });

  it('preserves whitespace when making links', () => {
    const source = 'https://example.com\n\nNext paragraph';
    expect(html(source)).toBe(
      `${P}${A} href="https://example.com">https://example.com</a></p>${P}Next paragraph</p>`,
    );
    expect(plain(source)).toBe('\n\nhttps://example.com\n\nNext paragraph');
  });

  it('renders Markdown links, adding http:// when there is no protocol', () => {
    expect(html('Visit our [website](www.example.com/xyz).')).toBe(
      `${P}Visit our ${A} href="http://www.example.com/xyz">website</a>.</p>`,
    );
    expect(plain('Visit our [website](www.example.com/xyz).')).toBe(
      '\n\nVisit our website: www.example.com/xyz.',
    );
    expect(html('Visit our [website](https://www.example.com/xyz).')).toBe(
      `${P}Visit our ${A} href="https://www.example.com/xyz">website</a>.</p>`,
    );
    expect(plain('Visit our [website](https://www.example.com/xyz).')).toBe(
      '\n\nVisit our website: https://www.example.com/xyz.',
    );
  });

  it('renders link titles', () => {
    expect(html("Visit our [website](www.example.com/xyz 'Link Title').")).toBe(
      `${P}Visit our ${A} href="http://www.example.com/xyz" title="Link Title">website</a>.</p>`,
    );
    expect(plain("Visit our [website](https://www.example.com/xyz 'Link Title').")).toBe(
      '\n\nVisit our website (Link Title): https://www.example.com/xyz.',
    );
    expect(html('[Example](http://example.com "An example URL")')).toBe(
      `${P}${A} href="http://example.com" title="An example URL">Example</a></p>`,
    );
    expect(plain('[Example](http://example.com "An example URL")')).toBe(
      '\n\nExample (An example URL): http://example.com',
    );
  });

  it.each([
    ['mailto:unsubscribe@example.com', 'mailto:unsubscribe%40example.com'],
    ['mailto:unsubscribe%40example.com', 'mailto:unsubscribe%40example.com'],
    ['file:///C:\\Windows\\system32\\mspaint.exe', 'file:///C:%5CWindows%5Csystem32%5Cmspaint.exe'],
    ['tel:+44123', 'tel:%2B44123'],
    ['ftp://username:password@ftp.example.com/folder/', 'ftp://username:password%40ftp.example.com/folder/'],
    ['javascript:alert(1)', 'http://javascript:alert%281'],
  ])('encodes the href of [link](%s)', (url, href) => {
    expect(html(`Unusual [link](${url})`)).toContain(`href="${href}"`);
  });

  it('renders a plain link', () => {
    expect(html('[Example](http://example.com)')).toBe(`${P}${A} href="http://example.com">Example</a></p>`);
    expect(plain('[Example](http://example.com)')).toBe('\n\nExample: http://example.com');
  });

  it('autolinks', () => {
    expect(html('http://example.com')).toBe(`${P}${A} href="http://example.com">http://example.com</a></p>`);
    expect(plain('http://example.com')).toBe('\n\nhttp://example.com');
  });
});

describe('blocks', () => {
  it('block code is passed through', () => {
    expect(html('```\nprint("hello")\n```')).toBe('print("hello")');
    expect(plain('```\nprint("hello")\n```')).toBe('print("hello")');
  });

  it('inset text (^) is a block quote', () => {
    expect(html('^ inset text')).toBe(
      '<div style="Margin: 0 0 20px 0;"><blockquote style="Margin: 0; border-left: 10px solid #B1B4B6;' +
        `padding: 15px 0 0.1px 15px; font-size: 19px; line-height: 25px;">${P}inset text</p></blockquote></div>`,
    );
    expect(plain('^ inset text')).toBe('\n\ninset text');
  });

  it.each(['# heading', '#heading'])('level 1 heading: %j', (heading) => {
    expect(html(heading)).toBe(
      '<h2 style="Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 27px; line-height: 35px; font-weight: bold; color: #0B0C0C;">heading</h2>',
    );
    expect(plain(heading)).toBe(`\n\n\nheading\n${'='.repeat(65)}`);
  });

  it('level 2 heading', () => {
    expect(html('## heading')).toBe(
      '<h3 style="Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 19px; line-height: 25px; font-weight: bold; color: #0B0C0C;">heading</h3>',
    );
    expect(plain('## heading')).toBe(`\n\n\nheading\n${'-'.repeat(65)}`);
  });

  it('level 3 heading is a paragraph', () => {
    expect(html('### inset text')).toBe(`${P}inset text</p>`);
    expect(plain('### inset text')).toBe('\n\ninset text');
  });

  it.each(['a\n\n***\n\nb', 'a\n\n---\n\nb', 'a\n\n___\n\nb'])('horizontal rule %j', (source) => {
    expect(html(source)).toBe(
      `${P}a</p><hr style="border: 0; height: 1px; background: #B1B4B6; Margin: 30px 0 30px 0;">${P}b</p>`,
    );
    expect(plain(source)).toBe(
      '\n\na\n\n=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=\n\nb',
    );
  });

  it.each(['1. one\n2. two\n3. three\n', '1.one\n2.two\n3.three\n'])('ordered list %j', (source) => {
    expect(html(source)).toBe(
      `${TABLE}<ol style="Margin: 0 0 0 20px; padding: 0; list-style-type: decimal;">` +
        `${LI}one</li>${LI}two</li>${LI}three</li></ol></td></tr></table>`,
    );
    expect(plain(source)).toBe('\n\n1. one\n2. two\n3. three');
  });

  it.each([
    '*one\n*two\n*three\n',
    '* one\n* two\n* three\n',
    '*  one\n*  two\n*  three\n',
    '*\tone\n*\ttwo\n*\tthree\n',
    '- one\n- two\n- three\n',
    '• one\n• two\n• three\n',
  ])('unordered list %j', (source) => {
    expect(html(source)).toBe(
      `${TABLE}<ul style="Margin: 0 0 0 20px; padding: 0; list-style-type: disc;">` +
        `${LI}one</li>${LI}two</li>${LI}three</li></ul></td></tr></table>`,
    );
    expect(plain(source)).toBe('\n\n• one\n• two\n• three');
  });

  it('pluses do not make lists', () => {
    expect(html('+ one\n+ two\n+ three\n')).toBe(`${P}+ one</p>${P}+ two</p>${P}+ three</p>`);
    expect(plain('+ one\n+ two\n+ three\n')).toBe('\n\n+ one\n\n+ two\n\n+ three');
  });

  it('numbers lists separately in plain text', () => {
    expect(plain('1. a\n2. b\n\nText\n\n1. c\n2. d')).toBe('\n\n1. a\n2. b\n\nText\n\n1. c\n2. d');
  });

  it('single newlines are line breaks, blank lines paragraphs', () => {
    const source = 'line one\nline two\n\nnew paragraph';
    expect(html(source)).toBe(`${P}line one<br>line two</p>${P}new paragraph</p>`);
    expect(plain(source)).toBe('\n\nline one\nline two\n\nnew paragraph');
  });

  it('multiple newlines collapse', () => {
    expect(html('before\n\n\n\n\n\nafter')).toBe(`${P}before</p>${P}after</p>`);
    expect(plain('before\n\n\n\n\n\nafter')).toBe('\n\nbefore\n\nafter');
  });

  it('tables render as nothing', () => {
    expect(html('col | col\n----|----\nval | val\n')).toBe('');
    expect(plain('col | col\n----|----\nval | val\n')).toBe('');
  });

  it('images render as nothing', () => {
    expect(html('![alt text](http://example.com/image.png)')).toBe('');
    expect(plain('![alt text](http://example.com/image.png)')).toBe('');
  });
});

describe('disabled inline formatting', () => {
  it.each([
    'variable called `thing`',
    'something **important**',
    'something *important*',
    'something _important_',
    'before*after',
    'before_after',
    'foo ****** bar',
    '~~Strike~~',
  ])('%j stays literal', (source) => {
    expect(html(source)).toBe(`${P}${source}</p>`);
    expect(plain(source)).toBe(`\n\n${source}`);
  });

  it('keeps backslash escapes as mistune does', () => {
    expect(html('\\# not a heading \\* and \\\\')).toBe(`${P}# not a heading * and \\</p>`);
  });
});

describe('a list marker that ends a paragraph (mistune 0.8.4’s paragraph rule)', () => {
  // mistune's paragraph stops before any line matching its own list grammar: optional spaces, an
  // optional `*`, `+` or `-`, an optional `<digits>.`, then a space. So `-1. ` and `*2. ` end the
  // paragraph, and Notify's list rule then reads them as `-` and `*` bullets whose text is `1. item`.
  it.each<[string, string]>([
    ['Para\n-1. item', '\n\nPara\n\n• 1. item'],
    ['Para\n*2. x', '\n\nPara\n\n• 1. x'],
    ['Para\n- x', '\n\nPara\n\n• x'],
    ['Para\n1. x', '\n\nPara\n\n1. x'],
    // `+` ends the paragraph too, but Notify's bullets are only `•`, `*` and `-`: a paragraph of its own.
    ['Para\n+1. x', '\n\nPara\n\n+1. x'],
    // no space after the marker: still the same paragraph
    ['Para\n-1.item', '\n\nPara\n-1.item'],
    ['Para\n-x', '\n\nPara\n-x'],
  ])('%j', (source, expected) => {
    expect(plain(source)).toBe(expected);
  });

  it('renders -1. after a paragraph as a bullet list in the HTML part', () => {
    expect(html('Para\n-1. item')).toContain('<ul');
    expect(html('Para\n-1. item').startsWith(`${P}Para</p>`)).toBe(true);
  });
});
