import { LAST_ERROR_MAX, STATUS_MAX_CRASHES } from '../../../shared/sync/device-status.js';
import type { CrashReportRepository } from '../diagnostics/crash-report-repository.js';
import type { BlobQueueRepository } from './blob-queue-repository.js';
import type { CentreClient } from './centre-client.js';
import type { SyncRepository } from './sync-repository.js';
import type { SyncLog } from './sync-options.js';

/** A desk built without its version (tests that make an agent by hand) still says something valid. */
const UNKNOWN_VERSION = '0.0.0';

export interface FleetReportContext {
  repo: SyncRepository;
  blobQueue: BlobQueueRepository;
  crashes: CrashReportRepository;
  appVersion?: string | undefined;
  now(): number;
  log?: SyncLog | undefined;
  /** The agent is stopping: a failure then is expected and not worth a warning. */
  stopping(): boolean;
}

/**
 * The round's last step: the desk's status and waiting crash reports for the city's fleet view. Never
 * fails the round (the fleet view is a convenience; an older centre answers 404).
 */
export async function reportStatus(client: CentreClient, context: FleetReportContext): Promise<void> {
  const { repo, crashes } = context;
  try {
    const counts = repo.counts();
    const answer = await client.postStatus({
      appVersion: context.appVersion ?? UNKNOWN_VERSION,
      deskClock: new Date(context.now()).toISOString(),
      eventsWaiting: counts.waitingEvents,
      scansWaiting: context.blobQueue.countWaiting(),
      lastError: repo.state('last.error')?.slice(0, LAST_ERROR_MAX) ?? null,
      crashes: crashes.waiting(STATUS_MAX_CRASHES),
    });
    if (answer !== null) crashes.sent(answer.stored);
  } catch (error) {
    if (context.stopping()) return;
    context.log?.warn('sync: status not sent', { name: (error as Error)?.name, message: (error as Error)?.message });
  }
}
