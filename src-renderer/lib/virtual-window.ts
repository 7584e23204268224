/**
 * Windowing maths for long lists with a fixed row height.
 *
 * Only the rows in view plus a few above and below (the overscan) are rendered; the rest of the
 * scroll height is an empty spacer. Everything here is pure so the list component reads layout
 * once per animation frame and never measures rows.
 */

interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan: number;
}

export interface WindowRange {
  /** First rendered row (inclusive). */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Where the first rendered row sits, in pixels from the top of the content. */
  offsetTop: number;
  /** Height of the whole list. */
  totalHeight: number;
}

/** The rows to render for a scroll position. */
export function computeWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  count,
  overscan,
}: WindowInput): WindowRange {
  const totalHeight = Math.max(0, count * rowHeight);
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight };
  const maxScroll = Math.max(0, totalHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const firstVisible = Math.floor(top / rowHeight);
  const visibleCount = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(count, firstVisible + visibleCount + overscan);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/** Whether two windows render the same rows (so a scroll event needs no re-render). */
export function sameWindow(a: WindowRange, b: WindowRange): boolean {
  return a.start === b.start && a.end === b.end && a.totalHeight === b.totalHeight;
}

/** The scrollTop that brings a row fully into view, changing as little as possible. */
export function scrollTopToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Whether the window is close enough to the end to fetch the next page. */
export function shouldLoadMore(
  range: WindowRange,
  count: number,
  threshold: number,
  hasMore: boolean,
  loading: boolean,
): boolean {
  return hasMore && !loading && range.end >= count - threshold;
}

/** The row index a key press moves to (arrow keys, page keys, Home/End), or null for other keys. */
export function indexAfterKey(key: string, index: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (n: number): number => Math.min(last, Math.max(0, n));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + pageSize);
    case 'PageUp':
      return clamp(index - pageSize);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
