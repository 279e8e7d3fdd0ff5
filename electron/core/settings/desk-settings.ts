import type { DeskSettings } from '../../../shared/contract/setup.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { SettingsRepository } from './settings-repository.js';

export interface ConfiguredDesk {
  unit: { gsoCode: string; name: string; agencyId: string };
  station: number;
}

/** The desk's settings as written: the catalogue unit's id too (a GSO code may name two units). */
export interface DeskSettingsWrite extends ConfiguredDesk {
  unitId: string;
}

export function readDeskSettings(settings: SettingsRepository): DeskSettings {
  const gsoCode = settings.get('unit.gsoCode');
  const name = settings.get('unit.name');
  const agencyId = settings.get('unit.agencyId');
  const station = settings.get('desk.station');
  const id = settings.get('unit.id');
  return {
    unit: gsoCode && name && agencyId ? { id, gsoCode, name, agencyId } : null,
    station: station === null ? null : Number(station),
  };
}

export function writeDeskSettings(settings: SettingsRepository, desk: DeskSettingsWrite): void {
  settings.set('unit.id', desk.unitId);
  settings.set('unit.gsoCode', desk.unit.gsoCode);
  settings.set('unit.name', desk.unit.name);
  settings.set('unit.agencyId', desk.unit.agencyId);
  settings.set('desk.station', String(desk.station));
}

/** The unit and station every dossier needs; a desk not yet set up cannot receive. */
export function requireConfiguredDesk(settings: SettingsRepository): ConfiguredDesk {
  const { unit, station } = readDeskSettings(settings);
  if (unit === null || station === null) {
    throw new CommandError('conflict', 'Bàn làm việc chưa được cấu hình đơn vị và số quầy: hãy hoàn tất bước khởi tạo.');
  }
  // A dossier records the unit as documents name it (code, name, identifier), not the catalogue id.
  return { unit: { gsoCode: unit.gsoCode, name: unit.name, agencyId: unit.agencyId }, station };
}
