import type { DeskDatabase } from '../../electron/core/db/open-database.js';

/** Every row of every table (FTS shadow tables included), to prove a failed command changed nothing. */
export function snapshotDatabase(db: DeskDatabase, options: { only?: readonly string[] } = {}): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((t) => t.name)
    .filter((name) => options.only === undefined || options.only.includes(name));
  const snapshot: Record<string, unknown[]> = {};
  for (const name of tables) {
    // Table names come from sqlite_master, not from input; quoting keeps odd names safe.
    // Sorted in JS: WITHOUT ROWID tables have no rowid to order by.
    const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all();
    snapshot[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}
