/**
 * A small line diff (longest common subsequence) for comparing template versions.
 *
 * Templates are short, so a plain O(n·m) table is fast enough; the common head and tail are
 * trimmed first so a one-line edit in a long template costs almost nothing. Above a size cap the
 * diff degrades to "all removed, all added" rather than freezing the window.
 */

type DiffKind = 'same' | 'added' | 'removed';

interface DiffLine {
  kind: DiffKind;
  text: string;
  /** 1-based line number in the older text, null for added lines. */
  oldNumber: number | null;
  /** 1-based line number in the newer text, null for removed lines. */
  newNumber: number | null;
}

/** Cells in the LCS table above which the diff falls back to a replace-everything answer. */
const MAX_DIFF_CELLS = 4_000_000;

/** Splits text into lines the way an editor shows them (CRLF, LF and CR all end a line). */
function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.split(/\r\n|\n|\r/);
}

/**
 * The lines of `newText` compared with `oldText`: kept, removed and added, in reading order.
 *
 * Within a changed block, removed lines come before the added lines that replace them.
 */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++)
    out.push({ kind: 'same', text: a[i] as string, oldNumber: i + 1, newNumber: i + 1 });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  for (const line of diffMiddle(midA, midB)) {
    out.push({
      ...line,
      oldNumber: line.oldNumber === null ? null : line.oldNumber + head,
      newNumber: line.newNumber === null ? null : line.newNumber + head,
    });
  }
  for (let k = tail; k > 0; k--) {
    const i = a.length - k;
    const j = b.length - k;
    out.push({ kind: 'same', text: a[i] as string, oldNumber: i + 1, newNumber: j + 1 });
  }
  return out;
}

function diffMiddle(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const out: DiffLine[] = [];
  if ((n + 1) * (m + 1) > MAX_DIFF_CELLS) {
    a.forEach((text, i) => out.push({ kind: 'removed', text, oldNumber: i + 1, newNumber: null }));
    b.forEach((text, j) => out.push({ kind: 'added', text, oldNumber: null, newNumber: j + 1 }));
    return out;
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], so a forward walk reads naturally.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] as string, oldNumber: i + 1, newNumber: j + 1 });
      i++;
      j++;
    } else if (
      j >= m ||
      (i < n && (lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number))
    ) {
      out.push({ kind: 'removed', text: a[i] as string, oldNumber: i + 1, newNumber: null });
      i++;
    } else {
      out.push({ kind: 'added', text: b[j] as string, oldNumber: null, newNumber: j + 1 });
      j++;
    }
  }
  return out;
}

/** How many lines a diff adds and removes. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.kind === 'added') added++;
    else if (l.kind === 'removed') removed++;
  }
  return { added, removed };
}
