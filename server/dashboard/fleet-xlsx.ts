import ExcelJS from 'exceljs';
import { formatVietnamTime } from '../../shared/domain/dossier/vietnam-time.js';
import type { FleetView } from './fleet-service.js';
import { clockOffsetText, fleetStateText } from './page/fleet-text.js';

// The fleet list as an Excel workbook for the city's technicians: one sheet of desks (as on the page,
// stale and outdated desks filled in colour) and one of crash reports. A working list, not an official
// form: no agency block.

const FONT = 'Times New Roman';
const STALE_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFDE2E1' } };
const OUTDATED_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF4CC' } };

const time = (iso: string | null): string => (iso === null ? '' : formatVietnamTime(iso));

function header(ws: ExcelJS.Worksheet, labels: readonly string[], widths: readonly number[]): void {
  ws.addRow(labels).eachCell((cell) => {
    cell.font = { name: FONT, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function fleetWorkbook(view: FleetView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(view.asOf);
  const desks = wb.addWorksheet('Máy trạm');
  header(
    desks,
    ['Đơn vị', 'Quầy', 'Tên máy', 'Phiên bản', 'Đồng bộ lần cuối', 'Sự kiện chờ gửi', 'Bản quét chờ gửi', 'Lệch giờ', 'Lỗi gần nhất', 'Báo cáo sự cố', 'Tình trạng'],
    [28, 6, 18, 12, 20, 10, 10, 14, 40, 10, 30],
  );
  for (const desk of view.desks) {
    const row = desks.addRow([
      desk.unitName,
      desk.station,
      desk.name,
      desk.appVersion ?? '',
      time(desk.lastSyncAt),
      desk.eventsWaiting,
      desk.scansWaiting,
      clockOffsetText(desk.clockOffsetMs),
      desk.lastError ?? '',
      desk.crashCount,
      fleetStateText(desk, view),
    ]);
    row.font = { name: FONT };
    if (desk.stale || desk.outdated) row.eachCell((cell) => (cell.fill = desk.stale ? STALE_FILL : OUTDATED_FILL));
  }
  const crashes = wb.addWorksheet('Sự cố');
  header(crashes, ['Thời điểm', 'Đơn vị', 'Tên máy', 'Loại', 'Nơi xảy ra', 'Nội dung', 'Phiên bản', 'Hệ điều hành'], [20, 28, 18, 16, 14, 60, 12, 20]);
  for (const crash of view.crashes) {
    crashes.addRow([time(crash.occurredAt), crash.unitName, crash.deskName, crash.kind, crash.where, crash.message, crash.appVersion, crash.os]).font = { name: FONT };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
