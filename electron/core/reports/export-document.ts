import { placeAndDate } from '../../../shared/domain/calendar/written-date.js';
import { documentPlaceOf } from '../../../shared/domain/catalogue/document-place.js';
import { formatVietnamTime } from '../../../shared/domain/dossier/vietnam-time.js';
import { periodTitle, type ReportPeriod } from '../../../shared/domain/reports/report-period.js';
import { holdsPersonalData, PERSONAL_DATA_NOTICE, REPORT_TITLES, type ReportKind } from '../../../shared/domain/reports/report-kinds.js';
import type { FlatTable } from '../../../shared/domain/reports/report-tables.js';

// What an exported report says around its table: the agency and national-motto block, the title,
// the period and unit, the personal-data notice where it applies, and the signature block. The same
// document goes to XLSX (laid out like the paper form) and CSV (the table, with the notice first).

export interface ExportDocument {
  kind: ReportKind;
  /** "UBND PHƯỜNG HỒNG GAI". */
  agency: string;
  title: string;
  /** "Kỳ báo cáo: Quý IV năm 2026 (từ ngày … đến ngày …)". */
  periodLine: string;
  /** "Đơn vị báo cáo: Phường Hồng Gai". */
  unitLine: string;
  /** Biểu 06 carries its form number in the top right corner. */
  formNumber: string | null;
  /** Extra lines under the unit line (e.g. "Đơn vị tính: …", an "as of" note). */
  notes: string[];
  personalDataNotice: string | null;
  table: FlatTable;
  /** "Hạ Long, ngày 23 tháng 11 năm 2026": the place as the forms write it (document-place.ts). */
  placeAndDate: string;
  preparedBy: string | null;
  generatedLine: string;
}

export interface DocumentInput {
  kind: ReportKind;
  unitName: string;
  /** Tells a Hạ Long ward from a 2025 unit of the same name; null when the header does not know it. */
  unitGsoCode: string | null;
  period: ReportPeriod | null;
  table: FlatTable;
  generatedAt: string;
  preparedBy: string | null;
  notes?: string[];
}

export function exportDocument(input: DocumentInput): ExportDocument {
  const place = documentPlaceOf({ gsoCode: input.unitGsoCode, name: input.unitName });
  return {
    kind: input.kind,
    agency: `UBND ${input.unitName}`.toUpperCase(),
    title: REPORT_TITLES[input.kind].toUpperCase(),
    periodLine: input.period === null ? `Tại thời điểm ${formatVietnamTime(input.generatedAt)}` : `Kỳ báo cáo: ${periodTitle(input.period)}`,
    unitLine: `Đơn vị báo cáo: ${input.unitName}`,
    formNumber: input.kind === 'bieu06' ? 'Biểu số 06/VPCP/KSTT' : null,
    notes: input.notes ?? [],
    personalDataNotice: holdsPersonalData(input.kind) ? PERSONAL_DATA_NOTICE : null,
    table: input.table,
    placeAndDate: placeAndDate(place, input.generatedAt),
    preparedBy: input.preparedBy,
    generatedLine: `Lập bằng phần mềm Một cửa Hạ Long lúc ${formatVietnamTime(input.generatedAt)}.`,
  };
}
