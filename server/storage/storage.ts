import type { DeviceProgress, StaffRole } from '../../shared/sync/protocol.js';
import type { DashboardProjectionTx, DashboardStore } from '../dashboard/dashboard-store.js';

// The centre's storage: ONE interface, two adapters (SQLite embedded by default, PostgreSQL at scale),
// and one test suite run against both. Adapters hold SQL and nothing else: what is accepted, rejected
// or counted is decided once, in server/sync/append-entries.ts, on top of `AppendTx`.

/** What the log holds: dossier events from desks and the centre, and reference data changes. */
export type LogKind = 'event' | 'reference';

/** The scope of reference entries every unit sees (a dossier's scope is its unit's GSO code). */
export const CITY_WIDE_SCOPE = '*';

export interface LogInsert {
  id: string;
  kind: LogKind;
  /** The unit's GSO code, or CITY_WIDE_SCOPE. */
  scope: string;
  dossierId: string | null;
  deviceId: string | null;
  deviceSeq: number | null;
  /** SHA-256 (hex) of `body`. */
  contentHash: string;
  /** Canonical JSON of the event or reference change: what a pull returns (characters beyond ASCII as \u escapes). */
  body: string;
  recordedAt: string;
}

export interface DossierRecord {
  id: string;
  unitGso: string;
  /** The dossier code (null until the creation event arrives, and for a refused dossier). */
  code: string | null;
}

export interface DeviceCounters {
  highestSeq: number;
  contiguousThrough: number;
  /** How many distinct counters are held. */
  received: number;
}

export interface CentreClockState {
  lastSeq: number;
  lastHlc: string | null;
}

/** A row to put in sequence: what the pull's index needs (scope, to filter; device, to skip own). */
export interface SequencedRow {
  id: string;
  scope: string;
  deviceId: string | null;
}

export interface PulledRow {
  seq: number;
  kind: LogKind;
  body: string;
}

/**
 * The operations of one write transaction. Everything before `takeSequence` may run concurrently
 * with other transactions; `takeSequence` serialises commits (PostgreSQL: a row lock on a one-row
 * counter held until commit), so sequence order is commit order and a reader never skips a row.
 */
export interface AppendTx extends DashboardProjectionTx {
  /** Content hashes of the events with these ids that the log already holds. */
  findEvents(ids: readonly string[]): Promise<Map<string, string>>;
  /** Event ids holding these counters of one device. */
  findDeviceSeqs(deviceId: string, seqs: readonly number[]): Promise<Map<number, string>>;
  findDossiers(ids: readonly string[]): Promise<Map<string, DossierRecord>>;
  /** Inserts the dossiers not yet known; existing rows are left as they are. Returns the ids this call inserted. */
  insertDossiers(rows: readonly DossierRecord[]): Promise<Set<string>>;
  /** Sets the code a dossier holds (its reception's, or a reissued one); one dossier per code and unit. */
  setDossierCode(id: string, code: string): Promise<void>;
  /** The dossier of the unit holding this code, or null. */
  dossierHoldingCode(unitGso: string, code: string): Promise<string | null>;
  /** The agency identifier the catalogue unit's dossier codes open with, or null while none is recorded. */
  unitAgency(unitId: string): Promise<string | null>;
  /**
   * Records the catalogue unit's agency identifier unless it has one; true when the unit now holds
   * `agencyId` (false: the unit has another, or another unit holds this one).
   */
  claimUnitAgency(unitId: string, agencyId: string): Promise<boolean>;
  /**
   * Rebinds an unrevoked device from its unit to another and records the one it leaves among its former
   * units; false (nothing changed) when the device is not bound to `move.from.unitId` any more.
   */
  moveDevice(move: DeviceMove): Promise<boolean>;
  /** Inserts log rows without a sequence yet; returns the ids actually inserted (others already existed). */
  insertLog(rows: readonly LogInsert[]): Promise<Set<string>>;
  readDeviceCounters(deviceId: string): Promise<DeviceCounters | null>;
  /** The device's counters above `after`, ascending, at most `limit`. */
  deviceSeqsAbove(deviceId: string, after: number, limit: number): Promise<number[]>;
  writeDeviceCounters(deviceId: string, counters: DeviceCounters): Promise<void>;
  /** Locks and reads the centre's own event counter and clock (for events its staff record). */
  lockCentreClock(): Promise<CentreClockState>;
  writeCentreClock(state: CentreClockState): Promise<void>;
  /**
   * THE LAST STEP before commit: reserves one global sequence number per row and gives them, in
   * order, to the listed log rows. Returns the first number.
   */
  takeSequence(rows: readonly SequencedRow[]): Promise<number>;
}

export interface StaffRecord {
  id: string;
  username: string;
  role: StaffRole;
  passwordHash: string;
  createdAt: string;
}

export interface EnrollmentCodeRecord {
  codeHash: string;
  unitGso: string;
  station: number;
  expiresAt: string;
  createdAt: string;
  createdBy: string;
}

export interface DeviceRecord {
  id: string;
  name: string;
  /** The catalogue unit the device serves (null: enrolled under a GSO code the catalogue does not know). */
  unitId: string | null;
  unitGso: string;
  station: number;
  enrolledAt: string;
  revokedAt: string | null;
}

/** A unit a device served before it moved to a successor: its earlier dossiers stay the device's to sync. */
export interface FormerUnit {
  unitId: string;
  unitGso: string;
  /** When the centre rebound the device (ISO instant). */
  movedAt: string;
}

export interface DeviceMove {
  deviceId: string;
  from: { unitId: string; unitGso: string };
  to: { unitId: string; unitGso: string };
  movedAt: string;
}

export interface DeviceRekey {
  formerId: string;
  newId: string;
  tokenHash: string;
  nowIso: string;
}

export interface EnrollmentRetry {
  codeHash: string;
  deviceId: string;
  deviceName: string;
  tokenHash: string;
  nowIso: string;
}

export interface BlobRecord {
  sha256: string;
  size: number;
  storedAt: string;
  deviceId: string;
}

/**
 * A restored centre has forgotten events desks already pulled from it, and new events will take the
 * sequence numbers the forgotten ones had. A desk that sees a new epoch pulls again from
 * `restoredThrough` (the last sequence the restored copy holds) and pushes what the centre lost.
 */
export interface LogEpoch {
  /** Random; changes only when the database is a restored copy. */
  epoch: number;
  /** The highest global sequence of the copy the centre was restored from; null if never restored. */
  restoredThrough: number | null;
}

/** A random epoch below 2^48 (safe as a JSON number and a BIGINT). */
export const newLogEpoch = (): number => Math.floor(Math.random() * 2 ** 48);

/** One client's requests in the current window of a rate limit (server/http/rate-limit-store.ts). */
export interface RateLimitWindow {
  /** Requests counted in this window, this one included. */
  hits: number;
  /** When the window ends (ms since the epoch); the first request after it starts a new window. */
  endsAtMs: number;
}

export interface CentreStorage {
  readonly kind: 'sqlite' | 'postgres';
  /** The city dashboard's projection and reads (server/dashboard/). */
  readonly dashboard: DashboardStore;

  /** Runs `fn` in one write transaction; commits if it resolves, rolls back if it throws. */
  transaction<T>(fn: (tx: AppendTx) => Promise<T>): Promise<T>;

  /** Log rows after `after` in sequence order, in any of `scopes`, without `excludeDeviceId`'s events. */
  pull(scopes: readonly string[], after: number, limit: number, excludeDeviceId: string | null): Promise<PulledRow[]>;
  /** Bodies of one dossier's events (any order). */
  dossierEventBodies(dossierId: string): Promise<string[]>;
  dossier(id: string): Promise<DossierRecord | null>;
  dossierByCode(code: string): Promise<DossierRecord | null>;
  deviceProgress(deviceId: string): Promise<DeviceProgress>;
  /** Which life of the log this is (made at first use; a restore starts a new one), see LogEpoch. */
  logEpoch(): Promise<LogEpoch>;
  /**
   * Starts a new life of the log: run on a restored database (the backup stamps its copy so, and
   * `centre mark-restored` after a PostgreSQL restore), so desks learn the centre forgot what came after.
   */
  markRestored(): Promise<LogEpoch>;
  /** Counters above `after` the device has, ascending (for the gap report). */
  deviceSeqsAbove(deviceId: string, after: number, limit: number): Promise<number[]>;

  insertStaff(staff: StaffRecord): Promise<void>;
  staffByUsername(username: string): Promise<StaffRecord | null>;
  staffById(id: string): Promise<StaffRecord | null>;
  countStaff(): Promise<number>;
  insertStaffSession(tokenHash: string, staffId: string, expiresAt: string): Promise<void>;
  /** The staff id of a session that has not expired at `nowIso`. */
  staffSession(tokenHash: string, nowIso: string): Promise<string | null>;
  /** Ends a session (signing out of the dashboard); unknown hashes are ignored. */
  deleteStaffSession(tokenHash: string): Promise<void>;

  insertEnrollmentCode(code: EnrollmentCodeRecord): Promise<void>;
  /** Marks the code used if it is unused and unexpired at `nowIso`; atomic, so a code works once. */
  consumeEnrollmentCode(codeHash: string, nowIso: string, deviceId: string): Promise<EnrollmentCodeRecord | null>;
  /** Reads a code without using it (to refuse a wrong unit before spending the code). */
  enrollmentCode(codeHash: string): Promise<(EnrollmentCodeRecord & { usedAt: string | null }) | null>;

  /** Creates the device, or re-binds an existing one of the same unit to a new token (not yet used). */
  upsertDevice(device: DeviceRecord, tokenHash: string): Promise<void>;
  /**
   * An enrollment asked again with the code this device already used (the first answer was lost on
   * the way): binds the device to a new token, so the one never read stops working. Only while the
   * code is valid at `nowIso`, the device is not revoked and still holds the code's unit and station,
   * and its current token was never presented. Atomic; returns the code, or null when refused.
   */
  reissueEnrollment(retry: EnrollmentRetry): Promise<EnrollmentCodeRecord | null>;
  /** Records the first time a device token is presented (see reissueEnrollment); later calls change nothing. */
  noteTokenUsed(tokenHash: string, nowIso: string): Promise<void>;
  device(id: string): Promise<DeviceRecord | null>;
  deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null>;
  /** Returns false if no such device. Revoking twice keeps the first time. */
  revokeDevice(id: string, nowIso: string): Promise<boolean>;
  listDevices(): Promise<DeviceRecord[]>;
  /** The units the device moved from, oldest move first. */
  formerUnits(deviceId: string): Promise<FormerUnit[]>;
  /**
   * Carries a station over to a new device id (a desk restored from a backup). The token must be held by
   * `formerId`, unrevoked: that device is retired (revoked, its token moved) and `newId` takes its name,
   * unit, station, token, former units and predecessors, and `formerId` as one more predecessor.
   * 'already' when `newId` holds the token and has `formerId` among its predecessors (a repeated request).
   */
  rekeyDevice(rekey: DeviceRekey): Promise<'rekeyed' | 'already' | 'refused'>;
  /** The ids a device signed with before it was re-keyed, oldest first: their events are still its own. */
  predecessors(deviceId: string): Promise<string[]>;

  /**
   * Records the blob, and that the device's unit holds it (its device delivered the bytes). Returns
   * true if the centre or the device's unit did not hold it before this call.
   */
  recordBlob(blob: BlobRecord): Promise<boolean>;
  /**
   * Whether the centre holds the blob for this unit (a device of the unit delivered its bytes), or, with
   * no unit, at all (the centre's own view; never a desk's answer).
   */
  hasBlob(sha256: string, unitGso?: string): Promise<boolean>;
  /** The ones among `sha256s` the centre does not hold for this unit (another unit's scans count as absent), or at all. */
  missingBlobs(sha256s: readonly string[], unitGso?: string): Promise<string[]>;

  /**
   * Counts one request in the rate-limit window `key`; with no window, or one that has ended by
   * `nowMs`, a new one starts then and lasts `windowMs`. Atomic: requests to several centre
   * processes on one database all count, and a restart forgets nothing.
   */
  hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<RateLimitWindow>;
  /** Forgets the windows that ended before `nowMs`; returns how many. */
  pruneRateLimits(nowMs: number): Promise<number>;

  close(): Promise<void>;
}
