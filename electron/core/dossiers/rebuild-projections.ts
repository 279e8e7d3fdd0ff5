import { foldDossier } from '../../../shared/domain/dossier/fold.js';
import { MIGRATIONS } from '../db/migrations/registry.js';
import type { Migration } from '../db/migrations/types.js';
import type { DeskDatabase } from '../db/open-database.js';
import { SettingsRepository } from '../settings/settings-repository.js';
import { EventLogRepository } from './event-log-repository.js';
import { ProjectionRepository } from './projection-repository.js';
import {
  DESK_PROJECTION_VERSION,
  PROJECTION_SCHEMA_SETTING,
  PROJECTION_VERSION_SETTING,
  SCHEMA_BEFORE_PROJECTION_SCHEMA_WAS_KEPT,
} from './projection-version.js';

export interface RebuildCount {
  dossiers: number;
  events: number;
}

/** How far a rebuild has come, in dossiers of the log (for a start-up screen: "x/y"). */
export interface RebuildProgress {
  done: number;
  total: number;
}

export type RebuildProgressListener = (progress: RebuildProgress) => void;

/** Progress is reported at most this often (in dossiers), plus at the start and the end. */
const PROGRESS_EVERY = 200;

/**
 * Drops every projection and folds them again from the event log, in one transaction, and records that
 * they now follow this code's DESK_PROJECTION_VERSION at this schema. Used by `dossiers.rebuild` and at start.
 */
export function rebuildProjections(db: DeskDatabase, onProgress?: RebuildProgressListener): RebuildCount {
  const log = new EventLogRepository(db);
  const projections = new ProjectionRepository(db);
  const settings = new SettingsRepository(db);
  let dossiers = 0;
  let events = 0;
  db.transaction(() => {
    projections.clearAll();
    const ids = log.dossierIds();
    onProgress?.({ done: 0, total: ids.length });
    ids.forEach((id, index) => {
      const group = log.eventsOf(id);
      const state = foldDossier(group);
      if (state !== null) {
        projections.write(state);
        dossiers += 1;
        events += group.length;
      }
      const done = index + 1;
      if (onProgress !== undefined && (done % PROGRESS_EVERY === 0 || done === ids.length)) onProgress({ done, total: ids.length });
    });
    projections.compactSearchIndex();
    settings.set(PROJECTION_VERSION_SETTING, String(DESK_PROJECTION_VERSION));
    settings.set(PROJECTION_SCHEMA_SETTING, String(schemaVersion(db)));
  }).immediate();
  return { dossiers, events };
}

/** The version the stored projections were built with; 0 for a desk from before versions were kept. */
export function storedProjectionVersion(db: DeskDatabase): number {
  return storedInteger(db, PROJECTION_VERSION_SETTING) ?? 0;
}

/** The schema the stored projections were built at; 0 when they were never built. */
export function storedProjectionSchema(db: DeskDatabase): number {
  const schema = storedInteger(db, PROJECTION_SCHEMA_SETTING);
  if (schema !== null) return schema;
  return storedProjectionVersion(db) > 0 ? SCHEMA_BEFORE_PROJECTION_SCHEMA_WAS_KEPT : 0;
}

/** The newest applied migration that reshaped a projection: projections built at a lower schema miss it. */
export function lastProjectionReshape(db: DeskDatabase, migrations: readonly Migration[] = MIGRATIONS): number {
  const schema = schemaVersion(db);
  return Math.max(0, ...migrations.filter((m) => m.projections === 'reshaped' && m.version <= schema).map((m) => m.version));
}

/**
 * True when the projections were built by older code (their version is behind), or before a migration that
 * added or reshaped one (migrations leave projections empty; the core fills them).
 */
export function projectionsBehind(db: DeskDatabase, migrations: readonly Migration[] = MIGRATIONS): boolean {
  return storedProjectionVersion(db) < DESK_PROJECTION_VERSION || storedProjectionSchema(db) < lastProjectionReshape(db, migrations);
}

/** After migrating, at start: rebuilds the projections when they are behind. Returns what was rebuilt, or null. */
export function ensureProjectionsCurrent(
  db: DeskDatabase,
  onProgress?: RebuildProgressListener,
  migrations: readonly Migration[] = MIGRATIONS,
): RebuildCount | null {
  return projectionsBehind(db, migrations) ? rebuildProjections(db, onProgress) : null;
}

function schemaVersion(db: DeskDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function storedInteger(db: DeskDatabase, key: string): number | null {
  const value = new SettingsRepository(db).get(key);
  if (value === null) return null;
  const number = Number(value);
  return Number.isInteger(number) ? number : null;
}
