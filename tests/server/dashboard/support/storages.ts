import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresStorage } from '../../../../server/storage/postgres-storage.js';
import { SqliteStorage } from '../../../../server/storage/sqlite-storage.js';
import type { CentreStorage } from '../../../../server/storage/storage.js';
import type { DossierEvent } from '../../../../shared/domain/dossier/events.js';
import { foldDossier } from '../../../../shared/domain/dossier/fold.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { makeTempDir } from '../../../support/temp-dir.js';

// The dashboard's storage tests run on both adapters: SQLite always, PostgreSQL when DATABASE_URL is
// set (`bash tests/support/postgres.sh npx vitest run --project server`), each in a throwaway place.

export const DATABASE_URL = process.env.DATABASE_URL;

export interface StorageKind {
  name: 'SQLite' | 'PostgreSQL';
  available: boolean;
  open(): Promise<CentreStorage>;
  dispose(storage: CentreStorage): Promise<void>;
}

const sqliteDirs = new Map<CentreStorage, () => void>();
const pgSchemas = new Map<CentreStorage, string>();

export const STORAGE_KINDS: readonly StorageKind[] = [
  {
    name: 'SQLite',
    available: true,
    async open() {
      const dir = makeTempDir('dashboard-sqlite-');
      const storage = new SqliteStorage(join(dir.path, 'centre.sqlite'));
      sqliteDirs.set(storage, dir.remove);
      return storage;
    },
    async dispose(storage) {
      await storage.close();
      sqliteDirs.get(storage)?.();
    },
  },
  {
    name: 'PostgreSQL',
    available: DATABASE_URL !== undefined,
    async open() {
      const schema = `dash_${randomBytes(6).toString('hex')}`;
      const storage = await PostgresStorage.open({ connectionString: DATABASE_URL!, schema, maxConnections: 20 });
      pgSchemas.set(storage, schema);
      return storage;
    },
    async dispose(storage) {
      await storage.close();
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${pgSchemas.get(storage)} CASCADE`);
      await client.end();
    },
  },
];

/** Every dossier the centre's log holds, folded from its events: the reference the dashboard is held to. */
export async function foldedDossiers(storage: CentreStorage): Promise<DossierState[]> {
  const states: DossierState[] = [];
  let after = '';
  for (;;) {
    const ids = await storage.dashboard.dossierIdsAfter(after, 1000);
    if (ids.length === 0) return states;
    for (const id of ids) {
      const state = foldDossier((await storage.dossierEventBodies(id)).map((body) => JSON.parse(body) as DossierEvent));
      if (state !== null) states.push(state);
    }
    after = ids.at(-1)!;
  }
}
