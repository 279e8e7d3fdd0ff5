import { SettingsRepository } from '../../../electron/core/settings/settings-repository.js';
import type { DeskCore } from '../../../electron/core/start-core.js';

export interface DeskSetup {
  gsoCode: string;
  unitName: string;
  agencyId: string;
  station: number;
}

/** Stores a unit and station as the (future) first-start screen will, straight through the core's repository. */
export function configureDesk(core: DeskCore, setup: DeskSetup): void {
  const settings = new SettingsRepository(core.db);
  settings.set('unit.gsoCode', setup.gsoCode);
  settings.set('unit.name', setup.unitName);
  settings.set('unit.agencyId', setup.agencyId);
  settings.set('desk.station', String(setup.station));
}

/** A fabricated ward for tests. */
export const TEST_WARD: DeskSetup = {
  gsoCode: '06999',
  unitName: 'Phường Thử Nghiệm',
  agencyId: '000.99.09.H49',
  station: 2,
};
