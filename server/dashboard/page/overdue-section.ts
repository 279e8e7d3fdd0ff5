import type { DeskLine, DesksView, OverdueView } from '../dashboard-types.js';
import { count, time } from './format.js';
import { html, type Html } from './html.js';

// The city's overdue dossiers (code, unit, procedure, appointment — nothing about the citizen), and
// every enrolled desk with the time it last synced, stale and never-synced desks highlighted.

export function overdueSection(view: OverdueView): Html {
  return html`<section class="panel" aria-labelledby="overdue-title" id="qua-han">
  <div class="panel__head"><h2 id="overdue-title">Hồ sơ quá hạn toàn thành phố: ${count(view.total)}</h2></div>
  <p class="panel__note">Hồ sơ đang giải quyết đã qua ngày hẹn trả, tại thời điểm ${time(view.asOf)}; hồ sơ chờ công dân bổ sung hoặc chờ nộp phí không tính.
    ${view.truncated ? html`Hiển thị ${count(view.rows.length)} hồ sơ quá hạn lâu nhất.` : ''}</p>
  ${
    view.rows.length === 0
      ? html`<p class="summary summary--good">Không có hồ sơ quá hạn.</p>`
      : html`<div class="table-scroll" role="region" aria-labelledby="overdue-title" tabindex="0">
  <table class="grid grid--text" data-testid="overdue-table">
    <thead><tr><th scope="col">STT</th><th scope="col">Mã hồ sơ</th><th scope="col">Đơn vị</th><th scope="col">Thủ tục</th><th scope="col">Lĩnh vực</th><th scope="col">Hẹn trả</th><th scope="col">Tình trạng</th></tr></thead>
    <tbody>${view.rows.map(
      (r, i) => html`<tr><td>${i + 1}</td><td class="mono">${r.code ?? '—'}</td><td>${r.unitName}</td><td>${r.procedureName}</td><td>${r.sectorName}</td><td class="nowrap">${time(r.appointmentAt)}</td><td class="bad nowrap">${r.overdueFor}</td></tr>`,
    )}</tbody>
  </table>
  </div>`
  }
</section>`;
}

const STATE_LABELS: Readonly<Record<DeskLine['state'], string>> = {
  ok: 'Bình thường',
  stale: 'Quá 24 giờ chưa đồng bộ',
  never: 'Chưa đồng bộ lần nào',
  revoked: 'Đã thu hồi',
};

export function desksSection(view: DesksView): Html {
  const stale = view.desks.filter((d) => d.state === 'stale' || d.state === 'never').length;
  return html`<section class="panel" aria-labelledby="desks-title" id="may-dong-bo">
  <div class="panel__head"><h2 id="desks-title">Máy tại bộ phận một cửa: ${count(view.desks.length)} máy</h2></div>
  <p class="summary ${stale > 0 ? 'summary--bad' : 'summary--good'}">
    ${stale > 0 ? html`<strong>${stale}</strong> máy chưa đồng bộ quá ${view.staleAfterHours} giờ: số liệu của đơn vị đó có thể thiếu.` : `Mọi máy đã đồng bộ trong ${view.staleAfterHours} giờ qua.`}
  </p>
  <div class="table-scroll" role="region" aria-labelledby="desks-title" tabindex="0">
  <table class="grid grid--text" data-testid="desks-table">
    <thead><tr><th scope="col">Đơn vị</th><th scope="col">Quầy</th><th scope="col">Tên máy</th><th scope="col">Đăng ký lúc</th><th scope="col">Đồng bộ lần cuối</th><th scope="col">Tình trạng</th></tr></thead>
    <tbody>${view.desks.map(
      (d) => html`<tr class="${d.state === 'stale' || d.state === 'never' ? 'row--bad' : d.state === 'revoked' ? 'row--muted' : ''}">
      <td>${d.unitName}</td><td>${d.station}</td><td>${d.name}</td><td>${time(d.enrolledAt)}</td><td>${time(d.lastSyncAt)}</td>
      <td>${d.state === 'ok' ? STATE_LABELS.ok : d.state === 'revoked' ? html`<strong>${STATE_LABELS.revoked}</strong>` : html`<strong class="bad">${STATE_LABELS[d.state]}</strong>`}</td></tr>`,
    )}</tbody>
  </table>
  </div>
  ${
    view.unitsWithoutDesk.length === 0
      ? ''
      : html`<p class="panel__note">Đơn vị chưa có máy đồng bộ (${view.unitsWithoutDesk.length}): ${view.unitsWithoutDesk.map((u) => u.name).join(', ')}.</p>`
  }
</section>`;
}
