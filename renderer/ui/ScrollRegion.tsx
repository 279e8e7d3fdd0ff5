import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that scrolls sideways when what it holds is wider than the screen (a report's table). While it
 * does, it is a tab stop, so an officer without a mouse can focus it and scroll with the arrow keys
 * (WCAG 2.1.1), and a named region, so a screen reader says what it is; while it fits, it adds no stop.
 */
export function ScrollRegion({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useLayoutEffect(() => {
    const element = box.current;
    if (element === null) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    measure();
    // The box narrows with the window; the table widens with its rows.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [children]);

  return (
    <div ref={box} className={className} role="region" aria-label={label} tabIndex={scrolls ? 0 : undefined}>
      {children}
    </div>
  );
}
