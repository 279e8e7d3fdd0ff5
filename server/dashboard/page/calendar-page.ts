import type { CalendarYear } from '../../../shared/domain/calendar/work-calendar.js';
import { entriesText, UNCONFIRMED_MARK, type CalendarFormInput } from '../calendar-form.js';
import { day } from './format.js';
import { html, type Html } from './html.js';
import { banner, documentOf, type SignedIn } from './layout.js';

// "Lịch làm việc" for centre staff: a year as the centre publishes it to every desk (the seed, then
// each published year, the last one winning — what the desks apply from their pull), and, for an
// administrator, the form that publishes a corrected year. A plain form post: the page has no script.

export interface CalendarPage {
  user: SignedIn;
  year: number;
  /** The year the desks work by now; null when neither the seed nor a publication has it. */
  current: CalendarYear | null;
  /** Whether `current` comes from a publication of the centre (else the app's seed). */
  published: boolean;
  /** From 1 November: next year is not published nor seeded. */
  nextYearWarning: string | null;
  /** What the form shows: the text sent back when refused, else the current year's. */
  form: CalendarFormInput;
  problems: readonly string[];
  done: boolean;
}

const weekday = (date: string) => ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'][new Date(`${date}T00:00:00Z`).getUTCDay()]!;

function list(title: string, id: string, entries: readonly CalendarYear['holidays'][number][]): Html {
  return html`<section class="panel" aria-labelledby="${id}-title">
  <div class="panel__head"><h2 id="${id}-title">${title}</h2></div>
  ${
    entries.length === 0
      ? html`<p>Không có.</p>`
      : html`<table class="grid" data-testid="${id}"><thead><tr><th scope="col">Ngày</th><th scope="col">Thứ</th><th scope="col">Lý do</th></tr></thead><tbody>
    ${entries.map((e) => html`<tr><td>${day(e.date)}</td><td>${weekday(e.date)}</td><td>${e.name}${e.unconfirmed ? html` <strong class="calendar-verify">— cần kiểm tra</strong>` : ''}</td></tr>`)}
  </tbody></table>`
  }
</section>`;
}

export function calendarPage(page: CalendarPage): string {
  const y = page.year;
  const admin = page.user.role === 'admin';
  return documentOf(
    `Lịch làm việc năm ${y}`,
    html`${banner(page.user)}
<main class="dashboard">
  <div class="dashboard__intro">
    <h1>Lịch làm việc năm ${y}</h1>
    <p><a href="/dashboard">‹ Bảng điều hành</a> · <a href="/dashboard/lich?year=${y - 1}">Năm ${y - 1}</a> · <a href="/dashboard/lich?year=${y + 1}">Năm ${y + 1}</a></p>
    <p>Lịch trung tâm công bố là lịch chung của mọi máy: mỗi máy nhận lịch năm ở lần đồng bộ sau, và lịch đó thay thế những ngày máy đã sửa tại chỗ.</p>
  </div>
  ${page.nextYearWarning === null ? '' : html`<p class="notice notice--error" role="alert" data-testid="calendar-next-year-warning">${page.nextYearWarning}</p>`}
  ${page.done ? html`<p class="notice" role="status" data-testid="calendar-published">Đã công bố lịch năm ${y} cho mọi máy.</p>` : ''}
  <p data-testid="calendar-origin">${
    page.current === null
      ? `Chưa có lịch năm ${y}: các máy chỉ trừ thứ Bảy, Chủ nhật và ngày lễ dương lịch cố định.`
      : page.published
        ? 'Nguồn: trung tâm đã công bố.'
        : 'Nguồn: bản mặc định kèm theo ứng dụng (chưa công bố lại).'
  }${page.current?.source ? ` ${page.current.source}` : ''}</p>
  ${page.current === null ? '' : html`${list('Ngày nghỉ', 'calendar-holidays', page.current.holidays)}${list('Ngày làm bù', 'calendar-make-up-days', page.current.makeUpDays)}`}
  ${
    admin
      ? html`<form class="panel calendar-form" method="post" action="/dashboard/lich" aria-labelledby="publish-title">
  <div class="panel__head"><h2 id="publish-title">Công bố lịch năm ${y} cho mọi máy</h2></div>
  ${page.problems.length === 0 ? '' : html`<div class="notice notice--error" role="alert"><p>Chưa công bố:</p><ul>${page.problems.map((p) => html`<li>${p}</li>`)}</ul></div>`}
  <input type="hidden" name="year" value="${page.form.year}">
  <p>Mỗi dòng một ngày: <code>ngày/tháng/năm lý do</code>; ngày còn chờ thông báo chính thức thì thêm <code>${UNCONFIRMED_MARK}</code> ở cuối. Ngày lễ dương lịch cố định (1/1, 30/4, 1/5, 2/9) các máy đã có.</p>
  <label for="holidays">Ngày nghỉ (ngoài thứ Bảy, Chủ nhật)</label>
  <textarea id="holidays" name="holidays" rows="12">${page.form.holidays}</textarea>
  <label for="makeUpDays">Ngày làm bù (thứ Bảy, Chủ nhật đi làm)</label>
  <textarea id="makeUpDays" name="makeUpDays" rows="4">${page.form.makeUpDays}</textarea>
  <label for="source">Nguồn (văn bản, thông báo)</label>
  <textarea id="source" name="source" rows="2">${page.form.source}</textarea>
  <p><button type="submit" class="button">Công bố cho mọi máy</button></p>
</form>`
      : html`<p>Chỉ quản trị viên công bố được lịch.</p>`
  }
</main>`,
  );
}

/** The form as the current year fills it. */
export function formOfYear(year: number, current: CalendarYear | null): CalendarFormInput {
  return {
    year: String(year),
    holidays: entriesText(current?.holidays ?? []),
    makeUpDays: entriesText(current?.makeUpDays ?? []),
    source: current?.source ?? '',
  };
}
