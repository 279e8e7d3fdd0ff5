import type { Bieu06Row } from '../../../shared/domain/reports/bieu06.js';
import { periodTitle } from '../../../shared/domain/reports/report-period.js';
import type { Bieu06View } from '../dashboard-types.js';
import { count } from './format.js';
import { html, queryOf, type Html } from './html.js';
import { unitLabel, unitRowClass } from './unit-label.js';

// Biểu 06/VPCP/KSTT for the period with its 13 columns and official two-level header: per sector for
// the whole city (or one unit), or — the breakdown — one line per unit (each unit's total line).

export type Bieu06Layout = 'sectors' | 'units';

function cells(row: Bieu06Row): Html {
  const { received: r, settled: s, pending: p } = row;
  return html`<td class="strong">${count(r.total)}</td><td>${count(r.online)}</td><td>${count(r.directOrPostal)}</td><td>${count(r.carriedOver)}</td>
    <td class="strong">${count(s.total)}</td><td>${count(s.early)}</td><td>${count(s.onTime)}</td><td class="${s.late > 0 ? 'bad' : ''}">${count(s.late)}</td>
    <td class="strong">${count(p.total)}</td><td>${count(p.withinTime)}</td><td class="${p.overdue > 0 ? 'bad' : ''}">${count(p.overdue)}</td>`;
}

function header(firstLabel: string): Html {
  return html`<thead>
      <tr>
        <th scope="col" rowspan="3">STT</th>
        <th scope="col" rowspan="3">${firstLabel}</th>
        <th scope="colgroup" colspan="4">Số hồ sơ nhận giải quyết</th>
        <th scope="colgroup" colspan="7">Kết quả giải quyết</th>
      </tr>
      <tr>
        <th scope="col" rowspan="2">Tổng số</th>
        <th scope="colgroup" colspan="2">Trong đó: số mới tiếp nhận</th>
        <th scope="col" rowspan="2">Số kỳ trước chuyển qua</th>
        <th scope="colgroup" colspan="4">Số hồ sơ đã giải quyết</th>
        <th scope="colgroup" colspan="3">Số hồ sơ đang giải quyết</th>
      </tr>
      <tr>
        <th scope="col">Trực tuyến</th><th scope="col">Trực tiếp, bưu chính công ích</th>
        <th scope="col">Tổng số</th><th scope="col">Trả trước hạn</th><th scope="col">Trả đúng hạn</th><th scope="col">Trả quá hạn</th>
        <th scope="col">Tổng số</th><th scope="col">Chưa đến hạn</th><th scope="col">Quá hạn</th>
      </tr>
      <tr class="grid__numbers">${Array.from({ length: 13 }, (_, i) => html`<td>(${i + 1})</td>`)}</tr>
    </thead>`;
}

export function bieu06Section(view: Bieu06View, layout: Bieu06Layout): Html {
  const byUnits = layout === 'units';
  const scope = byUnits ? 'theo đơn vị' : view.unit === null ? 'toàn thành phố, theo lĩnh vực' : `${view.unit.name}, theo lĩnh vực`;
  const rows: { label: Html | string; headClass: string; row: Bieu06Row }[] = byUnits
    ? view.units.map((u) => ({ label: unitLabel(u), headClass: unitRowClass(u), row: u.row }))
    : view.form.rows.map((row) => ({ label: row.sectorName, headClass: '', row }));
  const total = byUnits ? view.unitsTotal : view.form.total;
  const exportQuery = queryOf({
    from: view.period.from,
    to: view.period.to,
    unit: view.unit === null ? null : view.unit.former ? view.unit.unitId : view.unit.gsoCode,
    countBy: view.countBy === 'present' ? 'present' : null,
  });
  const counting =
    view.countBy === 'present'
      ? 'Hồ sơ của đơn vị cũ được tính vào đơn vị hiện nay (đơn vị kế thừa vào ngày cuối kỳ).'
      : 'Hồ sơ được tính vào đơn vị đã tiếp nhận.';
  return html`<section class="panel" aria-labelledby="bieu06-title" id="bieu-06">
  <div class="panel__head">
    <h2 id="bieu06-title">Biểu 06 — ${scope}</h2>
    <a class="button button--secondary" href="/v1/dashboard/export/bieu06.xlsx${exportQuery}" download>Tải Excel</a>
  </div>
  <p class="panel__note" data-testid="bieu06-counting">Kỳ báo cáo: ${periodTitle(view.period)}. Đơn vị tính: số hồ sơ thủ tục hành chính. ${counting}</p>
  ${view.problems.length === 0 ? '' : html`<p class="notice notice--error" role="alert">Số liệu không khớp giữa các cột: ${view.problems.join('; ')}</p>`}
  <div class="table-scroll" role="region" aria-labelledby="bieu06-title" tabindex="0">
  <table class="grid" data-testid="bieu06-table">
    ${header(byUnits ? 'Đơn vị' : 'Lĩnh vực giải quyết')}
    <tbody>
      ${rows.map((r, i) => html`<tr class="${r.row.received.total === 0 ? 'row--muted' : ''}"><td>${i + 1}</td><th scope="row" class="${r.headClass}">${r.label}</th>${cells(r.row)}</tr>`)}
    </tbody>
    <tfoot><tr><td></td><th scope="row">Tổng cộng</th>${cells(total)}</tr></tfoot>
  </table>
  </div>
</section>`;
}
