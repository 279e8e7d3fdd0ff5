import type { Bieu06Report } from '../../../../shared/domain/reports/bieu06.js';
import { bieu06Cells } from '../../../../shared/domain/reports/bieu06.js';
import { formatCount } from './format-cell.js';

/** Biểu 06 on screen and on paper, with the form's own two-level header and column numbers. */
export function Bieu06Table({ report }: { report: Bieu06Report }) {
  const line = (cells: (string | number)[], key: string, total = false) => (
    <tr key={key} className={total ? 'report-table__total' : undefined}>
      {cells.map((cell, i) =>
        i === 1 ? (
          <th key={i} scope="row" className="report-table__label">
            {cell}
          </th>
        ) : (
          <td key={i} className={i === 0 ? 'report-table__index' : undefined}>
            {typeof cell === 'number' ? formatCount(cell) : cell}
          </td>
        ),
      )}
    </tr>
  );
  return (
    <table className="report-table report-table--bieu06" data-testid="bieu06-table">
      <caption className="visually-hidden">Biểu số 06/VPCP/KSTT theo lĩnh vực, đơn vị tính: hồ sơ</caption>
      <colgroup>
        <col style={{ width: '4%' }} />
        <col style={{ width: '19%' }} />
        {Array.from({ length: 11 }, (_, i) => (
          <col key={i} style={{ width: `${77 / 11}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" rowSpan={3}>
            STT
          </th>
          <th scope="col" rowSpan={3}>
            Lĩnh vực giải quyết
          </th>
          <th scope="colgroup" colSpan={4}>
            Số hồ sơ nhận giải quyết
          </th>
          <th scope="colgroup" colSpan={7}>
            Kết quả giải quyết
          </th>
        </tr>
        <tr>
          <th scope="col" rowSpan={2}>
            Tổng số
          </th>
          <th scope="colgroup" colSpan={2}>
            Trong đó: số mới tiếp nhận
          </th>
          <th scope="col" rowSpan={2}>
            Số kỳ trước chuyển qua
          </th>
          <th scope="colgroup" colSpan={4}>
            Số hồ sơ đã giải quyết
          </th>
          <th scope="colgroup" colSpan={3}>
            Số hồ sơ đang giải quyết
          </th>
        </tr>
        <tr>
          {['Trực tuyến', 'Trực tiếp, bưu chính', 'Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tổng số', 'Chưa đến hạn', 'Quá hạn'].map((label, i) => (
            <th key={i} scope="col">
              {label}
            </th>
          ))}
        </tr>
        <tr className="report-table__numbers" aria-hidden="true">
          {Array.from({ length: 13 }, (_, i) => (
            <td key={i}>({i + 1})</td>
          ))}
        </tr>
      </thead>
      <tbody>{report.rows.map((row, i) => line(bieu06Cells(row, i + 1), row.sectorId))}</tbody>
      <tfoot>{line(bieu06Cells(report.total, null), 'total', true)}</tfoot>
    </table>
  );
}
