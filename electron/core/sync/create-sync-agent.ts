import { join } from 'node:path';
import { BlobStore } from '../blobs/blob-store.js';
import type { CalendarRepository } from '../calendar/calendar-repository.js';
import type { DeskDatabase } from '../db/open-database.js';
import type { DeskEventBus } from '../event-bus.js';
import { FileSecretStore } from '../secrets/file-secret-store.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import { blobStoreLocator } from './blob-store-locator.js';
import type { CentreNetwork } from './centre-network.js';
import { nodeCentreNetwork } from './node-centre-network.js';
import { SyncAgent, type SyncAgentOptions } from './sync-agent.js';

export interface SyncAgentSetup {
  db: DeskDatabase;
  events: DeskEventBus;
  settings: SettingsRepository;
  calendar: CalendarRepository;
  deviceId: string;
  dataDir: string;
  appVersion: string;
  now(): number;
  options?: Partial<SyncAgentOptions> | undefined;
  /** Electron's net in the packaged app; by default Node's, honouring HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  network?: CentreNetwork | undefined;
  /** safeStorage behind main's port in the packaged app; by default an owner-only file in the data folder. */
  secrets?: SecretStore | undefined;
}

/** The agent as the core runs it: scans are found in the desk's blob store (<data dir>/blobs). */
export function createSyncAgent(setup: SyncAgentSetup): SyncAgent {
  const store = new BlobStore(join(setup.dataDir, 'blobs'));
  return new SyncAgent({
    db: setup.db,
    events: setup.events,
    settings: setup.settings,
    calendar: setup.calendar,
    deviceId: setup.deviceId,
    appVersion: setup.appVersion,
    now: setup.now,
    blobs: blobStoreLocator(store),
    scans: store,
    network: setup.network ?? nodeCentreNetwork(process.env),
    secrets: setup.secrets ?? new FileSecretStore(setup.dataDir),
    ...(setup.options === undefined ? {} : { options: setup.options }),
    log: { warn: (message, detail) => console.warn(message, detail ?? '') },
  });
}
