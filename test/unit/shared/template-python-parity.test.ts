import { describe, expect, it } from 'vitest';
import { escapeHtml, pyHtmlUnescape } from '../../../src-shared/template/html';
import { sanitiseContentValue } from '../../../src-shared/template/sanitise-content';
import { pyStrip } from '../../../src-shared/template/python';
import {
  doNiceTypography,
  normaliseMultipleNewlines,
  normaliseWhitespace,
  normaliseWhitespaceAndNewlines,
  removeWhitespaceBeforePunctuation,
} from '../../../src-shared/template/typography';

// Expected values produced by running the notifications-utils / smartypants / CPython code
// itself (formatters.py, smartypants 2.0 quotes, html.escape/unescape, formatters.url) on random
// inputs; a sample of the thousands compared while porting is kept here as a regression table.

const TYPOGRAPHY: Array<[string, string, string]> = [
  [
    "\\>\u00a0\u200b</pre>-\u001csb'1\u2013<!-- c -->\u00e9s\\-s\tz",
    '\\> </pre>- sb\u20181\u2013<!-- c -->\u00e9s&#45;s z',
    "\\> </pre>-\nsb'1\u2013<!-- c -->\u00e9s\\-s z",
  ],
  ['\u2014 - <a href="x">xb\u2028', '\u2014 \u2013 <a href="x">xb', '\u2014 - <a href="x">xb'],
  [
    '<a href="x">\u00a0</a>\u2013\n\t</pre>a@</a><-2- \n@<',
    '<a href="x"> </a>\u2013 </pre>a@</a><-2- @<',
    '<a href="x"> </a>\u2013\n</pre>a@</a><-2-\n@<',
  ],
  [
    '\t\u00e9zo\'no\'n\u2028\\\u200b\n\u2013-< - <a href="x">,\u2014',
    '\u00e9zo\u2019no\u2019n\\ \u2013-< \u2013 <a href="x">,\u2014',
    '\u00e9zo\'no\'n\n\\\n\u2013-< - <a href="x">,\u2014',
  ],
  ['\u2028\u0085z\u2014\u2028\n<pre>\u2014', 'z\u2014 <pre>\u2014', 'z\u2014\n\n<pre>\u2014'],
  ['-a\u3000"\\ s', '-a \u201d\\ s', '-a "\\ s'],
  [
    "'80s\u2014\u2028b\u200b\n1/1s\r\u00e9 - a \u2014@x.com@.\u2013y>",
    '\u201880s\u2014b 1/1s \u00e9 \u2013 a \u2014@x.com@.\u2013y>',
    "'80s\u2014\nb\n1/1s\n\u00e9 - a \u2014@x.com@.\u2013y>",
  ],
  [
    '<a href="x"> \u200b\u0085</a>---<!-- c -->"\u0085a/\u00e9--"\r-@x.com1b\u2028\\<y',
    '<a href="x"> </a>---<!-- c -->\u201d a/\u00e9--\u201d -@x.com1b\\<y',
    '<a href="x">\n</a>---<!-- c -->"\na/\u00e9--"\n-@x.com1b\n\\<y',
  ],
  [
    '@\u00e9\u3000,z2"o\'nz\'80s\u0085\u0085\\\u2028<a href="x">\t"ss--<"\n\u3000 ',
    '@\u00e9 ,z2\u201do\u2019nz\u201980s \\<a href="x"> "ss--<"',
    '@\u00e9 ,z2"o\'nz\'80s\n\n\\\n<a href="x"> "ss--<"',
  ],
  [
    "</a>' - \t\\/\u00e9@x.com@\u00a0\u0085--\u200b\u00e9'\tz--o'n--'80s'.-\u00e9",
    '</a>\u2018 \u2013 \\/\u00e9@x.com@ --\u00e9\u2019 z--o\u2019n--\u201880s\u2019.-\u00e9',
    "</a>' - \\/\u00e9@x.com@\n--\u00e9' z--o'n--'80s'.-\u00e9",
  ],
  ['"\u00e9', '\u201c\u00e9', '"\u00e9'],
  [
    'o\'n\\\u2014\u2014\ra\u00e9</pre>@1."--\u2028@x.com',
    'o\u2019n\\\u2014\u2014 a\u00e9</pre>@1.\u201d--@x.com',
    'o\'n\\\u2014\u2014\na\u00e9</pre>@1."--\n@x.com',
  ],
  [
    "<1o'n \u00a0 \u3000 <pre>\u00a0'80s@x.com/\\<",
    "<1o'n <pre> '80s@x.com/\\<",
    "<1o'n <pre> '80s@x.com/\\<",
  ],
  [
    "\u0085--\u2013y@x.com\u20142\u00e9</a>'80s",
    "--\u2013y@x.com\u20142\u00e9</a>'80s",
    "--\u2013y@x.com\u20142\u00e9</a>'80s",
  ],
  ['\\--', '&#45;-', '\\--'],
  ["x'80s", 'x\u201980s', "x'80s"],
  [
    '/ -  - \u2013@x.com"\n/ - b - \u2013\u00e9\u2014 \u200b\u00e9\'80s<a href="x"><\u3000/b\'80s-',
    '/ \u2013 - \u2013@x.com\u201d / \u2013 b \u2013 \u2013\u00e9\u2014 \u00e9\u201980s<a href="x">< /b\'80s-',
    '/ - - \u2013@x.com"\n/ - b - \u2013\u00e9\u2014 \u00e9\'80s<a href="x">< /b\'80s-',
  ],
  ['s<a href="x">,\u20142', 's<a href="x">,\u20142', 's<a href="x">,\u20142'],
  ['\u2014<pre> - ', '\u2014<pre> \u2013', '\u2014<pre> -'],
  [
    '<a href="x">s1\t\u001c\\\u200b \u00a021<pre>\'\u00e9"',
    '<a href="x">s1 \\ 21<pre>\'\u00e9"',
    '<a href="x">s1\n\\ 21<pre>\'\u00e9"',
  ],
  ["o'n\tzb< >a", 'o\u2019n zb< >a', "o'n zb< >a"],
  [
    '</pre>@</a>-\u00e9\u00a0\u200bz2x\u00e9"<\'\n<a href="x">z </a> ',
    '</pre>@</a>-\u00e9 z2x\u00e9\u201d<\' <a href="x">z </a>',
    '</pre>@</a>-\u00e9 z2x\u00e9"<\'\n<a href="x">z </a>',
  ],
  [
    "o'n\t</a>\u3000\u001c\u2014</a>\r.'@o'n\t--,\\ \u00e9",
    "o\u2019n </a> \u2014</a> .'@o'n --,\\ \u00e9",
    "o'n </a>\n\u2014</a>\n.'@o'n --,\\ \u00e9",
  ],
  ["\r\u0085'80s<o'ny</pre>\n\u3000@x.com", "\u201880s<o'ny</pre> @x.com", "'80s<o'ny</pre>\n@x.com"],
  ['\r\u00e9z', '\u00e9z', '\u00e9z'],
  [
    '@\u2014/\u200b"\u2028\n--\\\u200b<a href="x">\t@>\u200b\'80s\u2014\u3000\u2013\u2013',
    '@\u2014/\u201d --\\<a href="x"> @>\'80s\u2014 \u2013\u2013',
    '@\u2014/"\n\n--\\<a href="x"> @>\'80s\u2014 \u2013\u2013',
  ],
  [' - @y2\n\u00e9,', '\u2013 @y2 \u00e9,', '- @y2\n\u00e9,'],
  [
    '\u2028\u2013@<</pre> \u001c1\u2014\n<pre>a\u20281 - y - \u00a0x@\u001c<pre>@x.com\n@x.com',
    '\u2013@<</pre> 1\u2014 <pre>a1 \u2013 y \u2013 x@ <pre>@x.com @x.com',
    '\u2013@<</pre>\n1\u2014\n<pre>a\n1 - y - x@\n<pre>@x.com\n@x.com',
  ],
  [
    's\t\u001c\u001c--a1 - /<pre>,\u3000-- </pre>',
    's --a1 \u2013 /<pre>, \u2013 </pre>',
    's\n\n--a1 - /<pre>, -- </pre>',
  ],
  [
    "\rx\u2028,<--.< - \n - 2o'n<!-- c -->\u00a0\u0085\u001c \u2028\u0085\rz",
    "x,<--.< \u2013 - 2o'n<!-- c --> z",
    "x\n,<--.< -\n- 2o'n<!-- c -->\n\nz",
  ],
  [' </pre>s\n', '</pre>s', '</pre>s'],
  [
    "\u3000/\u2013'80s</a> - \nx<!-- c -->\u00e9bay\n'@x.com</pre>2",
    "/\u2013\u201880s</a> \u2013 x<!-- c -->\u00e9bay '@x.com</pre>2",
    "/\u2013'80s</a> -\nx<!-- c -->\u00e9bay\n'@x.com</pre>2",
  ],
  ["'\u2013'/@x.com.2", "'\u2013'/@x.com.2", "'\u2013'/@x.com.2"],
  [
    'x\u2028@x.com\u2028\n\u2013@x.com--\u00e9\u0085---\'<a href="x">\u2028\t, a1',
    'x@x.com \u2013@x.com--\u00e9 ---\u2018<a href="x">, a1',
    'x\n@x.com\n\n\u2013@x.com--\u00e9\n---\'<a href="x">\n, a1',
  ],
  [
    '\r</a>--. - b\u001cs"\u2014sy</a>\tb@\t<.<pre>><!-- c -->y',
    '</a>--. \u2013 b s\u201d\u2014sy</a> b@ <.<pre>><!-- c -->y',
    '</a>--. - b\ns"\u2014sy</a> b@ <.<pre>><!-- c -->y',
  ],
  ['>\u2014"\u2013</pre>b</a> -\r', '>\u2014\u201d\u2013</pre>b</a> \u2013', '>\u2014"\u2013</pre>b</a> -'],
  [
    '<\u200bx\'<a href="x">>\u00e9\u3000@, ys> \u001c',
    '<x\'<a href="x">>\u00e9 @, ys>',
    '<x\'<a href="x">>\u00e9 @, ys>',
  ],
  [
    " - \t,--\u001c'80s@'80s@x.com\u0085/'@x.com@\u00e9 .\tbx<pre>\u2028 ",
    "-,-- '80s@'80s@x.com /\u2019@x.com@\u00e9. bx<pre>",
    "-,--\n'80s@'80s@x.com\n/'@x.com@\u00e9. bx<pre>",
  ],
  [
    "/a-- o'n\r\u00e9\u00a0\\y2\u0085./\t 1\u001c",
    '/a-- o\u2019n \u00e9 \\y2 ./ 1',
    "/a-- o'n\n\u00e9 \\y2\n./ 1",
  ],
  [
    '<pre>\u00e9<pre><a href="x">1</pre><pre>\ty@',
    '<pre>\u00e9<pre><a href="x">1</pre><pre> y@',
    '<pre>\u00e9<pre><a href="x">1</pre><pre> y@',
  ],
  ["\\xo'n ", '\\xo\u2019n', "\\xo'n"],
  ["@x.comy\u00a0\u3000\u00e9/--'80s", '@x.comy \u00e9/--\u201880s', "@x.comy \u00e9/--'80s"],
  [
    "@'\u00a0o'n'80s\u00851\\<a href=\"x\">\u00e9.2\u00a0@\r\u2028\n\u3000-2a\r\u00a0",
    '@\u2019 o\u2019n\u201980s 1\\<a href="x">\u00e9.2 @ -2a',
    "@' o'n'80s\n1\\<a href=\"x\">\u00e9.2 @\n\n-2a",
  ],
  ["/\n.<\u200b\t<x<pre>'80s<!-- c -->", '/ .< <x<pre>\u201880s<!-- c -->', "/\n.< <x<pre>'80s<!-- c -->"],
  ['>\u0085\u3000', '>', '>'],
  [
    ',\u2014\u0085o\'n>\n @x.com\u00a0\u00a0<a href="x">\u0085\u001c\u200b\u00a0\t<!-- c -->\u00e9/"1',
    ',\u2014 o\u2019n> @x.com <a href="x"> <!-- c -->\u00e9/"1',
    ',\u2014\no\'n>\n@x.com <a href="x">\n\n<!-- c -->\u00e9/"1',
  ],
  [
    '\u2014<pre>" ,\r,x\\\u2014\r\u0085<pre>\u00a0\n\'80s\u200b--<>x\u00a0\u2028',
    '\u2014<pre>", ,x\\\u2014 <pre> \'80s--<>x',
    '\u2014<pre>",\n,x\\\u2014\n\n<pre>\n\'80s--<>x',
  ],
  [
    "o'n - 22@x.comab\u3000@</a><\u2014\u001c<!-- c --><pre>x</a>\"' ",
    'o\u2019n \u2013 22@x.comab @</a><\u2014 <!-- c --><pre>x</a>"\'',
    "o'n - 22@x.comab @</a><\u2014\n<!-- c --><pre>x</a>\"'",
  ],
  [
    'b/@x.com</a>\u2013\u3000<a href="x">--sa\t',
    'b/@x.com</a>\u2013 <a href="x">--sa',
    'b/@x.com</a>\u2013 <a href="x">--sa',
  ],
  [' </a>s@"\u200b', '</a>s@\u201d', '</a>s@"'],
  ['@@x.comx\u200b""y\r', '@@x.comx\u201d\u201cy', '@@x.comx""y'],
  ['\u00e9y<pre>y\u00e9 <', '\u00e9y<pre>y\u00e9 <', '\u00e9y<pre>y\u00e9 <'],
  ['" \u0085<pre>', '\u201d <pre>', '"\n<pre>'],
  [
    '--\u2013zz\u00a0\\x - --,1\t\u200b\r </pre>\tx\u00e9',
    '--\u2013zz \\x \u2013 --,1 </pre> x\u00e9',
    '--\u2013zz \\x - --,1\n</pre> x\u00e9',
  ],
  ["</pre>1o'n", '</pre>1o\u2019n', "</pre>1o'n"],
  [
    "</pre>> bo'n< \u00e9\u00e9''80s",
    '</pre>> bo\u2019n< \u00e9\u00e9\u2019\u201880s',
    "</pre>> bo'n< \u00e9\u00e9''80s",
  ],
  [
    'z\t1 - @x.comz<!-- c -->\u2014\u200b',
    'z 1 \u2013 @x.comz<!-- c -->\u2014',
    'z 1 - @x.comz<!-- c -->\u2014',
  ],
  [
    ' - <a href="x">"s a\'80s y<pre>@\u00e9\u3000</pre>,--\\\rs1,',
    '\u2013 <a href="x">"s a\'80s y<pre>@\u00e9 </pre>,--\\ s1,',
    '- <a href="x">"s a\'80s y<pre>@\u00e9 </pre>,--\\\ns1,',
  ],
  [
    "\n -  - < \u2028\u2014s,'\u2028 - ,b</pre>\u3000\r</pre>b",
    "\u2013 - < \u2014s,' -,b</pre> </pre>b",
    "- - <\n\u2014s,'\n-,b</pre>\n</pre>b",
  ],
  [
    '\u20142<!-- c --><!-- c -->a2\u00e9\u00a0\u00e9y',
    '\u20142<!-- c --><!-- c -->a2\u00e9 \u00e9y',
    '\u20142<!-- c --><!-- c -->a2\u00e9 \u00e9y',
  ],
];

const ESCAPING: Array<[string, string, string]> = [
  ['hellip&', 'hellip&amp;', 'hellip&'],
  ['\n;;; AcircAcirc&#Acirc', '\n;;; AcircAcirc&amp;#Acirc', '\n;;; AcircAcirc&#Acirc'],
  [';;in x &<', ';;in x &amp;&lt;', ';;in x &<'],
  ['x&in;innot#not', 'x\u2208innot#not', 'x\u2208innot#not'],
  ['3>lt<in&&', '3&gt;lt&lt;in&amp;&amp;', '3>lt<in&&'],
  ['a&in128xx #lt', 'a&amp;in128xx #lt', 'a&in128xx #lt'],
  ['93&hellip\n#x1F600128#x1F600', '93&amp;hellip\n#x1F600128#x1F600', '93&hellip\n#x1F600128#x1F600'],
  ['&&;;zz', '&amp;&amp;;;zz', '&&;;zz'],
  ['<&', '&lt;&amp;', '<&'],
  [
    'hellip>\n128hellip;&hellipamp<',
    'hellip&gt;\n128hellip;&amp;hellipamp&lt;',
    'hellip>\n128hellip;&hellipamp<',
  ],
  ['128ltaAcirc&amp9', '128ltaAcirc&amp;amp9', '128ltaAcirc&9'],
  ['9&>&copygt;nbsp', '9&amp;&gt;\u00a9gt;nbsp', '9&>\u00a9gt;nbsp'],
  [
    '&amphellip128nbsp#x1F600>gtzzAcirc',
    '&amp;amphellip128nbsp#x1F600&gt;gtzzAcirc',
    '&hellip128nbsp#x1F600>gtzzAcirc',
  ],
  ['#&', '#&amp;', '#&'],
  ['&a', '&amp;a', '&a'],
  ['not#&#x1F600not#x', 'not#&amp;#x1F600not#x', 'not#\ud83d\ude00not#x'],
  ['9gt9gt&', '9gt9gt&amp;', '9gt9gt&'],
  ['in&lt>in1283lt3', 'in&amp;lt&gt;in1283lt3', 'in<>in1283lt3'],
  ['&nbsp#x1F600xagt zzin#', '&amp;nbsp#x1F600xagt zzin#', '\u00a0#x1F600xagt zzin#'],
  ['&x<\n39gt>>nbsp', '&amp;x&lt;\n39gt&gt;&gt;nbsp', '&x<\n39gt>>nbsp'],
  ['x& #copya;', 'x&amp; #copya;', 'x& #copya;'],
  ['3;;9zznbsp&nbsp 3', '3;;9zznbsp&amp;nbsp 3', '3;;9zznbsp\u00a0 3'],
  ['zz><3zz &gtcopy3', 'zz&gt;&lt;3zz &amp;gtcopy3', 'zz><3zz >copy3'],
  ['Acirc&&\n3 ', 'Acirc&amp;&amp;\n3 ', 'Acirc&&\n3 '],
  ['3&Acirc&nothellip128&in\n', '3&amp;Acirc&amp;nothellip128&amp;in\n', '3\u00c2\u00achellip128&in\n'],
  ['128hellip&gthellipnbsp;;128', '128hellip&gt;hellipnbsp;;128', '128hellip>hellipnbsp;;128'],
  ['#Acirc&Acirc3zznbsplt9', '#Acirc&amp;Acirc3zznbsplt9', '#Acirc\u00c23zznbsplt9'],
  ['in&&<x\n3Acirc128&', 'in&amp;&amp;&lt;x\n3Acirc128&amp;', 'in&&<x\n3Acirc128&'],
  [';axhellipAcirc&&', ';axhellipAcirc&amp;&amp;', ';axhellipAcirc&&'],
  ['gt&', 'gt&amp;', 'gt&'],
  [';;&#notx<', ';;&amp;#notx&lt;', ';;&#notx<'],
  ['xa;;copy&<>hellip9in', 'xa;;copy&amp;&lt;&gt;hellip9in', 'xa;;copy&<>hellip9in'],
  ['&copy# nbsp&\n ', '&amp;copy# nbsp&amp;\n ', '\u00a9# nbsp&\n '],
  ['&', '&amp;', '&'],
  ['&nbsp;a\n128a9>hellip', '&nbsp;a\n128a9&gt;hellip', '\u00a0a\n128a9>hellip'],
  ['&<\n>;;', '&amp;&lt;\n&gt;;;', '&<\n>;;'],
  [
    'Acirc&agtgt#x1F600<>128#x1F600',
    'Acirc&amp;agtgt#x1F600&lt;&gt;128#x1F600',
    'Acirc&agtgt#x1F600<>128#x1F600',
  ],
  [' \namp3&;;hellip#x1F600', ' \namp3&amp;;;hellip#x1F600', ' \namp3&;;hellip#x1F600'],
  ['128&a <ltAcirc;', '128&amp;a &lt;ltAcirc;', '128&a <ltAcirc;'],
  ['gt128lt>128&azz;', 'gt128lt&gt;128&amp;azz;', 'gt128lt>128&azz;'],
];

const URLS: Array<[string, string[]]> = [
  ['evil.evilx<?evil', ['evil.evilx']],
  ['\u00e9ukx.gov/', ['\u00e9ukx.gov/']],
  ['http://com.evil', ['http://com.evil']],
  ['wwwhttp://https://#evil.http://-  ', ['evil.http']],
  ['http://_.gov-gova<evil.', ['http://_.gov']],
  ['\u00e91.https://<http://_gov#gov#', ['\u00e91.https']],
  ['/uk.evilgov', ['uk.evilgov']],
  ['/\u00e9govgov.comcom#', ['\u00e9govgov.comcom#']],
  ['evil.http://\nwww-', ['evil.http']],
  ['uk.comhttp://', ['uk.comhttp']],
  [' govacomco#uk.www-https://http://', ['uk.www']],
  ['x.uk\na\u00e9', ['x.uk']],
];

/**
 * What `sanitise_content_for` makes of `input` when `links` are the URLs formatters.url finds in it, in
 * order: a bare domain gets a space after each dot, any other link is removed, then every Markdown
 * character is backslash-escaped (reference §4.2).
 */
function sanitisedWithLinks(input: string, links: string[]): string {
  let out = '';
  let pos = 0;
  for (const link of links) {
    const at = input.indexOf(link, pos);
    expect(at, link).toBeGreaterThanOrEqual(0);
    out += input.slice(pos, at) + (/^[a-zA-Z0-9.-]+$/.test(link) ? link.replaceAll('.', '. ') : '');
    pos = at + link.length;
  }
  return (out + input.slice(pos)).replace(/[`*_(){}[\]<>#+\-.!|\\]/g, '\\$&');
}

describe('parity with the Python implementation', () => {
  it.each(TYPOGRAPHY)('typography of %j', (input, subject, sms) => {
    expect(normaliseWhitespace(doNiceTypography(input))).toBe(subject);
    expect(
      pyStrip(
        normaliseMultipleNewlines(normaliseWhitespaceAndNewlines(removeWhitespaceBeforePunctuation(input))),
      ),
    ).toBe(sms);
  });

  it.each(ESCAPING)('escape_html / html.unescape of %j', (input, escaped, unescaped) => {
    expect(escapeHtml(input)).toBe(escaped);
    expect(pyHtmlUnescape(input)).toBe(unescaped);
  });

  it.each(URLS)('formatters.url finds links in %j (as sanitise_content_for treats them)', (input, links) => {
    expect(sanitiseContentValue(input)).toBe(sanitisedWithLinks(input, links));
  });
});
