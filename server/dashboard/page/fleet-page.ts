import type { DashboardUnit } from '../dashboard-types.js';
import type { FleetView } from '../fleet-service.js';
import { clockOffsetText, fleetStateText } from './fleet-text.js';
import { count, time } from './format.js';
import { html } from './html.js';
import { banner, documentOf, type SignedIn } from './layout.js';

// "Máy trạm": every desk of the city with what it last told the centre, stale and outdated desks
// highlighted, a unit filter (a plain GET form; the page has no script), and the latest crash reports.

export const FLEET_PAGE_PATH = '/dashboard/may-tram';
export const FLEET_XLSX_PATH = '/v1/dashboard/export/fleet.xlsx';

export interface FleetPage {
  user: SignedIn;
  view: FleetView;
  units: readonly DashboardUnit[];
}

const waiting = (n: number | null): string => (n === null ? '—' : count(n));

export function fleetPage({ user, view, units }: FleetPage): string {
  const stale = view.desks.filter((d) => d.stale).length;
  const outdated = view.desks.filter((d) => d.outdated).length;
  const exportHref = view.unit === null ? FLEET_XLSX_PATH : `${FLEET_XLSX_PATH}?unit=${encodeURIComponent(view.unit)}`;
  return documentOf(
    'Máy trạm',
    html`${banner(user)}
<main class="dashboard">
  <div class="dashboard__intro">
    <h1>Máy trạm</h1>
    <p><a href="/dashboard">‹ Bảng điều hành</a> · <a href="${exportHref}">Tải Excel</a></p>
    <p>Mỗi máy báo phiên bản, giờ máy, số thay đổi và bản quét còn chờ gửi, lỗi gần nhất và sự cố ở mỗi lần đồng bộ. Lúc lập: ${time(view.asOf)}.</p>
  </div>
  <form class="controls" method="get" action="${FLEET_PAGE_PATH}">
    <label>Đơn vị <select name="unit" data-testid="fleet-unit">
      <option value="">Cả thành phố</option>
      ${units.map((u) => html`<option value="${u.gsoCode}"${view.unit === u.gsoCode ? html` selected` : ''}>${u.name}</option>`)}
    </select></label>
    <button type="submit">Lọc</button>
  </form>
  <p data-testid="fleet-summary">${view.desks.length} máy${stale > 0 ? html`; <strong class="bad">${stale}</strong> máy quá ${view.staleAfterDays} ngày chưa đồng bộ` : ''}${
    outdated > 0 ? html`; <strong>${outdated}</strong> máy chạy phiên bản cũ (mới nhất: ${view.newestVersion ?? '—'})` : ''
  }.</p>
  <div class="table-scroll" role="region" aria-label="Danh sách máy trạm" tabindex="0">
  <table class="grid grid--text" data-testid="fleet-table">
    <thead><tr><th scope="col">Đơn vị</th><th scope="col">Quầy</th><th scope="col">Tên máy</th><th scope="col">Phiên bản</th><th scope="col">Đồng bộ lần cuối</th><th scope="col">Sự kiện chờ gửi</th><th scope="col">Bản quét chờ gửi</th><th scope="col">Lệch giờ</th><th scope="col">Lỗi gần nhất</th><th scope="col">Sự cố</th><th scope="col">Tình trạng</th></tr></thead>
    <tbody>${view.desks.map(
      (d) => html`<tr data-device="${d.deviceId}" class="${d.revokedAt !== null ? 'row--muted' : d.stale ? 'row--bad' : d.outdated ? 'row--outdated' : ''}">
      <td>${d.unitName}</td><td>${d.station}</td><td>${d.name}</td><td>${d.appVersion ?? '—'}</td><td>${time(d.lastSyncAt)}</td>
      <td>${waiting(d.eventsWaiting)}</td><td>${waiting(d.scansWaiting)}</td><td>${clockOffsetText(d.clockOffsetMs)}</td><td>${d.lastError ?? ''}</td>
      <td>${count(d.crashCount)}</td><td>${fleetStateText(d, view)}</td></tr>`,
    )}</tbody>
  </table>
  </div>
  <section class="panel" aria-labelledby="crashes-title">
    <div class="panel__head"><h2 id="crashes-title">Sự cố gần đây</h2></div>
    ${
      view.crashes.length === 0
        ? html`<p>Chưa có báo cáo sự cố.</p>`
        : html`<table class="grid grid--text" data-testid="fleet-crashes"><thead><tr><th scope="col">Thời điểm</th><th scope="col">Máy</th><th scope="col">Loại</th><th scope="col">Nơi xảy ra</th><th scope="col">Nội dung</th><th scope="col">Phiên bản</th><th scope="col">Hệ điều hành</th></tr></thead><tbody>
      ${view.crashes.map((c) => html`<tr><td>${time(c.occurredAt)}</td><td>${c.unitName} — ${c.deskName}</td><td>${c.kind}</td><td>${c.where}</td><td>${c.message}</td><td>${c.appVersion}</td><td>${c.os}</td></tr>`)}
    </tbody></table>`
    }
  </section>
</main>`,
  );
}
