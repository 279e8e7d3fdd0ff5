import type { DeviceStatusRecord, StoredCrash } from '../dashboard-store.js';
import type { SqlParam } from './bind-params.js';
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

  upsertDeviceStatus: `
    INSERT INTO device_status (device_id, app_version, reported_at, clock_offset_ms, events_waiting, scans_waiting, last_error)
    VALUES (@device, @version, @at, @offset, @events, @scans, @lastError)
    ON CONFLICT (device_id) DO UPDATE SET app_version = excluded.app_version, reported_at = excluded.reported_at,
      clock_offset_ms = excluded.clock_offset_ms, events_waiting = excluded.events_waiting,
      scans_waiting = excluded.scans_waiting, last_error = excluded.last_error
    WHERE device_status.reported_at <= excluded.reported_at`,

  insertCrash: `
    INSERT INTO device_crashes (device_id, id, occurred_at, received_at, kind, place, message, stack, app_version, os)
    VALUES (@device, @id, @occurredAt, @receivedAt, @kind, @place, @message, @stack, @version, @os)
    ON CONFLICT (device_id, id) DO NOTHING`,

  /** Keeps a device's latest crash reports only (a desk crashing in a loop cannot fill the centre). */
  trimCrashes: `
    DELETE FROM device_crashes WHERE device_id = @device AND id NOT IN (
      SELECT id FROM device_crashes WHERE device_id = @device ORDER BY occurred_at DESC, id DESC LIMIT @keep)`,

  fleet: `
    SELECT d.id, d.name, d.unit_gso AS "unitGso", d.unit_id AS "unitId", d.station, d.enrolled_at AS "enrolledAt", d.revoked_at AS "revokedAt",
      d.last_sync_at AS "lastSyncAt", s.app_version AS "appVersion", s.reported_at AS "reportedAt", s.clock_offset_ms AS "clockOffsetMs",
      s.events_waiting AS "eventsWaiting", s.scans_waiting AS "scansWaiting", s.last_error AS "lastError",
      (SELECT count(*) FROM device_crashes c WHERE c.device_id = d.id) AS "crashCount"
    FROM devices d LEFT JOIN device_status s ON s.device_id = d.id
    ORDER BY d.unit_gso, d.station, d.enrolled_at`,

  recentCrashes: `
    SELECT device_id AS "deviceId", id, occurred_at AS "occurredAt", kind, place AS "where", message, app_version AS "appVersion", os
    FROM device_crashes ORDER BY occurred_at DESC, id DESC LIMIT @limit`,

  projectionVersion: `SELECT value FROM counters WHERE name = 'dashboard_projection'`,
  setProjectionVersion: `UPDATE counters SET value = @version WHERE name = 'dashboard_projection'`,
  dossierIdsAfter: `SELECT id FROM dossiers WHERE id > @after ORDER BY id LIMIT @limit`,

  eventBodies: `SELECT dossier_id AS "dossierId", body FROM log WHERE kind = 'event' AND dossier_id IN (@ids)`,
} as const;

/** Dashboard tables, in the order their rows are cleared. */
export const DASHBOARD_TABLES = ['dash_day_facts', 'dash_waits', 'dash_bieu06', 'dash_dossiers'] as const;

/** The statements one status report makes, in order (both adapters run them in one transaction). */
export function fleetWrites(
  deviceId: string,
  status: DeviceStatusRecord,
  crashes: readonly StoredCrash[],
  receivedAt: string,
  keep: number,
): { sql: string; params: Record<string, SqlParam> }[] {
  return [
    {
      sql: DASHBOARD_SQL.upsertDeviceStatus,
      params: {
        device: deviceId,
        version: status.appVersion,
        at: status.reportedAt,
        offset: status.clockOffsetMs,
        events: status.eventsWaiting,
        scans: status.scansWaiting,
        lastError: status.lastError,
      },
    },
    ...crashes.map((crash) => ({
      sql: DASHBOARD_SQL.insertCrash,
      params: {
        device: deviceId,
        id: crash.id,
        occurredAt: crash.occurredAt,
        receivedAt,
        kind: crash.kind,
        place: crash.where,
        message: crash.message,
        stack: crash.stack,
        version: crash.appVersion,
        os: crash.os,
      },
    })),
    ...(crashes.length === 0 ? [] : [{ sql: DASHBOARD_SQL.trimCrashes, params: { device: deviceId, keep } }]),
  ];
}
