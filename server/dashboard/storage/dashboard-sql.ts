// The dashboard's queries, the same text on SQLite and PostgreSQL (bound by bind-params.ts). Column
// aliases are quoted so PostgreSQL keeps their case. Tables: dash_dossiers, dash_bieu06, dash_waits,
// dash_day_facts (server/storage/*-schema.ts, step 2).
//
// Biểu 06 is the desk's SQL (electron/core/reports/bieu06-repository.ts) grouped by unit and procedure
// (the service sums procedures into the catalogue's sectors) — the rules live in shared/domain/reports/bieu06.ts, and the dashboard's tests hold these
// numbers to bieu06FromStates over the centre's folded dossiers:
// - in the period: received_day ≤ to and open_until ≥ from, as three disjoint index ranges (received in
//   the period; received in the LONG_LIVED_DAYS before it and still open; long-lived ones);
// - settled: open_until ≤ to, by the stored settlement; pending: open_until > to;
// - overdue: the due date as of `to` (rule 9) before `to`, and no supplement wait open at the end of `to`.

const DUE_AS_OF_TO = `CASE
    WHEN b.first_apology_day <= @to THEN b.due_day
    WHEN b.first_extension_day IS NULL OR b.first_extension_day > @to THEN b.original_due_day
    ELSE b.due_day
  END`;

const WAITING_AT_TO = `EXISTS (SELECT 1 FROM dash_waits w WHERE w.dossier_id = b.dossier_id AND w.from_day <= @to AND w.until_day > @to)`;

// A GSO code may be reused by a unit of a later era (@era, the day today's units began): rows are split
// there, and each group's earliest day says which unit its code named.
const BEFORE_ERA = `(b.received_day < @era)`;

const BIEU06_COUNTS = `
  SELECT b.unit_gso AS "unitGso", b.procedure_id AS "procedureId", min(b.received_day) AS "receivedDay",
    count(*) FILTER (WHERE b.received_day >= @from AND b.channel = 2) AS online,
    count(*) FILTER (WHERE b.received_day >= @from AND b.channel <> 2) AS "directOrPostal",
    count(*) FILTER (WHERE b.received_day < @from) AS "carriedOver",
    count(*) FILTER (WHERE b.open_until <= @to AND b.settlement = 'early') AS early,
    count(*) FILTER (WHERE b.open_until <= @to AND b.settlement = 'onTime') AS "onTime",
    count(*) FILTER (WHERE b.open_until <= @to AND b.settlement = 'late') AS late,
    count(*) FILTER (WHERE b.open_until > @to) AS pending,
    count(*) FILTER (WHERE b.open_until > @to AND (${DUE_AS_OF_TO}) < @to AND NOT ${WAITING_AT_TO}) AS overdue
  FROM dash_bieu06 b`;

export const DASHBOARD_SQL = {
  bieu06Parts: [
    `${BIEU06_COUNTS} WHERE b.received_day BETWEEN @from AND @to GROUP BY b.unit_gso, b.procedure_id, ${BEFORE_ERA}`,
    `${BIEU06_COUNTS} WHERE b.received_day >= @shortFrom AND b.received_day < @from AND b.long_lived = 0 AND b.open_until >= @from
       GROUP BY b.unit_gso, b.procedure_id, ${BEFORE_ERA}`,
    `${BIEU06_COUNTS} WHERE b.long_lived = 1 AND b.open_until >= @from AND b.received_day < @from GROUP BY b.unit_gso, b.procedure_id, ${BEFORE_ERA}`,
  ],

  // A fact counts in the period by its own day, under the unit that RECEIVED the dossier (its reception
  // day says which unit a reused code named), as the desk's reports count a rating (report_ratings:
  // rated_day, the dossier's unit). A fact of a dossier never received (a refusal) falls back to its day.
  dayFactTotals: `
    SELECT f.unit_gso AS "unitGso", f.kind, min(coalesce(b.received_day, f.day)) AS "firstDay", count(*) AS n, coalesce(sum(f.amount), 0) AS amount
    FROM dash_day_facts f LEFT JOIN dash_bieu06 b ON b.dossier_id = f.dossier_id
    WHERE f.kind IN (@kinds) AND f.day BETWEEN @from AND @to
    GROUP BY f.unit_gso, f.kind, (coalesce(b.received_day, f.day) < @era)`,

  runningClocks: `
    SELECT unit_gso AS "unitGso",
      count(*) FILTER (WHERE appointment_at < @now) AS overdue,
      count(*) FILTER (WHERE appointment_at >= @now) AS "dueSoon"
    FROM dash_dossiers WHERE clock_running = 1 AND appointment_at <= @dueBy
    GROUP BY unit_gso`,

  overdueRows: `
    SELECT dossier_id AS "dossierId", code, unit_gso AS "unitGso", procedure_id AS "procedureId", appointment_at AS "appointmentAt", status
    FROM dash_dossiers WHERE clock_running = 1 AND appointment_at < @now
    ORDER BY appointment_at, coalesce(code, ''), dossier_id LIMIT @limit`,

  overdueTotal: `SELECT count(*) AS n FROM dash_dossiers WHERE clock_running = 1 AND appointment_at < @now`,

  devices: `
    SELECT id, name, unit_gso AS "unitGso", station, enrolled_at AS "enrolledAt", revoked_at AS "revokedAt", last_sync_at AS "lastSyncAt"
    FROM devices ORDER BY unit_gso, station, enrolled_at`,

  noteDeviceSync: `UPDATE devices SET last_sync_at = @at WHERE id = @id AND (last_sync_at IS NULL OR last_sync_at < @at)`,

  projectionVersion: `SELECT value FROM counters WHERE name = 'dashboard_projection'`,
  setProjectionVersion: `UPDATE counters SET value = @version WHERE name = 'dashboard_projection'`,
  dossierIdsAfter: `SELECT id FROM dossiers WHERE id > @after ORDER BY id LIMIT @limit`,

  eventBodies: `SELECT dossier_id AS "dossierId", body FROM log WHERE kind = 'event' AND dossier_id IN (@ids)`,
} as const;

/** Dashboard tables, in the order their rows are cleared. */
export const DASHBOARD_TABLES = ['dash_day_facts', 'dash_waits', 'dash_bieu06', 'dash_dossiers'] as const;
