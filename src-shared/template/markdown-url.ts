/**
 * Link hrefs as Notify writes them: Python's `urllib.parse.quote` and notifications-utils'
 * `create_sanitised_html_for_url`.
 */

const ALWAYS_SAFE = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~');

/** UTF-8 bytes of a string (lone surrogates as U+FFFD), without relying on `TextEncoder`. */
function utf8Bytes(value: string): number[] {
  const bytes: number[] = [];
  for (const ch of value) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      bytes.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  return bytes;
}

/**
 * Python `urllib.parse.quote(value, safe=...)`: percent-encode UTF-8 bytes outside the safe set.
 *
 * Used for every `href` Notify writes, which is what stops a `"` in a URL breaking out of the
 * attribute.
 */
export function pyQuote(value: string, safe: string): string {
  const safeSet = new Set(safe);
  let out = '';
  for (const byte of utf8Bytes(value)) {
    const ch = String.fromCharCode(byte);
    if (byte < 0x80 && (ALWAYS_SAFE.has(ch) || safeSet.has(ch))) out += ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const RECOGNISED_URL_PROTOCOLS = ['ftp:', 'file:', 'http:', 'https:', 'mailto:', 'tel:'];

/** The inline style Notify puts on every link. */
export const LINK_STYLE = 'word-wrap: break-word; color: #1D70B8;';

/**
 * notifications-utils `create_sanitised_html_for_url`.
 *
 * Adds `http://` to links without a recognised protocol and percent-encodes the href. Titles are
 * additionally attribute-escaped here (Notify writes them raw), so a `"` cannot inject attributes.
 */
export function createSanitisedHtmlForUrl(
  link: string,
  options: { style?: string; title?: string | null; linkText?: string } = {},
): string {
  const linkText = options.linkText || link;
  const lower = link.toLowerCase();
  const href = RECOGNISED_URL_PROTOCOLS.some((p) => lower.startsWith(p)) ? link : `http://${link}`;
  const style = options.style ? `style="${options.style}" ` : '';
  const safeLink = pyQuote(href, ':/?#=&;%');
  if (options.title) {
    const title = options.title.replace(/"/g, '&quot;');
    return `<a ${style}href="${safeLink}" title="${title}">${linkText}</a>`;
  }
  return `<a ${style}href="${safeLink}">${linkText}</a>`;
}
