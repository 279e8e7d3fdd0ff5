import { join } from 'node:path';
import { PostgresStorage } from './postgres-storage.js';
import { SqliteStorage } from './sqlite-storage.js';
import type { CentreStorage } from './storage.js';

export const CENTRE_DATABASE_FILE = 'centre.sqlite';

/** SQLite in the data folder by default; PostgreSQL when a postgres:// URL is given. */
export async function openStorage(options: { dataDir: string; database?: string | undefined; schema?: string | undefined }): Promise<CentreStorage> {
  if (options.database !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(options.database)) throw new Error('--database takes a postgres:// URL');
    return PostgresStorage.open({ connectionString: options.database, ...(options.schema === undefined ? {} : { schema: options.schema }) });
  }
  return new SqliteStorage(join(options.dataDir, CENTRE_DATABASE_FILE));
}
