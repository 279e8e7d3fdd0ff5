import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { counterReferenceOf } from '../../../../shared/domain/dossier/reception.js';
import { deskOf } from '../model/agency.js';
import { FORM_TITLES } from '../model/form-labels.js';
import { officerNamesOf } from '../model/officer-names.js';
import { formatHourMinuteDay } from '../model/vietnam-dates.js';
import { ApplicantLines } from './ApplicantLines.js';
import { CounterReference } from './CounterReference.js';
import { FormHeader, FormTitle } from './FormHeader.js';
import { BLANK, FormLine } from './FormLine.js';
import { FormSheet } from './FormSheet.js';
import { FormSignatures } from './FormSignatures.js';

/**
 * Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: the latest request (the law asks for everything
 * missing at once, so one request lists it all). Needs a dossier with at least one supplement round.
 * At the counter the dossier is not received: the form carries its reference, not a code.
 */
export function SupplementRequestForm({ detail, deskPhone }: { detail: DossierDetail; deskPhone: string | null }) {
  const { state } = detail;
  const round = state.supplements.at(-1);
  if (round === undefined) return null;
  const guide = officerNamesOf(detail.history)(round.officerId);
  const desk = deskOf(state.unit.name);
  return (
    <FormSheet label={FORM_TITLES['02']}>
      <FormHeader unit={state.unit} signedAt={round.requestedAt} />
      <FormTitle>{FORM_TITLES['02']}</FormTitle>
      {round.atIntake ? <CounterReference reference={counterReferenceOf(state.id)} /> : state.code && <p className="form-subtitle">Mã hồ sơ: {state.code}</p>}
      <div className="form-body">
        <p>
          Vào lúc {formatHourMinuteDay(round.atIntake ? round.requestedAt : (state.receivedAt ?? round.requestedAt))}, {desk} tiếp nhận hồ sơ của:
        </p>
        <div className="form-indent">
          <ApplicantLines applicant={state.applicant} owner={state.owner} />
        </div>
        <FormLine label="Nội dung yêu cầu giải quyết" value={state.procedure.name} />
        <p>Sau khi xem xét, đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</p>
        <ol className="form-list">
          {round.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
        <FormLine label="Lý do" value={round.reason} />
        {round.atIntake && (
          <p>
            Hồ sơ chưa được tiếp nhận. Khi bổ sung đủ giấy tờ, ông/bà mang theo phiếu này (số tham chiếu {counterReferenceOf(state.id)}) để được tiếp
            nhận hồ sơ và nhận giấy tiếp nhận, hẹn trả kết quả.
          </p>
        )}
        <p>
          Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với cán bộ hướng dẫn <b>{guide ?? BLANK}</b> tại {desk}, số điện thoại{' '}
          {deskPhone ?? BLANK} để được hướng dẫn.
        </p>
        <p className="form-closing">Xin trân trọng cảm ơn./.</p>
      </div>
      <FormSignatures left={{ role: 'Người nộp hồ sơ', name: state.applicant.fullName }} right={{ role: 'Người hướng dẫn', name: guide }} />
    </FormSheet>
  );
}
