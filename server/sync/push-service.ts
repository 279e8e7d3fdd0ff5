import type { FastifyBaseLogger } from 'fastify';
import { eventClockProblem } from '../../shared/domain/clock/clock-bound.js';
import type { PushRejection, PushResponse } from '../../shared/sync/protocol.js';
import type { CentreCatalogue } from '../catalogue/centre-catalogue.js';
import type { CentreStorage, DeviceRecord } from '../storage/storage.js';
import { appendEntries, type AppendOutcome, type PreparedEvent } from './append-entries.js';
import { prepareEvent, rawEventId } from './prepare-event.js';
import { checkProcedures } from './procedure-check.js';

/**
 * Stores a desk's batch: each event checked on its own, then all appended in one transaction.
 * Rejections are logged by id, device and code only — never the event, which holds personal data.
 */
export async function pushEvents(
  storage: CentreStorage,
  device: DeviceRecord,
  rawEvents: readonly Record<string, unknown>[],
  catalogue: CentreCatalogue,
  now: () => number,
  log: FastifyBaseLogger,
): Promise<PushResponse> {
  const valid: PreparedEvent[] = [];
  const invalid: PushRejection[] = [];
  const nowMs = now();
  for (const raw of rawEvents) {
    // The clock first, on the raw event: a stamp far ahead is refused whatever its format (a
    // 16-digit one too), since once stored every desk of the unit would pull it.
    const clock = eventClockProblem(raw, nowMs);
    if (clock !== null) {
      invalid.push({ id: rawEventId(raw), code: 'clock_ahead', message: clock.message });
      continue;
    }
    const result = prepareEvent(raw);
    if (result.ok) valid.push(result.prepared);
    else invalid.push({ id: result.id, code: 'invalid_event', message: result.message });
  }
  const { allowed, refused } = await checkProcedures(valid, catalogue);
  const recordedAt = new Date(nowMs).toISOString();
  const [formerUnits, units] = await Promise.all([storage.formerUnits(device.id), catalogue.currentUnits()]);
  const actor = { deviceId: device.id, unitId: device.unitId, unitGso: device.unitGso, formerUnits, station: device.station, catalogue: units };
  // A desk restored from a backup and re-keyed may still hold unsent events signed with the ids its
  // station used before: they are appended as those ids' (their own counter spaces), before its own.
  const predecessors = await storage.predecessors(device.id);
  const outcome = await storage.transaction(async (tx) => {
    const earlier: AppendOutcome[] = [];
    for (const formerId of predecessors) {
      const signed = allowed.filter((p) => p.event.deviceId === formerId);
      if (signed.length > 0) earlier.push(await appendEntries(tx, { ...actor, deviceId: formerId }, signed, [], recordedAt));
    }
    const own = await appendEntries(tx, actor, allowed.filter((p) => !predecessors.includes(p.event.deviceId)), [], recordedAt);
    return {
      ...own,
      stored: [...earlier.flatMap((o) => o.stored), ...own.stored],
      duplicates: [...earlier.flatMap((o) => o.duplicates), ...own.duplicates],
      rejected: [...earlier.flatMap((o) => o.rejected), ...own.rejected],
    };
  });
  const rejected = [...invalid, ...refused, ...outcome.rejected];
  for (const r of rejected) log.warn({ eventId: r.id, deviceId: device.id, rejection: r.code }, 'push: event rejected');
  return {
    stored: outcome.stored,
    duplicates: outcome.duplicates,
    rejected,
    centreTime: new Date(now()).toISOString(),
    device: outcome.device,
  };
}
