import { monotonicFactory } from 'ulid';
import { calendarYearProblems } from '../../shared/domain/calendar/calendar-validation.js';
import { unitChangeProblems, unitChangeRefusal } from '../../shared/domain/catalogue/unit-change.js';
import type { Unit } from '../../shared/domain/catalogue/unit.js';
import { SEED_WORK_CALENDAR } from '../../shared/domain/calendar/seed-calendar.js';
import type { ReferenceChange } from '../../shared/sync/protocol.js';
import { CENTRE_DEVICE_ID } from '../../shared/sync/protocol.js';
import { referenceChangeSchema } from '../../shared/sync/schemas.js';
import { invalidRequest } from '../http/centre-error.js';
import type { CentreStorage } from '../storage/storage.js';
import { appendEntries } from './append-entries.js';
import { prepareReference } from './prepare-event.js';

// Catalogue and calendar changes an administrator makes at the centre: appended to the same log, city-
// wide, so every desk receives them in order with its dossiers' events on its next pull.

const ulid = monotonicFactory();

/**
 * The change as every desk will check it before applying it. A calendar year is checked alone and
 * against the weekends and fixed holidays every desk has (the seed's): one the desks would refuse
 * (a make-up day on 1/5, two entries for one day) is refused here, each problem named in Vietnamese.
 * A unit is checked against `units`, the centre's catalogue as last published (CentreCatalogue.units):
 * one naming units it lacks, or taking another unit's agency identifier or GSO code, is refused.
 */
export function checkReferenceChange(raw: unknown, units: readonly Unit[]): ReferenceChange {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  const record = typeof raw === 'object' && raw !== null ? (raw as { record?: unknown }).record : undefined;
  if (type === 'calendar.year') {
    const problems = calendarYearProblems(SEED_WORK_CALENDAR, record);
    if (problems.length > 0) throw invalidRequest(`Lịch năm không hợp lệ — ${problems.join('; ')}`);
  }
  if (type === 'catalogue.unit') {
    const problems = unitChangeProblems(units, record);
    if (problems.length > 0) throw invalidRequest(unitChangeRefusal(record, problems));
  }
  return referenceChangeSchema.parse(raw);
}

export async function publishReference(storage: CentreStorage, change: ReferenceChange, now: () => number): Promise<{ id: string }> {
  const nowMs = now();
  const reference = prepareReference(ulid(nowMs), change);
  const recordedAt = new Date(nowMs).toISOString();
  await storage.transaction((tx) => appendEntries(tx, { deviceId: CENTRE_DEVICE_ID, unitGso: null }, [], [reference], recordedAt));
  return { id: reference.id };
}
