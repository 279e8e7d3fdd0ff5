import { randomUUID } from 'node:crypto';
import type { AppInfo } from '../../../shared/contract/app-info.js';
import type { DeskDatabase } from '../db/open-database.js';
import { SettingsRepository } from '../settings/settings-repository.js';

export interface AppIdentity {
  appName: string;
  version: string;
  dataDir: string;
}

export function readAppInfo(db: DeskDatabase, identity: AppIdentity): AppInfo {
  const settings = new SettingsRepository(db);
  const deviceId = settings.getOrCreate('device.id', randomUUID);
  const station = settings.get('desk.station');
  const gsoCode = settings.get('unit.gsoCode');
  const unitName = settings.get('unit.name');
  const agencyId = settings.get('unit.agencyId');
  return {
    ...identity,
    unit: gsoCode && unitName && agencyId ? { gsoCode, name: unitName, agencyId } : null,
    desk: { deviceId, station: station === null ? null : Number(station) },
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}
