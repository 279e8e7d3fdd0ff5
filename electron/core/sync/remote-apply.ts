import { calendarYearProblems } from '../../../shared/domain/calendar/calendar-validation.js';
import type { CalendarYear } from '../../../shared/domain/calendar/work-calendar.js';
import { formatHlc, parseHlc, receive, type Hlc } from '../../../shared/domain/clock/hlc.js';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { foldDossier } from '../../../shared/domain/dossier/fold.js';
import { unitChangeProblems, unitChangeRefusal } from '../../../shared/domain/catalogue/unit-change.js';
import type { Unit } from '../../../shared/domain/catalogue/unit.js';
import type { PulledEntry, PullCursor } from '../../../shared/sync/protocol.js';
import type { CalendarRepository } from '../calendar/calendar-repository.js';
import { CatalogueRepository } from '../catalogue/catalogue-repository.js';
import type { DeskDatabase } from '../db/open-database.js';
import { DeviceClockRepository } from '../dossiers/device-clock-repository.js';
import { CodeConflictRepository, codeTakenReason } from '../dossiers/code-conflict-repository.js';
import { EventLogRepository } from '../dossiers/event-log-repository.js';
import { ProjectionRepository } from '../dossiers/projection-repository.js';
import { ReferenceRepository } from './reference-repository.js';
import type { SyncRepository } from './sync-repository.js';

// Applies one pulled page in ONE transaction: events are inserted if absent (a page seen twice after
// a crash changes nothing), the desk's hybrid logical clock moves past every stamp received (but
// never adopts one far ahead of this machine's clock: hlc.ts, receive), the
// touched dossiers are folded again from all their events and their projections rewritten (the same
// ProjectionRepository local changes use), reference changes are applied, and the cursor advances —
// all or nothing. A calendar year this desk cannot work with (a make-up day on a holiday or a
// weekday) is the one exception: it is left out, its reason kept for the sync status, and the rest
// of the page applied — refusing the page would stall every dossier behind one bad calendar. A unit
// change is treated alike: one the desk cannot read, or that names units it lacks or takes another
// unit's agency identifier or GSO code (unitChangeProblems), is left out and its reason kept.

export interface AppliedPage {
  newEvents: number;
  /** Reference changes applied (a refused calendar year or unit is not counted). */
  references: number;
  touchedDossiers: string[];
}

export class RemoteApplier {
  private readonly log: EventLogRepository;
  private readonly projections: ProjectionRepository;
  private readonly references: ReferenceRepository;
  private readonly catalogue: CatalogueRepository;
  private readonly deviceClock: DeviceClockRepository;
  private readonly conflicts: CodeConflictRepository;
  private readonly insertStmt;
  private readonly existsStmt;
  private readonly clockStmt;
  private readonly saveClockStmt;

  constructor(
    private readonly db: DeskDatabase,
    private readonly deps: { deviceId: string; now(): number; calendar: CalendarRepository; sync: SyncRepository },
  ) {
    this.log = new EventLogRepository(db);
    this.projections = new ProjectionRepository(db);
    this.references = new ReferenceRepository(db);
    this.catalogue = new CatalogueRepository(db);
    this.deviceClock = new DeviceClockRepository(db);
    this.conflicts = new CodeConflictRepository(db);
    // ON CONFLICT (id) only: another event reusing a device counter is an anomaly that must surface, not vanish.
    // Positional parameters: a pull inserts tens of thousands of events, and binding by name costs a
    // lookup per column and a copy of each event.
    this.insertStmt = db.prepare<[string, string, string, string, string, string, number, string, string, string]>(
      `INSERT INTO events (id, dossier_id, type, payload, officer_id, device_id, device_seq, hlc, occurred_at, recorded_at, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'remote')
       ON CONFLICT (id) DO NOTHING`,
    );
    this.existsStmt = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM dossiers WHERE id = ?');
    this.clockStmt = db.prepare<[string], { last_seq: number; last_hlc: string }>('SELECT last_seq, last_hlc FROM device_clock WHERE device_id = ?');
    this.saveClockStmt = db.prepare<[string, number, string]>(
      `INSERT INTO device_clock (device_id, last_seq, last_hlc) VALUES (?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET last_hlc = excluded.last_hlc`,
    );
  }

  apply(entries: readonly PulledEntry[], next: PullCursor): AppliedPage {
    const nowMs = this.deps.now();
    const recordedAt = new Date(nowMs).toISOString();
    let newEvents = 0;
    let references = 0;
    const fresh = new Map<string, DossierEvent[]>();
    const hadEvents = new Map<string, boolean>();
    const setAside: string[] = [];

    this.db.transaction(() => {
      let clock: Hlc | null = null;
      for (const entry of entries) {
        if (entry.kind === 'refused-reference') {
          this.deps.sync.noteUnitChangeRefusal(entry.reason, recordedAt);
          continue;
        }
        if (entry.kind === 'reference') {
          if (entry.reference.type === 'calendar.year') {
            if (this.applyCalendarYear(entry.reference.record, recordedAt)) references += 1;
          } else if (entry.reference.type === 'catalogue.unit') {
            if (this.applyUnit(entry.reference.record, recordedAt)) references += 1;
          } else {
            this.references.upsertProcedure(entry.reference.record);
            references += 1;
          }
          continue;
        }
        const event = entry.event;
        if (!hadEvents.has(event.dossierId)) hadEvents.set(event.dossierId, this.existsStmt.get(event.dossierId) !== undefined);
        const inserted =
          this.insertStmt.run(
            event.id,
            event.dossierId,
            event.type,
            JSON.stringify(event.payload),
            event.officerId,
            event.deviceId,
            event.deviceSeq,
            event.hlc,
            event.occurredAt,
            recordedAt,
          ).changes === 1;
        if (!inserted) continue;
        newEvents += 1;
        const ofDossier = fresh.get(event.dossierId);
        if (ofDossier === undefined) fresh.set(event.dossierId, [event]);
        else ofDossier.push(event);
        clock = receive(clock ?? this.localClock(nowMs), parseHlc(event.hlc), nowMs);
      }

      for (const [dossierId, events] of fresh) {
        // A dossier new to this desk folds from the page alone; a known one from all its events.
        const state = foldDossier(hadEvents.get(dossierId) === true ? this.log.eventsOf(dossierId) : events);
        if (state === null) continue;
        // The centre gave this dossier its code, so a dossier of this desk holding it (a restored or
        // misconfigured desk issued it again) is set aside for the supervisor instead of failing the page.
        const holder = state.code === null ? null : this.conflicts.holderOf(state.code, dossierId);
        if (holder !== null && this.conflicts.of(dossierId)?.code !== state.code) {
          this.conflicts.setAside(holder, state.code!, codeTakenReason(state.code!), recordedAt);
          setAside.push(holder);
        }
        this.projections.write(state);
      }
      if (clock !== null) this.saveClock(clock);
      this.deps.sync.setState('pull.cursor', next);
    })();
    return { newEvents, references, touchedDossiers: [...fresh.keys(), ...setAside] };
  }

  /** Stores a pulled year the desk's calendar accepts; otherwise keeps the year's old record and says why. */
  private applyCalendarYear(year: CalendarYear, recordedAt: string): boolean {
    const problems = calendarYearProblems(this.deps.calendar.workCalendar(), year);
    if (problems.length > 0) {
      const reason = `Lịch năm ${year.year} trung tâm gửi về không được áp dụng (máy vẫn dùng lịch đang có của năm này): ${problems.join('; ')}`;
      this.deps.sync.setCalendarYearRefusal(year.year, reason);
      return false;
    }
    this.deps.calendar.put(year, recordedAt, null);
    this.deps.sync.setCalendarYearRefusal(year.year, null);
    return true;
  }

  /** Stores a pulled unit the desk's catalogue accepts; otherwise keeps the unit as it was and says why. */
  private applyUnit(unit: Unit, recordedAt: string): boolean {
    const problems = unitChangeProblems(this.catalogue.units(), unit);
    if (problems.length > 0) {
      this.deps.sync.noteUnitChangeRefusal(`${unitChangeRefusal(unit, problems)} (máy vẫn dùng danh mục đơn vị đang có)`, recordedAt);
      return false;
    }
    this.catalogue.putPublishedUnit(unit);
    return true;
  }

  /** The stored clock, healed if unusable (an overflowed or far-ahead stamp must not stop pulls). */
  private localClock(nowMs: number): Hlc {
    return this.deviceClock.current(this.deps.deviceId, nowMs) ?? { wallMs: 0, counter: 0, node: this.deps.deviceId };
  }

  private saveClock(clock: Hlc): void {
    const lastSeq = this.clockStmt.get(this.deps.deviceId)?.last_seq ?? 0;
    this.saveClockStmt.run(this.deps.deviceId, lastSeq, formatHlc({ ...clock, node: this.deps.deviceId }));
  }
}
