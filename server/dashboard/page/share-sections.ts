import { periodTitle } from '../../../shared/domain/reports/report-period.js';
import type { OnlineShareView, SatisfactionView } from '../dashboard-types.js';
import { count, percent } from './format.js';
import { html, type Html } from './html.js';
import { unitLabel, unitRowClass } from './unit-label.js';

// The online share of each unit against the commune-level target (units below it stand out), and
// each unit's satisfaction counts and rates — both for the period of the controls.

export function onlineShareSection(view: OnlineShareView): Html {
  const below = view.units.filter((u) => u.belowTarget);
  const quiet = view.units.filter((u) => u.share === null).length;
  return html`<section class="panel" aria-labelledby="online-title" id="truc-tuyen">
  <div class="panel__head"><h2 id="online-title">Tỷ lệ tiếp nhận trực tuyến — chỉ tiêu ${percent(view.target)}</h2></div>
  <p class="panel__note">Kỳ báo cáo: ${periodTitle(view.period)}. Tỷ lệ = hồ sơ mới tiếp nhận trực tuyến / tổng hồ sơ mới tiếp nhận (cột 4 / cột 4 + 5 của Biểu 06).</p>
  <p class="summary ${below.length > 0 ? 'summary--bad' : 'summary--good'}" data-testid="online-summary">
    Toàn thành phố: <strong>${percent(view.total.share)}</strong>.
    ${below.length === 0 ? 'Không có đơn vị nào dưới chỉ tiêu.' : html`<strong>${below.length}</strong> đơn vị dưới chỉ tiêu ${percent(view.target)}.`}
    ${quiet > 0 ? html`${quiet} đơn vị chưa tiếp nhận hồ sơ mới trong kỳ.` : ''}
  </p>
  <div class="table-scroll" role="region" aria-labelledby="online-title" tabindex="0">
  <table class="grid grid--narrow" data-testid="online-table">
    <thead><tr><th scope="col">Đơn vị</th><th scope="col">Trực tuyến</th><th scope="col">Trực tiếp, bưu chính</th><th scope="col">Tỷ lệ trực tuyến</th><th scope="col">So với chỉ tiêu</th></tr></thead>
    <tbody>
      ${view.units.map(
        (u) => html`<tr class="${u.belowTarget ? 'row--bad' : u.share === null ? 'row--muted' : ''}">
        <th scope="row" class="${unitRowClass(u)}">${unitLabel(u)}</th><td>${count(u.online)}</td><td>${count(u.directOrPostal)}</td>
        <td><span class="share">${percent(u.share)}</span>${u.share === null ? '' : html` <meter min="0" max="1" low="${view.target}" optimum="1" value="${u.share}" aria-hidden="true"></meter>`}</td>
        <td>${u.share === null ? 'Chưa có hồ sơ' : u.belowTarget ? html`<strong class="bad">Dưới chỉ tiêu</strong>` : 'Đạt'}</td>
      </tr>`,
      )}
    </tbody>
    <tfoot><tr><th scope="row">Toàn thành phố</th><td>${count(view.total.online)}</td><td>${count(view.total.directOrPostal)}</td><td>${percent(view.total.share)}</td><td>${view.total.belowTarget ? 'Dưới chỉ tiêu' : view.total.share === null ? '—' : 'Đạt'}</td></tr></tfoot>
  </table>
  </div>
</section>`;
}

export function satisfactionSection(view: SatisfactionView): Html {
  const line = (l: SatisfactionView['total']) =>
    html`<td class="strong">${count(l.counts.ratings)}</td>
      <td>${count(l.counts.verySatisfied)}</td><td>${percent(l.rates.verySatisfied)}</td>
      <td>${count(l.counts.satisfied)}</td><td>${percent(l.rates.satisfied)}</td>
      <td class="${l.counts.notSatisfied > 0 ? 'bad' : ''}">${count(l.counts.notSatisfied)}</td><td>${percent(l.rates.notSatisfied)}</td>
      <td>${count(l.counts.declined)}</td>`;
  return html`<section class="panel" aria-labelledby="satisfaction-title" id="hai-long">
  <div class="panel__head"><h2 id="satisfaction-title">Mức độ hài lòng</h2></div>
  <p class="panel__note">Kỳ báo cáo: ${periodTitle(view.period)}. Tỷ lệ tính trên số lượt đánh giá (không tính người dân không đánh giá).</p>
  <div class="table-scroll" role="region" aria-labelledby="satisfaction-title" tabindex="0">
  <table class="grid" data-testid="satisfaction-table">
    <thead>
      <tr><th scope="col" rowspan="2">Đơn vị</th><th scope="col" rowspan="2">Số lượt đánh giá</th><th scope="colgroup" colspan="2">Rất hài lòng</th><th scope="colgroup" colspan="2">Hài lòng</th><th scope="colgroup" colspan="2">Không hài lòng</th><th scope="col" rowspan="2">Không đánh giá</th></tr>
      <tr><th scope="col">Số lượt</th><th scope="col">Tỷ lệ</th><th scope="col">Số lượt</th><th scope="col">Tỷ lệ</th><th scope="col">Số lượt</th><th scope="col">Tỷ lệ</th></tr>
    </thead>
    <tbody>${view.units.map((l, i) => {
      const unit = view.unitLines[i]!;
      return html`<tr class="${l.counts.ratings + l.counts.declined === 0 ? 'row--muted' : ''}"><th scope="row" class="${unitRowClass(unit)}">${unitLabel(unit)}</th>${line(l)}</tr>`;
    })}</tbody>
    <tfoot><tr><th scope="row">Toàn thành phố</th>${line(view.total)}</tr></tfoot>
  </table>
  </div>
</section>`;
}
