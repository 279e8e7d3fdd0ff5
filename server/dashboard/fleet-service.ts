import type { DashboardStore } from './dashboard-store.js';
import type { DashboardService } from './dashboard-service.js';
import type { DeskLine } from './dashboard-types.js';

// The city's fleet view ("Máy trạm"): every desk with what it last reported on a sync round (version,
// queues, clock offset, last error) and its crash reports, so staff see which desk needs a visit before
// its officer calls. Built on the dashboard's desk list (unit names, sync state).

/** A desk that has not synced for this long is highlighted (a weekend and a holiday are shorter). */
export const FLEET_STALE_DAYS = 3;
/** Crash reports listed under the table, newest first. */
export const FLEET_CRASHES_SHOWN = 100;

const DAY_MS = 86_400_000;

export interface FleetLine extends DeskLine {
  appVersion: string | null;
  /** When the centre last heard the desk's status. */
  reportedAt: string | null;
  /** The desk's clock minus the centre's (ms) at that report; null before the first one. */
  clockOffsetMs: number | null;
  eventsWaiting: number | null;
  scansWaiting: number | null;
  lastError: string | null;
  crashCount: number;
  /** No sync for more than FLEET_STALE_DAYS (or never). */
  stale: boolean;
  /** Runs a version older than the newest any desk reported. */
  outdated: boolean;
}

export interface FleetCrashLine {
  deviceId: string;
  deskName: string;
  unitName: string;
  id: string;
  occurredAt: string;
  kind: string;
  where: string;
  message: string;
  appVersion: string;
  os: string;
}

export interface FleetView {
  asOf: string;
  staleAfterDays: number;
  /** The newest version any desk reported (null: none reported yet). */
  newestVersion: string | null;
  /** The unit filter (GSO code or unit id), null for the whole city. */
  unit: string | null;
  desks: FleetLine[];
  crashes: FleetCrashLine[];
}

/** Dotted versions compared part by part, numerically (1.10.0 is newer than 1.9.3); a pre-release is older. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i += 1) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (Number.isFinite(diff) && diff !== 0) return diff;
  }
  if (preA === undefined && preB !== undefined) return 1;
  if (preA !== undefined && preB === undefined) return -1;
  return (preA ?? '').localeCompare(preB ?? '');
}

export async function fleetView(store: DashboardStore, dashboard: DashboardService, now: number, unit: string | null): Promise<FleetView> {
  const [desks, records, crashes] = await Promise.all([dashboard.desks(), store.fleet(), store.recentCrashes(FLEET_CRASHES_SHOWN)]);
  const recordOf = new Map(records.map((record) => [record.id, record]));
  const versions = records.flatMap((record) => (record.appVersion === null ? [] : [record.appVersion]));
  const newestVersion = versions.length === 0 ? null : versions.reduce((newest, v) => (compareVersions(v, newest) > 0 ? v : newest));
  const staleBefore = now - FLEET_STALE_DAYS * DAY_MS;
  const matches = (line: DeskLine): boolean => unit === null || line.unitGsoCode === unit || recordOf.get(line.deviceId)?.unitId === unit;
  const lines: FleetLine[] = desks.desks.filter(matches).map((line) => {
    const record = recordOf.get(line.deviceId);
    const appVersion = record?.appVersion ?? null;
    return {
      ...line,
      appVersion,
      reportedAt: record?.reportedAt ?? null,
      clockOffsetMs: record?.clockOffsetMs ?? null,
      eventsWaiting: record?.eventsWaiting ?? null,
      scansWaiting: record?.scansWaiting ?? null,
      lastError: record?.lastError ?? null,
      crashCount: record?.crashCount ?? 0,
      stale: line.revokedAt === null && (line.lastSyncAt === null || Date.parse(line.lastSyncAt) < staleBefore),
      outdated: appVersion !== null && newestVersion !== null && compareVersions(appVersion, newestVersion) < 0,
    };
  });
  const shown = new Map(lines.map((line) => [line.deviceId, line]));
  return {
    asOf: new Date(now).toISOString(),
    staleAfterDays: FLEET_STALE_DAYS,
    newestVersion,
    unit,
    desks: lines,
    crashes: crashes.flatMap((crash) => {
      const desk = shown.get(crash.deviceId);
      return desk === undefined ? [] : [{ ...crash, deskName: desk.name, unitName: desk.unitName }];
    }),
  };
}
