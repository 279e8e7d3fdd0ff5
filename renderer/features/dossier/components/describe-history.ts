import type { HistoryEntry } from '../../../../shared/contract/dossiers.js';
import type { DossierEventPayloads } from '../../../../shared/domain/dossier/events.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { FIELD_LABELS, RATING_LABELS } from './labels.js';

const vnd = new Intl.NumberFormat('vi-VN');

type Payload<T extends keyof DossierEventPayloads> = DossierEventPayloads[T];

/** One line of what happened, from the event's payload (the label says which action it was). */
export function describeHistory(entry: HistoryEntry): string {
  switch (entry.type) {
    case 'dossier.received': {
      const p = entry.payload as Payload<'dossier.received'>;
      // Turned back at the counter: form 02, not a receipt (no code unless written before that rule).
      if (p.supplement) return `${p.code ? `Mã ${p.code}; ` : ''}chưa tiếp nhận, yêu cầu bổ sung tại quầy: ${p.supplement.items.join(', ')}`;
      return `Mã ${p.code ?? '—'}; hẹn trả ${p.appointmentAt ? formatDateTime(p.appointmentAt) : '—'}`;
    }
    case 'dossier.refused':
      return `Lý do: ${(entry.payload as Payload<'dossier.refused'>).reason}`;
    case 'supplement.requested': {
      const p = entry.payload as Payload<'supplement.requested'>;
      return `${p.items.join(', ')} — ${p.reason}`;
    }
    case 'supplement.received': {
      const p = entry.payload as Payload<'supplement.received'>;
      return p.code ? `Tiếp nhận hồ sơ, cấp mã ${p.code}; hẹn trả ${formatDateTime(p.newAppointmentAt)}` : `Hẹn trả mới ${formatDateTime(p.newAppointmentAt)}`;
    }
    case 'dossier.forwarded': {
      const p = entry.payload as Payload<'dossier.forwarded'>;
      return `Đến ${p.to.kind === 'officer' ? 'cán bộ' : 'cơ quan'} ${p.to.name}${p.note ? ` — ${p.note}` : ''}`;
    }
    case 'result.recorded': {
      const p = entry.payload as Payload<'result.recorded'>;
      return `${p.outcome === 'approved' ? 'Giải quyết' : 'Từ chối giải quyết'}: ${p.summary}`;
    }
    case 'appointment.rescheduled': {
      const p = entry.payload as Payload<'appointment.rescheduled'>;
      return `Từ ${formatDateTime(p.previousAppointmentAt)} sang ${formatDateTime(p.newAppointmentAt)} — ${p.reason}`;
    }
    case 'result.handedBack': {
      const p = entry.payload as Payload<'result.handedBack'>;
      return p.collector.kind === 'applicant' ? 'Người nộp nhận trực tiếp' : `Người nhận thay: ${p.collector.fullName}`;
    }
    case 'satisfaction.rated': {
      const p = entry.payload as Payload<'satisfaction.rated'>;
      return p.reason === undefined ? RATING_LABELS[p.level] : `${RATING_LABELS[p.level]} — lý do: ${p.reason}`;
    }
    case 'dossier.withdrawn':
      return `Lý do: ${(entry.payload as Payload<'dossier.withdrawn'>).reason}`;
    case 'processing.stopped':
      return `Lý do: ${(entry.payload as Payload<'processing.stopped'>).reason}`;
    case 'fee.recorded': {
      const p = entry.payload as Payload<'fee.recorded'>;
      return `${vnd.format(p.amountVnd)} đồng${p.receiptNo ? `, biên lai ${p.receiptNo}` : ''}`;
    }
    case 'note.added':
      return (entry.payload as Payload<'note.added'>).text;
    case 'field.corrected': {
      const p = entry.payload as Payload<'field.corrected'>;
      return `${FIELD_LABELS[p.field]}: “${p.oldValue ?? ''}” → “${p.newValue ?? ''}” — ${p.reason}`;
    }
    case 'conflict.resolved':
      return (entry.payload as Payload<'conflict.resolved'>).reason;
    default:
      return genericDetail(entry.payload);
  }
}

/** For event types added by other features (attachments…): a file name or a reason, when present. */
function genericDetail(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const record = payload as Record<string, unknown>;
  const parts = [record.fileName, record.reason].filter((value): value is string => typeof value === 'string' && value !== '');
  return parts.join(' — ');
}
