import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportProgress } from '../../../../shared/contract/reports.js';
import { PERSONAL_DATA_NOTICE } from '../../../../shared/domain/reports/report-kinds.js';
import { SAMPLE_APPLICANT } from '../../../support/desk-fixture.js';
import { buildReferenceDesk, OFFICER, SUPERVISOR, type ReferenceDesk } from './reference-desk.js';
import { requiredPapers } from '../../../support/required-papers.js';

// Exports re-read the way a user's spreadsheet would: the XLSX cell by cell (title block, merged
// header, numbers as numbers, times as dates), the CSV byte by byte (BOM first).

let ref: ReferenceDesk;
beforeAll(async () => {
  ref = await buildReferenceDesk();
}, 60_000);
afterAll(() => ref.desk.dispose());

async function readSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0]!;
}

const values = (ws: ExcelJS.Worksheet, row: number, count = 13) => Array.from({ length: count }, (_, i) => ws.getCell(row, i + 1).value);

describe('Biểu 06 as XLSX', () => {
  it('is laid out like the official form, with the numbers of the reference set as numbers', async () => {
    const result = await ref.desk.call('reports.export', { report: 'bieu06', format: 'xlsx', from: '2026-11-01', to: '2026-11-30' });
    expect(result.fileName).toBe('Bieu06_PhuongHongGai_2026-11.xlsx');
    expect(result.path).toBe(join(ref.desk.dataDir, 'exports', result.fileName));
    expect(readFileSync(result.path).length).toBe(result.bytes);
    expect(result.personalData).toBe(false);

    const ws = await readSheet(result.path);
    expect(ws.name).toBe('Bieu06');
    expect(ws.getCell('A1').value).toBe('UBND PHƯỜNG HỒNG GAI');
    expect(ws.getCell('H1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(ws.getCell('A2').value).toBe('BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ');
    expect(ws.getCell('H2').value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(ws.getCell('H3').value).toBe('Biểu số 06/VPCP/KSTT');
    expect(ws.getCell('A4').value).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (BIỂU SỐ 06/VPCP/KSTT)');
    expect(ws.getCell('A5').value).toBe('Kỳ báo cáo: Tháng 11 năm 2026 (từ ngày 01/11/2026 đến ngày 30/11/2026)');
    expect(ws.getCell('A6').value).toBe('Đơn vị báo cáo: Phường Hồng Gai');
    expect(ws.getCell('A7').value).toBe('Đơn vị tính: số hồ sơ thủ tục hành chính.');

    const merges = ws.model.merges;
    for (const range of ['A1:E1', 'H1:M1', 'A4:M4', 'A9:A11', 'B9:B11', 'C9:F9', 'G9:M9', 'C10:C11', 'D10:E10', 'F10:F11', 'G10:J10', 'K10:M10']) {
      expect(merges).toContain(range);
    }
    expect(values(ws, 9)).toEqual(['STT', 'Lĩnh vực giải quyết', 'Số hồ sơ nhận giải quyết', ...Array(3).fill('Số hồ sơ nhận giải quyết'), 'Kết quả giải quyết', ...Array(6).fill('Kết quả giải quyết')]);
    expect(values(ws, 11).slice(3)).toEqual(['Trực tuyến', 'Trực tiếp, dịch vụ bưu chính công ích', 'Số kỳ trước chuyển qua', 'Tổng số', 'Trả trước hạn', 'Trả đúng thời hạn', 'Trả quá hạn', 'Tổng số', 'Chưa đến hạn', 'Quá hạn']);
    expect(values(ws, 12)).toEqual(Array.from({ length: 13 }, (_, i) => `(${i + 1})`));

    // Sectors in catalogue order: Hộ tịch, Nuôi con nuôi, Chứng thực, Đăng ký, quản lý cư trú, …
    expect(values(ws, 13)).toEqual([1, 'Hộ tịch', 2, 0, 2, 0, 1, 0, 1, 0, 1, 1, 0]);
    expect(values(ws, 14)).toEqual([2, 'Nuôi con nuôi', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(values(ws, 15)).toEqual([3, 'Chứng thực', 2, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0]);
    expect(values(ws, 16)).toEqual([4, 'Đăng ký, quản lý cư trú', 11, 2, 6, 3, 6, 2, 3, 1, 5, 2, 3]);
    const totalRow = 13 + 11; // eleven catalogue sectors, then the total line
    expect(values(ws, totalRow)).toEqual(['', 'Tổng cộng', 15, 2, 9, 4, 8, 2, 4, 2, 7, 4, 3]);
    expect(ws.getCell(totalRow, 3).numFmt).toBe('#,##0');
    expect(ws.getCell(totalRow, 2).font.bold).toBe(true);
    expect(ws.getCell(totalRow + 2, 8).value).toBe('Hạ Long, ngày 15 tháng 12 năm 2026'); // as the forms write it, not the ward's own name
    expect(ws.getCell(totalRow + 3, 1).value).toBe('NGƯỜI LẬP BIỂU');
    expect(ws.getCell(totalRow + 3, 8).value).toBe('THỦ TRƯỞNG ĐƠN VỊ');
    expect(ws.getCell(totalRow + 7, 1).value).toBe(SUPERVISOR.fullName);
  });
});

describe('the log book as XLSX and CSV', () => {
  it('warns that it holds personal data, and writes times as dates in Vietnam time', async () => {
    const result = await ref.desk.call('reports.export', { report: 'logBook', format: 'xlsx', from: '2026-11-01', to: '2026-11-30' });
    expect(result).toMatchObject({ fileName: 'SoTheoDoi_PhuongHongGai_2026-11.xlsx', rows: 11, personalData: true });
    const ws = await readSheet(result.path);
    expect(ws.getCell('A4').value).toBe('SỔ THEO DÕI HỒ SƠ (MẪU SỐ 06)');
    expect(ws.getCell('A7').value).toBe(PERSONAL_DATA_NOTICE);
    const header = values(ws, 9, 14);
    expect(header).toEqual([
      'STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Số bộ hồ sơ', 'Tên người nộp / chủ hồ sơ', 'Địa chỉ', 'Số điện thoại',
      'Cơ quan chủ trì giải quyết', 'Nhận hồ sơ', 'Hẹn trả kết quả', 'Chuyển hồ sơ đến cơ quan giải quyết',
      'Nhận kết quả từ cơ quan giải quyết', 'Trả kết quả cho công dân', 'Ghi chú',
    ]);
    const first = values(ws, 10, 14);
    expect(first.slice(0, 5)).toEqual([1, ref.codes.D6, 'Đăng ký khai sinh', 1, 'Công Dân D6']);
    // Received Mon 02/11/2026 09:00 in Hạ Long, stored as that wall clock.
    expect(first[8]).toEqual(new Date(Date.UTC(2026, 10, 2, 9, 0)));
    expect(ws.getCell(10, 9).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(first[12]).toEqual(new Date(Date.UTC(2026, 10, 3, 10, 0)));
    expect(values(ws, 20, 2)).toEqual([11, ref.codes.D16]);
  });

  it('as CSV for Vietnamese Excel (the default): the byte-order mark, the header first, ";" between cells, dd/MM/yyyy times; the notice in the name', async () => {
    const result = await ref.desk.call('reports.export', { report: 'logBook', format: 'csv', from: '2026-11-01', to: '2026-11-30' });
    expect(result.fileName).toBe('SoTheoDoi_PhuongHongGai_2026-11_DuLieuCaNhan.csv');
    expect(result.personalData).toBe(true);
    const bytes = readFileSync(result.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).not.toContain(PERSONAL_DATA_NOTICE);
    const lines = text.split('\r\n');
    expect(lines[0]!.startsWith('STT;Mã hồ sơ;Tên thủ tục hành chính;Số bộ hồ sơ;')).toBe(true);
    expect(lines[1]!.startsWith(`1;${ref.codes.D6};Đăng ký khai sinh;1;Công Dân D6;`)).toBe(true);
    expect(lines[1]).toContain(';02/11/2026 09:00;02/11/2026 17:00;');
    expect(lines).toHaveLength(1 + 11 + 1); // header, 11 lines, and the final CRLF
    // Every line has the header's number of cells: nothing above or inside the table breaks the columns.
    const cells = (line: string) => line.replace(/"[^"]*"/gu, '').split(';').length;
    for (const line of lines.slice(0, -1)) expect(cells(line)).toBe(cells(lines[0]!));
  });
});

describe('the other exports', () => {
  it('Biểu 06 as plain RFC 4180 CSV when chosen, remembered as the desk\'s choice: the 13 columns, the sectors and the total line', async () => {
    const result = await ref.desk.call('reports.export', { report: 'bieu06', format: 'csv', from: '2026-11-01', to: '2026-11-30', csvDialect: 'rfc4180' });
    expect(result.fileName).toBe('Bieu06_PhuongHongGai_2026-11.csv');
    const text = readFileSync(result.path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]!.split(',')).toHaveLength(14); // "Tiếp nhận trực tiếp, dịch vụ…" is quoted: 13 columns, one comma inside
    expect(lines).toContain('4,"Đăng ký, quản lý cư trú",11,2,6,3,6,2,3,1,5,2,3');
    expect(lines.at(-1)).toBe(',Tổng cộng,15,2,9,4,8,2,4,2,7,4,3');
    // The next export without a choice keeps the desk's; choosing Vietnamese Excel again switches back.
    const again = await ref.desk.call('reports.export', { report: 'bieu06', format: 'csv', from: '2026-11-01', to: '2026-11-30' });
    expect(readFileSync(again.path, 'utf8')).toContain('4,"Đăng ký, quản lý cư trú",11,');
    const excel = await ref.desk.call('reports.export', { report: 'bieu06', format: 'csv', from: '2026-11-01', to: '2026-11-30', csvDialect: 'excel-vi' });
    const excelLines = readFileSync(excel.path, 'utf8').slice(1).trimEnd().split('\r\n');
    expect(excelLines).toContain('4;Đăng ký, quản lý cư trú;11;2;6;3;6;2;3;1;5;2;3');
    expect(excelLines.at(-1)).toBe(';Tổng cộng;15;2;9;4;8;2;4;2;7;4;3');
  });

  it('the daily tally for a range of days, the satisfaction report and the overdue list', async () => {
    const daily = await ref.desk.call('reports.export', { report: 'dailyTally', format: 'xlsx', from: '2026-11-01', to: '2026-11-07' });
    expect(daily.fileName).toBe('ThongKeNgay_PhuongHongGai_2026-11-01_2026-11-07.xlsx');
    const tally = await readSheet(daily.path);
    // No notes under the unit line (the period does not end today): the header is on row 8.
    expect(values(tally, 8, 5)).toEqual(['Ngày', 'Tiếp nhận trực tiếp', 'Tiếp nhận trực tuyến', 'Tiếp nhận qua bưu chính', 'Tổng tiếp nhận']);
    expect(values(tally, 9, 2)).toEqual([new Date(Date.UTC(2026, 10, 1)), 0]);
    // 02/11: D6 at the counter, D7 by post; two results; 8 000 đ.
    expect(values(tally, 10, 13)).toEqual([new Date(Date.UTC(2026, 10, 2)), 1, 0, 1, 2, 2, 0, 0, 0, 8000, 0, 0, 0]);
    expect(tally.getCell(10, 1).numFmt).toBe('dd/mm/yyyy');
    // 03/11: D8 online; 04/11 … 06/11 nothing new. Total: D6, D7, D8.
    expect(values(tally, 16, 5)).toEqual(['Tổng cộng', 1, 1, 1, 3]);

    const satisfaction = await ref.desk.call('reports.export', { report: 'satisfaction', format: 'xlsx', from: '2026-11-01', to: '2026-11-30' });
    const sheet = await readSheet(satisfaction.path);
    const unitLine = values(sheet, 10, 10);
    expect(unitLine.slice(0, 4)).toEqual(['Đơn vị', 'Phường Hồng Gai', 3, 1]);
    expect(unitLine[4]).toBeCloseTo(1 / 3);
    expect(sheet.getCell(10, 5).numFmt).toBe('0.0%');

    const overdue = await ref.desk.call('reports.export', { report: 'overdue', format: 'csv' });
    expect(overdue.fileName).toBe('QuaHan_PhuongHongGai_2026-12-15_DuLieuCaNhan.csv');
    const lines = readFileSync(overdue.path, 'utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`1;${ref.codes.D2};`);
    expect(lines[1]).toContain('Quá hạn 41 ngày'); // due Wed 04/11 10:00, now Tue 15/12 10:00
  });
});

describe('bad input and access', () => {
  const failure = (args: unknown) => ref.desk.fail('reports.export', args);

  it('refuses an empty period, a period backwards and one in the future with clear messages and writes nothing', async () => {
    const before = readdirSync(join(ref.desk.dataDir, 'exports')).length;
    expect(await failure({ report: 'bieu06', format: 'xlsx', from: '2026-11-30', to: '2026-11-01' })).toEqual({
      code: 'invalid_argument',
      message: 'Kỳ báo cáo bị ngược: ngày bắt đầu 30/11/2026 nằm sau ngày kết thúc 01/11/2026. Hãy đổi lại hai ngày.',
    });
    expect((await failure({ report: 'bieu06', format: 'xlsx', from: '2026-12-01', to: '2026-12-31' })).message).toContain('ở tương lai');
    expect((await failure({ report: 'bieu06', format: 'xlsx' })).message).toBe('Hãy chọn kỳ báo cáo: cần cả ngày bắt đầu và ngày kết thúc.');
    expect((await failure({ report: 'bieu06', format: 'xlsx', from: '', to: '2026-11-30' })).message).toContain('Hãy chọn ngày bắt đầu của kỳ báo cáo.');
    expect(await failure({ report: 'logBook', format: 'csv', from: '2026-09-01', to: '2026-09-30' })).toEqual({
      code: 'invalid_argument',
      message: 'Không có hồ sơ nào được tiếp nhận từ ngày 01/09/2026 đến ngày 30/09/2026: không có gì để xuất ra tệp.',
    });
    expect((await failure({ report: 'satisfaction', format: 'csv', from: '2026-09-01', to: '2026-09-30' })).message).toContain('Không có lượt đánh giá nào');
    expect((await failure({ report: 'bieu06', format: 'pdf', from: '2026-11-01', to: '2026-11-30' })).code).toBe('invalid_argument');
    expect(readdirSync(join(ref.desk.dataDir, 'exports'))).toHaveLength(before);

    expect((await ref.desk.fail('reports.bieu06', { from: '2026-11-01', to: '2027-01-01' })).message).toContain('Ngày kết thúc kỳ báo cáo 01/01/2027 ở tương lai');
    expect((await ref.desk.fail('reports.bieu06', { from: '2026-11-01' })).message).toContain('Hãy chọn ngày kết thúc của kỳ báo cáo.');
    expect((await ref.desk.fail('reports.dailySeries', { to: '2026-12-15', days: 400 })).code).toBe('invalid_argument');
  });

  it('is for supervisors only', async () => {
    await ref.desk.call('auth.signIn', { username: OFFICER.username, password: OFFICER.password });
    try {
      for (const [name, args] of [
        ['reports.bieu06', { from: '2026-11-01', to: '2026-11-30' }],
        ['reports.logBook', { from: '2026-11-01', to: '2026-11-30' }],
        ['reports.overdue', {}],
        ['reports.export', { report: 'overdue', format: 'csv' }],
      ] as const) {
        expect((await ref.desk.fail(name, args)).code).toBe('forbidden');
      }
      await ref.desk.call('auth.signOut', {});
      expect((await ref.desk.fail('reports.satisfaction', { from: '2026-11-01', to: '2026-11-30' })).code).toBe('unauthorized');
    } finally {
      await ref.desk.call('auth.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password });
    }
  });

  it('re-exporting replaces the file and leaves no temporary files behind', async () => {
    const first = await ref.desk.call('reports.export', { report: 'bieu06', format: 'csv', from: '2026-12-01', to: '2026-12-15' });
    const second = await ref.desk.call('reports.export', { report: 'bieu06', format: 'csv', from: '2026-12-01', to: '2026-12-15' });
    expect(second.path).toBe(first.path);
    expect(existsSync(first.path)).toBe(true);
    expect(readdirSync(join(ref.desk.dataDir, 'exports')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('progress', () => {
  it('is reported while a long log book is written, ending with done', async () => {
    const desk = ref.desk;
    // A station has 999 serials a day: spread 2 100 dossiers over three days.
    for (const day of ['2026-12-16', '2026-12-17', '2026-12-18']) {
      desk.clock.set(`${day}T01:00:00Z`);
      for (let i = 0; i < 700; i += 1) {
        await desk.call('dossiers.receive', { procedureId: 'chung-thuc.ban-sao-tu-ban-chinh', channel: 1, applicant: { ...SAMPLE_APPLICANT, fullName: 'Công Dân Hàng Loạt' }, documents: requiredPapers('chung-thuc.ban-sao-tu-ban-chinh') });
      }
    }
    const seen: ReportProgress[] = [];
    const stop = desk.core.events.subscribe((name, payload) => {
      if (name === 'reports.progress') seen.push(payload as ReportProgress);
    });
    try {
      const result = await desk.call('reports.export', { report: 'logBook', format: 'xlsx', from: '2026-12-16', to: '2026-12-18' });
      expect(result.rows).toBe(2100);
      expect(seen[0]).toEqual({ report: 'logBook', format: 'xlsx', phase: 'writing', done: 0, total: 2100 });
      expect(seen).toContainEqual({ report: 'logBook', format: 'xlsx', phase: 'writing', done: 2000, total: 2100 });
      expect(seen.at(-1)).toEqual({ report: 'logBook', format: 'xlsx', phase: 'done', done: 2100, total: 2100 });
    } finally {
      stop();
      desk.clock.set('2026-12-15T03:00:00Z');
    }
  }, 120_000);
});
