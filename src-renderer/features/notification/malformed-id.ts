/**
 * Why a pasted text is not a notification id, in plain words (issue 9.11).
 *
 * Notify's own answer is one line, "notification_id is not a valid UUID"; a person who pasted
 * half an id, a reference or a whole link needs to know what was wrong with it and what an id
 * looks like. An id found inside a longer text (a link, a log line) is offered instead.
 */
import { UUID_PATTERN } from '../../../src-shared/notify/ids';

const EXAMPLE_ID = '740e5834-3a29-46b4-9a6f-16142fde533a';
/** Notify's message for the same mistake, shown beside ours so it can be searched for. */
export const NOTIFY_MESSAGE = 'notification_id is not a valid UUID';

const EMBEDDED_ID =
  /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<![0-9a-fA-F])[0-9a-fA-F]{32}(?![0-9a-fA-F])/g;
/** How much of a long paste is repeated back. */
const SHOWN = 60;

export interface MalformedId {
  /** What was pasted, cut to a readable length. */
  pasted: string;
  /** What is wrong with it. */
  problem: string;
  /** What an id looks like. */
  expected: string;
  /** The one id inside the text, if there is exactly one. */
  suggestion: string | null;
}

function characters(n: number): string {
  return `${n} character${n === 1 ? '' : 's'}`;
}

/** Null when `text` is an id; otherwise what is wrong with it. */
export function describeMalformedId(text: string): MalformedId | null {
  const trimmed = text.trim();
  if (UUID_PATTERN.test(trimmed)) return null;
  const pasted = trimmed.length > SHOWN ? `${trimmed.slice(0, SHOWN)}…` : trimmed;
  const expected = `A notification id is 32 letters a to f and digits, usually in groups of 8-4-4-4-12 separated by hyphens, like ${EXAMPLE_ID}.`;
  const found = [...new Set(trimmed.match(EMBEDDED_ID) ?? [])];
  const suggestion = found.length === 1 ? (found[0] as string) : null;
  let problem: string;
  if (trimmed === '') {
    problem = 'Nothing was entered.';
  } else if (suggestion) {
    problem = 'It has an id inside it, with other text around it.';
  } else if (found.length > 1) {
    problem = `It holds ${found.length} ids: open them one at a time.`;
  } else {
    const bad = [...new Set([...trimmed].filter((c) => !/[0-9a-fA-F-]/.test(c)))];
    const hex = trimmed.replace(/-/g, '');
    if (bad.length) {
      const shown = bad
        .slice(0, 5)
        .map((c) => (/\s/.test(c) ? 'a space' : `“${c}”`))
        .join(', ');
      problem = `It contains ${shown}, which ${bad.length === 1 ? 'is' : 'are'} not in an id: it may be a reference rather than an id (search for references on the Support screen).`;
    } else if (hex.length !== 32) {
      problem = `It has ${characters(hex.length)} other than hyphens; an id has 32${hex.length < 32 ? ', so part of it may be missing' : ''}.`;
    } else {
      problem = 'Its hyphens are in the wrong places.';
    }
  }
  return { pasted, problem, expected, suggestion };
}
