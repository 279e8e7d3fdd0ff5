import type { ReactNode } from 'react';

/** One sheet of paper: A4 portrait, or landscape for the log book. On screen it looks like the page. */
export function FormSheet({ label, landscape = false, className, children }: { label: string; landscape?: boolean; className?: string; children: ReactNode }) {
  const classes = ['form-sheet', landscape ? 'form-sheet--landscape' : null, className ?? null].filter(Boolean).join(' ');
  return (
    <article className={classes} aria-label={label}>
      {children}
    </article>
  );
}
