import type { StatusCode } from '../../shared/domain/dossier/events.js';
import type { Bieu06Counts } from '../../shared/domain/reports/bieu06.js';
import type { ReportPeriod } from '../../shared/domain/reports/report-period.js';
import type { DashboardDossierRow, DayFactKind } from './dossier-facts.js';

// The dashboard's part of the centre's storage, implemented by both adapters (SQLite and PostgreSQL)
// over the same SQL (storage/dashboard-sql.ts). Writes happen only inside the append transaction;
// reads are aggregates over the projection, grouped by unit, so a page for 33 units is a few queries.

/** Written by the append path, in the same transaction as the events (see project-dossiers.ts). */
export interface DashboardProjectionTx {
  /**
   * Holds these dossiers until commit, in id order, so two writers that touch one dossier project it
   * one after the other (PostgreSQL; SQLite serialises writers anyway). Called before anything else
   * in the transaction updates a dossier row, so lock order is the same everywhere: no deadlock.
   */
  lockDossiers(ids: readonly string[]): Promise<void>;
  /** Every event body the log holds for these dossiers, this transaction's included. */
  eventBodiesOf(dossierIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Replaces what the projection holds of `dossierIds` with `rows` (a dossier without a row is cleared). */
  replaceDashboardRows(dossierIds: readonly string[], rows: readonly DashboardDossierRow[]): Promise<void>;
}

export interface DayFactTotal {
  unitGso: string;
  kind: DayFactKind;
  /**
   * The earliest reception day of the dossiers counted (a fact's own day for a dossier never received):
   * it says which unit the code named (all the group's reception days lie on one side of the era).
   */
  firstDay: string;
  /** Facts counted. */
  n: number;
  /** Sum of amounts (the fees' đồng; equal to n for other kinds). */
  amount: number;
}

export interface RunningClockCount {
  unitGso: string;
  /** Running clock past the appointment. */
  overdue: number;
  /** Running clock, appointment within the window. */
  dueSoon: number;
}

/** Counted per procedure: the catalogue, not the desk, says which sector a procedure belongs to. */
export interface UnitProcedureCounts {
  unitGso: string;
  procedureId: string;
  /** The earliest reception counted: it says which unit the code named (the group lies on one side of the era). */
  receivedDay: string;
  counts: Bieu06Counts;
}

/** A dossier on the city's overdue list: no citizen's name, ID number or phone; ids the catalogue names. */
export interface OverdueDossier {
  dossierId: string;
  code: string | null;
  unitGso: string;
  procedureId: string;
  appointmentAt: string;
  status: StatusCode;
}

export interface DeviceSyncRecord {
  id: string;
  name: string;
  unitGso: string;
  station: number;
  enrolledAt: string;
  revokedAt: string | null;
  /** Last successful sync request (push, pull or gaps), or null if it never synced. */
  lastSyncAt: string | null;
}

/** A desk's last reported status (the fleet view), written by POST /v1/sync/status. */
export interface DeviceStatusRecord {
  appVersion: string;
  /** The centre's time when the desk reported. */
  reportedAt: string;
  /** The desk's clock minus the centre's at that request, in ms. */
  clockOffsetMs: number;
  eventsWaiting: number;
  scansWaiting: number;
  lastError: string | null;
}

export interface StoredCrash {
  id: string;
  occurredAt: string;
  kind: string;
  where: string;
  message: string;
  stack: string | null;
  appVersion: string;
  os: string;
}

/** A device and its last status; the status fields are null until the desk first reports. */
export interface FleetDeviceRecord extends DeviceSyncRecord {
  unitId: string | null;
  appVersion: string | null;
  reportedAt: string | null;
  clockOffsetMs: number | null;
  eventsWaiting: number | null;
  scansWaiting: number | null;
  lastError: string | null;
  crashCount: number;
}

export interface FleetCrash extends Omit<StoredCrash, 'stack'> {
  deviceId: string;
}

export interface DashboardStore {
  /**
   * Day facts of the kinds asked for, on days in [fromDay, toDay], counted per unit and kind, apart for
   * dossiers received before and from `eraDay` (the day a reused GSO code started to name another unit).
   */
  dayFactTotals(fromDay: string, toDay: string, kinds: readonly DayFactKind[], eraDay: string): Promise<DayFactTotal[]>;
  /** Per unit: running clocks past `nowIso`, and due within (`nowIso`, `dueByIso`]. */
  runningClocks(nowIso: string, dueByIso: string): Promise<RunningClockCount[]>;
  /** Biểu 06's eight counts per unit and procedure, for a checked period, apart by reception before and from `eraDay`. */
  bieu06Counts(period: ReportPeriod, eraDay: string): Promise<UnitProcedureCounts[]>;
  /** Running clocks past `nowIso`, most overdue first, at most `limit`, and how many there are. */
  overdueDossiers(nowIso: string, limit: number): Promise<{ rows: OverdueDossier[]; total: number }>;
  devices(): Promise<DeviceSyncRecord[]>;
  /** Records a successful sync; keeps the later time if two requests race. */
  noteDeviceSync(deviceId: string, atIso: string): Promise<void>;
  /** Replaces the device's status (unless a later report is held) and keeps its new crash reports (the latest `keep`). */
  recordDeviceStatus(deviceId: string, status: DeviceStatusRecord, crashes: readonly StoredCrash[], receivedAt: string, keep: number): Promise<void>;
  /** Every device with its last status and how many crash reports the centre holds of it. */
  fleet(): Promise<FleetDeviceRecord[]>;
  /** The latest crash reports of all devices, newest first. */
  recentCrashes(limit: number): Promise<FleetCrash[]>;
  /** The version of the fold the projection was built with (0: never built). */
  projectionVersion(): Promise<number>;
  setProjectionVersion(version: number): Promise<void>;
  /** Dossier ids in id order after `after`: the rebuild walks them in pages. */
  dossierIdsAfter(after: string, limit: number): Promise<string[]>;
}
