import { formatLocalDate } from '../../../ui/format-date.js';
import { weekdayName, weekdayOf } from '../../../../shared/domain/calendar/vietnam-time.js';

export interface DayRow {
  date: string;
  name: string;
  unconfirmed: boolean;
  /** A fixed solar holiday of the Labour Code: on every year, not edited here. */
  fixed: boolean;
}

interface CalendarDayTableProps {
  title: string;
  testId: string;
  rows: readonly DayRow[];
  onEdit(row: DayRow): void;
}

/** One list of a year (days off, or make-up days), each day with its weekday, its reason and whether it is still to be checked. */
export function CalendarDayTable({ title, testId, rows, onEdit }: CalendarDayTableProps) {
  return (
    <section className="panel calendar-days" aria-label={title}>
      <h3 className="calendar-days__title">{title}</h3>
      {rows.length === 0 ? (
        <p className="calendar-days__empty">Không có.</p>
      ) : (
        <table className="simple-table calendar-days__table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">Ngày</th>
              <th scope="col">Thứ</th>
              <th scope="col">Lý do</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.date}>
                <td className="calendar-days__date">{formatLocalDate(row.date)}</td>
                <td>{weekdayName(weekdayOf(row.date))}</td>
                <td>
                  {row.name}
                  {row.unconfirmed && <span className="calendar-days__verify"> — cần kiểm tra theo thông báo chính thức</span>}
                  {row.fixed && <span className="calendar-days__fixed"> — ngày lễ cố định (Bộ luật Lao động)</span>}
                </td>
                <td>
                  {!row.fixed && (
                    <button type="button" className="button button--secondary" onClick={() => onEdit(row)} aria-label={`Sửa ngày ${formatLocalDate(row.date)}`}>
                      Sửa
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
