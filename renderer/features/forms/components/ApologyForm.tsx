import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { localDateOf } from '../../../../shared/domain/calendar/vietnam-time.js';
import { peoplesCommitteeOf } from '../model/agency.js';
import { FORM_TITLES } from '../model/form-labels.js';
import { writtenDate } from '../../../../shared/domain/calendar/written-date.js';
import { formatHourMinuteDay } from '../model/vietnam-dates.js';
import { FormHeader, FormTitle } from './FormHeader.js';
import { BLANK, FormLine } from './FormLine.js';
import { FormSheet } from './FormSheet.js';
import { Signature, type Signer } from './FormSignatures.js';

/** The chair signs for the People's Committee; the name is written by hand under the seal. */
const HEAD_OF_AGENCY: Signer = { above: 'TM. Ủy ban nhân dân', role: 'Chủ tịch', hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: null };

const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/**
 * Form 04, Phiếu xin lỗi và hẹn lại ngày trả kết quả, for the latest new appointment. The agency
 * apologises, so its head signs (for the People's Committee, "TM."), with the seal — not the desk officer.
 */
export function ApologyForm({ detail }: { detail: DossierDetail }) {
  const { state } = detail;
  const reschedule = state.reschedules.at(-1);
  if (reschedule === undefined) return null;
  const agency = peoplesCommitteeOf(state.unit.name);
  return (
    <FormSheet label={FORM_TITLES['04']}>
      <FormHeader unit={state.unit} signedAt={reschedule.at} />
      <FormTitle>{FORM_TITLES['04']}</FormTitle>
      <div className="form-body">
        <p className="form-subtitle">
          Kính gửi: Ông/Bà <b>{state.applicant.fullName}</b>
        </p>
        <p>
          {state.receivedAt ? capitalised(writtenDate(localDateOf(state.receivedAt))) : BLANK}, {agency}{' '}
          tiếp nhận giải quyết hồ sơ của ông/bà:
        </p>
        <div className="form-indent">
          <FormLine label="Mã hồ sơ" value={state.code} />
          <FormLine label="Nội dung yêu cầu giải quyết" value={state.procedure.name} />
          <FormLine label="Thời gian hẹn trả kết quả giải quyết hồ sơ" value={formatHourMinuteDay(reschedule.previousAppointmentAt)} />
        </div>
        <p>Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ của ông/bà.</p>
        <FormLine label="Lý do" value={reschedule.reason} />
        <p>
          Sự chậm trễ này đã gây phiền hà cho ông/bà. {agency} xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào{' '}
          <b>{formatHourMinuteDay(reschedule.newAppointmentAt)}</b>.
        </p>
        <p className="form-closing">Xin trân trọng cảm ơn./.</p>
      </div>
      <div className="form-signatures">
        <div className="form-recipients">
          <p className="form-recipients__title">Nơi nhận:</p>
          <p>- Như trên;</p>
          <p>- Lưu: Bộ phận TN&amp;TKQ.</p>
        </div>
        <Signature signer={HEAD_OF_AGENCY} />
      </div>
    </FormSheet>
  );
}
