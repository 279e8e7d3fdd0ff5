import { foldDossier } from '../../../shared/domain/dossier/fold.js';
import type { DeskDatabase } from '../db/open-database.js';
import { SettingsRepository } from '../settings/settings-repository.js';
import { EventLogRepository } from './event-log-repository.js';
import { ProjectionRepository } from './projection-repository.js';
import { DESK_PROJECTION_VERSION, PROJECTION_VERSION_SETTING } from './projection-version.js';

export interface RebuildCount {
  dossiers: number;
  events: number;
}

/**
 * Drops every projection and folds them again from the event log, in one transaction, and records that
 * they now follow this code's DESK_PROJECTION_VERSION. Used by `dossiers.rebuild` and at start.
 */
export function rebuildProjections(db: DeskDatabase): RebuildCount {
  const log = new EventLogRepository(db);
  const projections = new ProjectionRepository(db);
  const settings = new SettingsRepository(db);
  let dossiers = 0;
  let events = 0;
  db.transaction(() => {
    projections.clearAll();
    for (const id of log.dossierIds()) {
      const group = log.eventsOf(id);
      const state = foldDossier(group);
      if (state === null) continue;
      projections.write(state);
      dossiers += 1;
      events += group.length;
    }
    projections.compactSearchIndex();
    settings.set(PROJECTION_VERSION_SETTING, String(DESK_PROJECTION_VERSION));
  }).immediate();
  return { dossiers, events };
}

/** The version the stored projections were built with; 0 for a desk from before versions were kept. */
export function storedProjectionVersion(db: DeskDatabase): number {
  const stored = Number(new SettingsRepository(db).get(PROJECTION_VERSION_SETTING) ?? '0');
  return Number.isInteger(stored) ? stored : 0;
}

/** At start: rebuilds the projections when they were built by older code. Returns what was rebuilt, or null. */
export function ensureProjectionsCurrent(db: DeskDatabase): RebuildCount | null {
  return storedProjectionVersion(db) < DESK_PROJECTION_VERSION ? rebuildProjections(db) : null;
}
