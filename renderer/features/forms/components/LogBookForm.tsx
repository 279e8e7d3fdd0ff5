import { FORM_TITLES } from '../model/form-labels.js';
import type { LogBookEntry } from '../model/log-book.js';
import { formatLocalDate, formatVietnamDate } from '../model/vietnam-dates.js';
import { localTimeOf } from '../../../../shared/domain/calendar/vietnam-time.js';
import type { LogBook } from '../store/print-store.js';
import { FormHeader, FormTitle } from './FormHeader.js';
import { FormSheet } from './FormSheet.js';
import { FormSignatures } from './FormSignatures.js';

/**
 * A date-time cell: the date, the time under it (the columns are narrow on a landscape A4). Neither is
 * ever split across lines: a date broken as "02/12/20" / "26" misreads on paper (print-forms.css).
 */
function When({ at }: { at: string | null }) {
  return (
    <td className="form-table__center log-book__when">
      {at !== null && (
        <>
          <span className="log-book__date">{formatVietnamDate(at)}</span>
          <span className="log-book__time">{localTimeOf(at)}</span>
        </>
      )}
    </td>
  );
}

function EntryRow({ entry, index }: { entry: LogBookEntry; index: number }) {
  return (
    <tr>
      <td className="form-table__center">{index + 1}</td>
      <td>{entry.code}</td>
      <td>{entry.procedureName}</td>
      <td className="form-table__center">{entry.sets}</td>
      <td>{entry.applicantName}</td>
      <td>{[entry.address, entry.phone].filter(Boolean).join('; ')}</td>
      <td>{entry.leadAgency}</td>
      <When at={entry.receivedAt} />
      <When at={entry.appointmentAt} />
      <When at={entry.forwardedAt} />
      <When at={entry.resultAt} />
      <When at={entry.handedBackAt} />
      <td />
      <td>{entry.notes}</td>
    </tr>
  );
}

// Column widths in per cent of the landscape page, so the table keeps its shape however long a name is.
// The five date-time columns (6.8% = 18.5 mm) hold "dd/MM/yyyy" on one line at 8pt even in a wide
// fallback serif (DejaVu Serif: 16.3 mm, plus 1.8 mm of padding) where Times New Roman is missing.
const COLUMN_WIDTHS = [3, 10, 11, 4.5, 8.5, 10.5, 7, 6.8, 6.8, 6.8, 6.8, 6.8, 4, 7.5] as const;

/** Form 06, Sổ theo dõi hồ sơ, for the days from `from` to `to`: every dossier received, in order. */
export function LogBookForm({ logBook, printedAt }: { logBook: LogBook; printedAt: string }) {
  const { entries } = logBook;
  return (
    <FormSheet label={FORM_TITLES['06']} landscape className="log-book">
      <FormHeader unit={{ gsoCode: logBook.unitGsoCode, name: logBook.unitName }} signedAt={printedAt} />
      <FormTitle>{FORM_TITLES['06']}</FormTitle>
      <p className="form-subtitle">
        Từ ngày {formatLocalDate(logBook.from)} đến ngày {formatLocalDate(logBook.to)}
      </p>
      <table className="form-table">
        <colgroup>
          {COLUMN_WIDTHS.map((width, index) => (
            <col key={index} style={{ width: `${width}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>STT</th>
            <th scope="col" rowSpan={2}>Mã hồ sơ</th>
            <th scope="col" rowSpan={2}>Tên thủ tục hành chính</th>
            <th scope="col" rowSpan={2}>Số lượng hồ sơ (bộ)</th>
            <th scope="col" rowSpan={2}>Tên cá nhân, tổ chức</th>
            <th scope="col" rowSpan={2}>Địa chỉ, số điện thoại</th>
            <th scope="col" rowSpan={2}>Cơ quan chủ trì giải quyết</th>
            <th scope="col" rowSpan={2}>Nhận hồ sơ</th>
            <th scope="col" rowSpan={2}>Hẹn trả kết quả</th>
            <th scope="col" rowSpan={2}>Chuyển hồ sơ đến cơ quan giải quyết</th>
            <th scope="col" rowSpan={2}>Nhận kết quả từ cơ quan giải quyết</th>
            <th scope="colgroup" colSpan={2}>Trả kết quả cho cá nhân, tổ chức</th>
            <th scope="col" rowSpan={2}>Ghi chú</th>
          </tr>
          <tr>
            <th scope="col">Ngày, giờ</th>
            <th scope="col">Ký nhận</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <EntryRow key={entry.id} entry={entry} index={index} />
          ))}
          {entries.length === 0 && (
            <tr>
              <td colSpan={COLUMN_WIDTHS.length} className="log-book__empty">
                Không có hồ sơ nào được tiếp nhận trong khoảng ngày này.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="log-book__total">
        Tổng số: <b>{entries.length}</b> hồ sơ.
      </p>
      <FormSignatures left={null} right={{ role: 'Người lập sổ', name: null }} />
    </FormSheet>
  );
}
