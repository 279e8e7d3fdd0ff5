import { monotonicFactory } from 'ulid';
import type { Handlers } from '../../shared/contract/commands.js';
import type { AppIdentity } from './app/app-info.js';
import { createAttachmentFeature, type AttachmentFeatureDeps } from './attachments/attachment-feature.js';
import { CalendarRepository } from './calendar/calendar-repository.js';
import { CatalogueRepository } from './catalogue/catalogue-repository.js';
import type { DeskDatabase } from './db/open-database.js';
import { DeviceClockRepository } from './dossiers/device-clock-repository.js';
import { DossierService } from './dossiers/dossier-service.js';
import { ensureProjectionsCurrent, type RebuildProgressListener } from './dossiers/rebuild-projections.js';
import type { DeskEventBus } from './event-bus.js';
import { catalogueHandlers } from './handlers/catalogue-handlers.js';
import { crashHandlers } from './handlers/crash-handlers.js';
import type { CoreContext } from './handlers/context.js';
import { attachmentHandlers } from './handlers/attachment-handlers.js';
import { dossierHandlers } from './handlers/dossier-handlers.js';
import { preferenceHandlers } from './handlers/preference-handlers.js';
import { officerHandlers } from './handlers/officer-handlers.js';
import { reportHandlers } from './handlers/report-handlers.js';
import { setupHandlers } from './handlers/setup-handlers.js';
import { syncHandlers } from './handlers/sync-handlers.js';
import { backupHandlers } from './handlers/backup-handlers.js';
import { BackupService } from './backup/backup-service.js';
import { createSyncAgent } from './sync/create-sync-agent.js';
import type { SecretStore } from './secrets/secret-store.js';
import type { CentreNetwork } from './sync/centre-network.js';
import type { SyncAgentOptions } from './sync/sync-agent.js';
import { DeskSession } from './officers/desk-session.js';
import { OfficerRepository } from './officers/officer-repository.js';
import { SettingsRepository } from './settings/settings-repository.js';
import { randomUUID } from 'node:crypto';
import type { PendingRestore } from './backup/pending-restore.js';
import { takeNewDeviceIdentity } from './backup/restored-identity.js';
import { ScanRestorer, type ScanRestoreOptions } from './backup/scan-restore.js';

export interface CoreDeps {
  db: DeskDatabase;
  identity: AppIdentity;
  events: DeskEventBus;
  /** The clock; tests and benchmarks pass their own. */
  now?: () => number;
  /** Test seams of the attachments feature (inbox settle time, scan timeout, blob write faults). */
  attachmentOptions?: AttachmentFeatureDeps['options'];
  /** Test seams of the sync agent (timeouts, back-off, batch sizes). */
  syncOptions?: Partial<SyncAgentOptions>;
  /**
   * Told how far the start-up rebuild of the projections has come (done/total dossiers), when the
   * projections are behind after an update; what a start-up screen would show ("Đang cập nhật dữ liệu… x/y").
   */
  onProjectionRebuild?: RebuildProgressListener;
  /** How sync reaches the centre (Electron's net in the packaged app); Node's, from the proxy variables, by default. */
  centreNetwork?: CentreNetwork;
  /** Where the centre token is kept (safeStorage in the packaged app); an owner-only file by default. */
  secrets?: SecretStore;
  /** A backup restored at this start (pending-restore.ts): the desk takes a new device identity. */
  restored?: PendingRestore | null;
  /** Test seams of the copy of a restored backup's scans (hold it, retry sooner). */
  scanRestoreOptions?: ScanRestoreOptions;
}

/** Builds repositories and services once and seeds reference data on first start. */
export function createCoreContext(deps: CoreDeps): CoreContext {
  const now = deps.now ?? Date.now;
  const ulid = monotonicFactory();
  const newId = () => ulid(now());
  const settings = new SettingsRepository(deps.db);
  const catalogue = new CatalogueRepository(deps.db);
  const calendar = new CalendarRepository(deps.db);
  catalogue.seedIfOlder();
  calendar.seedMissingYears(new Date(now()).toISOString());
  // Projections built by older code, or before a migration (which never fills them), are refolded from
  // the log before the first command reads them.
  ensureProjectionsCurrent(deps.db, deps.onProjectionRebuild);
  const session = new DeskSession();
  if (deps.restored) takeNewDeviceIdentity(deps.db, settings, deps.restored.manifest.name);
  const deviceId = settings.getOrCreate('device.id', randomUUID);
  // Before anything stamps or pulls: a stored clock left unusable (overflowed, or far ahead) restarts sane.
  new DeviceClockRepository(deps.db).heal(deviceId, now());
  const dossiers = new DossierService({ db: deps.db, session, settings, catalogue, calendar, events: deps.events, deviceId, now, newId });
  const attachments = createAttachmentFeature({
    db: deps.db,
    dataDir: deps.identity.dataDir,
    dossiers,
    session,
    settings,
    events: deps.events,
    now,
    newId,
    options: deps.attachmentOptions,
  });
  const scansBack = new ScanRestorer(
    deps.identity.dataDir,
    attachments.blobs,
    (progress) => deps.events.publish('backup.progress', { phase: 'scansBack', done: progress.done, total: progress.total ?? 0 }),
    deps.scanRestoreOptions,
  );
  const backup = new BackupService({
    settings,
    now,
    onProgress: (progress) => deps.events.publish('backup.progress', progress),
    scansBack: () => scansBack.status(),
    source: () => ({
      db: deps.db,
      blobs: attachments.blobs,
      appVersion: deps.identity.version,
      deviceId,
      unitGsoCode: settings.get('unit.gsoCode'),
      station: settings.get('desk.station') === null ? null : Number(settings.get('desk.station')),
    }),
  });
  return {
    db: deps.db,
    identity: deps.identity,
    events: deps.events,
    session,
    settings,
    officers: new OfficerRepository(deps.db),
    catalogue,
    calendar,
    dossiers,
    attachments,
    backup,
    scansBack,
    sync: createSyncAgent({
      db: deps.db,
      events: deps.events,
      settings,
      calendar,
      deviceId,
      dataDir: deps.identity.dataDir,
      appVersion: deps.identity.version,
      now,
      options: deps.syncOptions,
      network: deps.centreNetwork,
      secrets: deps.secrets,
    }),
    now,
    newId,
  };
}

/** The whole contract, implemented once; every transport calls these through `dispatch`. */
export function createHandlers(deps: CoreDeps | CoreContext): Handlers {
  const ctx = 'session' in deps ? deps : createCoreContext(deps);
  return { ...setupHandlers(ctx), ...officerHandlers(ctx), ...catalogueHandlers(ctx), ...dossierHandlers(ctx), ...attachmentHandlers(ctx), ...reportHandlers(ctx), ...preferenceHandlers(ctx), ...syncHandlers(ctx), ...crashHandlers(ctx), ...backupHandlers(ctx) };
}
