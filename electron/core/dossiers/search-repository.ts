import type { z } from 'zod';
import type { DossierRow, DossierSearchResult, dossiersSearchArgs } from '../../../shared/contract/dossiers.js';
import type { Channel, StatusCode } from '../../../shared/domain/dossier/events.js';
import { buildFtsMatchQuery } from '../../../shared/domain/text/fts-match-query.js';
import type { DeskDatabase } from '../db/open-database.js';
import { DUE_SOON_HOURS } from './dossier-detail.js';

interface Row {
  id: string;
  code: string | null;
  status: StatusCode;
  procedure_name: string;
  sector_name: string;
  applicant_name: string;
  channel: Channel;
  received_at: string | null;
  appointment_at: string | null;
  finished_at: string | null;
  clock_running: number;
  needs_review: number;
}

// Counting every match of a common name ("nguyen") costs more than the page itself; past this the
// UI says "more than 10,000" and the officer narrows the search.
export const TOTAL_CAP = 10_000;

const HOUR_MS = 3_600_000;

/** The work list: text search (folded FTS) and filters, newest first, one page at a time. */
export function searchDossiers(db: DeskDatabase, args: z.output<typeof dossiersSearchArgs>, nowMs: number): DossierSearchResult {
  const nowIso = new Date(nowMs).toISOString();
  const where: string[] = [];
  const params: Record<string, string | number> = { now: nowIso };
  let from = 'dossiers d';

  const match = args.text ? buildFtsMatchQuery(args.text) : null;
  if (args.text && match === null) return { rows: [], total: 0 };
  if (match !== null) {
    from = 'dossier_search s JOIN dossiers d ON d.rowid = s.rowid';
    where.push('dossier_search MATCH @match');
    params.match = match;
  }
  if (args.statuses && args.statuses.length > 0) {
    where.push(`d.status IN (${args.statuses.map((_, i) => `@status${i}`).join(', ')})`);
    args.statuses.forEach((status, i) => (params[`status${i}`] = status));
  }
  if (args.overdue === true) where.push('d.clock_running = 1 AND d.appointment_at < @now');
  if (args.overdue === false) where.push('NOT (d.clock_running = 1 AND d.appointment_at < @now)');
  if (args.dueWithinHours !== undefined) {
    where.push('d.clock_running = 1 AND d.appointment_at >= @now AND d.appointment_at <= @dueBy');
    params.dueBy = new Date(nowMs + args.dueWithinHours * HOUR_MS).toISOString();
  }
  if (args.procedureId) {
    where.push('d.procedure_id = @procedureId');
    params.procedureId = args.procedureId;
  }
  if (args.channel !== undefined) {
    where.push('d.channel = @channel');
    params.channel = args.channel;
  }
  if (args.receivedFrom) {
    where.push('d.received_day >= @receivedFrom');
    params.receivedFrom = args.receivedFrom;
  }
  if (args.receivedTo) {
    where.push('d.received_day <= @receivedTo');
    params.receivedTo = args.receivedTo;
  }
  if (args.needsReview !== undefined) where.push(`d.needs_review = ${args.needsReview ? 1 : 0}`);

  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const columns = `d.id, d.code, d.status, d.procedure_name, d.sector_name, d.applicant_name, d.channel, d.received_at,
              d.appointment_at, d.finished_at, d.clock_running, d.needs_review`;
  let rows: Row[];
  let total: number;
  if (match !== null && where.length === 1 && args.offset + args.limit <= TOTAL_CAP) {
    // Text alone: one walk of the full-text index gives both the count (capped) and the page, and
    // only the page's rows are read from the dossiers table.
    const rowids = db
      .prepare(`SELECT rowid FROM dossier_search WHERE dossier_search MATCH @match ORDER BY rowid DESC LIMIT ${TOTAL_CAP + 1}`)
      .pluck()
      .all({ match }) as number[];
    total = rowids.length;
    const page = rowids.slice(args.offset, args.offset + args.limit);
    const byRowid = db
      .prepare(`SELECT d.rowid AS rowid, ${columns} FROM dossiers d WHERE d.rowid IN (SELECT value FROM json_each(@page))`)
      .all({ page: JSON.stringify(page) }) as (Row & { rowid: number })[];
    const position = new Map(page.map((rowid, index) => [rowid, index]));
    rows = byRowid.sort((a, b) => position.get(a.rowid)! - position.get(b.rowid)!);
  } else {
    const order = match !== null ? 's.rowid DESC' : 'd.rowid DESC';
    rows = db
      .prepare(`SELECT ${columns} FROM ${from} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: args.limit, offset: args.offset }) as Row[];
    total = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${whereSql} LIMIT ${TOTAL_CAP + 1})`).get(params) as { n: number }).n;
  }

  const dueBy = new Date(nowMs + DUE_SOON_HOURS * HOUR_MS).toISOString();
  return { rows: rows.map((row) => toDossierRow(row, nowIso, dueBy)), total };
}

function toDossierRow(row: Row, nowIso: string, dueBy: string): DossierRow {
  const running = row.clock_running === 1 && row.appointment_at !== null;
  const settledLate = (row.status === 9 || row.status === 10) && row.finished_at !== null && row.appointment_at !== null && row.finished_at > row.appointment_at;
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    procedureName: row.procedure_name,
    sectorName: row.sector_name,
    applicantName: row.applicant_name,
    channel: row.channel,
    receivedAt: row.received_at,
    appointmentAt: row.appointment_at,
    finishedAt: row.finished_at,
    overdue: (running && row.appointment_at! < nowIso) || settledLate,
    dueSoon: running && row.appointment_at! >= nowIso && row.appointment_at! <= dueBy,
    needsReview: row.needs_review === 1,
  };
}
