import type { AppIdentity } from '../app/app-info.js';
import type { CalendarRepository } from '../calendar/calendar-repository.js';
import type { CatalogueRepository } from '../catalogue/catalogue-repository.js';
import type { DeskDatabase } from '../db/open-database.js';
import type { DossierService } from '../dossiers/dossier-service.js';
import type { DeskEventBus } from '../event-bus.js';
import type { DeskSession } from '../officers/desk-session.js';
import type { OfficerRepository } from '../officers/officer-repository.js';
import type { SettingsRepository } from '../settings/settings-repository.js';

/** What every feature's handlers may use: repositories and services, never raw SQL. */
export interface CoreContext {
  db: DeskDatabase;
  identity: AppIdentity;
  events: DeskEventBus;
  session: DeskSession;
  settings: SettingsRepository;
  officers: OfficerRepository;
  catalogue: CatalogueRepository;
  calendar: CalendarRepository;
  dossiers: DossierService;
  now(): number;
  newId(): string;
}
