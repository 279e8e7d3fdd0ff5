import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { receivingOfficerOf } from '../../../../shared/domain/dossier/reception.js';
import { deskOf } from '../model/agency.js';
import { collectPlaceOf, documentFormLabel, FORM_TITLES, limitText, logBookReference } from '../model/form-labels.js';
import { officerNamesOf } from '../model/officer-names.js';
import { formatHourMinuteDay } from '../model/vietnam-dates.js';
import { ApplicantLines } from './ApplicantLines.js';
import { ReceiptCode } from './ReceiptCode.js';
import { FormHeader, FormTitle } from './FormHeader.js';
import { BLANK, FormLine } from './FormLine.js';
import { FormSheet } from './FormSheet.js';
import { FormSignatures } from './FormSignatures.js';

// Form 01 is made in two copies (liên): one for the citizen, one kept at the desk. Each is printed on
// its own A4 sheet, so both carry the full papers table at a legible size.
const COPIES = ['Liên 1: Giao người nộp hồ sơ', 'Liên 2: Lưu tại Bộ phận tiếp nhận và trả kết quả'] as const;

/**
 * Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả: both copies. Needs a received dossier with a code.
 * `centreUrl`: the centre whose status page the QR code opens (null: no QR code). `deskPhone`: printed
 * on each copy when the supervisor has set it.
 */
export function ReceiptForm({ detail, centreUrl, deskPhone }: { detail: DossierDetail; centreUrl: string | null; deskPhone: string | null }) {
  return (
    <>
      {COPIES.map((copy) => (
        <ReceiptCopy key={copy} detail={detail} copy={copy} centreUrl={centreUrl} deskPhone={deskPhone} />
      ))}
    </>
  );
}

function ReceiptCopy({ detail, copy, centreUrl, deskPhone }: { detail: DossierDetail; copy: string; centreUrl: string | null; deskPhone: string | null }) {
  const { state } = detail;
  const code = state.code ?? '';
  const receivedAt = state.receivedAt ?? state.lastEventAt;
  const receivingOfficer = officerNamesOf(detail.history)(receivingOfficerOf(state));
  const logBook = logBookReference(code);
  return (
    <FormSheet label={`${FORM_TITLES['01']} — ${copy}`}>
      <FormHeader unit={state.unit} signedAt={receivedAt} />
      <FormTitle>{FORM_TITLES['01']}</FormTitle>
      <p className="receipt-copy">({copy})</p>
      <ReceiptCode code={code} centreUrl={centreUrl} />
      <div className="form-body">
        <p>{deskOf(state.unit.name)} tiếp nhận hồ sơ của:</p>
        <div className="form-indent">
          <ApplicantLines applicant={state.applicant} owner={state.owner} />
        </div>
        <FormLine label="Nội dung yêu cầu giải quyết" value={state.procedure.name} />
        <p>1. Thành phần hồ sơ nộp gồm:</p>
        <table className="form-table receipt-papers">
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Tên giấy tờ</th>
              <th scope="col">Hình thức</th>
              <th scope="col">Số lượng</th>
            </tr>
          </thead>
          <tbody>
            {state.documents.map((document, index) => (
              <tr key={document.itemId}>
                <td className="form-table__center">{index + 1}</td>
                <td>{document.name}</td>
                <td className="form-table__center">{documentFormLabel(document.form)}</td>
                <td className="form-table__center">{String(document.count).padStart(2, '0')}</td>
              </tr>
            ))}
            {state.documents.length === 0 && (
              <tr>
                <td className="form-table__center">1</td>
                <td>{BLANK}</td>
                <td />
                <td />
              </tr>
            )}
          </tbody>
        </table>
        <FormLine label="2. Số lượng hồ sơ" value={`${String(state.sets).padStart(2, '0')} (bộ)`} />
        <FormLine label="3. Thời gian giải quyết hồ sơ theo quy định" value={limitText(state.procedure.limit)} />
        <FormLine label="4. Thời gian nhận hồ sơ" value={formatHourMinuteDay(receivedAt)} />
        <FormLine label="5. Thời gian trả kết quả giải quyết hồ sơ" value={state.appointmentAt === null ? null : formatHourMinuteDay(state.appointmentAt)} />
        <FormLine label="6. Đăng ký nhận kết quả tại" value={collectPlaceOf(state.channel, state.unit.name)} />
        {deskPhone !== null && <FormLine label="Điện thoại liên hệ của Bộ phận tiếp nhận và trả kết quả" value={deskPhone} />}
        <p>
          Vào Sổ theo dõi hồ sơ, Quyển số: <b>{logBook?.volume ?? BLANK}</b>, Số thứ tự: <b>{logBook?.serial ?? BLANK}</b>
        </p>
      </div>
      <FormSignatures
        left={{ role: 'Người nộp hồ sơ', name: state.applicant.fullName }}
        right={{ role: 'Người tiếp nhận hồ sơ', name: receivingOfficer }}
      />
    </FormSheet>
  );
}
