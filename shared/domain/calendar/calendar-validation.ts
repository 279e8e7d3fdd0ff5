// Validation of calendar data an administrator sends (`calendar.set`) or the centre syncs, with
// messages in Vietnamese for the officer: dates real, sessions ordered and not overlapping, a day
// never both off and worked, make-up days only on weekly days off.
import '../../contract/zod-vietnamese.js';
import { z } from 'zod';
import { CommandError } from '../../contract/errors.js';
import { freeText, requiredTextArg } from '../../contract/inputs.js';
import type { CalendarYear, WorkCalendar } from './work-calendar.js';
import { isLocalDate, isLocalTime, minutesOfLocalTime, weekdayName, weekdayOf } from './vietnam-time.js';

const localDateSchema = z
  .string({ error: 'Ngày phải là chuỗi dạng yyyy-MM-dd.' })
  .refine(isLocalDate, { error: (issue) => `Ngày "${String(issue.input)}" không có thật hoặc sai dạng yyyy-MM-dd.` });

const localTimeSchema = z
  .string({ error: 'Giờ phải là chuỗi dạng HH:mm.' })
  .refine(isLocalTime, { error: (issue) => `Giờ "${String(issue.input)}" không hợp lệ (cần dạng HH:mm, từ 00:00 đến 23:59).` });

const entryNameSchema = requiredTextArg(200, 'Tên (lý do)');

const calendarEntrySchema = z.strictObject({
  date: localDateSchema,
  name: entryNameSchema,
  unconfirmed: z.boolean({ error: 'Đánh dấu "cần kiểm tra" phải là true hoặc false.' }).optional(),
});

/** One year's days off and make-up days, as `calendar.set` takes it. Checks that need the rest of
 *  the calendar (make-up days on weekly days off, not on a fixed holiday) are in `workCalendarSchema`. */
export const calendarYearSchema = z
  .strictObject({
    year: z
      .number({ error: 'Năm phải là số.' })
      .int('Năm phải là số nguyên.')
      .min(1975, 'Năm phải từ 1975 trở đi.')
      .max(2100, 'Năm không được quá 2100.'),
    holidays: z.array(calendarEntrySchema, { error: 'Danh sách ngày nghỉ phải là một mảng.' }).max(366, 'Quá nhiều ngày nghỉ.'),
    makeUpDays: z.array(calendarEntrySchema, { error: 'Danh sách ngày làm bù phải là một mảng.' }).max(366, 'Quá nhiều ngày làm bù.'),
    source: freeText('multiline', 'Nguồn').pipe(z.string().max(1000, 'Nguồn không được quá 1000 ký tự.')).optional(),
  })
  .superRefine((year, ctx) => {
    const lists = [
      ['holidays', year.holidays, 'ngày nghỉ'],
      ['makeUpDays', year.makeUpDays, 'ngày làm bù'],
    ] as const;
    for (const [key, entries, label] of lists) {
      const seen = new Set<string>();
      entries.forEach((entry, index) => {
        if (!entry.date.startsWith(`${year.year}-`)) {
          ctx.addIssue({ code: 'custom', path: [key, index, 'date'], message: `Ngày ${entry.date} không thuộc năm ${year.year}.` });
        }
        if (seen.has(entry.date)) {
          ctx.addIssue({ code: 'custom', path: [key, index, 'date'], message: `Ngày ${entry.date} bị lặp lại trong danh sách ${label}.` });
        }
        seen.add(entry.date);
      });
    }
    const holidayDates = new Set(year.holidays.map((entry) => entry.date));
    year.makeUpDays.forEach((entry, index) => {
      if (holidayDates.has(entry.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['makeUpDays', index, 'date'],
          message: `Ngày ${entry.date} vừa là ngày nghỉ vừa là ngày làm bù.`,
        });
      }
    });
  });

const workSessionSchema = z
  .strictObject({ start: localTimeSchema, end: localTimeSchema })
  .superRefine((session, ctx) => {
    if (!isLocalTime(session.start) || !isLocalTime(session.end)) return; // already reported
    if (minutesOfLocalTime(session.start) >= minutesOfLocalTime(session.end)) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `Ca ${session.start}–${session.end}: giờ bắt đầu phải trước giờ kết thúc.`,
      });
    }
  });

const sessionsSchema = z
  .array(workSessionSchema, { error: 'Danh sách ca làm việc phải là một mảng.' })
  .min(1, 'Cần ít nhất một ca làm việc.')
  .superRefine((sessions, ctx) => {
    sessions.forEach((session, index) => {
      const previous = sessions[index - 1];
      if (previous === undefined || !isLocalTime(session.start) || !isLocalTime(previous.end)) return;
      if (minutesOfLocalTime(session.start) < minutesOfLocalTime(previous.end)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'start'],
          message: `Ca ${session.start}–${session.end} chồng lên hoặc đứng trước ca ${previous.start}–${previous.end}; các ca phải theo thứ tự thời gian và không chồng nhau.`,
        });
      }
    });
  });

const weekdaySchema = z.literal([0, 1, 2, 3, 4, 5, 6], {
  error: 'Ngày trong tuần phải là số từ 0 (Chủ nhật) đến 6 (thứ Bảy).',
});

const weekendDaysSchema = z
  .array(weekdaySchema, { error: 'Danh sách ngày nghỉ hằng tuần phải là một mảng.' })
  .superRefine((days, ctx) => {
    if (new Set(days).size !== days.length) ctx.addIssue({ code: 'custom', message: 'Ngày nghỉ hằng tuần bị lặp lại.' });
    if (new Set(days).size >= 7) ctx.addIssue({ code: 'custom', message: 'Không thể nghỉ cả 7 ngày trong tuần.' });
  });

const fixedHolidaySchema = z.strictObject({
  // Checked against a leap year so that a 29 February rule is allowed (it then applies in leap years only).
  monthDay: z
    .string({ error: 'Ngày-tháng phải là chuỗi dạng MM-dd.' })
    .refine((text) => /^\d{2}-\d{2}$/u.test(text) && isLocalDate(`2000-${text}`), {
      error: (issue) => `Ngày-tháng "${String(issue.input)}" không có thật hoặc sai dạng MM-dd.`,
    }),
  name: entryNameSchema,
});

const fixedHolidaysSchema = z
  .array(fixedHolidaySchema, { error: 'Danh sách ngày lễ cố định phải là một mảng.' })
  .superRefine((holidays, ctx) => {
    const seen = new Set<string>();
    holidays.forEach((holiday, index) => {
      if (seen.has(holiday.monthDay)) {
        ctx.addIssue({ code: 'custom', path: [index, 'monthDay'], message: `Ngày lễ cố định ${holiday.monthDay} bị lặp lại.` });
      }
      seen.add(holiday.monthDay);
    });
  });

const yearsSchema = z
  .array(calendarYearSchema, { error: 'Danh sách năm phải là một mảng.' })
  .superRefine((years, ctx) => {
    const seen = new Set<number>();
    years.forEach((year, index) => {
      if (seen.has(year.year)) ctx.addIssue({ code: 'custom', path: [index, 'year'], message: `Năm ${year.year} xuất hiện hai lần.` });
      seen.add(year.year);
    });
  });

/** What a year is checked against: the calendar's weekly days off and fixed holidays. */
export type CalendarRules = Pick<WorkCalendar, 'weekendDays' | 'fixedHolidays'>;

interface YearIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * Make-up days that cannot be worked under these rules, with paths inside the year: one on a day
 * that is worked anyway (a weekday), and one on a fixed holiday (the holiday would silently win).
 */
function makeUpDayIssues(year: CalendarYear, rules: CalendarRules): YearIssue[] {
  const fixedByMonthDay = new Map(rules.fixedHolidays.map((holiday) => [holiday.monthDay, holiday.name]));
  const issues: YearIssue[] = [];
  year.makeUpDays.forEach((entry, index) => {
    if (!isLocalDate(entry.date)) return; // already reported
    const path = ['makeUpDays', index, 'date'];
    const weekday = weekdayOf(entry.date);
    if (!rules.weekendDays.includes(weekday)) {
      issues.push({
        path,
        message: `Ngày làm bù ${entry.date} là ${weekdayName(weekday)}, vốn đã là ngày làm việc; chỉ ngày nghỉ hằng tuần mới có thể làm bù.`,
      });
    }
    const fixedName = fixedByMonthDay.get(entry.date.slice(5));
    if (fixedName !== undefined) {
      issues.push({ path, message: `Ngày ${entry.date} là ngày lễ (${fixedName}), không thể là ngày làm bù.` });
    }
  });
  return issues;
}

/** One year checked alone and against a calendar's rules: what `calendar.set` and a pulled year must pass. */
export function calendarYearSchemaFor(rules: CalendarRules) {
  return calendarYearSchema.superRefine((year, ctx) => {
    for (const issue of makeUpDayIssues(year, rules)) ctx.addIssue({ code: 'custom', ...issue });
  });
}

/** A whole working calendar; adds the checks that need weekends and fixed holidays together. */
export const workCalendarSchema = z
  .strictObject({
    sessions: sessionsSchema,
    weekendDays: weekendDaysSchema,
    fixedHolidays: fixedHolidaysSchema,
    years: yearsSchema,
  })
  .superRefine((calendar, ctx) => {
    calendar.years.forEach((year, yearIndex) => {
      for (const issue of makeUpDayIssues(year, calendar)) ctx.addIssue({ code: 'custom', path: ['years', yearIndex, ...issue.path], message: issue.message });
    });
  });

const PATH_LABELS: Record<string, string> = {
  holidays: 'ngày nghỉ',
  makeUpDays: 'ngày làm bù',
  sessions: 'ca làm việc',
  weekendDays: 'ngày nghỉ hằng tuần',
  fixedHolidays: 'ngày lễ cố định',
  years: 'năm',
  date: 'ngày',
  name: 'tên',
  start: 'giờ bắt đầu',
  end: 'giờ kết thúc',
  year: 'năm',
  monthDay: 'ngày-tháng',
};

/** "Ngày nghỉ thứ 3 › ngày" for ['holidays', 2, 'date']: where a problem is, for the officer. */
export function describeCalendarPath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number' && parts.length > 0) parts[parts.length - 1] += ` thứ ${segment + 1}`;
    else parts.push(PATH_LABELS[String(segment)] ?? String(segment));
  }
  const text = parts.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One Vietnamese line per problem, each saying where it is. */
export function calendarIssueMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length === 0 ? issue.message : `${describeCalendarPath(issue.path)}: ${issue.message}`));
}

function parseOrThrow<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new CommandError('invalid_argument', `${what} không hợp lệ:\n${calendarIssueMessages(result.error).join('\n')}`);
}

/** A validated year, or an `invalid_argument` CommandError listing every problem in Vietnamese. */
export function parseCalendarYear(raw: unknown): CalendarYear {
  return parseOrThrow(calendarYearSchema, raw, 'Lịch năm');
}

/** A validated working calendar, or an `invalid_argument` CommandError listing every problem. */
export function parseWorkCalendar(raw: unknown): WorkCalendar {
  return parseOrThrow(workCalendarSchema, raw, 'Lịch làm việc');
}

/** Every problem of a year under a calendar's rules, one Vietnamese line each; empty when it can be stored. */
export function calendarYearProblems(rules: CalendarRules, raw: unknown): string[] {
  const result = calendarYearSchemaFor(rules).safeParse(raw);
  return result.success ? [] : calendarIssueMessages(result.error);
}

/**
 * A validated year that can be worked under the calendar's weekends and fixed holidays, or an
 * `invalid_argument` CommandError listing every problem, each with where it is ("Ngày làm bù thứ 1").
 */
export function parseCalendarYearFor(rules: CalendarRules, raw: unknown): CalendarYear {
  return parseOrThrow(calendarYearSchemaFor(rules), raw, 'Lịch năm');
}

/**
 * The calendar with one year's holidays and make-up days replaced (added if new): what
 * `calendar.set` stores. Validates the year alone and against the calendar's weekends and fixed
 * holidays; the calendar passed in is not modified.
 */
export function replaceCalendarYear(calendar: WorkCalendar, rawYear: unknown): WorkCalendar {
  const year = parseCalendarYearFor(calendar, rawYear);
  const years = [...calendar.years.filter((entry) => entry.year !== year.year), year].sort((a, b) => a.year - b.year);
  return parseWorkCalendar({ ...calendar, years });
}
