import { QUICK_PERIOD_LABELS, quickPeriod, type QuickPeriod } from '../../../shared/domain/reports/report-period.js';
import type { Bieu06View, CountBy, DashboardUnit, DesksView, OnlineShareView, OverdueView, SatisfactionView, TallyView } from '../dashboard-types.js';
import { bieu06Section, type Bieu06Layout } from './bieu06-section.js';
import { time } from './format.js';
import { html, queryOf, type Html } from './html.js';
import { banner, documentOf, type SignedIn } from './layout.js';
import { desksSection, overdueSection } from './overdue-section.js';
import { onlineShareSection, satisfactionSection } from './share-sections.js';
import { tallySection } from './tally-section.js';

// The one page of the dashboard: the controls (day, period, unit, Biểu 06 layout — a plain GET form,
// so every view has its own address and works without script), then the six panels. An input that
// cannot give a true report replaces the panels that depend on it with the reason.

/** What the controls show: the values as typed (or the defaults), even when they were refused. */
export interface PageQuery {
  day: string;
  from: string;
  to: string;
  unit: string;
  layout: Bieu06Layout;
  countBy: CountBy;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export interface OverviewPage {
  user: SignedIn;
  generatedAt: string;
  today: string;
  query: PageQuery;
  units: readonly DashboardUnit[];
  tally: Outcome<TallyView>;
  period: Outcome<{ bieu06: Bieu06View; onlineShare: OnlineShareView; satisfaction: SatisfactionView }>;
  overdue: OverdueView;
  desks: DesksView;
  /** From 1 November: next year's calendar is neither published nor shipped with the desks. */
  calendarWarning: string | null;
}

const QUICK: readonly QuickPeriod[] = ['thisMonth', 'thisQuarter', 'lastQuarter'];

function refused(id: string, title: string, message: string): Html {
  return html`<section class="panel" aria-labelledby="${id}-title" id="${id}">
  <div class="panel__head"><h2 id="${id}-title">${title}</h2></div>
  <p class="notice notice--error" role="alert">${message}</p>
</section>`;
}

function controls(page: OverviewPage): Html {
  const q = page.query;
  const countBy = q.countBy === 'present' ? 'present' : null;
  const link = (from: string, to: string, by: string | null = countBy) =>
    `/dashboard${queryOf({ day: q.day, from, to, unit: q.unit, bieu06: q.layout === 'units' ? 'units' : null, countBy: by })}`;
  const optionValue = (u: DashboardUnit) => (u.former ? u.unitId : u.gsoCode);
  return html`<form class="controls" method="get" action="/dashboard" aria-label="Chọn ngày và kỳ báo cáo">
  <div class="controls__field"><label for="day">Ngày thống kê</label><input id="day" name="day" type="date" value="${q.day}" max="${page.today}"></div>
  <div class="controls__field"><label for="from">Kỳ báo cáo từ ngày</label><input id="from" name="from" type="date" value="${q.from}" max="${page.today}"></div>
  <div class="controls__field"><label for="to">đến ngày</label><input id="to" name="to" type="date" value="${q.to}" max="${page.today}"></div>
  <div class="controls__field"><label for="unit">Biểu 06 của</label>
    <select id="unit" name="unit">
      <option value=""${q.unit === '' ? ' selected' : ''}>Toàn thành phố</option>
      ${page.units.map((u) => html`<option value="${optionValue(u)}"${q.unit === optionValue(u) ? ' selected' : ''}>${u.foldedUnder !== null ? '\u00a0\u00a0' : ''}${u.name}${u.former ? ' (đơn vị cũ)' : ''}</option>`)}
    </select></div>
  <fieldset class="controls__field controls__choice"><legend>Biểu 06 chia theo</legend>
    <label><input type="radio" name="bieu06" value="sectors"${q.layout === 'sectors' ? ' checked' : ''}> Lĩnh vực</label>
    <label><input type="radio" name="bieu06" value="units"${q.layout === 'units' ? ' checked' : ''}> Đơn vị</label>
  </fieldset>
  <fieldset class="controls__field controls__choice" data-testid="count-by"><legend>Hồ sơ của đơn vị cũ tính theo</legend>
    <label><input type="radio" name="countBy" value="received"${q.countBy === 'received' ? ' checked' : ''}> Đơn vị tiếp nhận</label>
    <label><input type="radio" name="countBy" value="present"${q.countBy === 'present' ? ' checked' : ''}> Đơn vị hiện nay</label>
    <a href="${link(q.from, q.to, q.countBy === 'present' ? null : 'present')}" data-testid="count-by-toggle">${q.countBy === 'present' ? 'Xem theo đơn vị tiếp nhận' : 'Xem theo đơn vị hiện nay'}</a>
  </fieldset>
  <button type="submit" class="button">Xem số liệu</button>
  <nav class="controls__quick" aria-label="Kỳ báo cáo nhanh">
    ${QUICK.map((kind) => {
      const p = quickPeriod(kind, page.today);
      return html`<a href="${link(p.from, p.to)}">${QUICK_PERIOD_LABELS[kind]}</a>`;
    })}
  </nav>
</form>`;
}

export function overviewPage(page: OverviewPage): string {
  const sections: Html[] = [];
  sections.push(page.tally.ok ? tallySection(page.tally.value) : refused('hom-nay', 'Thống kê trong ngày', page.tally.message));
  if (page.period.ok) {
    sections.push(bieu06Section(page.period.value.bieu06, page.query.layout));
    sections.push(onlineShareSection(page.period.value.onlineShare));
    sections.push(satisfactionSection(page.period.value.satisfaction));
  } else {
    sections.push(refused('bieu-06', 'Biểu 06, tỷ lệ trực tuyến và mức độ hài lòng', page.period.message));
  }
  sections.push(overdueSection(page.overdue));
  sections.push(desksSection(page.desks));
  return documentOf(
    'Bảng điều hành',
    html`${banner(page.user)}
<main class="dashboard">
  <div class="dashboard__intro">
    <h1>Bảng điều hành toàn thành phố</h1>
    <p>Số liệu lúc ${time(page.generatedAt)}, tính trên các hồ sơ các máy đã đồng bộ về trung tâm: số của mỗi đơn vị bằng số mà máy tại đơn vị đó hiển thị cho cùng các hồ sơ.</p>
    <p><a href="/dashboard/lich">Lịch làm việc các máy dùng để tính ngày hẹn</a> · <a href="/dashboard/may-tram">Máy trạm</a></p>
  </div>
  ${page.calendarWarning === null ? '' : html`<p class="notice notice--error" role="alert" data-testid="calendar-warning">${page.calendarWarning} <a href="/dashboard/lich?year=${Number(page.today.slice(0, 4)) + 1}">Công bố lịch năm sau</a></p>`}
  ${controls(page)}
  <nav class="jump" aria-label="Các phần của bảng điều hành">
    <a href="#hom-nay">Trong ngày</a><a href="#bieu-06">Biểu 06</a><a href="#truc-tuyen">Trực tuyến</a><a href="#hai-long">Hài lòng</a><a href="#qua-han">Quá hạn</a><a href="#may-dong-bo">Máy đồng bộ</a>
  </nav>
  ${sections}
</main>`,
  );
}
