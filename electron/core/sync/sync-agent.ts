import type { SyncStatus } from '../../../shared/contract/events.js';
import type { UnitMoveRequest, UnitMoveResponse } from '../../../shared/sync/protocol.js';
import type { CalendarRepository } from '../calendar/calendar-repository.js';
import type { DeskDatabase } from '../db/open-database.js';
import { CrashReportRepository } from '../diagnostics/crash-report-repository.js';
import type { DeskEventBus } from '../event-bus.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import { BlobQueueRepository, NO_BLOBS, type BlobLocator, type StoredBlob } from './blob-queue-repository.js';
import type { CentreClient, Timed } from './centre-client.js';
import type { CentreNetwork } from './centre-network.js';
import { CentreSession } from './centre-session.js';
import { reconcileWithCentre, rekeyIfRestored } from './centre-recovery.js';
import { measureSkewMs } from './clock-skew.js';
import { enroll, unenroll, type EnrollmentContext } from './enrollment.js';
import { reportStatus } from './fleet-status-report.js';
import type { LaneReport } from './lane-report.js';
import { pullAll } from './pull-lane.js';
import { pushAll } from './push-lane.js';
import { RemoteApplier } from './remote-apply.js';
import { ScanFetchLane } from './scan-fetch-lane.js';
import type { ScanStore } from './scan-fetcher.js';
import { uploadScans } from './scan-upload-lane.js';
import { SyncFailure } from './sync-failure.js';
import { DEFAULT_SYNC_OPTIONS, type SyncAgentOptions, type SyncLog } from './sync-options.js';
import { SyncRepository, type DossierSyncState } from './sync-repository.js';
import { SyncScheduler } from './sync-scheduler.js';
import { SyncStatusBoard } from './sync-status-board.js';
import { moveUnit, settleUnitMove } from './unit-move.js';

export type { SyncAgentOptions } from './sync-options.js';

// The desk's sync agent: a background duty that never blocks the officer. It runs after each local
// change (debounced), periodically, when the network comes back and when asked (sync-scheduler.ts);
// it pushes waiting events in batches, pulls pages and applies them, and uploads scans in a lane of
// their own so a big scan on a slow line never holds events back. Every request has a timeout;
// failures back off exponentially with jitter. A revoked desk stops syncing and says so; the desk
// keeps working. This file wires the parts together and sequences a round.

export interface SyncAgentDeps {
  db: DeskDatabase;
  events: DeskEventBus;
  settings: SettingsRepository;
  calendar: CalendarRepository;
  deviceId: string;
  now(): number;
  blobs?: BlobLocator;
  /** The desk's blob store, to fetch scans the desk lacks from the centre (none: scans are never fetched). */
  scans?: ScanStore;
  /** Where the device token lives (never in SQLite). */
  secrets: SecretStore;
  /** How requests reach the centre; the global fetch and tus's own Node stack when absent. */
  network?: CentreNetwork;
  /** Overrides the network's fetch (tests that watch or break single requests). */
  fetch?: typeof fetch;
  options?: Partial<SyncAgentOptions>;
  log?: SyncLog;
  /** The desk's version, told to the centre on each round for the fleet view. */
  appVersion?: string;
}

export class SyncAgent {
  private readonly repo: SyncRepository;
  private readonly blobQueue: BlobQueueRepository;
  private readonly crashes: CrashReportRepository;
  private readonly applier: RemoteApplier;
  private readonly options: SyncAgentOptions;
  private readonly locator: BlobLocator;
  private readonly session: CentreSession;
  private readonly board: SyncStatusBoard;
  private readonly scheduler: SyncScheduler;
  private readonly scanFetch: ScanFetchLane | null;
  /** How push and pull tell the round of the centre's clock and their progress. */
  private readonly laneReport: LaneReport = {
    noteSkew: (answer) => this.noteSkew(answer),
    progress: (progress) => this.board.setProgress(progress),
  };

  constructor(private readonly deps: SyncAgentDeps) {
    this.repo = new SyncRepository(deps.db);
    this.blobQueue = new BlobQueueRepository(deps.db);
    this.crashes = new CrashReportRepository(deps.db);
    this.applier = new RemoteApplier(deps.db, { deviceId: deps.deviceId, now: deps.now, calendar: deps.calendar, sync: this.repo });
    this.options = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
    this.locator = deps.blobs ?? NO_BLOBS;
    this.session = new CentreSession({ repo: this.repo, secrets: deps.secrets, now: deps.now, options: this.options, network: deps.network, fetch: deps.fetch, log: deps.log });
    this.board = new SyncStatusBoard({
      repo: this.repo,
      blobQueue: this.blobQueue,
      locator: this.locator,
      events: deps.events,
      now: deps.now,
      lanes: { lastFailure: () => this.scheduler.lastFailure(), busy: () => this.scheduler.busy() },
    });
    const scanFetch = deps.scans === undefined ? null : new ScanFetchLane(deps.db, deps.scans, this.session, this.board);
    this.scanFetch = scanFetch;
    this.scheduler = new SyncScheduler(
      {
        events: deps.events,
        options: this.options,
        enrolled: () => this.session.enrolled(),
        ready: () => this.session.ready(),
        succeeded: () => this.roundSucceeded(),
        failed: (failure, error) => this.roundFailed(failure, error),
        roundEnded: () => this.board.clearProgress(),
        publish: () => this.board.publish(),
      },
      {
        events: () => this.syncEvents(),
        uploads: () => this.uploadScans(),
        downloads: scanFetch === null ? null : () => scanFetch.fetchAll(),
      },
    );
  }

  /** Begins listening for local changes, the clock and the network. Safe to call once. */
  start(): void {
    // On a desk from before the secrets store, this is when its token leaves SQLite.
    void this.ready();
    this.scheduler.start();
  }

  /** Resolves once the token is loaded from the secrets store (moved out of SQLite first, on an older desk). */
  ready(): Promise<void> {
    return this.session.ready();
  }

  /** Stops timers and aborts requests in flight; resolves when the current run has ended. */
  async stop(): Promise<void> {
    const ended = this.scheduler.stop();
    this.session.abort();
    await ended;
  }

  status(): SyncStatus {
    return this.board.status();
  }

  /** Per dossier: are all its local events at the centre? */
  dossierStates(dossierIds: readonly string[]): Map<string, { state: DossierSyncState; waitingEvents: number }> {
    return this.repo.dossierStates(dossierIds);
  }

  /**
   * Fetches a scan the desk lacks from the centre now (the officer opened it before its turn came);
   * true once it is in the store, false when the centre has none for this unit or the desk is not enrolled.
   */
  async fetchScanNow(sha256: string): Promise<boolean> {
    return this.scanFetch === null ? false : this.scanFetch.fetchNow(sha256);
  }

  /** Resolves when no background scan fetching is running (tests, and a clean stop). */
  async scansSettled(): Promise<void> {
    await this.scheduler.downloadsSettled();
  }

  /** The bound on disk use for scans fetched from the centre, in bytes (null: the default). */
  setScanDownloadLimit(bytes: number | null): void {
    this.scanFetch?.setLimitBytes(bytes);
    this.board.setScanDownloadWarning(null);
    this.scheduler.requestDownloads();
  }

  /** Queues a scan for upload (the blob store calls this when it stores one). */
  enqueueBlob(blob: StoredBlob): void {
    this.blobQueue.enqueue(blob, new Date(this.deps.now()).toISOString());
    this.scheduler.requestUploads();
  }

  /** Trades a one-time code for this desk's device token, then starts syncing. */
  async enroll(input: { centreUrl: string; code: string; deviceName: string }): Promise<SyncStatus> {
    await enroll(this.enrollmentContext(), input);
    this.scheduler.forgetFailures();
    this.board.publish();
    this.scheduler.requestSync();
    return this.status();
  }

  /**
   * Asks the centre to rebind this desk to its unit's successor, then records the unit the centre now
   * holds it to (unit-move.ts). Online only.
   */
  async moveUnit(request: UnitMoveRequest): Promise<UnitMoveResponse> {
    const moved = await moveUnit(this.session, this.repo, request);
    this.board.publish();
    return moved;
  }

  /**
   * Ends the enrollment (enrollment.ts): refused while changes or scans wait to go, unless forced.
   * Nothing of the desk's own is deleted.
   */
  async unenroll(force: boolean): Promise<SyncStatus> {
    await unenroll({ ...this.enrollmentContext(), blobQueue: this.blobQueue, endRounds: () => this.scheduler.roundsEnded() }, force);
    this.scheduler.cancelRetries();
    this.board.publish();
    return this.status();
  }

  /** Runs now; with `wait`, resolves when this round (events, then scans) has finished. */
  async syncNow(wait: boolean): Promise<SyncStatus> {
    this.scheduler.runNow();
    if (wait) await this.scheduler.settled();
    return this.status();
  }

  private enrollmentContext(): EnrollmentContext {
    return { session: this.session, repo: this.repo, settings: this.deps.settings, deviceId: this.deps.deviceId, now: this.deps.now };
  }

  private async syncEvents(): Promise<void> {
    const client = this.session.client();
    if (client === null) return;
    // A restored desk first carries its station over to its new device id: every later request signs with it.
    await rekeyIfRestored(client, this.repo, this.deps.deviceId);
    await reconcileWithCentre(client, { repo: this.repo, blobQueue: this.blobQueue, deviceId: this.deps.deviceId, log: this.deps.log });
    // Before pushing: a move the centre made but this desk has not recorded would get its codes refused.
    await settleUnitMove(client, this.deps.db, this.deps.settings, this.repo);
    await pushAll(client, { repo: this.repo, batch: this.options.pushBatch, now: this.deps.now, report: this.laneReport });
    // The events are at the centre: scans may go now, while the pull comes down the other direction
    // of the line (a ward's link is asymmetric; the upload no longer competes with events). Scans
    // that pulled events name join after the pull (the scheduler asks the scan lane again on success).
    this.scheduler.requestUploads();
    await this.pull(client);
    await reportStatus(client, {
      repo: this.repo,
      blobQueue: this.blobQueue,
      crashes: this.crashes,
      appVersion: this.deps.appVersion,
      now: this.deps.now,
      log: this.deps.log,
      stopping: () => this.scheduler.isStopped,
    });
  }

  private pull(client: CentreClient): Promise<void> {
    return pullAll(client, {
      db: this.deps.db,
      repo: this.repo,
      applier: this.applier,
      pullLimit: this.options.pullLimit,
      pullLimitMax: this.options.pullLimitMax,
      report: this.laneReport,
      touched: (dossierIds) => this.scheduler.publishOwnChange(dossierIds),
    });
  }

  private uploadScans(): Promise<boolean> {
    return uploadScans({
      session: this.session,
      repo: this.repo,
      blobQueue: this.blobQueue,
      locator: this.locator,
      options: this.options,
      now: this.deps.now,
      progress: (progress) => this.board.setProgress(progress),
    });
  }

  private roundSucceeded(): void {
    this.repo.setState('last.success', new Date(this.deps.now()).toISOString());
    this.repo.setState('last.error', null);
  }

  private roundFailed(failure: SyncFailure, error: unknown): void {
    if (!(error instanceof SyncFailure)) this.deps.log?.warn('sync: unexpected error', { name: (error as Error)?.name, message: (error as Error)?.message });
    this.repo.setState('last.error', failure.message);
    if (failure.kind === 'revoked') this.repo.markRevoked(new Date(this.deps.now()).toISOString());
  }

  private noteSkew(answer: Timed<unknown>): void {
    const skew = measureSkewMs(answer.centreTime, answer.sentAtMs, answer.receivedAtMs);
    if (skew !== null) this.repo.setState('clock.skewMs', String(skew));
  }
}
