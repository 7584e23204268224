import { describe, expect, it } from 'vitest';
import {
  computeWindow,
  indexAfterKey,
  sameWindow,
  scrollTopToReveal,
  shouldLoadMore,
} from '../../../src-renderer/lib/virtual-window';

describe('computeWindow', () => {
  it('renders the visible rows plus overscan at the top', () => {
    expect(
      computeWindow({ scrollTop: 0, viewportHeight: 360, rowHeight: 36, count: 100_000, overscan: 5 }),
    ).toEqual({
      start: 0,
      end: 16,
      offsetTop: 0,
      totalHeight: 3_600_000,
    });
  });

  it('keeps the number of rendered rows small deep in 100,000 rows', () => {
    const w = computeWindow({
      scrollTop: 1_800_000,
      viewportHeight: 360,
      rowHeight: 36,
      count: 100_000,
      overscan: 5,
    });
    expect(w.start).toBe(49_995);
    expect(w.end).toBe(50_016);
    expect(w.offsetTop).toBe(49_995 * 36);
    expect(w.end - w.start).toBeLessThan(30);
  });

  it('clamps at the end and for scroll positions past it', () => {
    const w = computeWindow({
      scrollTop: 99_999_999,
      viewportHeight: 360,
      rowHeight: 36,
      count: 1000,
      overscan: 5,
    });
    expect(w.end).toBe(1000);
    expect(w.start).toBe(1000 - 10 - 5);
  });

  it('handles an empty list and a short one', () => {
    expect(
      computeWindow({ scrollTop: 0, viewportHeight: 500, rowHeight: 36, count: 0, overscan: 5 }),
    ).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
    expect(
      computeWindow({ scrollTop: 0, viewportHeight: 500, rowHeight: 36, count: 3, overscan: 5 }),
    ).toMatchObject({ start: 0, end: 3 });
  });

  it('changes window only when a row boundary is crossed', () => {
    const a = computeWindow({ scrollTop: 100, viewportHeight: 360, rowHeight: 36, count: 1000, overscan: 5 });
    const b = computeWindow({ scrollTop: 107, viewportHeight: 360, rowHeight: 36, count: 1000, overscan: 5 });
    const c = computeWindow({ scrollTop: 180, viewportHeight: 360, rowHeight: 36, count: 1000, overscan: 5 });
    expect(sameWindow(a, b)).toBe(true);
    expect(sameWindow(a, c)).toBe(false);
  });
});

describe('scrolling helpers', () => {
  it('reveals a row with the smallest scroll', () => {
    expect(scrollTopToReveal(0, 100, 360, 36)).toBe(0);
    expect(scrollTopToReveal(5, 100, 360, 36)).toBe(100);
    expect(scrollTopToReveal(20, 100, 360, 36)).toBe(21 * 36 - 360);
  });

  it('asks for more near the end only when more exists and nothing is loading', () => {
    const w = { start: 230, end: 250, offsetTop: 0, totalHeight: 0 };
    expect(shouldLoadMore(w, 250, 10, true, false)).toBe(true);
    expect(shouldLoadMore(w, 250, 10, false, false)).toBe(false);
    expect(shouldLoadMore(w, 250, 10, true, true)).toBe(false);
    expect(shouldLoadMore({ ...w, end: 100 }, 250, 10, true, false)).toBe(false);
  });

  it('moves the active row with the keyboard', () => {
    expect(indexAfterKey('ArrowDown', 0, 10, 5)).toBe(1);
    expect(indexAfterKey('ArrowUp', 0, 10, 5)).toBe(0);
    expect(indexAfterKey('PageDown', 8, 10, 5)).toBe(9);
    expect(indexAfterKey('PageUp', 8, 10, 5)).toBe(3);
    expect(indexAfterKey('Home', 8, 10, 5)).toBe(0);
    expect(indexAfterKey('End', 0, 10, 5)).toBe(9);
    expect(indexAfterKey('a', 0, 10, 5)).toBeNull();
    expect(indexAfterKey('ArrowDown', 0, 0, 5)).toBeNull();
  });
});
