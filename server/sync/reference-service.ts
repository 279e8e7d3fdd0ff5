import { monotonicFactory } from 'ulid';
import type { ReferenceChange } from '../../shared/sync/protocol.js';
import { CENTRE_DEVICE_ID } from '../../shared/sync/protocol.js';
import type { CentreStorage } from '../storage/storage.js';
import { appendEntries } from './append-entries.js';
import { prepareReference } from './prepare-event.js';

// Catalogue and calendar changes an administrator makes at the centre: appended to the same log, city-
// wide, so every desk receives them in order with its dossiers' events on its next pull.

const ulid = monotonicFactory();

export async function publishReference(storage: CentreStorage, change: ReferenceChange, now: () => number): Promise<{ id: string }> {
  const nowMs = now();
  const reference = prepareReference(ulid(nowMs), change);
  const recordedAt = new Date(nowMs).toISOString();
  await storage.transaction((tx) => appendEntries(tx, { deviceId: CENTRE_DEVICE_ID, unitGso: null }, [], [reference], recordedAt));
  return { id: reference.id };
}
