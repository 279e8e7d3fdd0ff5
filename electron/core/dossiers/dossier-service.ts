import type { z } from 'zod';
import type { Officer } from '../../../shared/contract/setup.js';
import type {
  AppointmentPreview,
  DossierDetail,
  dossiersReceiveArgs,
  dossiersRefuseArgs,
  dossiersPreviewAppointmentArgs,
  RebuildReport,
} from '../../../shared/contract/dossiers.js';
import { CommandError } from '../../../shared/contract/errors.js';
import { unloadedCalendarNote } from '../../../shared/domain/calendar/calendar-coverage.js';
import { appointmentAt, extendBySupplementWait, type DeadlineLimit } from '../../../shared/domain/calendar/deadlines.js';
import { limitText } from '../../../shared/domain/calendar/limit-text.js';
import type { WorkCalendar } from '../../../shared/domain/calendar/work-calendar.js';
import type { Procedure } from '../../../shared/domain/catalogue/procedure.js';
import { missingPapersMessage, missingRequiredPapers } from '../../../shared/domain/catalogue/required-papers.js';
import type { DossierEventPayloads, DossierEventType, ProcedureSnapshot } from '../../../shared/domain/dossier/events.js';
import { foldDossier } from '../../../shared/domain/dossier/fold.js';
import { isAwaitingCounterSupplement } from '../../../shared/domain/dossier/reception.js';
import type { DossierState } from '../../../shared/domain/dossier/state.js';
import type { CalendarRepository } from '../calendar/calendar-repository.js';
import type { CatalogueRepository } from '../catalogue/catalogue-repository.js';
import type { DeskDatabase } from '../db/open-database.js';
import type { DeskEventBus } from '../event-bus.js';
import type { DeskSession } from '../officers/desk-session.js';
import { requireConfiguredDesk } from '../settings/desk-settings.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import { requirePlausibleBirthDate } from './applicant-checks.js';
import { CodeAllocator } from './code-allocator.js';
import { CodeConflictRepository } from './code-conflict-repository.js';
import { DeviceClockRepository } from './device-clock-repository.js';
import { describeDossier } from './dossier-detail.js';
import { EventLogRepository } from './event-log-repository.js';
import { ProjectionRepository } from './projection-repository.js';
import { rebuildProjections } from './rebuild-projections.js';
import { recordEvent, type EventRecorderDeps } from './record-event.js';

export interface DossierServiceDeps {
  db: DeskDatabase;
  session: DeskSession;
  settings: SettingsRepository;
  catalogue: CatalogueRepository;
  calendar: CalendarRepository;
  events: DeskEventBus;
  deviceId: string;
  now(): number;
  newId(): string;
}

// Back-entry covers outages, not archaeology: a paper log older than this is a data migration.
const BACK_ENTRY_MAX_AGE_DAYS = 90;

/** The one limit that applies: the shorter online limit for online submissions, where one exists. */
export function applicableLimit(procedure: Procedure, channel: 1 | 2 | 3): DeadlineLimit {
  return channel === 2 && procedure.onlineLimit ? procedure.onlineLimit : procedure.limit;
}

/** Refuses an acceptance whose received papers lack one the procedure always requires. */
function requireRequiredPapers(procedure: Procedure, documents: readonly { itemId: string }[]): void {
  const missing = missingRequiredPapers(procedure.documents, new Set(documents.map((doc) => doc.itemId)));
  if (missing.length > 0) throw new CommandError('papers_missing', missingPapersMessage(missing));
}

/** Receives, acts on and reads dossiers; every change is one event in one transaction. */
export class DossierService {
  readonly log: EventLogRepository;
  private readonly projections: ProjectionRepository;
  private readonly codes: CodeAllocator;
  private readonly conflicts: CodeConflictRepository;
  private readonly recorder: EventRecorderDeps;

  constructor(private readonly deps: DossierServiceDeps) {
    this.log = new EventLogRepository(deps.db);
    this.projections = new ProjectionRepository(deps.db);
    this.codes = new CodeAllocator(deps.db);
    this.conflicts = new CodeConflictRepository(deps.db);
    this.recorder = {
      log: this.log,
      clock: new DeviceClockRepository(deps.db),
      projections: this.projections,
      deviceId: deps.deviceId,
      newId: deps.newId,
    };
  }

  private procedureOrFail(id: string): Procedure {
    const procedure = this.deps.catalogue.procedure(id);
    if (procedure === null) throw new CommandError('not_found', `Không tìm thấy thủ tục "${id}" trong danh mục.`);
    return procedure;
  }

  private snapshotOf(procedure: Procedure, channel: 1 | 2 | 3): ProcedureSnapshot {
    const sectorName = this.deps.catalogue.sectors().find((s) => s.id === procedure.sectorId)?.name ?? procedure.sectorId;
    return {
      id: procedure.id,
      code: procedure.code,
      name: procedure.name,
      sectorId: procedure.sectorId,
      sectorName,
      limit: applicableLimit(procedure, channel),
      cutoff: procedure.cutoff?.time ?? null,
    };
  }

  private appointmentFor(snapshot: ProcedureSnapshot, fromIso: string): string {
    return appointmentAt(fromIso, snapshot.limit, { cutoff: snapshot.cutoff }, this.deps.calendar.workCalendar());
  }

  private notify(state: DossierState): DossierDetail {
    this.deps.events.publish('dossiers.changed', { dossierIds: [state.id] });
    return this.detailOf(state);
  }

  private receivedAtFor(officer: Officer, requested: string | undefined, nowMs: number): string {
    if (requested === undefined) return new Date(nowMs).toISOString();
    if (officer.role !== 'supervisor') {
      throw new CommandError('forbidden', 'Chỉ cán bộ giám sát được nhập bổ sung hồ sơ đã tiếp nhận trên giấy.');
    }
    const ms = Date.parse(requested);
    if (ms > nowMs) throw new CommandError('invalid_argument', 'Thời điểm tiếp nhận không được ở tương lai.');
    if (ms < nowMs - BACK_ENTRY_MAX_AGE_DAYS * 86_400_000) {
      throw new CommandError('invalid_argument', `Chỉ nhập bổ sung hồ sơ tiếp nhận trong vòng ${BACK_ENTRY_MAX_AGE_DAYS} ngày.`);
    }
    return new Date(ms).toISOString();
  }

  receive(args: z.output<typeof dossiersReceiveArgs>): DossierDetail {
    const officer = this.deps.session.requireOfficer();
    const nowMs = this.deps.now();
    requirePlausibleBirthDate(args.applicant.birthDate, nowMs, 'applicant.birthDate');
    const state = this.deps.db
      .transaction(() => {
        const desk = requireConfiguredDesk(this.deps.settings);
        const procedure = this.procedureOrFail(args.procedureId);
        const accepted = args.intake === 'accepted';
        if (accepted) requireRequiredPapers(procedure, args.documents);
        const snapshot = this.snapshotOf(procedure, args.channel);
        const receivedAt = this.receivedAtFor(officer, args.receivedAt, nowMs);
        const payload: DossierEventPayloads['dossier.received'] = {
          // Turned back at the counter (form 02): not received, so no serial of the day (reception.ts).
          code: accepted ? this.codes.allocate(desk.unit.agencyId, desk.station, receivedAt) : null,
          unit: desk.unit,
          procedure: snapshot,
          channel: args.channel,
          applicant: args.applicant,
          owner: args.owner,
          documents: args.documents,
          sets: args.sets,
          notes: args.notes,
          receivedAt,
          appointmentAt: accepted ? this.appointmentFor(snapshot, receivedAt) : null,
          backEntered: args.receivedAt !== undefined,
          intake: args.intake,
          supplement: accepted ? null : (args.supplement ?? null),
        };
        return recordEvent(this.recorder, {
          dossierId: this.deps.newId(),
          type: 'dossier.received',
          officerId: officer.id,
          occurredAt: receivedAt,
          nowMs,
          payload: () => payload,
        });
      })
      .immediate();
    return this.notify(state);
  }

  refuse(args: z.output<typeof dossiersRefuseArgs>): DossierDetail {
    const officer = this.deps.session.requireOfficer();
    const nowMs = this.deps.now();
    const refusedAt = new Date(nowMs).toISOString();
    requirePlausibleBirthDate(args.applicant.birthDate, nowMs, 'applicant.birthDate');
    const state = this.deps.db
      .transaction(() => {
        const desk = requireConfiguredDesk(this.deps.settings);
        const procedure = this.procedureOrFail(args.procedureId);
        return recordEvent(this.recorder, {
          dossierId: this.deps.newId(),
          type: 'dossier.refused',
          officerId: officer.id,
          occurredAt: refusedAt,
          nowMs,
          payload: () => ({
            unit: desk.unit,
            procedure: this.snapshotOf(procedure, args.channel),
            channel: args.channel,
            applicant: args.applicant,
            reason: args.reason,
            refusedAt,
          }),
        });
      })
      .immediate();
    return this.notify(state);
  }

  previewAppointment(args: z.output<typeof dossiersPreviewAppointmentArgs>): AppointmentPreview {
    const procedure = this.procedureOrFail(args.procedureId);
    const snapshot = this.snapshotOf(procedure, args.channel);
    const from = args.receivedAt ?? new Date(this.deps.now()).toISOString();
    const appointment = this.appointmentFor(snapshot, from);
    return {
      appointmentAt: appointment,
      limitText: limitText(snapshot.limit),
      calendarNote: unloadedCalendarNote(from, appointment, this.deps.calendar.workCalendar()),
    };
  }

  /** Adds one lifecycle event to an existing dossier; `build` sees the current state, the time and who acts. */
  act<T extends DossierEventType>(
    dossierId: string,
    type: T,
    build: (state: DossierState, nowIso: string, officer: Officer) => DossierEventPayloads[T],
    options: { role?: 'supervisor' } = {},
  ): DossierDetail {
    const officer = this.deps.session.requireOfficer(options.role);
    const nowMs = this.deps.now();
    const nowIso = new Date(nowMs).toISOString();
    const state = this.deps.db
      .transaction(() =>
        recordEvent(this.recorder, {
          dossierId,
          type,
          officerId: officer.id,
          occurredAt: nowIso,
          nowMs,
          payload: (current) => {
            if (current === null) throw new CommandError('not_found', 'Không tìm thấy hồ sơ.');
            return build(current, nowIso, officer);
          },
        }),
      )
      .immediate();
    return this.notify(state);
  }

  /**
   * The citizen brought the papers asked for. During processing the appointment moves by the wait; for
   * a dossier turned back at the counter this is its receipt: the code of today from this station's
   * serials (unless an event written before the rule already gave it one) and the appointment of a
   * receipt now — form 01 is printed from it.
   */
  receiveSupplement(dossierId: string): DossierDetail {
    return this.act(dossierId, 'supplement.received', (state, now) => {
      const open = state.supplements.at(-1);
      if (isAwaitingCounterSupplement(state)) {
        const payload: DossierEventPayloads['supplement.received'] = { receivedAt: now, newAppointmentAt: this.appointmentFor(state.procedure, now) };
        if (state.code !== null) return payload;
        const desk = requireConfiguredDesk(this.deps.settings);
        return { ...payload, code: this.codes.allocate(desk.unit.agencyId, desk.station, now) };
      }
      const newAppointmentAt =
        state.appointmentAt === null || open === undefined
          ? this.appointmentFor(state.procedure, now)
          : extendBySupplementWait(state.appointmentAt, open.requestedAt, now, this.deps.calendar.workCalendar());
      return { receivedAt: now, newAppointmentAt };
    });
  }

  /**
   * A new code for a dossier set aside because another dossier of the unit holds its code: the
   * station's next free code, recorded as an event (the receipt is then reprinted with it).
   */
  reissueCode(dossierId: string, reason: string): DossierDetail {
    const officer = this.deps.session.requireOfficer('supervisor');
    const nowMs = this.deps.now();
    const nowIso = new Date(nowMs).toISOString();
    const state = this.deps.db
      .transaction(() => {
        const conflict = this.conflicts.of(dossierId);
        if (conflict === null) throw new CommandError('conflict', 'Hồ sơ này không bị trùng mã: không cần cấp lại mã.');
        const desk = requireConfiguredDesk(this.deps.settings);
        const recorded = recordEvent(this.recorder, {
          dossierId,
          type: 'code.reissued',
          officerId: officer.id,
          occurredAt: nowIso,
          nowMs,
          payload: (current) => {
            if (current === null) throw new CommandError('not_found', 'Không tìm thấy hồ sơ.');
            return { code: this.codes.allocate(desk.unit.agencyId, desk.station, nowIso), previousCode: current.code, reason };
          },
        });
        this.conflicts.resolve(dossierId);
        return recorded;
      })
      .immediate();
    return this.notify(state);
  }

  calendar(): WorkCalendar {
    return this.deps.calendar.workCalendar();
  }

  stateOf(dossierId: string): DossierState | null {
    return foldDossier(this.log.eventsOf(dossierId));
  }

  idOfCode(code: string): string | null {
    const row = this.deps.db.prepare<[string], { id: string }>('SELECT id FROM dossiers WHERE code = ?').get(code.trim().toUpperCase());
    return row?.id ?? null;
  }

  detailOf(state: DossierState): DossierDetail {
    const nowIso = new Date(this.deps.now()).toISOString();
    return describeDossier(this.deps.db, state, this.log.eventsOf(state.id), nowIso, this.calendar(), this.conflicts.of(state.id));
  }

  /** Drops every projection and folds them again from the event log, in one transaction. */
  rebuild(): RebuildReport {
    this.deps.session.requireOfficer('supervisor');
    const started = performance.now();
    const { dossiers, events } = rebuildProjections(this.deps.db);
    return { dossiers, events, durationMs: Math.round(performance.now() - started) };
  }
}
