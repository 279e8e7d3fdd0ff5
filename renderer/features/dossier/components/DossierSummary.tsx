import type { ReactNode } from 'react';
import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { receptionStatusLabel, referenceInPlaceOfCode } from '../../../../shared/domain/dossier/reception.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { formatDateTime, formatLocalDate } from '../../../ui/format-date.js';
import { CHANNEL_LABELS, RATING_LABELS } from './labels.js';
import { Icon } from '../../../ui/Icon.js';

const SEX_LABELS = { male: 'Nam', female: 'Nữ' } as const;

/** When the dossier was received — or why it was not: refused, or turned back at the counter for papers. */
function receivedText(s: DossierState, when: (iso: string | null) => string): string {
  if (s.intake === 'refused') return `Từ chối lúc ${when(s.refusedAt)}`;
  if (s.receivedAt !== null) return when(s.receivedAt);
  const counter = s.supplements.find((round) => round.atIntake);
  return counter === undefined ? '—' : `Chưa tiếp nhận (hướng dẫn bổ sung tại quầy lúc ${when(counter.requestedAt)})`;
}

/** Who, what and when of one dossier, as the officer reads it to a citizen asking at the desk. */
export function DossierSummary({ detail, syncBadge }: { detail: DossierDetail; syncBadge?: ReactNode }) {
  const s = detail.state;
  const a = s.applicant;
  const reference = referenceInPlaceOfCode(s);
  const when = (iso: string | null): string => (iso ? formatDateTime(iso) : '—');
  const rows: [label: string, value: string, testId: string][] = [
    ['Thủ tục', `${s.procedure.name} (${s.procedure.code}, lĩnh vực ${s.procedure.sectorName})`, 'dossier-procedure'],
    ['Người nộp', a.fullName, 'dossier-applicant'],
    ['Số CCCD', a.idNumber ?? '—', 'dossier-id-number'],
    ['Ngày sinh, giới tính', `${a.birthDate ? formatLocalDate(a.birthDate) : '—'}${a.sex ? `, ${SEX_LABELS[a.sex]}` : ''}`, 'dossier-birth'],
    ['Địa chỉ', a.address ?? '—', 'dossier-address'],
    ['Điện thoại, thư điện tử', [a.phone, a.email].filter(Boolean).join(' · ') || '—', 'dossier-contact'],
    ['Chủ hồ sơ', s.owner ? `${s.owner.name}${s.owner.idNumber ? ` (${s.owner.idNumber})` : ''}` : 'Người nộp', 'dossier-owner'],
    ['Kênh, số bộ', `${CHANNEL_LABELS[s.channel]} · ${s.sets} bộ`, 'dossier-channel'],
    ['Tiếp nhận lúc', receivedText(s, when), 'dossier-received-at'],
    [
      'Hẹn trả',
      s.appointmentAt && s.originalAppointmentAt && s.originalAppointmentAt !== s.appointmentAt ? `${when(s.appointmentAt)} (hẹn ban đầu ${when(s.originalAppointmentAt)})` : when(s.appointmentAt),
      'dossier-appointment',
    ],
    ['Có kết quả lúc', s.resultAt ? `${when(s.resultAt)}${s.resultSummary ? ` — ${s.resultSummary}` : ''}` : '—', 'dossier-result-at'],
    ['Trả kết quả lúc', when(s.handedBackAt), 'dossier-handed-back-at'],
    ['Đánh giá', s.rating ? RATING_LABELS[s.rating] : '—', 'dossier-rating'],
  ];
  if (s.notes) rows.push(['Ghi chú', s.notes, 'dossier-notes']);
  if (s.refusedReason) rows.push(['Lý do từ chối', s.refusedReason, 'dossier-refused-reason']);

  return (
    <section className="panel dossier-summary" aria-labelledby="dossier-summary-title">
      <div className="dossier-summary__head">
        <h2 id="dossier-summary-title" className="dossier-summary__code" data-testid="dossier-code">
          {s.code ?? (reference === null ? 'Hồ sơ không được tiếp nhận (không cấp mã)' : `Số tham chiếu ${reference}`)}
        </h2>
        <p className="dossier-summary__status">
          <span className="status-badge" data-testid="dossier-status">
            {receptionStatusLabel(s)}
          </span>
          {detail.overdue && (
            <span className="status-badge status-badge--overdue">
              <Icon name="warning" /> Quá hạn
            </span>
          )}
          {detail.dueSoon && (
            <span className="status-badge status-badge--due-soon">
              <Icon name="clock" /> Sắp đến hạn (trong 24 giờ)
            </span>
          )}
          {detail.codeConflict && (
            <span className="status-badge status-badge--review" data-testid="dossier-code-conflict-badge">
              <Icon name="alert" /> Trùng mã, chờ cấp mã mới
            </span>
          )}
          {s.needsReview && (
            <span className="status-badge status-badge--review">
              <Icon name="alert" /> Cần cán bộ giám sát xem lại
            </span>
          )}
          {syncBadge}
        </p>
      </div>
      {s.needsReview && s.reviewReasons.length > 0 && (
        <ul className="dossier-summary__review">
          {s.reviewReasons.map((why) => (
            <li key={why}>{why}</li>
          ))}
        </ul>
      )}
      {detail.calendarNote && (
        <p className="dossier-summary__calendar-note" role="note" data-testid="dossier-calendar-note">
          <Icon name="warning" /> Hẹn trả: {detail.calendarNote}
        </p>
      )}
      <dl className="dossier-facts">
        {rows.map(([label, value, testId]) => (
          <div className="dossier-facts__row" key={testId}>
            <dt className="dossier-facts__label">{label}</dt>
            <dd className="dossier-facts__value" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
