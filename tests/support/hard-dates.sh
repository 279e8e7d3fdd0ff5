#!/usr/bin/env bash
# The browser specs whose screens and papers depend on "today", run again at hard instants (DESK_TEST_NOW,
# read by tests/support/test-now.ts), each under another machine time zone, so the suite cannot go red on
# its own on some day or hour. Run after `npm run build:web` (`npm run test:dates` builds first).
#
#   2026-11-01 06:30 Sunday, a month's first day; still 31/10 in UTC (TZ=UTC): the UTC date is last month.
#   2026-12-31 23:30 late on New Year's Eve; 1/1/2027 in Kiribati (TZ=Pacific/Kiritimati, UTC+14), and
#                    every appointment falls in 2027 (seeded since; 2028 is not, so its notices show).
#   2026-02-16 21:00 the eve of Tết Bính Ngọ (29 Chạp, a day off inside the nine-day break), in Vietnam's zone.
#   2025-02-09 10:00 Sunday after the make-up Saturday 08/02/2025 (seeded); still that Saturday in Los Angeles.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Every browser test tagged @today: those whose outcome moves with the date (deadlines, printed dates,
# overdue, the units in force, the last sync's time). The other specs fix their own instants
# (reports.spec.ts, centre/dashboard.spec.ts) or do not depend on the date.

HARD_DATES=(
  '2026-11-01T06:30:00+07:00 UTC'
  '2026-12-31T23:30:00+07:00 Pacific/Kiritimati'
  '2026-02-16T21:00:00+07:00 Asia/Ho_Chi_Minh'
  '2025-02-09T10:00:00+07:00 America/Los_Angeles'
)

for entry in "${HARD_DATES[@]}"; do
  read -r instant zone <<<"$entry"
  echo "== DESK_TEST_NOW=$instant TZ=$zone"
  DESK_TEST_NOW="$instant" TZ="$zone" npx playwright test --project=browser --grep @today tests/browser
done
