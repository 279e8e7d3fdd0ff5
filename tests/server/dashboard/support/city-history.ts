import { monotonicFactory } from 'ulid';
import { appointmentAt, extendBySupplementWait } from '../../../../shared/domain/calendar/deadlines.js';
import { SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';
import { addDaysToLocalDate, instantOfLocal } from '../../../../shared/domain/calendar/vietnam-time.js';
import { isWorkingDay } from '../../../../shared/domain/calendar/working-days.js';
import type { Procedure } from '../../../../shared/domain/catalogue/procedure.js';
import { HA_LONG_UNITS } from '../../../../shared/domain/catalogue/seed/ha-long-units.js';
import { PROCEDURES } from '../../../../shared/domain/catalogue/seed/procedures.js';
import { SECTORS } from '../../../../shared/domain/catalogue/seed/sectors.js';
import { formatHlc } from '../../../../shared/domain/clock/hlc.js';
import { formatDossierCode } from '../../../../shared/domain/dossier-code/dossier-code.js';
import { vietnamDateKey } from '../../../../shared/domain/dossier-code/vietnam-date.js';
import type { Channel, DossierEvent, DossierEventPayloads, DossierEventType, UnitSnapshot } from '../../../../shared/domain/dossier/events.js';
import { appendEntries } from '../../../../server/sync/append-entries.js';
import { prepareEvent } from '../../../../server/sync/prepare-event.js';
import type { CentreStorage } from '../../../../server/storage/storage.js';
import { fabricatedIdNumber, fabricatedName, fabricatedPhone, seededRandom } from '../../../../bench/support/fabricated-people.js';

// A fabricated city: every unit's desk receiving dossiers on working days over a span, each dossier
// living a lifecycle-valid story (supplements at intake and in processing, apologies, withdrawals,
// stops, fees, results early / on time / late, hand-backs and ratings), cut at `lastMs` so the latest
// ones are still open. Deterministic for a seed. Events go to the centre through the real append path.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface CityHistoryOptions {
  /** GSO codes of the units with a desk (default: all 33). */
  units?: readonly string[];
  /** Dossiers each unit receives per working day. */
  perUnitPerDay: number;
  fromDay: string;
  /** Nothing happens after this instant (the "now" of the seeded centre). */
  lastMs: number;
  seed?: number;
}

export interface DeskStream {
  deviceId: string;
  unit: UnitSnapshot;
  /** Batches of at most `size` events, each dossier's creation before its other events. */
  batches(size: number): Generator<DossierEvent[]>;
}

const sectorName = new Map(SECTORS.map((s) => [s.id, s.name]));

export function unitSnapshot(gsoCode: string): UnitSnapshot {
  const unit = HA_LONG_UNITS.find((u) => u.gsoCode === gsoCode);
  if (unit === undefined) throw new Error(`no unit ${gsoCode}`);
  return { gsoCode, name: unit.name, agencyId: unit.agencyId };
}

export const deskIdOf = (gsoCode: string): string => `desk-${gsoCode}-1`;

/** One stream per unit's desk. */
export function cityHistory(options: CityHistoryOptions): DeskStream[] {
  const codes = options.units ?? HA_LONG_UNITS.map((u) => u.gsoCode);
  return codes.map((code, index) => deskStream(code, options, (options.seed ?? 20261215) + index * 7919));
}

function deskStream(gsoCode: string, options: CityHistoryOptions, seed: number): DeskStream {
  const unit = unitSnapshot(gsoCode);
  const deviceId = deskIdOf(gsoCode);
  return {
    deviceId,
    unit,
    *batches(size: number) {
      const random = seededRandom(seed);
      const ulid = monotonicFactory(() => random());
      let seq = 0;
      const event = <T extends DossierEventType>(dossierId: string, type: T, atMs: number, payload: DossierEventPayloads[T]): DossierEvent => {
        seq += 1;
        return {
          id: ulid(atMs),
          dossierId,
          type,
          payload,
          officerId: `officer-${gsoCode}-${1 + Math.floor(random() * 3)}`,
          deviceId,
          deviceSeq: seq,
          hlc: formatHlc({ wallMs: atMs, counter: 0, node: deviceId }),
          occurredAt: new Date(atMs).toISOString(),
        } as DossierEvent;
      };
      let batch: DossierEvent[] = [];
      const lastDay = new Date(options.lastMs + 7 * HOUR_MS).toISOString().slice(0, 10);
      for (let day = options.fromDay; day <= lastDay; day = addDaysToLocalDate(day, 1)) {
        if (!isWorkingDay(day, SEED_WORK_CALENDAR)) continue;
        for (let serial = 1; serial <= options.perUnitPerDay; serial += 1) {
          const minute = 30 + Math.floor(random() * 540);
          const receivedMs = Date.parse(instantOfLocal(day, `${String(7 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`));
          if (receivedMs > options.lastMs) continue;
          const story = dossierStory({ random, unit, serial, receivedMs, lastMs: options.lastMs, dossierId: ulid(receivedMs), event });
          if (batch.length + story.length > size && batch.length > 0) {
            yield batch;
            batch = [];
          }
          batch.push(...story);
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}

interface StoryInput {
  random: () => number;
  unit: UnitSnapshot;
  serial: number;
  receivedMs: number;
  lastMs: number;
  dossierId: string;
  event<T extends DossierEventType>(dossierId: string, type: T, atMs: number, payload: DossierEventPayloads[T]): DossierEvent;
}

const iso = (ms: number) => new Date(ms).toISOString();

function snapshotOf(procedure: Procedure) {
  return {
    id: procedure.id,
    code: procedure.code,
    name: procedure.name,
    sectorId: procedure.sectorId,
    sectorName: sectorName.get(procedure.sectorId) ?? procedure.sectorId,
    limit: procedure.limit,
    cutoff: procedure.cutoff?.time ?? null,
  };
}

/** One dossier's events, in time order, none after lastMs. */
function dossierStory(input: StoryInput): DossierEvent[] {
  const { random, unit, receivedMs, lastMs, dossierId, event } = input;
  const procedure = PROCEDURES[Math.floor(random() * PROCEDURES.length)]!;
  const snapshot = snapshotOf(procedure);
  const channel: Channel = random() < 0.62 ? 2 : random() < 0.93 ? 1 : 3;
  const birthYear = 1950 + Math.floor(random() * 55);
  const applicant = {
    fullName: fabricatedName(random),
    idNumber: fabricatedIdNumber(random, birthYear),
    birthDate: `${birthYear}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    sex: random() < 0.5 ? ('male' as const) : ('female' as const),
    address: `Tổ ${1 + Math.floor(random() * 20)}, ${unit.name}`,
    phone: fabricatedPhone(random),
    email: null,
  };
  const fate = random();
  if (fate < 0.03) {
    return [event(dossierId, 'dossier.refused', receivedMs, { unit, procedure: snapshot, channel, applicant, reason: 'Không thuộc thẩm quyền giải quyết', refusedAt: iso(receivedMs) })];
  }
  const due = (fromMs: number) => Date.parse(appointmentAt(iso(fromMs), procedure.limit, { cutoff: procedure.cutoff?.time ?? null }, SEED_WORK_CALENDAR));
  const code = formatDossierCode({ agencyIdentifier: unit.agencyId, dateKey: vietnamDateKey(iso(receivedMs)), serial: 1000 + input.serial });
  const atIntake = fate < 0.1;
  let appointment: number | null = atIntake ? null : due(receivedMs);
  const events: DossierEvent[] = [
    event(dossierId, 'dossier.received', receivedMs, {
      code,
      unit,
      procedure: snapshot,
      channel,
      applicant,
      owner: null,
      documents: procedure.documents.filter((d) => d.required).map((d) => ({ itemId: d.id, name: d.name, form: d.form === 'original_or_copy' ? 'copy' : d.form, count: d.count })),
      sets: 1,
      notes: '',
      receivedAt: iso(receivedMs),
      appointmentAt: appointment === null ? null : iso(appointment),
      backEntered: false,
      intake: atIntake ? 'supplement_requested' : 'accepted',
      supplement: atIntake ? { items: ['Tờ khai'], reason: 'Thiếu tờ khai' } : null,
    }),
  ];
  let at = receivedMs;
  const next = (minMs: number, spreadMs: number) => at + minMs + Math.floor(random() * spreadMs);
  const happen = <T extends DossierEventType>(type: T, atMs: number, payload: DossierEventPayloads[T]): boolean => {
    if (atMs > lastMs) return false;
    at = atMs;
    events.push(event(dossierId, type, atMs, payload));
    return true;
  };

  if (random() < 0.3) happen('fee.recorded', at + 10 * 60_000, { amountVnd: 10_000 * (1 + Math.floor(random() * 10)), receiptNo: null });
  if (atIntake) {
    // 15% never bring the papers: the dossier waits (within time) until the end.
    const back = next(DAY_MS, 5 * DAY_MS);
    if (random() < 0.15 || back > lastMs) return events;
    appointment = due(back);
    if (!happen('supplement.received', back, { receivedAt: iso(back), newAppointmentAt: iso(appointment) })) return events;
  }
  const forwardedMs = next(20 * 60_000, 40 * 60_000);
  if (!happen('dossier.forwarded', forwardedMs, { to: { kind: 'agency', name: 'Công chức chuyên môn' }, note: '', forwardedAt: iso(forwardedMs) })) return events;

  const path = random();
  if (path < 0.03) {
    const when = next(HOUR_MS, 3 * DAY_MS);
    happen('dossier.withdrawn', when, { reason: 'Công dân rút hồ sơ', withdrawnAt: iso(when) });
    return events;
  }
  if (path < 0.04) {
    const when = next(HOUR_MS, 3 * DAY_MS);
    happen('processing.stopped', when, { reason: 'Dừng xử lý theo đề nghị của cơ quan chuyên môn', stoppedAt: iso(when) });
    return events;
  }
  if (path < 0.14) {
    const asked = next(2 * HOUR_MS, DAY_MS);
    if (!happen('supplement.requested', asked, { items: ['Giấy xác nhận'], reason: 'Thiếu giấy tờ', requestedAt: iso(asked) })) return events;
    const back = next(DAY_MS, 6 * DAY_MS);
    if (random() < 0.2 || back > lastMs) return events;
    appointment = Date.parse(extendBySupplementWait(iso(appointment!), iso(asked), iso(back), SEED_WORK_CALENDAR));
    if (!happen('supplement.received', back, { receivedAt: iso(back), newAppointmentAt: iso(appointment) })) return events;
  }
  if (random() < 0.06 && appointment! - DAY_MS > at) {
    const newAppointment = appointment! + 3 * DAY_MS;
    if (!happen('appointment.rescheduled', appointment! - DAY_MS, { reason: 'Cần xác minh thêm', previousAppointmentAt: iso(appointment!), newAppointmentAt: iso(newAppointment) })) {
      return events;
    }
    appointment = newAppointment;
  }
  const timing = random();
  const resultMs = Math.max(at + HOUR_MS, timing < 0.7 ? appointment! - DAY_MS : timing < 0.9 ? appointment! - HOUR_MS : appointment! + (1 + Math.floor(random() * 3)) * DAY_MS);
  if (!happen('result.recorded', resultMs, { resultAt: iso(resultMs), summary: 'Đã giải quyết', outcome: random() < 0.97 ? 'approved' : 'rejected' })) return events;
  const handedMs = next(HOUR_MS, 2 * DAY_MS);
  if (random() < 0.05 || !happen('result.handedBack', handedMs, { collector: { kind: 'applicant' }, handedBackAt: iso(handedMs) })) return events;
  if (random() < 0.85) {
    const r = random();
    happen('satisfaction.rated', at + 60_000, { level: r < 0.8 ? 'very_satisfied' : r < 0.94 ? 'satisfied' : r < 0.97 ? 'not_satisfied' : 'not_rated' });
  }
  return events;
}

/** Appends each desk's stream to the centre through the append path, as that desk; returns the event count. */
export async function appendCityHistory(storage: CentreStorage, streams: readonly DeskStream[], options: { batch?: number; recordedAt?: string } = {}): Promise<number> {
  let count = 0;
  const recordedAt = options.recordedAt ?? new Date().toISOString();
  for (const stream of streams) {
    for (const batch of stream.batches(options.batch ?? 1000)) {
      const prepared = batch.map((e) => {
        const result = prepareEvent(e as unknown as Record<string, unknown>);
        if (!result.ok) throw new Error(result.message);
        return result.prepared;
      });
      const outcome = await storage.transaction((tx) => appendEntries(tx, { deviceId: stream.deviceId, unitGso: stream.unit.gsoCode }, prepared, [], recordedAt));
      if (outcome.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(outcome.rejected[0])}`);
      count += outcome.stored.length;
    }
  }
  return count;
}
