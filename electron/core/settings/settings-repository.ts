import type { DeskDatabase } from '../db/open-database.js';

/** Key/value settings of this desk. The only place that holds settings SQL. */
export class SettingsRepository {
  private readonly getStmt;
  private readonly putStmt;
  private readonly deleteStmt;

  constructor(db: DeskDatabase) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.putStmt = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  }

  get(key: string): string | null {
    return this.getStmt.get(key)?.value ?? null;
  }

  set(key: string, value: string): void {
    this.putStmt.run(key, value);
  }

  delete(key: string): void {
    this.deleteStmt.run(key);
  }

  /** Returns the stored value, storing `make()` first if there is none. */
  getOrCreate(key: string, make: () => string): string {
    const existing = this.get(key);
    if (existing !== null) return existing;
    const value = make();
    this.set(key, value);
    return value;
  }
}
