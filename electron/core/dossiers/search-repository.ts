import type { z } from 'zod';
import type { DossierRow, DossierSearchResult, dossiersSearchArgs } from '../../../shared/contract/dossiers.js';
import type { Channel, StatusCode } from '../../../shared/domain/dossier/events.js';
import { isOverdueAt, SETTLED_WITH_RESULT_STATUSES } from '../../../shared/domain/dossier/overdue.js';
import { buildFtsMatchQuery, buildFtsNamePrefixQuery, type SearchColumns } from '../../../shared/domain/text/fts-match-query.js';
import { nameSearchKey } from '../../../shared/domain/text/search-key.js';
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
  set_aside_code: string | null;
}

type Params = Record<string, string | number>;

// Counting every match of a common name ("nguyen") costs more than the page itself; past this the
// UI says "more than 10,000" and the officer narrows the search.
export const TOTAL_CAP = 10_000;

/** dossier_search's columns (m0080): free text finds people and numbers, never the procedure. */
export const SEARCH_COLUMNS: SearchColumns = { names: ['applicant', 'owner'], numbers: ['numbers'], reversedNumbers: 'reversed_numbers' };

const HOUR_MS = 3_600_000;

/**
 * isOverdueAt (shared/domain/dossier/overdue.ts) over the dossiers projection, for the filter: the
 * flag on each row and the dossier page use the function itself. clock_running = 1 is "pending, clock
 * not paused, with an appointment" (projection-repository.ts); never NULL, so NOT(…) is its complement.
 */
export const OVERDUE_SQL = `((d.clock_running = 1 AND d.appointment_at < @now)
  OR (d.status IN (${SETTLED_WITH_RESULT_STATUSES.join(', ')}) AND d.finished_at IS NOT NULL AND d.appointment_at IS NOT NULL
      AND d.finished_at > d.appointment_at))`;

/** The name-key lookups (exported for the migration's query-plan test). */
export const NAME_SEARCH_SQL = {
  /** How many names start with the key, counted up to @limit (index entries only). */
  countStartingWith: `SELECT (SELECT count(*) FROM (SELECT 1 FROM dossiers WHERE applicant_name_key >= @lo AND applicant_name_key < @hi LIMIT @limit))
    + (SELECT count(*) FROM (SELECT 1 FROM dossiers WHERE owner_name_key >= @lo AND owner_name_key < @hi LIMIT @limit))`,
  applicantStartsWith: 'SELECT rowid, applicant_name_key AS key FROM dossiers WHERE applicant_name_key >= @lo AND applicant_name_key < @hi LIMIT @limit',
  ownerStartsWith: 'SELECT rowid, owner_name_key AS key FROM dossiers WHERE owner_name_key >= @lo AND owner_name_key < @hi LIMIT @limit',
  /** Conditions on `d` go in between (` AND …`). */
  exactName: (andFilters: string) =>
    `SELECT d.rowid FROM dossiers d WHERE (d.applicant_name_key = @nameKey OR d.owner_name_key = @nameKey)${andFilters} ORDER BY d.rowid DESC LIMIT @window`,
};

const COLUMNS = `d.id, d.code, d.status, d.procedure_name, d.sector_name, d.applicant_name, d.channel, d.received_at,
  d.appointment_at, d.finished_at, d.clock_running, d.needs_review, c.code AS set_aside_code`;

/**
 * The work list: free text (people's names, code, ID number, phone) and filters, one page at a time.
 * Without text, newest first. With text, by relevance: the names equal to what was typed (folded),
 * then the names starting with it, then every other match; newest first within each.
 */
export function searchDossiers(db: DeskDatabase, args: z.output<typeof dossiersSearchArgs>, nowMs: number): DossierSearchResult {
  const nowIso = new Date(nowMs).toISOString();
  const filters = filterClauses(args, nowMs);
  let page: number[];
  let total: number;
  if (args.text) {
    const match = buildFtsMatchQuery(args.text, SEARCH_COLUMNS);
    if (match === null) return { rows: [], total: 0 };
    ({ page, total } = rankedPage(db, { match, nameKey: nameSearchKey(args.text) }, filters, args.offset, args.limit));
  } else {
    ({ page, total } = newestPage(db, filters, args.offset, args.limit));
  }
  const dueBy = new Date(nowMs + DUE_SOON_HOURS * HOUR_MS).toISOString();
  return { rows: rowsInOrder(db, page).map((row) => toDossierRow(row, nowIso, dueBy)), total };
}

interface Filters {
  /** Conditions on `d` (dossiers), ANDed; empty for none. */
  where: string[];
  params: Params;
}

function filterClauses(args: z.output<typeof dossiersSearchArgs>, nowMs: number): Filters {
  const where: string[] = [];
  const params: Params = {};
  const now = () => (params.now = new Date(nowMs).toISOString());
  if (args.statuses && args.statuses.length > 0) {
    where.push(`d.status IN (${args.statuses.map((_, i) => `@status${i}`).join(', ')})`);
    args.statuses.forEach((status, i) => (params[`status${i}`] = status));
  }
  if (args.overdue !== undefined) {
    now();
    where.push(args.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
  }
  if (args.dueWithinHours !== undefined) {
    now();
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
  return { where, params };
}

const andFilters = (filters: Filters): string => filters.where.map((condition) => ` AND ${condition}`).join('');

interface PageOfRowids {
  page: number[];
  total: number;
}

function newestPage(db: DeskDatabase, filters: Filters, offset: number, limit: number): PageOfRowids {
  const whereSql = filters.where.length > 0 ? `WHERE ${filters.where.join(' AND ')}` : '';
  const page = db
    .prepare(`SELECT d.rowid FROM dossiers d ${whereSql} ORDER BY d.rowid DESC LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...filters.params, limit, offset }) as number[];
  const total = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM dossiers d ${whereSql} LIMIT ${TOTAL_CAP + 1})`).get(filters.params) as { n: number }).n;
  return { page, total };
}

interface TextQuery {
  /** Every match (buildFtsMatchQuery). */
  match: string;
  /** nameSearchKey of the text: what an exact or prefix name match compares with. */
  nameKey: string;
}

/**
 * Each tier is read newest first and at most `window` deep — enough to fill every position up to the
 * page's end and to count up to the cap — and only the page's rows are then read whole. The tiers nest
 * (exact ⊆ starting ⊆ every match), so the count is that of every match, and once the names starting
 * with the text alone fill the window, the other matches need not be read at all.
 */
function rankedPage(db: DeskDatabase, query: TextQuery, filters: Filters, offset: number, limit: number): PageOfRowids {
  const window = Math.max(offset + limit, TOTAL_CAP + 1);
  const names = nameMatches(db, query.nameKey, filters, window);
  if (names.prefix.length >= window) return { page: tiersInOrder([names.exact, names.prefix], offset + limit).slice(offset), total: TOTAL_CAP + 1 };
  const every = fullTextMatches(db, query.match, filters, window);
  const total = every.length >= window ? TOTAL_CAP + 1 : Math.min(every.length, TOTAL_CAP + 1);
  return { page: tiersInOrder([names.exact, names.prefix, every], offset + limit).slice(offset), total };
}

/** The first `count` rowids of the tiers one after the other, each rowid where it first appears. */
function tiersInOrder(tiers: readonly (readonly number[])[], count: number): number[] {
  const order: number[] = [];
  const placed = new Set<number>();
  for (const tier of tiers) {
    for (const rowid of tier) {
      if (order.length >= count) return order;
      if (placed.has(rowid)) continue;
      placed.add(rowid);
      order.push(rowid);
    }
  }
  return order;
}

/** The dossiers whose applicant's or owner's name equals the key, and those whose name starts with it. */
function nameMatches(db: DeskDatabase, nameKey: string, filters: Filters, window: number): { exact: number[]; prefix: number[] } {
  // Digits alone (a code, an ID or phone number) are no one's name.
  if (!/\p{L}/u.test(nameKey)) return { exact: [], prefix: [] };
  // Strings starting with the key sort from the key itself up to the key followed by the last code point.
  const range = { lo: nameKey, hi: `${nameKey}\u{10FFFF}`, limit: window + 1 };
  if ((db.prepare(NAME_SEARCH_SQL.countStartingWith).pluck().get(range) as number) <= window) {
    // As many as the window holds (a whole name, even a common one): read from the name-key index.
    const exactRowids = new Set<number>();
    const candidates = new Set<number>();
    for (const sql of [NAME_SEARCH_SQL.applicantStartsWith, NAME_SEARCH_SQL.ownerStartsWith]) {
      for (const { rowid, key } of db.prepare(sql).all(range) as { rowid: number; key: string }[]) {
        candidates.add(rowid);
        if (key === nameKey) exactRowids.add(rowid);
      }
    }
    const kept = filters.where.length === 0 ? [...candidates] : rowidsPassing(db, [...candidates], filters);
    const newestFirst = kept.sort((a, b) => b - a);
    return { exact: newestFirst.filter((rowid) => exactRowids.has(rowid)), prefix: newestFirst };
  }

  // More names start with the key than the window holds ("nguyen"): the newest of them, from indexes.
  const exact = db
    .prepare(NAME_SEARCH_SQL.exactName(andFilters(filters)))
    .pluck()
    .all({ ...filters.params, nameKey, window }) as number[];
  if (exact.length >= window) return { exact, prefix: exact };
  const prefixMatch = buildFtsNamePrefixQuery(nameKey, SEARCH_COLUMNS);
  return { exact, prefix: prefixMatch === null ? [] : fullTextMatches(db, prefixMatch, filters, window, 'DESC') };
}

/**
 * Rowids matching an FTS5 query (and the filters), newest first, at most `window`. FTS5 walks its lists
 * forwards about a third faster than backwards (a common full name at 1M dossiers: 5.6 against 7.7 ms),
 * so unless more matches than the window are expected they are read oldest first and turned round;
 * only a list longer than the window (a single common word, cheap either way) is read again backwards.
 */
function fullTextMatches(db: DeskDatabase, match: string, filters: Filters, window: number, firstTry: 'ASC' | 'DESC' = 'ASC'): number[] {
  const params = { ...(filters.where.length === 0 ? {} : filters.params), match };
  const matching = (order: 'ASC' | 'DESC', limit: number) =>
    db
      .prepare(
        filters.where.length === 0
          ? `SELECT rowid FROM dossier_search WHERE dossier_search MATCH @match ORDER BY rowid ${order} LIMIT @limit`
          : `SELECT s.rowid FROM dossier_search s JOIN dossiers d ON d.rowid = s.rowid
             WHERE dossier_search MATCH @match${andFilters(filters)} ORDER BY s.rowid ${order} LIMIT @limit`,
      )
      .pluck()
      .all({ ...params, limit }) as number[];
  if (firstTry === 'DESC') return matching('DESC', window);
  const oldestFirst = matching('ASC', window + 1);
  return oldestFirst.length <= window ? oldestFirst.reverse() : matching('DESC', window);
}

function rowidsPassing(db: DeskDatabase, rowids: readonly number[], filters: Filters): number[] {
  return db
    .prepare(`SELECT d.rowid FROM dossiers d WHERE d.rowid IN (SELECT value FROM json_each(@rowids))${andFilters(filters)}`)
    .pluck()
    .all({ ...filters.params, rowids: JSON.stringify(rowids) }) as number[];
}

/** The page's rows, read by rowid and put back in the page's order. */
function rowsInOrder(db: DeskDatabase, page: readonly number[]): Row[] {
  if (page.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT d.rowid AS rowid, ${COLUMNS} FROM dossiers d LEFT JOIN dossier_code_conflicts c ON c.dossier_id = d.id
       WHERE d.rowid IN (SELECT value FROM json_each(@page))`,
    )
    .all({ page: JSON.stringify(page) }) as (Row & { rowid: number })[];
  const position = new Map(page.map((rowid, index) => [rowid, index]));
  return rows.sort((a, b) => position.get(a.rowid)! - position.get(b.rowid)!);
}

function toDossierRow(row: Row, nowIso: string, dueBy: string): DossierRow {
  const running = row.clock_running === 1 && row.appointment_at !== null;
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
    overdue: isOverdueAt({ status: row.status, appointmentAt: row.appointment_at, finishedAt: row.finished_at }, nowIso),
    dueSoon: running && row.appointment_at! >= nowIso && row.appointment_at! <= dueBy,
    needsReview: row.needs_review === 1,
    setAsideCode: row.set_aside_code,
  };
}
