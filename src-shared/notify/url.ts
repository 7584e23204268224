/**
 * The WHATWG URL parser, for the rules that read URLs (where a key may be sent, what is local).
 *
 * Node and every browser have `URL`, but src-shared is type-checked without either's library, so
 * the parts these rules read are declared here, in this module's scope only.
 */

/** The fields of a parsed URL the rules read. */
interface ParsedUrl {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
}

declare const URL: new (input: string) => ParsedUrl;

/** `text` parsed as an absolute URL, or null when it is not one. */
export function parseUrl(text: string): ParsedUrl | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
