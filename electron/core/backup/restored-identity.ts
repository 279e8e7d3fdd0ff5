import { randomUUID } from 'node:crypto';
import type { DeskDatabase } from '../db/open-database.js';
import type { SettingsRepository } from '../settings/settings-repository.js';

// A restored desk's counters stopped where the backup was taken, but the desk it replaces may have used
// the next ones (and sent them to the centre) since. So the restored desk takes a new device id — a
// fresh counter space no one has used — at its first start, before anything is stamped. Its former id
// is remembered; the sync agent re-keys with the centre when it sees the enrollment still naming it.

const APPLIED = 'restore.applied';
const FORMER_IDS = 'device.formerIds';

/** Idempotent per restored backup: a second start after the same restore keeps the id it took. */
export function takeNewDeviceIdentity(db: DeskDatabase, settings: SettingsRepository, backupName: string): void {
  db.transaction(() => {
    if (settings.get(APPLIED) === backupName) return;
    const former = settings.get('device.id');
    if (former !== null) {
      const formerIds = JSON.parse(settings.get(FORMER_IDS) ?? '[]') as string[];
      settings.set(FORMER_IDS, JSON.stringify([...formerIds, former]));
    }
    settings.set('device.id', randomUUID());
    settings.set(APPLIED, backupName);
  })();
}
