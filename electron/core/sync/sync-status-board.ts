import type { SyncProgress, SyncStatus } from '../../../shared/contract/events.js';
import type { DeskEventBus } from '../event-bus.js';
import type { BlobLocator, BlobQueueRepository } from './blob-queue-repository.js';
import { clockWarning } from './clock-skew.js';
import { SYNC_FAILURE_MESSAGES, type SyncFailure } from './sync-failure.js';
import type { SyncRepository } from './sync-repository.js';

// What the status bar shows of the sync, and its publishing: at once when a round starts or ends,
// at most every PROGRESS_EVERY_MS while one moves (a big push would otherwise flood the UI).

const PROGRESS_EVERY_MS = 250;

export interface StatusBoardDeps {
  repo: SyncRepository;
  blobQueue: BlobQueueRepository;
  locator: BlobLocator;
  events: DeskEventBus;
  now(): number;
  lanes: {
    lastFailure(): SyncFailure | null;
    busy(): boolean;
  };
}

export class SyncStatusBoard {
  private progress: SyncProgress | null = null;
  private downloadProgress: SyncProgress | null = null;
  private scanDownloadWarning: string | null = null;
  private lastProgressAt = 0;

  constructor(private readonly deps: StatusBoardDeps) {}

  status(): SyncStatus {
    const { repo, blobQueue } = this.deps;
    const enrollment = repo.enrollment();
    // Scans named by attachment events join the queue as soon as anyone asks what waits to go.
    blobQueue.enqueueReferenced(this.deps.locator, new Date(this.deps.now()).toISOString());
    const counts = repo.counts();
    const skewText = repo.state('clock.skewMs');
    const skew = skewText === null ? null : Number(skewText);
    const base = {
      pendingEvents: counts.waitingEvents,
      rejectedEvents: counts.rejectedEvents,
      pendingScans: blobQueue.countWaiting(),
      lastSuccessAt: repo.state('last.success'),
      progress: this.progress ?? this.downloadProgress,
      scanDownloadWarning: this.scanDownloadWarning,
      clockSkewMs: skew,
      clockWarning: clockWarning(skew),
      calendarWarning: Object.values(repo.refusedCalendarYears()).join('\n') || null,
      catalogueWarning: repo.refusedUnitChanges().join('\n') || null,
      centreUrl: enrollment?.centreUrl ?? null,
    };
    if (enrollment === null) return { ...base, state: 'not_configured', lastError: null, revoked: false };
    if (enrollment.revokedAt !== null) {
      return { ...base, state: 'error', lastError: SYNC_FAILURE_MESSAGES.revoked, revoked: true };
    }
    const failure = this.deps.lanes.lastFailure();
    const busy = this.deps.lanes.busy();
    const lastError = failure?.message ?? null;
    if (busy) return { ...base, state: 'syncing', lastError, revoked: false };
    if (failure !== null) return { ...base, state: failure.kind === 'offline' || failure.kind === 'timeout' ? 'offline' : 'error', lastError, revoked: false };
    return { ...base, state: 'idle', lastError: null, revoked: false };
  }

  publish(): void {
    this.deps.events.publish('sync.status', this.status());
  }

  /** Progress of the push, pull or upload under way, published throttled. */
  setProgress(progress: SyncProgress): void {
    this.progress = progress;
    this.publishThrottled();
  }

  /** The round has ended: it shows no progress any more. */
  clearProgress(): void {
    this.progress = null;
  }

  /** Progress of the scans coming down (shown when nothing goes up), published throttled. */
  downloadProgressed(progress: SyncProgress | null): void {
    this.downloadProgress = progress;
    this.publishThrottled();
  }

  downloadsEnded(): void {
    this.downloadProgress = null;
  }

  /** Set when the disk bound stopped fetching scans (Vietnamese); null clears it. */
  setScanDownloadWarning(warning: string | null): void {
    this.scanDownloadWarning = warning;
  }

  private publishThrottled(): void {
    const now = Date.now();
    if (now - this.lastProgressAt >= PROGRESS_EVERY_MS) {
      this.lastProgressAt = now;
      this.publish();
    }
  }
}
