/**
 * The command palette's list and its filter.
 *
 * Commands are plain data plus a `run` callback, so the palette can list every screen and action
 * and the filter can be tested without React.
 */

export interface Command {
  id: string;
  label: string;
  group: 'Go to' | 'Profiles' | 'Actions' | 'View';
  /** Shortcut shown next to the label, e.g. `g t`. */
  shortcut?: string;
  /** Extra words the filter matches (not shown). */
  keywords?: string;
  run: () => void;
}

/**
 * Commands whose label or keywords match every word of the query, best first.
 *
 * A label that starts with the query ranks highest, then word starts, then anywhere; ties keep
 * the original order so screens stay above actions.
 */
export function filterCommands<C extends Pick<Command, 'label' | 'keywords' | 'group'>>(
  commands: readonly C[],
  query: string,
): C[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  const scored: Array<{ c: C; score: number; i: number }> = [];
  commands.forEach((c, i) => {
    const label = c.label.toLowerCase();
    const hay = `${label} ${(c.keywords ?? '').toLowerCase()} ${c.group.toLowerCase()}`;
    if (!words.every((w) => hay.includes(w))) return;
    const q = words.join(' ');
    const score = label.startsWith(q)
      ? 0
      : new RegExp(`\\b${escapeRegExp(words[0] as string)}`).test(label)
        ? 1
        : 2;
    scored.push({ c, score, i });
  });
  return scored.sort((a, b) => a.score - b.score || a.i - b.i).map((s) => s.c);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
