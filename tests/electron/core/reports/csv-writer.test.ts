import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../../electron/core/reports/csv-writer.js';
import { exportDocument } from '../../../../electron/core/reports/export-document.js';
import { CSV_PUNCTUATION } from '../../../../shared/domain/reports/csv-dialect.js';
import type { FlatTable } from '../../../../shared/domain/reports/report-tables.js';

// The CSV writer cell by cell, in both dialects: what Vietnamese Excel and an RFC 4180 reader each parse.

const TABLE: FlatTable = {
  columns: [
    { label: 'Ngày', kind: 'date', width: 12 },
    { label: 'Lĩnh vực; ghi chú', kind: 'text', width: 28 },
    { label: 'Tỷ lệ', kind: 'percent', width: 12 },
    { label: 'Tiếp nhận lúc', kind: 'instant', width: 17 },
  ],
  rows: [['2026-11-02', 'Đăng ký, quản lý cư trú', 0.94117647, '2026-11-02T02:05:00.000Z']],
  total: null,
};

const doc = () => exportDocument({ kind: 'satisfaction', unitName: 'Phường Hồng Gai', unitGsoCode: '06691', period: { from: '2026-11-01', to: '2026-11-30' }, table: TABLE, generatedAt: '2026-12-01T03:00:00.000Z', preparedBy: null });

describe('CSV for Vietnamese Excel', () => {
  it('separates cells with ";", writes a decimal comma, dates and times dd/MM/yyyy (Vietnam time), and quotes only what holds ";" or quotes', () => {
    expect(csvText(doc(), 'excel-vi')).toBe('\uFEFFNgày;"Lĩnh vực; ghi chú";Tỷ lệ;Tiếp nhận lúc\r\n02/11/2026;Đăng ký, quản lý cư trú;0,9412;02/11/2026 09:05\r\n');
  });
});

describe('plain RFC 4180 CSV', () => {
  it('separates cells with ",", writes a decimal point, and quotes what holds a comma', () => {
    expect(csvText(doc(), 'rfc4180')).toBe('\uFEFFNgày,Lĩnh vực; ghi chú,Tỷ lệ,Tiếp nhận lúc\r\n02/11/2026,"Đăng ký, quản lý cư trú",0.9412,02/11/2026 09:05\r\n');
  });

  it('still defuses a formula in a text cell and leaves numbers whole', () => {
    expect(csvCell('=HYPERLINK("x")', 'text', CSV_PUNCTUATION.rfc4180)).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(12000, 'money', CSV_PUNCTUATION['excel-vi'])).toBe('12000');
    expect(csvCell(null, 'integer', CSV_PUNCTUATION['excel-vi'])).toBe('');
  });
});
