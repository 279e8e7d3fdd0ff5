import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { deskOf } from '../model/agency.js';
import { FORM_TITLES } from '../model/form-labels.js';
import { officerNamesOf } from '../model/officer-names.js';
import { formatHourMinuteDay } from '../model/vietnam-dates.js';
import { ApplicantLines } from './ApplicantLines.js';
import { FormHeader, FormTitle } from './FormHeader.js';
import { BLANK, FormLine } from './FormLine.js';
import { FormSheet } from './FormSheet.js';
import { FormSignatures } from './FormSignatures.js';

/** Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ: why the desk would not take the dossier. */
export function RefusalForm({ detail, deskPhone }: { detail: DossierDetail; deskPhone: string | null }) {
  const { state } = detail;
  if (state.refusedAt === null) return null;
  const officer = officerNamesOf(detail.history)(state.createdBy);
  const desk = deskOf(state.unit.name);
  return (
    <FormSheet label={FORM_TITLES['03']}>
      <FormHeader unit={state.unit} signedAt={state.refusedAt} />
      <FormTitle>{FORM_TITLES['03']}</FormTitle>
      <div className="form-body">
        <p>
          Vào lúc {formatHourMinuteDay(state.refusedAt)}, {desk} tiếp nhận hồ sơ của:
        </p>
        <div className="form-indent">
          <ApplicantLines applicant={state.applicant} owner={null} />
        </div>
        <FormLine label="Nội dung yêu cầu giải quyết" value={state.procedure.name} />
        <p>Qua xem xét, {desk} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:</p>
        <p className="form-quote">{state.refusedReason ?? BLANK}</p>
        <p>
          Mọi thắc mắc xin liên hệ cán bộ tiếp nhận <b>{officer ?? BLANK}</b> tại {desk}, số điện thoại {deskPhone ?? BLANK}.
        </p>
        <p className="form-closing">Xin thông báo để ông/bà được biết và thực hiện./.</p>
      </div>
      <FormSignatures left={null} right={{ role: 'Người tiếp nhận hồ sơ', name: officer }} />
    </FormSheet>
  );
}
