/**
 * `sanitise_content_for`: neutralising personalisation values that an API caller does not trust.
 *
 * Port of the API's sanitising step (reference §4.2), which uses notifications-utils'
 * `formatters.url` regex to find links.
 */

import { PY_S, PY_W } from './python';

const W = `[${PY_W}]`;
const B = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;

/** notifications-utils `formatters.url` (case-insensitive, Unicode `\w` and `\b`). */
const URL_RE = new RegExp(
  `${B}(?<![@.])(?:https?:\\/\\/)?(?:[${PY_W}\\-]+\\.)+(?:[a-z]{2,63})(?!@)${B}(?:[/?#][^<${PY_S}]*)?`,
  'giu',
);

const BARE_DOMAIN_RE = /^[a-zA-Z0-9.-]+$/;
const MARKDOWN_CHARACTERS_RE = /[`*_(){}[\]<>#+\-.!|\\]/g;

/**
 * Sanitise one personalisation value listed in `sanitise_content_for`.
 *
 * Bare domains are broken up (`evil.com` becomes `evil. com`), any other URL is removed, then
 * every Markdown-significant character is backslash-escaped so it renders literally.
 */
export function sanitiseContentValue(value: string): string {
  const withoutLinks = value.replace(URL_RE, (url) =>
    BARE_DOMAIN_RE.test(url) ? url.replaceAll('.', '. ') : '',
  );
  return withoutLinks.replace(MARKDOWN_CHARACTERS_RE, '\\$&');
}
