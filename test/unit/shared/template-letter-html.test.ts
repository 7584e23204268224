/**
 * A letter's body rendered as the PDF prints it (issue 9.8), with everything escaped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderLetterHtml } from '../../../src-shared/template/letter-html';

describe('renderLetterHtml', () => {
  it('renders a heading, bullets, a page break and links as letters print them', () => {
    const html = renderLetterHtml(
      'Dear ((name)),\n\n# Where to go\n\n## Not a heading\n\n* this letter\n* photo ID\n\nSee https://www.gov.uk/x and [help](https://a.b/c).\n\n---\n\nLast page',
      { name: 'Ada' },
    );
    expect(html).toContain('<p>Dear Ada,</p>');
    expect(html).toContain('<h2>Where to go</h2>');
    expect(html).toContain('<p>Not a heading</p>');
    expect(html).toMatch(/<ul>\n<li>this letter<\/li>\n<li>photo ID<\/li>\n<\/ul>/);
    expect(html).toContain('<strong>www.gov.uk/x</strong>');
    expect(html).toContain('help: <strong>a.b/c</strong>');
    expect(html).toContain('class="page-break"');
    expect(html).not.toMatch(/#|\* /);
  });

  it('escapes HTML in the template and in personalisation', () => {
    const html = renderLetterHtml('<b>((x))</b>', { x: '<img src=x onerror=alert(1)>' });
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('&lt;img');
  });

  it('only ever emits its own tags (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 50 }), (content, value) => {
        const html = renderLetterHtml(content, { v: value });
        for (const tag of html.match(/<\/?([a-zA-Z0-9]+)/g) ?? [])
          expect(['h2', 'p', 'br', 'ul', 'ol', 'li', 'strong', 'div']).toContain(tag.replace(/[</]/g, ''));
      }),
    );
  });
});
