import type { ReactNode } from 'react';

/** What an empty field prints: the dotted line the officer fills in by hand. */
export const BLANK = '…………………………';

/** 'Label: value' as forms write a field; a missing value leaves the dotted line. */
export function FormLine({ label, value, children }: { label: string; value?: string | null; children?: ReactNode }) {
  const text = value === undefined ? null : value === null || value.trim() === '' ? BLANK : value;
  return (
    <p className="form-line">
      <span className="form-line__label">{label}: </span>
      {text !== null && <span className="form-line__value">{text}</span>}
      {children}
    </p>
  );
}
