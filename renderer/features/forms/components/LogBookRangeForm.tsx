import { useState, type FormEvent } from 'react';
import { printRouteHash } from '../model/print-route.js';

/**
 * The log book's date range, on screen only (inside the toolbar). Choosing it changes the address, so
 * the range survives a reload and Back returns to the previous one.
 */
export function LogBookRangeForm({ from, to }: { from: string; to: string }) {
  const [draftFrom, setDraftFrom] = useState(from);
  const [draftTo, setDraftTo] = useState(to);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    window.location.hash = printRouteHash({ form: '06', from: draftFrom, to: draftTo });
  };

  return (
    <form className="log-book-range" onSubmit={submit} aria-label="Khoảng ngày của sổ">
      <label>
        Từ ngày{' '}
        <input type="date" value={draftFrom} max={draftTo || undefined} required onChange={(event) => setDraftFrom(event.target.value)} />
      </label>
      <label>
        Đến ngày{' '}
        <input type="date" value={draftTo} min={draftFrom || undefined} required onChange={(event) => setDraftTo(event.target.value)} />
      </label>
      <button type="submit" className="button button--secondary">
        Xem sổ
      </button>
    </form>
  );
}
