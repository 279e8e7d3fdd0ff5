import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTORS } from '../../../shared/domain/catalogue/seed/sectors.js';
import type { DossierState } from '../../../shared/domain/dossier/state.js';
import { tallyDay } from '../../../shared/domain/dossier/tally.js';
import { bieu06FromStates, type Bieu06Row } from '../../../shared/domain/reports/bieu06.js';
import { cityUnitsOf, rowLabel } from '../../../server/dashboard/city-units.js';
import { CATALOGUE_UNITS } from '../../../shared/domain/catalogue/seed/units.js';
import type { DashboardUnit } from '../../../server/dashboard/dashboard-types.js';
import { startTestCentre, type TestCentre } from '../support/test-centre.js';
import { appendCityHistory, cityHistory } from './support/city-history.js';
import { foldedDossiers } from './support/storages.js';

// The dashboard's Excel files downloaded over HTTP and re-read the way a spreadsheet would: the title
// block, the official merged header of Biểu 06, every number as a number equal to the reference
// functions over the centre's folded dossiers, the total lines, the file names.

const NOW = Date.parse('2026-11-25T03:00:00Z'); // Wednesday 25/11/2026 10:00
const UNITS = ['06649', '06691', '07066'];

let centre: TestCentre;
let states: DossierState[];

beforeAll(async () => {
  centre = await startTestCentre({ at: NOW });
  await appendCityHistory(centre.storage, cityHistory({ units: UNITS, perUnitPerDay: 5, fromDay: '2026-09-01', lastMs: NOW, seed: 3 }));
  states = await foldedDossiers(centre.storage);
}, 60_000);
afterAll(async () => {
  await centre?.close();
});

async function download(path: string): Promise<{ fileName: string; sheets: ExcelJS.Worksheet[] }> {
  const session = await centre.request('POST', '/v1/staff/session', { body: { username: 'quantri', password: 'mat-khau-quan-tri-trung-tam' } });
  const response = await fetch(`${centre.url}${path}`, { headers: { authorization: `Bearer ${(session.body as { token: string }).token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')![1]!;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return { fileName, sheets: workbook.worksheets };
}

/** The unit lines the JSON twin lists, in the workbook's order. */
async function unitLines(path: string): Promise<DashboardUnit[]> {
  const session = await centre.request('POST', '/v1/staff/session', { body: { username: 'quantri', password: 'mat-khau-quan-tri-trung-tam' } });
  const answer = await centre.request('GET', path, { token: (session.body as { token: string }).token });
  return (answer.body as { units: DashboardUnit[] }).units;
}

/** The dossiers a line counts (all of 2026: a code names the unit that held it then). */
const statesOf = (line: DashboardUnit) => states.filter((s) => cityUnitsOf(CATALOGUE_UNITS).lineKeyOfCode(s.unit.gsoCode, '2026-11-25') === line.unitId);

const values = (ws: ExcelJS.Worksheet, row: number, count: number) => Array.from({ length: count }, (_, i) => ws.getCell(row, i + 1).value);

function cellsOf({ received: r, settled: s, pending: p }: Bieu06Row): number[] {
  return [r.total, r.online, r.directOrPostal, r.carriedOver, s.total, s.early, s.onTime, s.late, p.total, p.withinTime, p.overdue];
}

describe('Biểu 06 of the city as XLSX', () => {
  it('is laid out like the official form, per sector, with the reference numbers as numbers', async () => {
    const period = { from: '2026-10-01', to: '2026-11-25' };
    const { fileName, sheets } = await download('/v1/dashboard/export/bieu06.xlsx?from=2026-10-01&to=2026-11-25');
    expect(fileName).toBe('Bieu06_ThanhphoHaLong_2026-10-01_2026-11-25.xlsx');
    const [ws, byUnit] = sheets;
    expect(sheets.map((s) => s.name)).toEqual(['Bieu06', 'TheoDonVi']);
    expect(ws!.getCell('A1').value).toBe('UBND THÀNH PHỐ HẠ LONG');
    expect(ws!.getCell('H1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(ws!.getCell('A2').value).toBe('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG');
    expect(ws!.getCell('H2').value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(ws!.getCell('H3').value).toBe('Biểu số 06/VPCP/KSTT');
    expect(ws!.getCell('A4').value).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (BIỂU SỐ 06/VPCP/KSTT)');
    expect(ws!.getCell('A5').value).toBe('Kỳ báo cáo: Từ ngày 01/10/2026 đến ngày 25/11/2026');
    // The city's units of today (12, formed from Hạ Long's former units); the former ones are folded lines.
    expect(ws!.getCell('A6').value).toBe('Đơn vị báo cáo: Thành phố Hạ Long (12 đơn vị cấp xã)');
    expect(ws!.getCell('A7').value).toBe('Đơn vị tính: số hồ sơ thủ tục hành chính.');
    for (const range of ['A1:E1', 'H1:M1', 'A4:M4', 'A9:A11', 'B9:B11', 'C9:F9', 'G9:M9', 'C10:C11', 'D10:E10', 'F10:F11', 'G10:J10', 'K10:M10']) {
      expect(ws!.model.merges).toContain(range);
    }
    expect(values(ws!, 11, 13).slice(3)).toEqual(['Trực tuyến', 'Trực tiếp, dịch vụ bưu chính công ích', 'Số kỳ trước chuyển qua', 'Tổng số', 'Trả trước hạn', 'Trả đúng thời hạn', 'Trả quá hạn', 'Tổng số', 'Chưa đến hạn', 'Quá hạn']);
    expect(values(ws!, 12, 13)).toEqual(Array.from({ length: 13 }, (_, i) => `(${i + 1})`));

    const reference = bieu06FromStates(states, period, SECTORS);
    reference.rows.forEach((row, i) => expect(values(ws!, 13 + i, 13), row.sectorName).toEqual([i + 1, row.sectorName, ...cellsOf(row)]));
    const totalRow = 13 + reference.rows.length;
    expect(values(ws!, totalRow, 13)).toEqual(['', 'Tổng cộng', ...cellsOf(reference.total)]);
    expect(reference.total.received.total).toBeGreaterThan(500);
    expect(ws!.getCell(totalRow, 3).numFmt).toBe('#,##0');
    expect(ws!.getCell(totalRow, 2).font.bold).toBe(true);
    expect(ws!.getCell(totalRow + 2, 8).value).toBe('Hạ Long, ngày 25 tháng 11 năm 2026');
    expect(ws!.getCell(totalRow + 3, 1).value).toBe('NGƯỜI LẬP BIỂU');

    // The breakdown: one line per unit (today's, each followed by its former units), each its own Biểu 06 total line.
    expect(byUnit!.getCell('A8').value).toBe('Mỗi dòng là dòng tổng cộng của Biểu 06 của một đơn vị.');
    expect(byUnit!.getCell('B10').value).toBe('Đơn vị');
    expect(values(byUnit!, 14, 2)).toEqual([1, 'Phường Tuần Châu']);
    const lines = await unitLines('/v1/dashboard/bieu06?from=2026-10-01&to=2026-11-25');
    expect(lines).toHaveLength(45);
    lines.forEach((line, i) => {
      const own = bieu06FromStates(statesOf(line), period, SECTORS).total;
      expect(values(byUnit!, 14 + i, 13), line.name).toEqual([i + 1, rowLabel(line), ...cellsOf(own)]);
    });
    expect(values(byUnit!, 14 + lines.length, 13)).toEqual(['', 'Tổng cộng', ...cellsOf(reference.total)]);
  });

  it("for one unit, carries the unit's name in the title and the file name", async () => {
    const { fileName, sheets } = await download('/v1/dashboard/export/bieu06.xlsx?from=2026-11-01&to=2026-11-25&unit=06691');
    expect(fileName).toBe('Bieu06_PhuongHongGai_2026-11-01_2026-11-25.xlsx');
    expect(sheets[0]!.getCell('A6').value).toBe('Đơn vị báo cáo: Phường Hồng Gai');
    const own = bieu06FromStates(states.filter((s) => s.unit.gsoCode === '06691'), { from: '2026-11-01', to: '2026-11-25' }, SECTORS);
    expect(values(sheets[0]!, 13 + own.rows.length, 13)).toEqual(['', 'Tổng cộng', ...cellsOf(own.total)]);
  });
});

describe("the day's tally of every unit as XLSX", () => {
  it('has one line per unit with the daily tally of its dossiers, and the city total', async () => {
    const { fileName, sheets } = await download('/v1/dashboard/export/tally.xlsx?day=2026-11-24');
    expect(fileName).toBe('ThongKeNgay_ThanhphoHaLong_2026-11-24.xlsx');
    const ws = sheets[0]!;
    expect(ws.name).toBe('ThongKeNgay');
    expect(ws.getCell('A4').value).toBe('THỐNG KÊ TIẾP NHẬN VÀ TRẢ KẾT QUẢ THEO NGÀY CỦA CÁC ĐƠN VỊ');
    expect(ws.getCell('A5').value).toBe('Ngày 24/11/2026');
    expect(ws.getCell('A7').value).toBe('Số hồ sơ quá hạn và đến hạn trong 24 giờ tính tại thời điểm 10:00 25/11/2026.');
    expect(values(ws, 9, 16)).toEqual([
      'STT', 'Đơn vị', 'Tiếp nhận trực tiếp', 'Tiếp nhận trực tuyến', 'Tiếp nhận qua bưu chính', 'Tổng tiếp nhận', 'Có kết quả', 'Đã trả kết quả',
      'Rút hồ sơ', 'Yêu cầu bổ sung', 'Phí, lệ phí (đồng)', 'Rất hài lòng', 'Hài lòng', 'Không hài lòng', 'Quá hạn (tại thời điểm lập)', 'Đến hạn trong 24 giờ',
    ]);
    const nowIso = new Date(NOW).toISOString();
    const line = (name: string, t: ReturnType<typeof tallyDay>) => {
      const r = t.receivedByChannel;
      return [name, r.inPerson, r.online, r.postal, r.inPerson + r.online + r.postal, t.resultsReady, t.handedBack, t.withdrawn, t.supplementsRequested, t.feesVnd, t.ratings.very_satisfied, t.ratings.satisfied, t.ratings.not_satisfied, t.overdue, t.dueWithin24h];
    };
    const lines = await unitLines('/v1/dashboard/tally?day=2026-11-24');
    lines.forEach((unit, i) => {
      expect(values(ws, 10 + i, 16), unit.name).toEqual([i + 1, ...line(rowLabel(unit), tallyDay(statesOf(unit), '2026-11-24', nowIso))]);
    });
    const total = tallyDay(states, '2026-11-24', nowIso);
    expect(total.receivedByChannel.online).toBeGreaterThan(0);
    const totalRow = 10 + lines.length;
    expect(values(ws, totalRow, 16)).toEqual(['', ...line('Tổng cộng', total)]);
    expect(ws.getCell(totalRow, 11).numFmt).toBe('#,##0');
  });
});
