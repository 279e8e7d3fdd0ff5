// The arithmetic of a windowed list with fixed row height: which rows to render for a scroll position.
// Kept apart from the component so it is tested without a browser.

export interface WindowRange {
  /** First row to render (inclusive). */
  start: number;
  /** One past the last row to render. */
  end: number;
}

export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan: number): WindowRange {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, rowCount - 1) - overscan);
  const end = Math.min(rowCount, first + visible + overscan);
  return { start, end: Math.max(start, end) };
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function scrollTopToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
