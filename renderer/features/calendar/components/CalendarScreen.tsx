import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useBackend } from '../../../app/components/backend-context.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { formatDateTime, vietnamToday } from '../../../ui/format-date.js';
import { createCalendarStore, type CalendarStore } from '../store/calendar-store.js';
import { withDay, withoutDay, type DayEdit } from '../model/edit-year.js';
import { CalendarDayForm } from './CalendarDayForm.js';
import { CalendarDayTable, type DayRow } from './CalendarDayTable.js';
import './calendar.css';

const ORIGIN_TEXT = {
  seed: 'bản mặc định kèm theo ứng dụng',
  centre: 'trung tâm công bố',
  desk: 'sửa tại máy này',
} as const;

function YearScreen({ store }: { store: CalendarStore }) {
  const year = useStore(store, (s) => s.year);
  const view = useStore(store, (s) => s.view);
  const loadError = useStore(store, (s) => s.loadError);
  const saveError = useStore(store, (s) => s.saveError);
  const saving = useStore(store, (s) => s.saving);
  const { load, save } = store.getState();
  const [editing, setEditing] = useState<DayEdit | null>(null);
  useEffect(() => void load(year), [load, year]);

  const shown = view !== null && view.year.year === year ? view : null;
  const fixedRows: DayRow[] = (shown?.fixedHolidays ?? []).map((fixed) => ({
    date: `${year}-${fixed.monthDay}`,
    name: fixed.name,
    unconfirmed: false,
    fixed: true,
  }));
  const listed = new Set(shown?.year.holidays.map((entry) => entry.date));
  const holidayRows: DayRow[] = [
    ...fixedRows.filter((row) => !listed.has(row.date)),
    ...(shown?.year.holidays ?? []).map((entry) => ({ date: entry.date, name: entry.name, unconfirmed: entry.unconfirmed === true, fixed: false })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const makeUpRows: DayRow[] = (shown?.year.makeUpDays ?? []).map((entry) => ({ ...entry, unconfirmed: entry.unconfirmed === true, fixed: false }));

  const saveDay = async (edit: DayEdit) => shown !== null && (await save(withDay(shown.year, edit)));
  const removeDay = async (date: string) => {
    if (shown !== null && (await save(withoutDay(shown.year, date)))) setEditing(null);
  };

  return (
    <section className="calendar-screen" aria-labelledby="calendar-title">
      <div className="screen-header">
        <h2 id="calendar-title" className="screen-header__title">
          Lịch làm việc năm {year}
        </h2>
        <div className="calendar-screen__years">
          <button type="button" className="button button--secondary" onClick={() => void load(year - 1)}>
            ‹ Năm {year - 1}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void load(year + 1)}>
            Năm {year + 1} ›
          </button>
        </div>
      </div>
      {shown?.nextYearWarning && (
        <p className="calendar-screen__warning" role="alert" data-testid="calendar-next-year-warning">
          {shown.nextYearWarning}
        </p>
      )}
      {loadError && <ErrorNotice error={loadError} context="Không tải được lịch." onRetry={() => void load(year)} />}
      {shown && (
        <>
          <div className="panel calendar-screen__origin" data-testid="calendar-origin">
            {shown.configured ? (
              <p>
                Nguồn: <strong>{ORIGIN_TEXT[shown.origin ?? 'seed']}</strong>
                {shown.updatedAt ? ` (lưu lúc ${formatDateTime(shown.updatedAt)})` : ''}.
                {shown.year.source ? ` ${shown.year.source}` : ''}
              </p>
            ) : (
              <p>
                Chưa có lịch năm {year} trên máy này: ngày hẹn trong năm chỉ trừ thứ Bảy, Chủ nhật và ngày lễ dương lịch cố định.
              </p>
            )}
            <p className="calendar-screen__rule">
              Lịch do trung tâm công bố là lịch chung của mọi máy: khi trung tâm công bố lịch năm {year}, lịch đó thay thế những
              ngày sửa tại máy này. Chỉ sửa tại máy khi cần gấp (chưa có lịch của trung tâm) và báo lại trung tâm.
            </p>
          </div>
          <CalendarDayTable title="Ngày nghỉ" testId="calendar-holidays" rows={holidayRows} onEdit={(row) => setEditing({ ...row, kind: 'holiday' })} />
          <CalendarDayTable title="Ngày làm bù" testId="calendar-make-up-days" rows={makeUpRows} onEdit={(row) => setEditing({ ...row, kind: 'makeUp' })} />
          <CalendarDayForm
            key={editing?.date ?? 'new'}
            year={year}
            initial={editing}
            saving={saving}
            error={saveError}
            onSave={saveDay}
            onRemove={editing !== null ? () => void removeDay(editing.date) : null}
            onCancel={() => setEditing(null)}
          />
        </>
      )}
    </section>
  );
}

/** "Lịch làm việc": a supervisor views a year's days off and make-up days and changes one at this desk. */
export function CalendarScreen() {
  const backend = useBackend();
  const [store] = useState(() => createCalendarStore(backend, Number(vietnamToday().slice(0, 4))));
  return <YearScreen store={store} />;
}
