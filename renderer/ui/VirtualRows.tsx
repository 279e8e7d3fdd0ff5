import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { scrollTopToReveal, visibleRange, type WindowRange } from './virtual-window.js';

interface VirtualRowsProps {
  rowCount: number;
  /** Every row has this height in pixels (the CSS must agree). */
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport, so a fast scroll shows no blank band. */
  overscan?: number;
  /** The row to keep in view (the keyboard selection); -1 for none. */
  revealIndex?: number;
  renderRow(index: number, top: number): ReactNode;
  /** Told which rows are on screen, so the caller can fetch them. */
  onRangeChange?(range: WindowRange): void;
  className?: string;
  /** Props for the scrolling element, e.g. the grid role and its keyboard handling. */
  containerProps?: {
    id?: string;
    role?: string;
    tabIndex?: number;
    'aria-label'?: string;
    'aria-labelledby'?: string;
    'aria-rowcount'?: number;
    'aria-activedescendant'?: string | undefined;
    'aria-multiselectable'?: boolean;
    'aria-readonly'?: boolean;
    'data-testid'?: string;
    onKeyDown?(event: KeyboardEvent<HTMLDivElement>): void;
  };
  /** Rendered before the rows inside the scroller (e.g. a sticky header row). */
  header?: ReactNode;
  headerHeight?: number;
  /** ARIA role of the element holding the rows (a grid wants "rowgroup"). */
  bodyRole?: string;
}

/**
 * A windowed list: the scroller holds a spacer as tall as every row, and only the rows in view
 * (plus overscan) exist in the DOM, so 100,000 rows cost what 30 do.
 */
export function VirtualRows({ rowCount, rowHeight, overscan = 8, revealIndex = -1, renderRow, onRangeChange, className, containerProps, header, headerHeight = 0, bodyRole }: VirtualRowsProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    setViewportHeight(element.clientHeight - headerHeight);
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight - headerHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [headerHeight]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || revealIndex < 0) return;
    const target = scrollTopToReveal(revealIndex, element.scrollTop, element.clientHeight - headerHeight, rowHeight);
    if (target !== element.scrollTop) element.scrollTop = target;
  }, [revealIndex, rowHeight, headerHeight]);

  const range = visibleRange(scrollTop, viewportHeight, rowHeight, rowCount, overscan);
  const { start, end } = range;
  useEffect(() => {
    onRangeChange?.({ start, end });
  }, [start, end, onRangeChange]);

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index += 1) rows.push(renderRow(index, index * rowHeight));

  return (
    <div ref={scroller} className={className} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} {...containerProps}>
      {header}
      <div className="virtual-rows__spacer" role={bodyRole} style={{ height: rowCount * rowHeight, position: 'relative' }}>
        {rows}
      </div>
    </div>
  );
}
