import type { TallyView } from '../dashboard-types.js';
import { count, day, time } from './format.js';
import { html, queryOf, type Html } from './html.js';
import { unitLabel, unitRowClass } from './unit-label.js';

// Today's tally (or another day's) for every unit in one table: what came in by channel, what went
// out, and how many dossiers are overdue or due within 24 hours right now. A unit with no desk shows
// zeros, marked, so a quiet unit and a unit that never synced cannot be mistaken for each other.

export function tallySection(view: TallyView): Html {
  const t = view.total;
  return html`<section class="panel" aria-labelledby="tally-title" id="hom-nay">
  <div class="panel__head">
    <h2 id="tally-title">Thống kê trong ngày ${day(view.day)}</h2>
    <a class="button button--secondary" href="/v1/dashboard/export/tally.xlsx${queryOf({ day: view.day })}" download>Tải Excel</a>
  </div>
  <p class="panel__note">Quá hạn và đến hạn trong 24 giờ: tính tại thời điểm ${time(view.asOf)}.</p>
  <div class="table-scroll" role="region" aria-labelledby="tally-title" tabindex="0">
  <table class="grid" data-testid="tally-table">
    <thead>
      <tr>
        <th scope="col" rowspan="2">Đơn vị</th>
        <th scope="colgroup" colspan="4">Tiếp nhận</th>
        <th scope="col" rowspan="2">Có kết quả</th>
        <th scope="col" rowspan="2">Đã trả kết quả</th>
        <th scope="col" rowspan="2">Rút hồ sơ</th>
        <th scope="col" rowspan="2">Yêu cầu bổ sung</th>
        <th scope="col" rowspan="2">Phí, lệ phí (đồng)</th>
        <th scope="col" rowspan="2">Quá hạn</th>
        <th scope="col" rowspan="2">Đến hạn trong 24 giờ</th>
      </tr>
      <tr>
        <th scope="col">Trực tiếp</th>
        <th scope="col">Trực tuyến</th>
        <th scope="col">Bưu chính</th>
        <th scope="col">Tổng</th>
      </tr>
    </thead>
    <tbody>
      ${view.units.map((u) => {
        const r = u.tally.receivedByChannel;
        return html`<tr class="${u.desks === 0 ? 'row--muted' : ''}" data-unit="${u.unitId}">
        <th scope="row" class="${unitRowClass(u)}">${unitLabel(u)}${u.desks === 0 && !u.former ? html` <span class="tag">chưa có máy</span>` : ''}</th>
        <td>${count(r.inPerson)}</td><td>${count(r.online)}</td><td>${count(r.postal)}</td>
        <td class="strong">${count(r.inPerson + r.online + r.postal)}</td>
        <td>${count(u.tally.resultsReady)}</td><td>${count(u.tally.handedBack)}</td><td>${count(u.tally.withdrawn)}</td>
        <td>${count(u.tally.supplementsRequested)}</td><td>${count(u.tally.feesVnd)}</td>
        <td class="${u.tally.overdue > 0 ? 'bad' : ''}">${count(u.tally.overdue)}</td><td>${count(u.tally.dueWithin24h)}</td>
      </tr>`;
      })}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">Toàn thành phố</th>
        <td>${count(t.receivedByChannel.inPerson)}</td><td>${count(t.receivedByChannel.online)}</td><td>${count(t.receivedByChannel.postal)}</td>
        <td>${count(t.receivedByChannel.inPerson + t.receivedByChannel.online + t.receivedByChannel.postal)}</td>
        <td>${count(t.resultsReady)}</td><td>${count(t.handedBack)}</td><td>${count(t.withdrawn)}</td>
        <td>${count(t.supplementsRequested)}</td><td>${count(t.feesVnd)}</td><td>${count(t.overdue)}</td><td>${count(t.dueWithin24h)}</td>
      </tr>
    </tfoot>
  </table>
  </div>
</section>`;
}
