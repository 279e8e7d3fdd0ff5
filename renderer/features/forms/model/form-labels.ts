import { parseDossierCode } from '../../../../shared/domain/dossier-code/dossier-code.js';
import type { Channel, DocumentForm } from '../../../../shared/domain/dossier/events.js';
import { deskOf } from './agency.js';

/** The official numbers of the forms this feature prints (Circular 01/2018/TT-VPCP). */
export const FORM_NUMBERS = ['01', '02', '03', '04', '05', '06'] as const;
export type FormNumber = (typeof FORM_NUMBERS)[number];

export const FORM_TITLES: Readonly<Record<FormNumber, string>> = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  '04': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  '05': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  '06': 'Sổ theo dõi hồ sơ',
};

export function isFormNumber(text: string): text is FormNumber {
  return (FORM_NUMBERS as readonly string[]).includes(text);
}

const DOCUMENT_FORM_LABELS: Readonly<Record<DocumentForm, string>> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  copy: 'Bản sao',
};

/** Bản chính / Bản sao chứng thực / Bản sao, as the papers table of form 01 writes them. */
export function documentFormLabel(form: DocumentForm): string {
  return DOCUMENT_FORM_LABELS[form];
}

// The statutory processing time has one wording everywhere: shared/domain/calendar/limit-text.ts.
export { limitText } from '../../../../shared/domain/calendar/limit-text.js';

/**
 * Nơi nhận kết quả (where to collect). The dossier does not record a choice yet, so it follows the
 * channel: a postal dossier gets its result by post, the others at the desk that received them.
 */
export function collectPlaceOf(channel: Channel, unitName: string): string {
  return channel === 3 ? 'Dịch vụ bưu chính công ích (gửi theo địa chỉ người nộp)' : deskOf(unitName);
}

/** The one volume of each year's electronic log book. */
const LOG_BOOK_VOLUME = '01';

/**
 * The log-book line of form 01 ("Vào Sổ theo dõi hồ sơ, Quyển số … Số thứ tự …"). The desk keeps one
 * electronic log book a year, as registers are numbered: volume 01 of the year of receipt ("01/2026");
 * the entry is the code's serial. Null when the code is not one of ours (then the officer writes the
 * line by hand).
 */
export function logBookReference(code: string): { volume: string; serial: string } | null {
  const parts = parseDossierCode(code);
  if (parts === null) return null;
  const { dateKey } = parts;
  return {
    volume: `${LOG_BOOK_VOLUME}/20${dateKey.slice(0, 2)}`,
    serial: String(parts.serial).padStart(4, '0'),
  };
}
