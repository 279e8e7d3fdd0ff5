import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { controlSheetRows, STEP_RESULT_LABELS, type ControlSheetParty } from '../model/control-sheet.js';
import { FORM_TITLES } from '../model/form-labels.js';
import { logBookEntryOf } from '../model/log-book.js';
import { formatHourMinuteDay } from '../model/vietnam-dates.js';
import { FormHeader, FormTitle } from './FormHeader.js';
import { FormLine } from './FormLine.js';
import { FormSheet } from './FormSheet.js';

// STT, parties, time and signatures, step result, notes: the parties need the room.
const COLUMN_WIDTHS = [6, 35, 26, 16, 17] as const;

/** '08 giờ 44 phút,' over 'ngày 29/11/2026', so the date never splits in the narrow column. */
function HourMinuteDay({ at }: { at: string }) {
  const [time = '', day = ''] = formatHourMinuteDay(at).split(', ');
  return (
    <>
      {time},<br />
      <span className="nowrap">{day}</span>
    </>
  );
}

function Party({ role, party }: { role: 'Giao' | 'Nhận'; party: ControlSheetParty }) {
  return (
    <p className="control-sheet__party">
      <b>{role}:</b> {party.name}
      {party.officer && (
        <>
          <br />({party.officer})
        </>
      )}
    </p>
  );
}

/**
 * Form 05, Phiếu kiểm soát quá trình giải quyết hồ sơ: it travels with the papers, and each hand-over
 * is a row where giver and receiver sign. Rows the desk knows are filled in; the signatures are by hand.
 */
export function ControlSheetForm({ detail }: { detail: DossierDetail }) {
  const { state } = detail;
  const rows = controlSheetRows(detail);
  const leadAgency = logBookEntryOf(detail)?.leadAgency ?? null;
  return (
    <FormSheet label={FORM_TITLES['05']} className="control-sheet">
      <FormHeader unit={state.unit} signedAt={state.receivedAt ?? state.lastEventAt} />
      <FormTitle>{FORM_TITLES['05']}</FormTitle>
      <p className="form-subtitle">(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)</p>
      <div className="form-body">
        <FormLine label="Mã hồ sơ" value={state.code} />
        <FormLine label="Người nộp hồ sơ" value={state.applicant.fullName} />
        <FormLine label="Nội dung yêu cầu giải quyết" value={state.procedure.name} />
        <FormLine label="Cơ quan (bộ phận) giải quyết hồ sơ" value={leadAgency} />
        <FormLine label="Thời gian hẹn trả kết quả" value={state.appointmentAt === null ? null : formatHourMinuteDay(state.appointmentAt)} />
        <table className="form-table">
          <colgroup>
            {COLUMN_WIDTHS.map((width, index) => (
              <col key={index} style={{ width: `${width}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Tên cơ quan, người giao, nhận</th>
              <th scope="col">Thời gian giao, nhận hồ sơ</th>
              <th scope="col">
                Kết quả giải quyết hồ sơ
                <br />
                (Trước hạn/ Đúng hạn/ Quá hạn)
              </th>
              <th scope="col">Ghi chú</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.step}>
                <td className="form-table__center">{row.step}</td>
                <td>
                  <Party role="Giao" party={row.giver} />
                  <Party role="Nhận" party={row.receiver} />
                </td>
                <td>
                  <HourMinuteDay at={row.at} />
                  <div className="control-sheet__signatures">
                    <span>Người giao</span>
                    <span>Người nhận</span>
                  </div>
                </td>
                <td className="form-table__center">{row.result === null ? '' : STEP_RESULT_LABELS[row.result]}</td>
                <td>{row.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </FormSheet>
  );
}
