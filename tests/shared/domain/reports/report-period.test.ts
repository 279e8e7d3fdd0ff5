import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import { checkReportPeriod, periodFileLabel, periodTitle, quickPeriod } from '../../../../shared/domain/reports/report-period.js';
import { asciiFold, EXPORT_FILE_NAME_PATTERN, reportFileName } from '../../../../shared/domain/reports/report-kinds.js';

const refusal = (run: () => unknown): { code: string; message: string } => {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('report periods', () => {
  it('offers the quick picks, ending today at the latest', () => {
    const today = '2026-11-23';
    expect(quickPeriod('today', today)).toEqual({ from: today, to: today });
    expect(quickPeriod('thisMonth', today)).toEqual({ from: '2026-11-01', to: today });
    expect(quickPeriod('thisQuarter', today)).toEqual({ from: '2026-10-01', to: today });
    expect(quickPeriod('lastQuarter', today)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quickPeriod('lastQuarter', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(quickPeriod('lastQuarter', '2026-05-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('names periods as the forms and the file names want them', () => {
    expect(periodTitle({ from: '2026-10-01', to: '2026-12-31' })).toBe('Quý IV năm 2026 (từ ngày 01/10/2026 đến ngày 31/12/2026)');
    expect(periodTitle({ from: '2026-02-01', to: '2026-02-28' })).toBe('Tháng 02 năm 2026 (từ ngày 01/02/2026 đến ngày 28/02/2026)');
    expect(periodTitle({ from: '2026-11-23', to: '2026-11-23' })).toBe('Ngày 23/11/2026');
    expect(periodTitle({ from: '2026-10-01', to: '2026-11-23' })).toBe('Từ ngày 01/10/2026 đến ngày 23/11/2026');
    expect(periodFileLabel({ from: '2026-10-01', to: '2026-12-31' })).toBe('2026-Q4');
    expect(periodFileLabel({ from: '2026-11-01', to: '2026-11-30' })).toBe('2026-11');
    expect(periodFileLabel({ from: '2026-01-01', to: '2026-12-31' })).toBe('2026');
    expect(periodFileLabel({ from: '2026-11-23', to: '2026-11-23' })).toBe('2026-11-23');
    expect(periodFileLabel({ from: '2026-10-01', to: '2026-11-23' })).toBe('2026-10-01_2026-11-23');
    expect(periodFileLabel({ from: '2026-01-31', to: '2026-02-28' })).toBe('2026-01-31_2026-02-28');
  });

  it('refuses a period written backwards, ending in the future, too long or not a date, in Vietnamese', () => {
    const today = '2026-11-23';
    expect(checkReportPeriod({ from: '2026-11-01', to: today }, today)).toEqual({ from: '2026-11-01', to: today });
    const backwards = refusal(() => checkReportPeriod({ from: '2026-11-20', to: '2026-11-01' }, today));
    expect(backwards).toEqual({ code: 'invalid_argument', message: expect.stringContaining('Kỳ báo cáo bị ngược: ngày bắt đầu 20/11/2026 nằm sau ngày kết thúc 01/11/2026') });
    const future = refusal(() => checkReportPeriod({ from: '2026-11-01', to: '2026-11-24' }, today));
    expect(future.message).toContain('Ngày kết thúc kỳ báo cáo 24/11/2026 ở tương lai');
    expect(future.message).toContain('hôm nay (23/11/2026)');
    expect(refusal(() => checkReportPeriod({ from: '2020-01-01', to: today }, today)).message).toContain('dài quá');
    expect(refusal(() => checkReportPeriod({ from: '2026-02-30', to: today }, today)).message).toContain('không có thật');
  });
});

describe('export file names', () => {
  it('carry the report, the unit folded to ASCII and the period', () => {
    expect(asciiFold('Phường Hồng Gai')).toBe('PhuongHongGai');
    expect(asciiFold('Xã Đồng Sơn')).toBe('XaDongSon');
    expect(reportFileName('bieu06', 'Phường Hồng Gai', { from: '2026-10-01', to: '2026-12-31' }, 'xlsx')).toBe('Bieu06_PhuongHongGai_2026-Q4.xlsx');
    expect(reportFileName('logBook', 'Xã Đồng Sơn', { from: '2026-11-01', to: '2026-11-30' }, 'csv')).toBe('SoTheoDoi_XaDongSon_2026-11_DuLieuCaNhan.csv');
    // A CSV of citizens says so in its name (a bare table has nowhere else); the XLSX says it above its table.
    expect(reportFileName('logBook', 'Xã Đồng Sơn', { from: '2026-11-01', to: '2026-11-30' }, 'xlsx')).toBe('SoTheoDoi_XaDongSon_2026-11.xlsx');
    expect(reportFileName('overdue', '', { from: '2026-11-23', to: '2026-11-23' }, 'xlsx')).toBe('QuaHan_DonVi_2026-11-23.xlsx');
    for (const name of ['Bieu06_PhuongHongGai_2026-Q4.xlsx', 'ThongKeNgay_XaDongSon_2026-10-01_2026-11-23.csv', 'QuaHan_PhuongHongGai_2026-11-23_DuLieuCaNhan.csv']) expect(EXPORT_FILE_NAME_PATTERN.test(name)).toBe(true);
    for (const name of ['../desk.sqlite', 'Bieu06_a_b.xlsx.exe', 'Bieu06_Phuong/Hong_2026.xlsx', 'desk.sqlite']) expect(EXPORT_FILE_NAME_PATTERN.test(name)).toBe(false);
  });
});
