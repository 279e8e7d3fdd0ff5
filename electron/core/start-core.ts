import { join } from 'node:path';
import type { Handlers } from '../../shared/contract/commands.js';
import type { AppIdentity } from './app/app-info.js';
import { openDatabase, type DeskDatabase } from './db/open-database.js';
import { DeskEventBus } from './event-bus.js';
import { createHandlers } from './handlers.js';

export interface DeskCore {
  db: DeskDatabase;
  events: DeskEventBus;
  handlers: Handlers;
  close(): void;
}

export const DATABASE_FILE = 'desk.sqlite';

/** Opens the desk's data folder and wires the engine; shared by Electron main, the web host and tests. */
export function startCore(identity: AppIdentity, options: { now?: () => number } = {}): DeskCore {
  const db = openDatabase({ path: join(identity.dataDir, DATABASE_FILE) });
  const events = new DeskEventBus();
  const handlers = createHandlers({ db, identity, events, ...options });
  return {
    db,
    events,
    handlers,
    close: () => db.close(),
  };
}
