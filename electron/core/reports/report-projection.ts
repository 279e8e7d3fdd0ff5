import type { Database } from 'better-sqlite3';
import { receivingOfficerOf } from '../../../shared/domain/dossier/reception.js';
import type { DossierState } from '../../../shared/domain/dossier/state.js';
import { vietnamDateOf } from '../../../shared/domain/dossier/vietnam-time.js';
import { bieu06FactsOf } from '../../../shared/domain/reports/bieu06-facts.js';
import { logBookRowOf } from '../../../shared/domain/reports/log-book.js';

/**
 * Writes the report projections of one dossier from its folded state (tables in migration m0070),
 * replacing what was there. ProjectionRepository calls it with every other projection, in the
 * event's transaction and in the rebuild, so rebuild == incremental holds for these tables too.
 */
export class ReportProjection {
  private readonly deleteBieu06;
  private readonly insertBieu06;
  private readonly deleteWaits;
  private readonly insertWait;
  private readonly deleteRating;
  private readonly insertRating;
  private readonly deleteLogLine;
  private readonly insertLogLine;

  constructor(private readonly db: Database) {
    this.deleteBieu06 = db.prepare<[string]>('DELETE FROM report_bieu06 WHERE dossier_id = ?');
    this.insertBieu06 = db.prepare(`
      INSERT INTO report_bieu06 (received_day, dossier_id, sector_id, channel, open_until, long_lived, settlement,
        due_day, original_due_day, first_apology_day, first_extension_day)
      VALUES (@receivedDay, @dossierId, @sectorId, @channel, @openUntil, @longLived, @settlement,
        @dueDay, @originalDueDay, @firstApologyDay, @firstExtensionDay)`);
    this.deleteWaits = db.prepare<[string]>('DELETE FROM report_waits WHERE dossier_id = ?');
    this.insertWait = db.prepare('INSERT INTO report_waits (dossier_id, position, from_day, until_day) VALUES (?, ?, ?, ?)');
    this.deleteRating = db.prepare<[string]>('DELETE FROM report_ratings WHERE dossier_id = ?');
    this.insertRating = db.prepare(
      'INSERT INTO report_ratings (dossier_id, rated_day, level, officer_id, unit_gso, unit_name) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.deleteLogLine = db.prepare<[string]>('DELETE FROM report_log_book WHERE dossier_id = ?');
    this.insertLogLine = db.prepare('INSERT INTO report_log_book (dossier_id, received_day, received_at, code, line) VALUES (?, ?, ?, ?, ?)');
  }

  /** `fresh`: the dossier has no report rows yet, so there is nothing to delete first. */
  write(state: DossierState, fresh = false): void {
    const id = state.id;
    if (!fresh) {
      this.deleteBieu06.run(id);
      this.deleteWaits.run(id);
    }
    const facts = bieu06FactsOf(state);
    if (facts !== null) {
      this.insertBieu06.run({
        dossierId: id,
        receivedDay: facts.receivedDay,
        sectorId: facts.sectorId,
        channel: facts.channel,
        openUntil: facts.openUntil,
        longLived: facts.longLived ? 1 : 0,
        settlement: facts.settlement,
        dueDay: facts.dueDay,
        originalDueDay: facts.originalDueDay,
        firstApologyDay: facts.firstApologyDay,
        firstExtensionDay: facts.firstExtensionDay,
      });
      facts.waits.forEach((wait, position) => this.insertWait.run(id, position, wait.fromDay, wait.untilDay));
    }

    if (!fresh) this.deleteRating.run(id);
    if (state.created && state.rating !== null && state.ratedAt !== null) {
      this.insertRating.run(id, vietnamDateOf(state.ratedAt), state.rating, receivingOfficerOf(state) ?? '', state.unit.gsoCode, state.unit.name);
    }

    if (!fresh) this.deleteLogLine.run(id);
    const line = logBookRowOf(state);
    if (line !== null) this.insertLogLine.run(id, vietnamDateOf(line.receivedAt), line.receivedAt, line.code, JSON.stringify(line));
  }

  clearAll(): void {
    this.db.exec(`
      DELETE FROM report_bieu06;
      DELETE FROM report_waits;
      DELETE FROM report_ratings;
      DELETE FROM report_log_book;
    `);
  }
}
