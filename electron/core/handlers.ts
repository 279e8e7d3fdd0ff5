import type { Handlers } from '../../shared/contract/commands.js';
import { readAppInfo, type AppIdentity } from './app/app-info.js';
import type { DeskDatabase } from './db/open-database.js';
import type { DeskEventBus } from './event-bus.js';

export interface CoreDeps {
  db: DeskDatabase;
  identity: AppIdentity;
  events: DeskEventBus;
}

/** The whole contract, implemented once; every transport calls these through `dispatch`. */
export function createHandlers(deps: CoreDeps): Handlers {
  return {
    'app.info': () => readAppInfo(deps.db, deps.identity),
  };
}
