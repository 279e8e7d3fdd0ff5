// Seed calendar shipped with the app: editable data, not law. An administrator corrects a year with
// `calendar.set`, and the centre syncs corrections; deadlines computed afterwards follow the edit.
//
// Grounds:
// - Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) art. 112(1): days off are 1/1; Lunar New Year,
//   5 days; 30/4; 1/5; 2/9 plus one adjacent day (1/9 or 3/9); Hùng Kings' day, 10th day of the 3rd
//   lunar month. Art. 112(3): the Prime Minister fixes the Tết days and the day adjacent to 2/9 each
//   year. Art. 111(3): a holiday falling on a weekly day off gives a compensatory day off on the
//   next working day.
// - Each year the ministry in charge (Labour — MOLISA — until February 2025, Home Affairs since)
//   announces, with the Prime Minister's consent, the civil servants' Tết break and any day swaps
//   (a bridging weekday off repaid by working a Saturday).
// Anything not recalled with certainty is marked "verify against the year's official notice".
import type { CalendarYear, FixedHoliday, WorkCalendar } from './work-calendar.js';
import { DEFAULT_SESSIONS, DEFAULT_WEEKEND_DAYS } from './work-calendar.js';

/** The solar holidays that fall on the same date every year (Labour Code 2019 art. 112(1)(a), (c), (d), (đ)). */
export const FIXED_SOLAR_HOLIDAYS: readonly FixedHoliday[] = [
  { monthDay: '01-01', name: 'Tết Dương lịch' }, // art. 112(1)(a)
  { monthDay: '04-30', name: 'Ngày Chiến thắng (30/4)' }, // art. 112(1)(c)
  { monthDay: '05-01', name: 'Ngày Quốc tế Lao động (1/5)' }, // art. 112(1)(d)
  { monthDay: '09-02', name: 'Quốc khánh (2/9)' }, // art. 112(1)(đ); the adjacent day is set yearly, below
];

// 2025. Fixed days: 1/1 Wed, 30/4 Wed, 1/5 Thu, 2/9 Tue (from the rule above).
export const CALENDAR_YEAR_2025: CalendarYear = {
  year: 2025,
  holidays: [
    // Tết Ất Tỵ: day 1 (mùng 1) = Wed 2025-01-29 (DOMAIN.md). Civil servants' break Sat 25/1 – Sun 2/2
    // (26 Chạp – mùng 5), 9 days, per MOLISA's notice of November 2024 (no. 6150/TB-LĐTBXH as
    // recalled — verify against the year's official notice). Weekdays off: Mon 27/1 (swapped, repaid
    // Sat 8/2) and Tue 28/1 – Fri 31/1; the Saturdays and Sundays inside the break are weekends anyway.
    { date: '2025-01-27', name: 'Nghỉ Tết Nguyên đán (hoán đổi, làm bù thứ Bảy 08/02/2025)' },
    { date: '2025-01-28', name: 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)' },
    { date: '2025-01-29', name: 'Tết Nguyên đán Ất Tỵ (mùng 1)' },
    { date: '2025-01-30', name: 'Tết Nguyên đán Ất Tỵ (mùng 2)' },
    { date: '2025-01-31', name: 'Tết Nguyên đán Ất Tỵ (mùng 3)' },
    // Hùng Kings: 10/3 Ất Tỵ = Mon 2025-04-07 (month 3 began 2025-03-29).
    { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 Ất Tỵ)' },
    // 30/4–1/5 break Wed 30/4 – Sun 4/5: Fri 2/5 swapped, repaid Sat 26/4, as announced by the
    // Ministry of Home Affairs with the Prime Minister's consent — verify against the year's official notice.
    { date: '2025-05-02', name: 'Nghỉ dịp 30/4–1/5 (hoán đổi, làm bù thứ Bảy 26/04/2025)' },
    // Day adjacent to 2/9 (art. 112(1)(đ)): Mon 1/9 (break Sat 30/8 – Tue 2/9) — verify against the year's official notice.
    { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề 1/9)' },
  ],
  makeUpDays: [
    { date: '2025-02-08', name: 'Làm bù cho thứ Hai 27/01/2025 (nghỉ Tết)' },
    // Verify against the year's official notice (see 2025-05-02).
    { date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/05/2025 (nghỉ 30/4–1/5)' },
  ],
};

// 2026. Fixed days: 1/1 Thu, 30/4 Thu, 1/5 Fri, 2/9 Wed (from the rule above). A swap of Fri 2/1 for
// a Saturday was not encoded: verify against the year's official notice. Whether 24/11 (Vietnam
// Culture Day) became a day off was under discussion in 2025: verify before relying on this year.
export const CALENDAR_YEAR_2026: CalendarYear = {
  year: 2026,
  holidays: [
    // Tết Bính Ngọ: day 1 (mùng 1) = Tue 2026-02-17 (DOMAIN.md); the month before has 29 days, so Mon
    // 16/2 is New Year's Eve (29 Chạp). Civil servants' break Sat 14/2 – Sun 22/2, 9 days, whose five
    // weekdays Mon 16/2 – Fri 20/2 are the five statutory Tết days (no swap needed) — verify against
    // the year's official notice.
    { date: '2026-02-16', name: 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)' },
    { date: '2026-02-17', name: 'Tết Nguyên đán Bính Ngọ (mùng 1)' },
    { date: '2026-02-18', name: 'Tết Nguyên đán Bính Ngọ (mùng 2)' },
    { date: '2026-02-19', name: 'Tết Nguyên đán Bính Ngọ (mùng 3)' },
    { date: '2026-02-20', name: 'Tết Nguyên đán Bính Ngọ (mùng 4)' },
    // Hùng Kings: 10/3 Bính Ngọ = Sun 2026-04-26 (month 3 begins 2026-04-17); a Sunday, so the
    // compensatory day off is Mon 27/4 (art. 111(3)) — verify against the year's official notice.
    { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 Bính Ngọ)' },
    { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)' },
    // Day adjacent to 2/9: 1/9 (Tue) or 3/9 (Thu) is the Prime Minister's yearly choice; 1/9 is
    // assumed here — verify against the year's official notice.
    { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề 1/9)' },
  ],
  makeUpDays: [],
};

// 2027, computed ahead of the year's notice. Fixed days: 1/1 Fri, 30/4 Fri, 1/5 Sat, 2/9 Thu.
// Lunar dates (Vietnam's calendar is reckoned at UTC+7): the new moons of 2027-01-07 20:25 UTC
// (= 08/01 in Vietnam), 2027-02-06 15:56 UTC (= 06/02, 22:56 in Vietnam), 2027-03-08 09:30 UTC and
// 2027-04-06 23:52 UTC (= 07/04, 06:52 in Vietnam) (Meeus, Astronomical Algorithms ch. 49) begin
// tháng Chạp Bính Ngọ (29 days, so Fri 05/02 is its last day), tháng Giêng Đinh Mùi (mùng 1 = Sat
// 06/02, as DOMAIN.md's list continues), tháng 2 (08/03) and tháng 3 (07/04); no leap month falls
// between. So Hùng Kings' day, 10/3 Đinh Mùi, is Fri 16/04/2027, a weekday: no compensatory day.
// Tết: the Prime Minister fixes the five days (art. 112(3)); assumed here 29 Chạp – mùng 4 (Fri 5/2 –
// Tue 9/2), whose Saturday and Sunday give two compensatory days, Wed 10/2 and Thu 11/2 (art. 111(3)).
// Every Tết day, the compensatory days after 1/5 and Tết, and the day adjacent to 2/9 are
// `unconfirmed` until the Ministry of Home Affairs announces the year's break (usually in the autumn
// before): a supervisor or the centre replaces the year then.
export const CALENDAR_YEAR_2027: CalendarYear = {
  year: 2027,
  source:
    'Bộ luật Lao động 2019, điều 111(3) và 112; ngày âm lịch tính theo giờ Việt Nam (UTC+7). ' +
    'Ngày nghỉ Tết, ngày nghỉ bù và ngày liền kề Quốc khánh chờ thông báo chính thức của Chính phủ năm 2027.',
  holidays: [
    { date: '2027-02-05', name: 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)', unconfirmed: true },
    { date: '2027-02-06', name: 'Tết Nguyên đán Đinh Mùi (mùng 1)', unconfirmed: true },
    { date: '2027-02-07', name: 'Tết Nguyên đán Đinh Mùi (mùng 2)', unconfirmed: true },
    { date: '2027-02-08', name: 'Tết Nguyên đán Đinh Mùi (mùng 3)', unconfirmed: true },
    { date: '2027-02-09', name: 'Tết Nguyên đán Đinh Mùi (mùng 4)', unconfirmed: true },
    { date: '2027-02-10', name: 'Nghỉ bù Tết (mùng 1 là thứ Bảy)', unconfirmed: true },
    { date: '2027-02-11', name: 'Nghỉ bù Tết (mùng 2 là Chủ nhật)', unconfirmed: true },
    { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 Đinh Mùi)' },
    { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 là thứ Bảy)', unconfirmed: true },
    // 3/9 (Fri) rather than 1/9 (Wed): it joins the weekend, as the Prime Minister has usually chosen.
    { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề 3/9)', unconfirmed: true },
  ],
  makeUpDays: [],
};

/** Every year the app ships: a desk that lacks one of them gains it at start (`seedMissingYears`). */
export const SEED_CALENDAR_YEARS: readonly CalendarYear[] = [CALENDAR_YEAR_2025, CALENDAR_YEAR_2026, CALENDAR_YEAR_2027];

/** The calendar a desk starts with: default sessions and weekend, the fixed rule, 2025 to 2027. */
export const SEED_WORK_CALENDAR: WorkCalendar = {
  sessions: DEFAULT_SESSIONS,
  weekendDays: DEFAULT_WEEKEND_DAYS,
  fixedHolidays: FIXED_SOLAR_HOLIDAYS,
  years: SEED_CALENDAR_YEARS,
};
