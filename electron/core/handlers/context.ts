import type { AppIdentity } from '../app/app-info.js';
import type { AttachmentFeature } from '../attachments/attachment-feature.js';
import type { BackupService } from '../backup/backup-service.js';
import type { ScanRestorer } from '../backup/scan-restore.js';
import type { CalendarRepository } from '../calendar/calendar-repository.js';
import type { CatalogueRepository } from '../catalogue/catalogue-repository.js';
import type { DeskDatabase } from '../db/open-database.js';
import type { DossierService } from '../dossiers/dossier-service.js';
import type { DeskEventBus } from '../event-bus.js';
import type { DeskSession } from '../officers/desk-session.js';
import type { OfficerRepository } from '../officers/officer-repository.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import type { SyncAgent } from '../sync/sync-agent.js';

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
  /** Blob store, uploads, attachments, scan inbox and scanner. */
  attachments: AttachmentFeature;
  /** The background sync with the city centre. */
  sync: SyncAgent;
  /** Backups of the database and scans to the supervisor's folder (on demand and daily). */
  backup: BackupService;
  /** A restored backup's scans, copied back in the background after the restart. */
  scansBack: ScanRestorer;
  now(): number;
  newId(): string;
}
