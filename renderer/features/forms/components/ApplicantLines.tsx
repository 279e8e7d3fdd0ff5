import type { Applicant, Owner, OwnerKind } from '../../../../shared/domain/dossier/events.js';
import { FormLine } from './FormLine.js';

const OWNER_KIND_LABELS: Readonly<Record<OwnerKind, string>> = {
  citizen: 'Cá nhân',
  business: 'Doanh nghiệp',
  agency: 'Cơ quan nhà nước',
  organisation: 'Tổ chức',
  other: 'Khác',
};

/** Who submitted the dossier (and for whom, when the owner is someone else), as forms 01–03 list it. */
export function ApplicantLines({ applicant, owner }: { applicant: Applicant; owner: Owner | null }) {
  return (
    <>
      <FormLine label="Họ và tên người nộp" value={applicant.fullName} />
      <FormLine label="Số định danh cá nhân (CCCD)" value={applicant.idNumber} />
      <FormLine label="Địa chỉ" value={applicant.address} />
      <div className="form-line--pair">
        <FormLine label="Số điện thoại" value={applicant.phone} />
        <FormLine label="Email" value={applicant.email} />
      </div>
      {owner && (
        <FormLine label="Chủ hồ sơ" value={`${owner.name} (${OWNER_KIND_LABELS[owner.kind]}${owner.idNumber ? `, số giấy tờ ${owner.idNumber}` : ''})`} />
      )}
    </>
  );
}
