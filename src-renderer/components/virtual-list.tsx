/**
 * A windowed list for very long tables (history: up to 100,000 rows).
 *
 * Rows have a fixed height, so no row is ever measured: the scroll position alone says which rows
 * to render (plus an overscan above and below). Scroll events are coalesced to one read per
 * animation frame, and React re-renders only when the window of rows actually changes. The list is
 * a keyboard grid: arrows, Page Up/Down, Home/End move the active row, Enter opens it.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  computeWindow,
  indexAfterKey,
  sameWindow,
  scrollTopToReveal,
  shouldLoadMore,
  type WindowRange,
} from '../lib/virtual-window';
import './virtual-list.css';

interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  label: string;
  getKey: (item: T, index: number) => string;
  /** The cells of one row (each a `role="gridcell"`). */
  renderRow: (item: T, index: number) => ReactNode;
  /** The header cells (each a `role="columnheader"`). */
  header: ReactNode;
  onOpen?: (item: T, index: number) => void;
  onEndReached?: () => void;
  hasMore?: boolean;
  loading?: boolean;
  overscan?: number;
  initialScrollTop?: number;
  onScrollPosition?: (scrollTop: number) => void;
  rowTestId?: string;
  /** Grid template for the row's cells (CSS `grid-template-columns`). */
  columns: string;
  testId?: string;
  /** Given the scrolling element, for a screen that keeps its place when rows are added above. */
  viewportRef?: (el: HTMLDivElement | null) => void;
}

const DEFAULT_VIEWPORT = 480;

export function VirtualList<T>(props: VirtualListProps<T>) {
  const {
    items,
    rowHeight,
    overscan = 8,
    hasMore = false,
    loading = false,
    onEndReached,
    onScrollPosition,
  } = props;
  const base = useId();
  const viewportRef = useRef<HTMLDivElement>(null);
  const frame = useRef<number | null>(null);
  const renderedRange = useRef<WindowRange | null>(null);
  const countRef = useRef(items.length);
  const [viewport, setViewport] = useState({
    scrollTop: props.initialScrollTop ?? 0,
    height: DEFAULT_VIEWPORT,
  });
  const [active, setActive] = useState(0);

  const range = useMemo(
    () =>
      computeWindow({
        scrollTop: viewport.scrollTop,
        viewportHeight: viewport.height,
        rowHeight,
        count: items.length,
        overscan,
      }),
    [viewport, rowHeight, items.length, overscan],
  );

  useEffect(() => {
    renderedRange.current = range;
    countRef.current = items.length;
  }, [range, items.length]);

  // Restore the scroll position once, and follow the viewport's size.
  useEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    if (props.initialScrollTop) el.scrollTop = props.initialScrollTop;
    const observer = new ResizeObserver(() => {
      setViewport((v) =>
        v.height === el.clientHeight ? v : { scrollTop: el.scrollTop, height: el.clientHeight },
      );
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      onScrollPosition?.(el.scrollTop);
    };
    // Mount-only: the initial position is read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (onEndReached && shouldLoadMore(range, items.length, overscan * 2, hasMore, loading)) onEndReached();
  }, [range, items.length, overscan, hasMore, loading, onEndReached]);

  const onScroll = () => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const el = viewportRef.current;
      if (!el) return;
      const next = computeWindow({
        scrollTop: el.scrollTop,
        viewportHeight: el.clientHeight,
        rowHeight,
        count: countRef.current,
        overscan,
      });
      const shown = renderedRange.current;
      if (!shown || !sameWindow(shown, next))
        setViewport({ scrollTop: el.scrollTop, height: el.clientHeight });
    });
  };

  const activeIndex = Math.min(active, Math.max(0, items.length - 1));
  const rowId = (index: number) => `${base}-row-${index}`;
  const rows: ReactNode[] = [];
  for (let i = range.start; i < range.end; i++) {
    const item = items[i] as T;
    rows.push(
      <div
        key={props.getKey(item, i)}
        id={rowId(i)}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={i === activeIndex}
        data-testid={props.rowTestId}
        className={`vlist__row ${i === activeIndex ? 'vlist__row--active' : ''} ${i % 2 ? 'vlist__row--odd' : ''}`}
        style={{ height: rowHeight, gridTemplateColumns: props.columns }}
        onClick={() => {
          setActive(i);
          props.onOpen?.(item, i);
        }}
      >
        {props.renderRow(item, i)}
      </div>,
    );
  }

  return (
    <div
      className="vlist"
      role="grid"
      aria-label={props.label}
      aria-rowcount={items.length + 1}
      aria-activedescendant={
        items.length && activeIndex >= range.start && activeIndex < range.end ? rowId(activeIndex) : undefined
      }
      tabIndex={0}
      data-testid={props.testId}
      onKeyDown={(e) => {
        const el = viewportRef.current;
        if (e.key === 'Enter') {
          const item = items[activeIndex];
          if (item !== undefined) props.onOpen?.(item, activeIndex);
          return;
        }
        const pageSize = Math.max(1, Math.floor((el?.clientHeight ?? DEFAULT_VIEWPORT) / rowHeight) - 1);
        const next = indexAfterKey(e.key, activeIndex, items.length, pageSize);
        if (next === null) return;
        e.preventDefault();
        setActive(next);
        if (el) el.scrollTop = scrollTopToReveal(next, el.scrollTop, el.clientHeight, rowHeight);
      }}
    >
      <div role="rowgroup" className="vlist__head">
        <div
          role="row"
          aria-rowindex={1}
          className="vlist__row vlist__row--head"
          style={{ gridTemplateColumns: props.columns }}
        >
          {props.header}
        </div>
      </div>
      <div
        className="vlist__viewport"
        ref={(el) => {
          viewportRef.current = el;
          props.viewportRef?.(el);
        }}
        onScroll={onScroll}
      >
        <div role="rowgroup" className="vlist__spacer" style={{ height: range.totalHeight }}>
          <div className="vlist__window" style={{ transform: `translateY(${range.offsetTop}px)` }}>
            {rows}
          </div>
        </div>
      </div>
    </div>
  );
}
