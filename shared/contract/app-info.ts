import { z } from 'zod';

export const appInfoArgs = z.object({}).strict();

export interface DeskIdentity {
  /** Random id of this installation, made on first start. */
  deviceId: string;
  /** Station number within the unit (1–9), chosen at first start; null until then. */
  station: number | null;
}

export interface UnitIdentity {
  /** GSO (Tổng cục Thống kê) code of the ward or commune, e.g. "06691". */
  gsoCode: string;
  name: string;
  /** Electronic agency identifier used in dossier codes, e.g. "000.21.09.H49". */
  agencyId: string;
}

export interface AppInfo {
  appName: string;
  version: string;
  dataDir: string;
  unit: UnitIdentity | null;
  desk: DeskIdentity;
  schemaVersion: number;
}
