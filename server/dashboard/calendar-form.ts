import type { CalendarEntry, CalendarYear } from '../../shared/domain/calendar/work-calendar.js';

// The dashboard's calendar form has no script, so a year is edited as text: one day per line,
// "dd/mm/yyyy  lý do", a day still to be checked against the official notice ending in "(cần kiểm tra)".
// The same text is what the page shows, so a year is read, changed and published in one place.

export const UNCONFIRMED_MARK = '(cần kiểm tra)';
const LINE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s*[-–—:|]?\s*(.*)$/u;

const pad = (n: number) => String(n).padStart(2, '0');

/** The lines of a list as the form shows them. */
export function entriesText(entries: readonly CalendarEntry[]): string {
  return entries
    .map((entry) => `${entry.date.slice(8, 10)}/${entry.date.slice(5, 7)}/${entry.date.slice(0, 4)}  ${entry.name}${entry.unconfirmed ? ` ${UNCONFIRMED_MARK}` : ''}`)
    .join('\n');
}

/** Entries read from the form's text; a line that is not "date reason" is named in the problems. */
function entriesOf(text: string, label: string, problems: string[]): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  text.split(/\r?\n/u).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const match = LINE.exec(line);
    if (match === null) {
      problems.push(`${label}, dòng ${index + 1}: cần dạng "ngày/tháng/năm lý do" (nhận được "${line.slice(0, 60)}").`);
      return;
    }
    let name = match[4]!.trim();
    const unconfirmed = name.endsWith(UNCONFIRMED_MARK);
    if (unconfirmed) name = name.slice(0, -UNCONFIRMED_MARK.length).trim();
    const date = `${match[3]}-${pad(Number(match[2]))}-${pad(Number(match[1]))}`;
    entries.push({ date, name, ...(unconfirmed ? { unconfirmed: true } : {}) });
  });
  return entries;
}

export interface CalendarFormInput {
  year: string;
  holidays: string;
  makeUpDays: string;
  source: string;
}

/** The year the form describes (checked afterwards as every desk checks it), or the lines it could not read. */
export function calendarYearOfForm(form: CalendarFormInput): { ok: true; year: CalendarYear } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const year = Number(form.year);
  if (!/^\d{4}$/u.test(form.year.trim())) problems.push('Năm phải gồm 4 chữ số.');
  const holidays = entriesOf(form.holidays, 'Ngày nghỉ', problems);
  const makeUpDays = entriesOf(form.makeUpDays, 'Ngày làm bù', problems);
  if (problems.length > 0) return { ok: false, problems };
  const source = form.source.trim();
  return { ok: true, year: { year, holidays, makeUpDays, ...(source === '' ? {} : { source }) } };
}
