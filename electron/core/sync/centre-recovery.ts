import { INITIAL_CURSOR } from '../../../shared/sync/protocol.js';
import type { BlobQueueRepository } from './blob-queue-repository.js';
import type { CentreClient } from './centre-client.js';
import type { SyncRepository } from './sync-repository.js';
import type { SyncLog } from './sync-options.js';

// Restores on either side: a desk restored from a backup takes a new device id, a centre restored
// from a backup forgets what came after it. Each round's first steps put the two back in step.

/**
 * A desk restored from a backup signs with a new device id (pending-restore.ts), while its enrollment
 * still names the old one: before anything is pushed, the centre carries the station over to the new
 * id on the proof of the token the desk still holds. Its unsent events signed with the old id go
 * afterwards as that id's; the events the old id sent after the backup come back in the pull.
 */
export async function rekeyIfRestored(client: CentreClient, repo: SyncRepository, deviceId: string): Promise<void> {
  const enrollment = repo.enrollment();
  if (enrollment === null || enrollment.deviceId === deviceId) return;
  const answer = await client.rekey({ formerDeviceId: enrollment.deviceId, deviceId });
  repo.saveEnrollment({ ...enrollment, deviceId: answer.deviceId });
}

export interface ReconcileContext {
  repo: SyncRepository;
  blobQueue: BlobQueueRepository;
  deviceId: string;
  log?: SyncLog | undefined;
}

/**
 * A centre restored from a backup has forgotten what came after it: this desk's events it had
 * acknowledged, scans it had taken, and events of other desks this desk pulled (whose sequence
 * numbers it will now give to new events). Each round asks what it holds of this desk (the gaps
 * route): events it lacks wait to be pushed again; and when its log's epoch changed, the pull
 * starts again from the last sequence the restored copy held, and every scan is asked about again.
 */
export async function reconcileWithCentre(client: CentreClient, { repo, blobQueue, deviceId, log }: ReconcileContext): Promise<void> {
  const gaps = await client.gaps();
  if (gaps === null) return;
  const lost = repo.unmarkLost(deviceId, gaps.highestSeq, gaps.missingRanges);
  if (lost > 0) log?.warn('sync: the centre lacks events it had acknowledged; pushing them again', { count: lost });
  if (gaps.logEpoch === undefined) return;
  const known = repo.state('centre.logEpoch');
  if (known !== null && known !== String(gaps.logEpoch)) {
    const cursor = Number(repo.state('pull.cursor') ?? INITIAL_CURSOR);
    const restoredThrough = gaps.restoredThrough ?? 0;
    if (cursor > restoredThrough) repo.setState('pull.cursor', String(restoredThrough));
    blobQueue.requeueUploaded();
    log?.warn('sync: the centre was restored from a backup; pulling again from its restore point', { restoredThrough });
  }
  repo.setState('centre.logEpoch', String(gaps.logEpoch));
}
