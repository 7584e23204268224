/**
 * What the inline lexer can know about the rest of a paragraph without reading it again: the rules
 * that keep mistune's inline lexing linear on long text.
 *
 * mistune tries each rule at each position where plain text stops. Several rules look far ahead
 * (a link for its `)`, a footnote or reference for its `]`, inline HTML and autolinks for their `>`, a
 * line break for the end of the text), so a paragraph of `[` or `<` was read once per character:
 * 100,000 of them took seconds. A rule that needs a character which does not occur after the
 * position cannot match, so it is not tried; the answers are the ones the full rules give.
 */

import type { InlineRule } from './markdown-inline';
import { PY_S } from './python';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const H = 0x68;
/** `[\\<![_*`~]`: where mistune's inline `text` rule stops. */
const TEXT_STOPS = new Set(Array.from('\\<![_*`~', (c) => c.charCodeAt(0)));
const NOT_SPACE_RE = new RegExp(`[^${PY_S}]`, 'gu');

/** A match of a rule that is not a regular expression: the matched text only. */
export interface InlineMatch {
  readonly 0: string;
  readonly [index: number]: string | undefined;
}

export class Lookahead {
  private readonly last = new Map<string, number>();
  private lastNotSpace: number | null = null;
  /** The last run of spaces found by {@link text}, as [start, end) in the whole text. */
  private spaceRun: [number, number] = [-1, -1];

  /** `full`: the whole text being lexed; positions are offsets into it. */
  constructor(private readonly full: string) {}

  /** False when `rule` cannot match at `offset` for want of a character it needs later. */
  mayMatch(rule: InlineRule, offset: number): boolean {
    switch (rule) {
      case 'inlineHtml':
      case 'autolink':
        return this.lastIndex('>') > offset;
      case 'footnote':
      case 'reflink':
      case 'nolink':
        return this.lastIndex(']') > offset;
      case 'link':
        return this.lastIndex(']') > offset && this.lastIndex(')') > offset;
      default:
        return true;
    }
  }

  /** Python's `\s*$` at `offset`: nothing but whitespace from there to the end. */
  onlySpaceAfter(offset: number): boolean {
    if (this.lastNotSpace === null) {
      this.lastNotSpace = -1;
      for (const m of this.full.matchAll(NOT_SPACE_RE)) this.lastNotSpace = m.index + m[0].length - 1;
    }
    return this.lastNotSpace < offset;
  }

  /**
   * mistune's inline `text` rule, `[\s\S]+?(?=[\\<![_*`~]|https?://| *\n|$)`, on `text` (the whole
   * text from `offset`): the regular expression reads a run of spaces again at each space of it.
   */
  text(text: string, offset: number): InlineMatch {
    const n = text.length;
    for (let j = 1; j < n; j++) {
      const c = text.charCodeAt(j);
      if (TEXT_STOPS.has(c) || c === NEWLINE) return [text.slice(0, j)];
      if (c === H && (text.startsWith('http://', j) || text.startsWith('https://', j)))
        return [text.slice(0, j)];
      if (c === SPACE) {
        const end = this.spaceRunEnd(offset + j) - offset;
        if (end < n && text.charCodeAt(end) === NEWLINE) return [text.slice(0, j)];
        // No space of the run is followed by ` *\n`, and a space stops the rule in no other way.
        j = end - 1;
      }
    }
    return [text];
  }

  private spaceRunEnd(position: number): number {
    const [start, end] = this.spaceRun;
    if (position >= start && position < end) return end;
    let k = position;
    while (k < this.full.length && this.full.charCodeAt(k) === SPACE) k++;
    this.spaceRun = [position, k];
    return k;
  }

  private lastIndex(char: string): number {
    let index = this.last.get(char);
    if (index === undefined) {
      index = this.full.lastIndexOf(char);
      this.last.set(char, index);
    }
    return index;
  }
}
