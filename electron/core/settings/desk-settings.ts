import type { DeskSettings } from '../../../shared/contract/setup.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { SettingsRepository } from './settings-repository.js';

export interface ConfiguredDesk {
  unit: { gsoCode: string; name: string; agencyId: string };
  station: number;
}

export function readDeskSettings(settings: SettingsRepository): DeskSettings {
  const gsoCode = settings.get('unit.gsoCode');
  const name = settings.get('unit.name');
  const agencyId = settings.get('unit.agencyId');
  const station = settings.get('desk.station');
  return {
    unit: gsoCode && name && agencyId ? { gsoCode, name, agencyId } : null,
    station: station === null ? null : Number(station),
  };
}

export function writeDeskSettings(settings: SettingsRepository, desk: ConfiguredDesk): void {
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
  return { unit, station };
}
