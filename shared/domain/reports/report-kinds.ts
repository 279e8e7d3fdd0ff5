import { periodFileLabel, type ReportPeriod } from './report-period.js';

// The reports a supervisor can draw up and export, with their Vietnamese titles and file-name stems.

export const REPORT_KINDS = ['bieu06', 'dailyTally', 'satisfaction', 'logBook', 'overdue'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const REPORT_TITLES: Readonly<Record<ReportKind, string>> = {
  bieu06: 'Tình hình, kết quả giải quyết thủ tục hành chính (Biểu số 06/VPCP/KSTT)',
  dailyTally: 'Thống kê tiếp nhận và trả kết quả theo ngày',
  satisfaction: 'Mức độ hài lòng của người dân, tổ chức',
  logBook: 'Sổ theo dõi hồ sơ (mẫu số 06)',
  overdue: 'Danh sách hồ sơ quá hạn và sắp đến hạn',
};

/** Short names for the report picker. */
export const REPORT_SHORT_NAMES: Readonly<Record<ReportKind, string>> = {
  bieu06: 'Biểu 06',
  dailyTally: 'Thống kê ngày',
  satisfaction: 'Hài lòng',
  logBook: 'Sổ theo dõi',
  overdue: 'Quá hạn',
};

const FILE_STEMS: Readonly<Record<ReportKind, string>> = {
  bieu06: 'Bieu06',
  dailyTally: 'ThongKeNgay',
  satisfaction: 'HaiLong',
  logBook: 'SoTheoDoi',
  overdue: 'QuaHan',
};

/** Reports that list citizens one by one: their files and screens carry a personal-data notice. */
export const PERSONAL_DATA_REPORTS: readonly ReportKind[] = ['logBook', 'overdue'];

export const PERSONAL_DATA_NOTICE =
  'Lưu ý: tài liệu này chứa dữ liệu cá nhân của công dân (Nghị định 13/2023/NĐ-CP). Chỉ dùng cho công việc; không gửi, không chia sẻ ra ngoài; xoá khi không còn cần.';

export function holdsPersonalData(kind: ReportKind): boolean {
  return PERSONAL_DATA_REPORTS.includes(kind);
}

/** "Phường Hồng Gai" → "PhuongHongGai": marks dropped, đ → d, only ASCII letters and digits kept. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(/[^A-Za-z0-9]/gu, '');
}

/** E.g. Bieu06_PhuongHongGai_2026-Q4.xlsx: safe on every file system, readable in a folder listing. */
/**
 * What a CSV file of citizens' data says in its name, the one place a bare table can carry the notice
 * (the XLSX says it above its table).
 */
export const PERSONAL_DATA_FILE_MARK = 'DuLieuCaNhan';

export function reportFileName(kind: ReportKind, unitName: string, period: ReportPeriod, format: ExportFormat): string {
  const unit = asciiFold(unitName) || 'DonVi';
  const mark = format === 'csv' && holdsPersonalData(kind) ? `_${PERSONAL_DATA_FILE_MARK}` : '';
  return `${FILE_STEMS[kind]}_${unit}_${periodFileLabel(period)}${mark}.${format}`;
}

/** What a served export may be called: exactly the shape reportFileName makes (no separators, no dots before the extension). */
export const EXPORT_FILE_NAME_PATTERN = /^[A-Za-z0-9]+_[A-Za-z0-9]+_[0-9Q_-]+(?:_DuLieuCaNhan)?\.(xlsx|csv)$/u;
