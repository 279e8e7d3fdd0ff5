import { useRef, useState, type FormEvent } from 'react';
import { firstWrongField, readTypedRange, type RangeField } from '../../../ui/date-range.js';
import { TextField } from '../../../ui/Field.js';
import { formatLocalDate } from '../../../ui/format-date.js';
import { printRouteHash } from '../model/print-route.js';

/**
 * The log book's date range, on screen only (inside the toolbar), typed dd/MM/yyyy as everywhere on the
 * desk. Choosing it changes the address, so the range survives a reload and Back returns to the
 * previous one.
 */
export function LogBookRangeForm({ from, to }: { from: string; to: string }) {
  const [draft, setDraft] = useState({ from: formatLocalDate(from), to: formatLocalDate(to) });
  const [errors, setErrors] = useState<Partial<Record<RangeField, string>>>({});
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);

  const type = (field: RangeField, text: string) => {
    setDraft((current) => ({ ...current, [field]: text }));
    setErrors(({ [field]: _corrected, ...others }) => others);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const range = readTypedRange(draft.from, draft.to);
    if (!range.ok) {
      setErrors(range.errors);
      (firstWrongField(range.errors) === 'from' ? fromRef : toRef).current?.focus();
      return;
    }
    window.location.hash = printRouteHash({ form: '06', from: range.from, to: range.to });
  };

  return (
    <form className="log-book-range" onSubmit={submit} aria-label="Khoảng ngày của sổ" noValidate>
      <TextField
        id="log-book-from"
        label="Từ ngày"
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        value={draft.from}
        onChange={(text) => type('from', text)}
        error={errors.from}
        inputRef={fromRef}
        required
      />
      <TextField
        id="log-book-to"
        label="Đến ngày"
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        value={draft.to}
        onChange={(text) => type('to', text)}
        error={errors.to}
        inputRef={toRef}
        required
      />
      <button type="submit" className="button button--secondary">
        Xem sổ
      </button>
    </form>
  );
}
