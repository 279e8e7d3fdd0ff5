import './calendar.css';
import { useEffect, useState } from 'react';
import { useBackend } from '../../../app/components/backend-context.js';
import { vietnamToday } from '../../../ui/format-date.js';

/**
 * The supervisor's notice, on every screen from 1 November, that next year's calendar is missing: the
 * core decides by its own clock (`calendar.get`'s `nextYearWarning`). Asked again when the screen
 * changes, so it goes as soon as the year is entered or pulled from the centre.
 */
export function NextYearCalendarNotice({ screen }: { screen: string }) {
  const backend = useBackend();
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void backend.invoke('calendar.get', { year: Number(vietnamToday().slice(0, 4)) }).then((envelope) => {
      if (current) setWarning(envelope.ok ? envelope.value.nextYearWarning : null);
    });
    return () => {
      current = false;
    };
  }, [backend, screen]);
  if (warning === null || screen === 'calendar') return null;
  return (
    <p className="next-year-calendar-notice" role="status" data-testid="next-year-calendar-notice">
      {warning} <a href="#/lich-lam-viec">Mở lịch làm việc</a>
    </p>
  );
}
