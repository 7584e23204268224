import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  letterQrCodes,
  letterQrCodesForTemplate,
  renderEmailBody,
  renderEmailHtml,
  renderEmailPlainText,
  renderEmailSubject,
  renderLetterBody,
  renderLetterSubject,
  sanitiseContentValue,
} from '../../../src-shared/template';
import { pyHtmlUnescape } from '../../../src-shared/template/html';
import { doNiceTypography, unlinkGovukEscaped } from '../../../src-shared/template/typography';
import { smartQuotes } from '../../../src-shared/template/smartypants';

const P = '<p style="Margin: 0 0 20px 0; font-size: 19px; line-height: 25px; color: #0B0C0C;">';
const A = '<a style="word-wrap: break-word; color: #1D70B8;"';

describe('email body (API `body`)', () => {
  it('fills placeholders and keeps Markdown as written', () => {
    expect(renderEmailBody('# Hi ((name))\n\n* ((thing))', { name: 'Jo', thing: 'x' })).toBe(
      '# Hi Jo\n\n* x',
    );
  });
  it('renders lists as Markdown bullets (DOCS example)', () => {
    expect(
      renderEmailBody('Please bring:\r\n((list))\r\nThanks', {
        list: ['passport', 'utility bill', 'other id'],
      }),
    ).toBe('Please bring:\r\n\n\n* passport\n* utility bill\n* other id\r\nThanks');
  });
  it('strips surrounding whitespace (Python strip)', () => {
    expect(renderEmailBody('  \n((a))\n\u2003', { a: 'x' })).toBe('x');
  });
});

describe('email subject (nice typography)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['Hello ((name))', { name: 'Jo' }, 'Hello Jo'],
    [`"Hello" it's - me , ok .`, {}, '\u201cHello\u201d it\u2019s \u2013 me, ok.'],
    ['  lots \n of\t whitespace  ', {}, 'lots of whitespace'],
    ["Contact o'neil@example.com today", {}, "Contact o'neil@example.com today"],
    ["It's o'neil@example.com's", {}, "It\u2019s o'neil@example.com's"],
    ['2004-2008', {}, '2004-2008'],
    ['double -- dash', {}, 'double \u2013 dash'],
    ['triple --- dash', {}, 'triple \u2013 dash'],
    ['quadruple ---- dash', {}, 'quadruple ---- dash'],
    ['em \u2014 dash', {}, 'em \u2013 dash'],
    // `\b'` needs a word character before the quote, so a spaced decade opens a quote (as in Python).
    ["the '80s", {}, 'the \u201880s'],
    ["in the'80s", {}, 'in the\u201980s'],
    ['You need ((things))', { things: ['a', 'b', 'c'] }, 'You need a, b and c'],
    ['Raw ((x))', { x: '<b>&</b>' }, 'Raw <b>&</b>'],
    ['Zero\u200bwidth\u00a0space', {}, 'Zerowidth space'],
  ])('%j', (subject, values, expected) => {
    expect(renderEmailSubject(subject, values)).toBe(expected);
  });
});

describe('smart quotes (smartypants q|u)', () => {
  it.each([
    [
      `And I said, "what about breakfast at Tiffany's"?`,
      'And I said, \u201cwhat about breakfast at Tiffany\u2019s\u201d?',
    ],
    [
      `<a href="http://example.com?q='foo'">http://example.com?q='foo'</a>`,
      `<a href="http://example.com?q='foo'">http://example.com?q='foo'</a>`,
    ],
    [`He said, "'Quoted' words."`, 'He said, \u201c\u2018Quoted\u2019 words.\u201d'],
    [`"`, '\u201c'],
    [`\\"dumb\\"`, '&#34;dumb&#34;'],
  ])('%j', (dumb, smart) => {
    expect(smartQuotes(dumb)).toBe(smart);
  });
});

describe('typography helpers', () => {
  it.each([
    ['The - following', 'The \u2013 following'],
    ['The\u00a0-\u00a0following', 'The \u2013 following'],
    ['a-b', 'a-b'],
    ['a -b', 'a -b'],
    ['already \u2013 correct', 'already \u2013 correct'],
  ])('en dashes: %j', (nasty, nice) => {
    expect(doNiceTypography(nasty)).toBe(nice);
    expect(renderEmailSubject('((subject))', { subject: nasty })).toBe(nice);
  });

  it.each([
    ['GOV.UK', 'GOV.\u200bUK'],
    ['gov.uk', 'gov.\u200buk'],
    ['Visit GOV.UK today', 'Visit GOV.\u200bUK today'],
    ['# GOV.UK', '# GOV.\u200bUK'],
    ['https://www.gov.uk', 'https://www.gov.uk'],
    ['GOV.UK/guidance', 'GOV.UK/guidance'],
    ['www.GOV.UK', 'www.GOV.UK'],
  ])('unlinks GOV.UK: %j', (input, output) => {
    expect(unlinkGovukEscaped(input)).toBe(output);
  });

  it('applies typography outside tags only', () => {
    expect(doNiceTypography(`<p class="x">'hi' - there , ok</p>`)).toBe(
      '<p class="x">\u2018hi\u2019 \u2013 there, ok</p>',
    );
  });
});

describe('HTML escaping (escape_html)', () => {
  it.each([
    ['<script>', '&lt;script&gt;'],
    ['&', '&amp;'],
    ['&amp;', '&amp;'],
    ['&nbsp;', '&nbsp;'],
    ['&lt;b&gt;', '&lt;b&gt;'],
    ['&copy;', '\u00a9'],
    ['&#65;&#x42;', 'AB'],
    ['&#128;', '\u20ac'],
    ['&zzz;', '&amp;zzz;'],
    // Python's longest-prefix rule: `&not` is a legacy entity.
    ['&notanentity;', '\u00acanentity;'],
    ['&ampfoo;', '&amp;foo;'],
    ['"quotes" stay', '"quotes" stay'],
    ['', ''],
  ])('%j -> %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });

  it('html.unescape accepts entities without semicolons', () => {
    expect(pyHtmlUnescape('&amp &lt;b&gt; &copy 2024 &#39;')).toBe("& <b> \u00a9 2024 '");
  });
});

describe('email HTML (preview `html`)', () => {
  it('renders the reference example', () => {
    expect(renderEmailHtml('Some content', {})).toBe(`${P}Some content</p>`);
  });

  it('escapes template HTML and values: no raw HTML passes through', () => {
    const out = renderEmailHtml('<script>alert(1)</script>\n\n((x)) <img src=x onerror=alert(1)>', {
      x: '<b onclick="evil()">hi</b>',
    });
    expect(out).not.toMatch(/<(script|img|b)\b/);
    expect(out).toBe(
      `${P}&lt;script&gt;alert(1)&lt;/script&gt;</p>${P}&lt;b onclick=\u201devil()\u201d&gt;hi&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;</p>`,
    );
  });

  it('does not let a link title or URL break out of its attribute', () => {
    const out = renderEmailHtml('[x](http://a.com "t" onmouseover="alert(1)")', {});
    expect(out).not.toMatch(/" onmouseover="/);
    expect(renderEmailHtml('[x](http://a.com/"onclick="y)', {})).toContain(
      'href="http://a.com/%22onclick=%22y"',
    );
  });

  it('renders list values as bullets and Markdown in values', () => {
    expect(renderEmailHtml('Bring:\n((items))', { items: ['passport', 'bill'] })).toBe(
      `${P}Bring:</p><table role="presentation" style="padding: 0 0 20px 0;"><tr><td style="font-family: Helvetica, Arial, sans-serif;">` +
        '<ul style="Margin: 0 0 0 20px; padding: 0; list-style-type: disc;">' +
        '<li style="Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;line-height: 25px; color: #0B0C0C;">passport</li>' +
        '<li style="Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;line-height: 25px; color: #0B0C0C;">bill</li>' +
        '</ul></td></tr></table>',
    );
  });

  it('applies nice typography and the GOV.UK trick to the body', () => {
    expect(renderEmailHtml(`It's on GOV.UK - "really"`, {})).toBe(
      `${P}It\u2019s on GOV.\u200bUK \u2013 \u201creally\u201d</p>`,
    );
  });

  it('keeps quotes in links straight and curls the rest (test_URLs_get_escaped)', () => {
    expect(renderEmailHtml(`https://example.com"onclick="alert('hi')`, {})).toContain(
      `${A} href="https://example.com%22onclick=%22alert%28%27hi">https://example.com"onclick="alert('hi</a>\u2018)`,
    );
    expect(renderEmailHtml(`https://example.com"style='text-decoration:blink'`, {})).toContain(
      `${A} href="https://example.com%22style=%27text-decoration:blink">https://example.com"style='text-decoration:blink</a>\u2019`,
    );
  });

  it('appends the unsubscribe link when asked', () => {
    expect(renderEmailHtml('Hi', {}, { unsubscribeLink: 'https://example.com/unsub' })).toBe(
      `${P}Hi</p><hr style="border: 0; height: 1px; background: #B1B4B6; Margin: 30px 0 30px 0;">` +
        `${P}${A} href="https://example.com/unsub">Unsubscribe from these emails</a></p>`,
    );
  });

  it('marks missing placeholders with Notify’s span', () => {
    expect(renderEmailHtml('Hi ((name))', { other: 1 })).toBe(
      `${P}Hi <span class='placeholder'>&#40;&#40;name&#41;&#41;</span></p>`,
    );
  });
});

describe('email plain text', () => {
  it('renders headings, bullets, links and entities as text', () => {
    expect(
      renderEmailPlainText('# Title\n\nHello ((name)) & co\n\n* one\n* two\n\n[Apply](https://example.com)', {
        name: 'Jo',
      }),
    ).toBe(`Title\n${'='.repeat(65)}\n\nHello Jo & co\n\n• one\n• two\n\nApply: https://example.com\n`);
  });
  it('passes HTML through as text', () => {
    expect(renderEmailPlainText('<b>bold</b> &amp; "quoted"', {})).toBe('<b>bold</b> & \u201cquoted\u201d\n');
  });
});

describe('letter', () => {
  it('body fills placeholders, lists as Markdown, nothing escaped', () => {
    expect(renderLetterBody('Dear ((name)) & co\n\n((items))', { name: '<Jo>', items: ['a', 'b'] })).toBe(
      'Dear <Jo> & co\n\n\n\n* a\n* b',
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['Tom & Jerry', {}, 'Tom &amp; Jerry'],
    ['Already &amp; escaped', {}, 'Already &amp; escaped'],
    ['A < B', {}, 'A &lt; B'],
    ['Ref ((ref))', { ref: 'a&b' }, 'Ref a&amp;b'],
    [`"Quoted"  heading - here`, {}, '\u201cQuoted\u201d heading \u2013 here'],
  ])('subject %j is escaped like LetterPrintTemplate.subject', (subject, values, expected) => {
    expect(renderLetterSubject(subject, values)).toBe(expected);
  });

  describe('QR codes', () => {
    it.each<[string, string[]]>([
      ['qr: http://example.com', ['http://example.com']],
      ['QR:http://example.com', ['http://example.com']],
      ['qr: arbitrary data not a URL', ['arbitrary data not a URL']],
      ['qr: prefix https://www.google.com suffix', ['prefix https://www.google.com suffix']],
      ['qr: www.gov.uk/search?q=hello world', ['www.gov.uk/search?q=hello world']],
      ['Intro\n\nqr: one\n\nMiddle\n\nqr: two', ['one', 'two']],
      ['Text\nqr: inline is not a paragraph of its own', []],
      ['[qr](https://www.example.com)', []],
      ['no codes here', []],
    ])('%j', (body, expected) => {
      expect(letterQrCodes(body).map((code) => code.text)).toEqual(expected);
    });

    it('measures the data as Notify does (HTML-escaped, UTF-8 bytes)', () => {
      expect(letterQrCodes('qr: www.gov.uk/search?q=foo&r=bar')).toEqual([
        { data: 'www.gov.uk/search?q=foo&amp;r=bar', numBytes: 33, text: 'www.gov.uk/search?q=foo&r=bar' },
      ]);
      expect(letterQrCodes('qr: \u00e9')[0]?.numBytes).toBe(2);
      const long = letterQrCodes(`qr: ${'a'.repeat(505)}`);
      expect(long[0]?.numBytes).toBe(505);
    });

    it('substitutes personalisation first (letterQrCodesForTemplate)', () => {
      expect(letterQrCodesForTemplate('qr: ((data))', { data: 'https://www.example.com' })).toEqual([
        { data: 'https://www.example.com', numBytes: 23, text: 'https://www.example.com' },
      ]);
      expect(
        letterQrCodesForTemplate('qr: prefix ((data))', { data: 'https://x.com/?a=1&b=2' })[0]?.data,
      ).toBe('prefix https://x.com/?a=1&amp;b=2');
    });
  });
});

describe('sanitise_content_for (§4.2)', () => {
  it.each([
    ['Jo Bloggs', 'Jo Bloggs'],
    ['evil.com', 'evil\\. com'],
    ['Visit evil.com now', 'Visit evil\\. com now'],
    ['Go to https://evil.com/login please', 'Go to  please'],
    ['http://evil.com', ''],
    ['sub.evil.co.uk', 'sub\\. evil\\. co\\. uk'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    [
      '# [link](x) <b> {a} +1 -1 !x |y \\z',
      '\\# \\[link\\]\\(x\\) \\<b\\> \\{a\\} \\+1 \\-1 \\!x \\|y \\\\z',
    ],
    ['name@example.com', 'name@example\\.com'],
    ['1.5', '1\\.5'],
  ])('%j -> %j', (value, expected) => {
    expect(sanitiseContentValue(value)).toBe(expected);
  });
});
