import { monotonicFactory } from 'ulid';
import { appointmentAt } from '../../shared/domain/calendar/deadlines.js';
import { isWorkingDay } from '../../shared/domain/calendar/working-days.js';
import { addDaysToLocalDate, instantOfLocal } from '../../shared/domain/calendar/vietnam-time.js';
import type { WorkCalendar } from '../../shared/domain/calendar/work-calendar.js';
import type { Procedure } from '../../shared/domain/catalogue/procedure.js';
import { PROCEDURES } from '../../shared/domain/catalogue/seed/procedures.js';
import { SECTORS } from '../../shared/domain/catalogue/seed/sectors.js';
import { formatHlc } from '../../shared/domain/clock/hlc.js';
import { formatDossierCode } from '../../shared/domain/dossier-code/dossier-code.js';
import { vietnamDateKey } from '../../shared/domain/dossier-code/vietnam-date.js';
import type { DossierEvent, DossierEventPayloads, DossierEventType } from '../../shared/domain/dossier/events.js';
import { foldDossier } from '../../shared/domain/dossier/fold.js';
import { CalendarRepository } from '../../electron/core/calendar/calendar-repository.js';
import type { DeskDatabase } from '../../electron/core/db/open-database.js';
import { EventLogRepository } from '../../electron/core/dossiers/event-log-repository.js';
import { ProjectionRepository } from '../../electron/core/dossiers/projection-repository.js';
import { fabricatedIdNumber, fabricatedName, fabricatedPhone, seededRandom } from './fabricated-people.js';

// Seeds a desk database with a decade of fabricated dossiers through the real event log, the real
// fold and the real projection writer — only the per-command checks (schema, lifecycle) are skipped,
// since every history built here follows the lifecycle by construction.

export interface SeedOptions {
  dossiers: number;
  /** The last day of the seeded history (Vietnam date); it runs back from here. */
  lastDay: string;
  agencyId: string;
  unit: { gsoCode: string; name: string; agencyId: string };
  officerId: string;
  deviceId: string;
  station: number;
  onProgress?(done: number): void;
}

const DAY_MS = 86_400_000;
const BATCH = 5_000;

export function seedDossiers(db: DeskDatabase, options: SeedOptions): { events: number } {
  const random = seededRandom(20261129);
  const log = new EventLogRepository(db);
  const projections = new ProjectionRepository(db);
  const calendar: WorkCalendar = new CalendarRepository(db).workCalendar();
  const sectorName = new Map(SECTORS.map((s) => [s.id, s.name]));
  const lastMs = Date.parse(`${options.lastDay}T10:00:00Z`);

  // About 274 dossiers a working day over the span: a busy ward.
  const workingDays: string[] = [];
  for (let day = options.lastDay; workingDays.length * 274 < options.dossiers; day = addDaysToLocalDate(day, -1)) {
    if (isWorkingDay(day, calendar)) workingDays.unshift(day);
  }
  const perDay = Math.ceil(options.dossiers / workingDays.length);

  const appointmentCache = new Map<string, string>();
  const appointmentFor = (procedure: Procedure, receivedAt: string) => {
    const key = `${procedure.id}|${receivedAt}`;
    let value = appointmentCache.get(key);
    if (value === undefined) {
      value = appointmentAt(receivedAt, procedure.limit, { cutoff: procedure.cutoff?.time ?? null }, calendar);
      appointmentCache.set(key, value);
    }
    return value;
  };

  let deviceSeq = 0;
  let maxHlcMs = 0;
  let eventCount = 0;
  let dossierCount = 0;
  const ulid = monotonicFactory(() => random());

  const makeEvent = <T extends DossierEventType>(dossierId: string, type: T, occurredAt: string, payload: DossierEventPayloads[T]): DossierEvent => {
    const wallMs = Date.parse(occurredAt);
    maxHlcMs = Math.max(maxHlcMs, wallMs);
    deviceSeq += 1;
    return {
      id: ulid(wallMs),
      dossierId,
      type,
      payload,
      officerId: options.officerId,
      deviceId: options.deviceId,
      deviceSeq,
      hlc: formatHlc({ wallMs, counter: 0, node: options.deviceId }),
      occurredAt,
    } as DossierEvent;
  };

  const insertBatch = db.transaction((days: string[]) => {
    for (const day of days) {
      for (let serial = 1; serial <= perDay && dossierCount < options.dossiers; serial += 1) {
        const minute = 30 + Math.floor(random() * 540); // 07:30–16:30
        const receivedAt = instantOfLocal(day, `${String(7 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
        const receivedMs = Date.parse(receivedAt);
        const procedure = PROCEDURES[Math.floor(random() * PROCEDURES.length)]!;
        const channel = (random() < 0.4 ? 2 : random() < 0.95 ? 1 : 3) as 1 | 2 | 3;
        const dossierId = ulid(receivedMs);
        const birthYear = 1950 + Math.floor(random() * 55);
        const appointment = appointmentFor(procedure, receivedAt);
        const events: DossierEvent[] = [
          makeEvent(dossierId, 'dossier.received', receivedAt, {
            code: formatDossierCode({ agencyIdentifier: options.agencyId, dateKey: vietnamDateKey(receivedAt), serial: options.station * 1000 + serial }),
            unit: options.unit,
            procedure: {
              id: procedure.id,
              code: procedure.code,
              name: procedure.name,
              sectorId: procedure.sectorId,
              sectorName: sectorName.get(procedure.sectorId) ?? procedure.sectorId,
              limit: procedure.limit,
              cutoff: procedure.cutoff?.time ?? null,
            },
            channel,
            applicant: {
              fullName: fabricatedName(random),
              idNumber: fabricatedIdNumber(random, birthYear),
              birthDate: `${birthYear}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
              sex: random() < 0.5 ? 'male' : 'female',
              address: 'Tổ 3, Khu 5, Phường Hồng Gai',
              phone: fabricatedPhone(random),
              email: null,
            },
            owner: null,
            documents: procedure.documents.filter((d) => d.required).map((d) => ({ itemId: d.id, name: d.name, form: d.form === 'original_or_copy' ? 'copy' : d.form, count: d.count })),
            sets: 1,
            notes: '',
            receivedAt,
            appointmentAt: appointment,
            backEntered: false,
            intake: 'accepted',
            supplement: null,
          }),
        ];
        // Older dossiers have run their course; the last days' are still in progress.
        const ageDays = (lastMs - receivedMs) / DAY_MS;
        const fate = random();
        if (fate < 0.02) {
          events.push(makeEvent(dossierId, 'dossier.withdrawn', new Date(receivedMs + 3_600_000).toISOString(), { reason: 'Công dân rút hồ sơ', withdrawnAt: new Date(receivedMs + 3_600_000).toISOString() }));
        } else if (ageDays > 2 || fate < 0.5) {
          const forwardedAt = new Date(receivedMs + 1_800_000).toISOString();
          events.push(makeEvent(dossierId, 'dossier.forwarded', forwardedAt, { to: { kind: 'agency', name: 'Công chức chuyên môn' }, note: '', forwardedAt }));
          const late = random() < 0.05;
          const resultMs = late ? Date.parse(appointment) + DAY_MS : Math.max(receivedMs + 3_600_000, Date.parse(appointment) - 3_600_000);
          // Each fact strictly after the one before, and none after the end of the seeded history.
          if (resultMs < lastMs && (ageDays > 10 || fate < 0.7)) {
            const resultAt = new Date(resultMs).toISOString();
            events.push(makeEvent(dossierId, 'result.recorded', resultAt, { resultAt, summary: 'Đã giải quyết', outcome: 'approved' }));
            const handedBackMs = resultMs + DAY_MS;
            if (handedBackMs < lastMs && fate < 0.97) {
              const handedBackAt = new Date(handedBackMs).toISOString();
              events.push(makeEvent(dossierId, 'result.handedBack', handedBackAt, { collector: { kind: 'applicant' }, handedBackAt }));
              const r = random();
              const level = r < 0.9 ? 'very_satisfied' : r < 0.97 ? 'satisfied' : r < 0.98 ? 'not_satisfied' : 'not_rated';
              events.push(makeEvent(dossierId, 'satisfaction.rated', new Date(handedBackMs + 60_000).toISOString(), { level }));
            }
          }
        }
        for (const event of events) log.append(event, event.occurredAt);
        projections.write(foldDossier(events)!);
        eventCount += events.length;
        dossierCount += 1;
      }
    }
  });

  for (let i = 0; i < workingDays.length; i += Math.max(1, Math.floor(BATCH / perDay))) {
    insertBatch(workingDays.slice(i, i + Math.max(1, Math.floor(BATCH / perDay))));
    options.onProgress?.(dossierCount);
  }
  db.prepare(
    `INSERT INTO device_clock (device_id, last_seq, last_hlc) VALUES (?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET last_seq = excluded.last_seq, last_hlc = excluded.last_hlc`,
  ).run(options.deviceId, deviceSeq, formatHlc({ wallMs: maxHlcMs + 1, counter: 0, node: options.deviceId }));
  return { events: eventCount };
}
