import type { DossierEvent } from '../../shared/domain/dossier/events.js';
import { codeIssuedAt, codeIssuedBy } from '../../shared/domain/dossier/issued-code.js';
import type { DeviceProgress, PushRejection } from '../../shared/sync/protocol.js';
import { projectDossiers } from '../dashboard/project-dossiers.js';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import type { Unit } from '../../shared/domain/catalogue/unit.js';
import { checkIssuedCode, type CodeClaims, type IssuingUnit } from './issued-code-check.js';
import { CITY_WIDE_SCOPE, type AppendTx, type DeviceCounters, type DossierRecord, type FormerUnit, type LogInsert } from '../storage/storage.js';

// THE append path: the only code that adds to the centre's log, for desks' pushes, centre staff's
// events and reference changes alike. It decides what is stored, what is a repeat and what is refused,
// and takes the global sequence as its very last step, so the sequence follows commit order.

/** An event already validated against the schema, with its canonical body and that body's hash. */
export interface PreparedEvent {
  event: DossierEvent;
  body: string;
  contentHash: string;
}

export interface PreparedReference {
  id: string;
  body: string;
  contentHash: string;
}

/**
 * Who appends: a desk bound to its unit (and station: the block of serials its codes may use), or the
 * centre itself (unitGso null: acts for any unit, issues no codes).
 */
export interface AppendActor {
  deviceId: string;
  unitGso: string | null;
  /** The device's catalogue unit (absent or null: the unit bearing `unitGso`, as before units had ids). */
  unitId?: string | null;
  /** Units the device moved from: their dossiers stay its own, and their codes issued before the move. */
  formerUnits?: readonly FormerUnit[];
  /** The station the device is enrolled for; absent: its codes' serials are not checked against a block. */
  station?: number | null;
  /**
   * The units as last published (CentreCatalogue.currentUnits), which the codes are checked against: a
   * published agency identifier or successor counts at once. Absent only for the centre's own appends
   * (staff events, publications), which issue no codes: the built-in list then stands.
   */
  catalogue?: readonly Unit[];
}

/** Whether the actor may write dossiers of this GSO code: its unit's, or a unit it moved from. */
function mayWrite(actor: AppendActor, unitGso: string): boolean {
  return actor.unitGso === null || actor.unitGso === unitGso || (actor.formerUnits ?? []).some((former) => former.unitGso === unitGso);
}

/** The catalogue units that bore a GSO code, latest first; a code the catalogue does not know stands for itself. */
function unitsBearing(unitGso: string, catalogue: readonly Unit[]): IssuingUnit[] {
  const bearing = catalogue.filter((unit) => unit.gsoCode === unitGso).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return bearing.length === 0 ? [{ unitId: `gso:${unitGso}`, until: null }] : bearing.map((unit) => ({ unitId: unit.id, until: null }));
}

/**
 * The catalogue units whose codes the actor may issue in a dossier of `unitGso`: the centre may act for
 * every unit that bore the code, as may a device enrolled before devices had unit ids; a device for its
 * own unit and those it moved from (until the move).
 */
function issuingUnits(actor: AppendActor, unitGso: string): IssuingUnit[] {
  const catalogue = actor.catalogue ?? CATALOGUE_UNITS;
  if (actor.unitGso === null) return unitsBearing(unitGso, catalogue);
  const own = actor.unitGso !== unitGso ? [] : actor.unitId == null ? unitsBearing(unitGso, catalogue) : [{ unitId: actor.unitId, until: null }];
  const former = (actor.formerUnits ?? []).filter((f) => f.unitGso === unitGso).map((f) => ({ unitId: f.unitId, until: f.movedAt }));
  return [...own, ...former];
}

export interface AppendOutcome {
  stored: string[];
  duplicates: string[];
  rejected: PushRejection[];
  device: DeviceProgress;
}

const MESSAGES = {
  foreign_device: 'Sự kiện được ký bằng mã của thiết bị khác.',
  foreign_unit: 'Hồ sơ thuộc đơn vị khác: thiết bị chỉ được ghi hồ sơ của đơn vị mình.',
  content_mismatch: 'Trung tâm đã có một sự kiện khác cùng mã này.',
  sequence_reused: 'Trung tâm đã có một sự kiện khác cùng số thứ tự của thiết bị.',
  dossier_unknown: 'Trung tâm chưa nhận được sự kiện tạo hồ sơ này (tiếp nhận hoặc từ chối); máy sẽ tự gửi lại sau.',
} as const;

function creationUnit(event: DossierEvent): string | null {
  return event.type === 'dossier.received' || event.type === 'dossier.refused' ? event.payload.unit.gsoCode : null;
}

/** The last code each dossier is given by the events of this request: the one it ends up holding. */
function finalCodes(events: readonly PreparedEvent[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const { event } of events) {
    const code = codeIssuedBy(event);
    if (code !== null) last.set(event.dossierId, code);
  }
  return last;
}

/** Advances "every counter up to here is held" past the counters just stored. */
async function advanceCounters(tx: AppendTx, deviceId: string, storedSeqs: readonly number[]): Promise<DeviceProgress> {
  const before: DeviceCounters = (await tx.readDeviceCounters(deviceId)) ?? { highestSeq: 0, contiguousThrough: 0, received: 0 };
  if (storedSeqs.length === 0) {
    return { deviceId, highestSeq: before.highestSeq, contiguousThrough: before.contiguousThrough, missing: before.highestSeq - before.received };
  }
  let contiguous = before.contiguousThrough;
  for (;;) {
    const above = await tx.deviceSeqsAbove(deviceId, contiguous, 1000);
    let i = 0;
    while (i < above.length && above[i] === contiguous + 1) {
      contiguous += 1;
      i += 1;
    }
    if (i < above.length || above.length < 1000) break;
  }
  const after: DeviceCounters = {
    highestSeq: Math.max(before.highestSeq, ...storedSeqs),
    contiguousThrough: contiguous,
    received: before.received + storedSeqs.length,
  };
  await tx.writeDeviceCounters(deviceId, after);
  return { deviceId, highestSeq: after.highestSeq, contiguousThrough: after.contiguousThrough, missing: after.highestSeq - after.received };
}

/**
 * Appends events (in the order given: a creation before the events that follow it) and reference
 * changes inside `tx`. Safe to repeat: what the log already holds comes back as duplicates.
 */
export async function appendEntries(
  tx: AppendTx,
  actor: AppendActor,
  events: readonly PreparedEvent[],
  references: readonly PreparedReference[],
  recordedAt: string,
): Promise<AppendOutcome> {
  const stored: string[] = [];
  const duplicates: string[] = [];
  const rejected: PushRejection[] = [];
  const reject = (id: string, code: PushRejection['code'], message: string) => rejected.push({ id, code, message });

  const ids = [...events.map((p) => p.event.id), ...references.map((r) => r.id)];
  const held = await tx.findEvents(ids);
  const dossiers = await tx.findDossiers([...new Set(events.map((p) => p.event.dossierId))]);
  const seqsHeld = await tx.findDeviceSeqs(
    actor.deviceId,
    events.filter((p) => p.event.deviceId === actor.deviceId).map((p) => p.event.deviceSeq),
  );

  const accepted: LogInsert[] = [];
  const acceptedHash = new Map<string, string>();
  const newDossiers = new Map<string, DossierRecord>();
  const codesToSet: { id: string; code: string }[] = [];
  const lastCodes = finalCodes(events);
  const codeClaims: CodeClaims = new Map();

  for (const { event, body, contentHash } of events) {
    if (event.deviceId !== actor.deviceId) {
      reject(event.id, 'foreign_device', MESSAGES.foreign_device);
      continue;
    }
    const knownHash = held.get(event.id) ?? acceptedHash.get(event.id);
    if (knownHash !== undefined) {
      if (knownHash === contentHash) duplicates.push(event.id);
      else reject(event.id, 'content_mismatch', MESSAGES.content_mismatch);
      continue;
    }
    const seqOwner = seqsHeld.get(event.deviceSeq);
    if (seqOwner !== undefined && seqOwner !== event.id) {
      reject(event.id, 'sequence_reused', MESSAGES.sequence_reused);
      continue;
    }

    const known = dossiers.get(event.dossierId) ?? newDossiers.get(event.dossierId);
    const ownUnit = creationUnit(event);
    let unit: string;
    if (ownUnit !== null) {
      if (!mayWrite(actor, ownUnit) || (known !== undefined && known.unitGso !== ownUnit)) {
        reject(event.id, 'foreign_unit', MESSAGES.foreign_unit);
        continue;
      }
      unit = ownUnit;
    } else {
      // A dossier's unit is fixed by its creation alone: an event that outran it waits on its desk.
      if (known === undefined) {
        reject(event.id, 'dossier_unknown', MESSAGES.dossier_unknown);
        continue;
      }
      if (!mayWrite(actor, known.unitGso)) {
        reject(event.id, 'foreign_unit', MESSAGES.foreign_unit);
        continue;
      }
      unit = known.unitGso;
    }

    const issued = codeIssuedBy(event);
    // Only the code the dossier ends with in this request is claimed (a reception followed by a reissue
    // of its code takes the new one); every code issued is still checked for its agency and station.
    const claims = issued !== null && issued === lastCodes.get(event.dossierId);
    if (issued !== null) {
      const owner = {
        unitGso: unit,
        units: issuingUnits(actor, unit),
        station: actor.unitGso === null ? null : (actor.station ?? null),
        catalogue: actor.catalogue ?? CATALOGUE_UNITS,
      };
      const problem = await checkIssuedCode(tx, codeClaims, owner, event.dossierId, { code: issued, issuedAt: codeIssuedAt(event) }, claims);
      if (problem !== null) {
        reject(event.id, problem.code, problem.message);
        continue;
      }
    }
    const code = claims ? issued : null;
    if (known === undefined) newDossiers.set(event.dossierId, { id: event.dossierId, unitGso: unit, code });
    else if (code !== null && known.code !== code) {
      if (newDossiers.has(event.dossierId)) newDossiers.set(event.dossierId, { ...known, code });
      else codesToSet.push({ id: event.dossierId, code });
    }

    acceptedHash.set(event.id, contentHash);
    seqsHeld.set(event.deviceSeq, event.id);
    accepted.push({
      id: event.id,
      kind: 'event',
      scope: unit,
      dossierId: event.dossierId,
      deviceId: event.deviceId,
      deviceSeq: event.deviceSeq,
      contentHash,
      body,
      recordedAt,
    });
  }

  for (const reference of references) {
    const knownHash = held.get(reference.id) ?? acceptedHash.get(reference.id);
    if (knownHash !== undefined) {
      if (knownHash === reference.contentHash) duplicates.push(reference.id);
      else reject(reference.id, 'content_mismatch', MESSAGES.content_mismatch);
      continue;
    }
    acceptedHash.set(reference.id, reference.contentHash);
    accepted.push({
      id: reference.id,
      kind: 'reference',
      scope: CITY_WIDE_SCOPE,
      dossierId: null,
      deviceId: null,
      deviceSeq: null,
      contentHash: reference.contentHash,
      body: reference.body,
      recordedAt,
    });
  }

  // In id order, like the locks below: two writers creating the same dossiers never wait in a cycle.
  const created = await tx.insertDossiers([...newDossiers.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  // Before any dossier row is updated: the dashboard's projection of these dossiers is written below,
  // and two writers touching one dossier must do that one after the other (dashboard-store.ts).
  const touched = [...new Set(accepted.filter((row) => row.dossierId !== null).map((row) => row.dossierId!))].sort();
  await tx.lockDossiers(touched);
  for (const { id, code } of codesToSet) await tx.setDossierCode(id, code);
  const inserted = await tx.insertLog(accepted);

  // A concurrent transaction may have stored the same event (a retry racing the original) in between.
  const lost = accepted.filter((row) => !inserted.has(row.id));
  if (lost.length > 0) {
    const nowHeld = await tx.findEvents(lost.map((row) => row.id));
    for (const row of lost) {
      const hash = nowHeld.get(row.id);
      if (hash === row.contentHash) duplicates.push(row.id);
      else if (hash !== undefined) reject(row.id, 'content_mismatch', MESSAGES.content_mismatch);
      else reject(row.id, 'sequence_reused', MESSAGES.sequence_reused);
    }
  }
  const storedRows = accepted.filter((row) => inserted.has(row.id));
  for (const row of storedRows) stored.push(row.id);

  // The city dashboard's rows of every dossier that gained an event, in this same transaction.
  const storedIds = new Set(storedRows.map((row) => row.id));
  await projectDossiers(tx, {
    dossierIds: [...new Set(storedRows.filter((row) => row.dossierId !== null).map((row) => row.dossierId!))].sort(),
    created,
    events: events.filter((p) => storedIds.has(p.event.id)),
  });

  const device = await advanceCounters(
    tx,
    actor.deviceId,
    storedRows.filter((row) => row.kind === 'event').map((row) => row.deviceSeq!),
  );

  // The last step: sequence numbers, in commit order.
  if (storedRows.length > 0) {
    await tx.takeSequence(storedRows.map((row) => ({ id: row.id, scope: row.scope, deviceId: row.deviceId })));
  }
  return { stored, duplicates, rejected, device };
}
