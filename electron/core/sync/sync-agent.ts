import type { SyncProgress, SyncStatus } from '../../../shared/contract/events.js';
import { LAST_ERROR_MAX, STATUS_MAX_CRASHES } from '../../../shared/sync/device-status.js';
import { CrashReportRepository } from '../diagnostics/crash-report-repository.js';
import { CommandError } from '../../../shared/contract/errors.js';
import { readFile } from 'node:fs/promises';
import {
  BLOB_PUT_MAX_BYTES,
  BLOBS_MISSING_MAX,
  INITIAL_CURSOR,
  PULL_MAX_LIMIT,
  PUSH_MAX_EVENTS,
  type UnitMoveRequest,
  type UnitMoveResponse,
} from '../../../shared/sync/protocol.js';
import type { CalendarRepository } from '../calendar/calendar-repository.js';
import type { DeskDatabase } from '../db/open-database.js';
import type { DeskEventBus } from '../event-bus.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { readDeskSettings, requireConfiguredDesk } from '../settings/desk-settings.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { BlobQueueRepository, NO_BLOBS, type BlobLocator, type StoredBlob } from './blob-queue-repository.js';
import { uploadBlob } from './blob-uploader.js';
import { CentreClient } from './centre-client.js';
import type { CentreNetwork } from './centre-network.js';
import { clockWarning, measureSkewMs } from './clock-skew.js';
import { watchNetwork } from './network-watch.js';
import { RemoteApplier } from './remote-apply.js';
import { ScanFetcher, type ScanFetchContext, type ScanStore } from './scan-fetcher.js';
import { asSyncFailure, SYNC_FAILURE_MESSAGES, SyncFailure } from './sync-failure.js';
import { SyncRepository, type DossierSyncState } from './sync-repository.js';
import { unitMoveError } from './unit-move-errors.js';
import { readPendingUnitMove, settlePendingUnitMove } from '../settings/pending-unit-move.js';

// The desk's sync agent: a background duty that never blocks the officer. It runs after each local
// change (debounced), periodically, when the network comes back and when asked; it pushes waiting
// events in batches, pulls pages and applies them, and uploads scans in a lane of their own so a big
// scan on a slow line never holds events back. Every request has a timeout; failures back off
// exponentially with jitter. A revoked desk stops syncing and says so; the desk keeps working.

export interface SyncAgentOptions {
  periodMs: number;
  debounceMs: number;
  requestTimeoutMs: number;
  pushBatch: number;
  /** Events per pull page at first, and again after a slow page. */
  pullLimit: number;
  /** What pages may grow to while they arrive quickly (at most the protocol's PULL_MAX_LIMIT). */
  pullLimitMax: number;
  stallTimeoutMs: number;
  networkPollMs: number;
  backoff: BackoffOptions;
  /** tus-js-client's own resume attempts within one upload attempt. */
  uploadRetryDelays: number[];
  /** Scans uploading at once. */
  uploadConcurrency: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncAgentOptions = {
  periodMs: 60_000,
  debounceMs: 300,
  requestTimeoutMs: 30_000,
  pushBatch: PUSH_MAX_EVENTS,
  pullLimit: 2_000,
  pullLimitMax: PULL_MAX_LIMIT,
  stallTimeoutMs: 30_000,
  networkPollMs: 5_000,
  backoff: DEFAULT_BACKOFF,
  uploadRetryDelays: [0, 500, 1500, 3000],
  uploadConcurrency: 4,
};

export interface SyncLog {
  warn(message: string, detail?: Record<string, unknown>): void;
}

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

interface Lane {
  running: Promise<void> | null;
  again: boolean;
  failures: number;
  retryTimer: NodeJS.Timeout | null;
  lastFailure: SyncFailure | null;
}

const PROGRESS_EVERY_MS = 250;

/** A desk built without its version (tests that make an agent by hand) still says something valid. */
const UNKNOWN_VERSION = '0.0.0';

const newLane = (): Lane => ({ running: null, again: false, failures: 0, retryTimer: null, lastFailure: null });

const TOKEN_MISSING =
  'Không tìm thấy mã xác thực của máy này với trung tâm (kho bí mật trống, có thể do thư mục dữ liệu được chép từ máy khác). Hãy nhờ quản trị viên cấp mã đăng ký mới.';

export class SyncAgent {
  private readonly repo: SyncRepository;
  private readonly blobQueue: BlobQueueRepository;
  private readonly crashes: CrashReportRepository;
  private readonly applier: RemoteApplier;
  private readonly options: SyncAgentOptions;
  private readonly locator: BlobLocator;
  private readonly eventsLane = newLane();
  private readonly blobLane = newLane();
  /** Scans coming down from the centre: a lane of its own, so a ward's backlog never holds events or uploads. */
  private readonly downloadLane = newLane();
  private readonly scanFetcher: ScanFetcher | null;
  private downloadProgress: SyncProgress | null = null;
  private scanDownloadWarning: string | null = null;
  private progress: SyncProgress | null = null;
  private started = false;
  private stopped = false;
  private abort = new AbortController();
  private debounce: NodeJS.Timeout | null = null;
  private periodic: NodeJS.Timeout | null = null;
  private stopWatching: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private publishingOwnChanges = false;
  private lastProgressAt = 0;
  /** The device token, read once from the secrets store; null when there is none. */
  private token: string | null = null;
  private tokenLoad: Promise<void> | null = null;

  constructor(private readonly deps: SyncAgentDeps) {
    this.repo = new SyncRepository(deps.db);
    this.blobQueue = new BlobQueueRepository(deps.db);
    this.crashes = new CrashReportRepository(deps.db);
    this.applier = new RemoteApplier(deps.db, { deviceId: deps.deviceId, now: deps.now, calendar: deps.calendar, sync: this.repo });
    this.options = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
    this.locator = deps.blobs ?? NO_BLOBS;
    this.scanFetcher = deps.scans === undefined ? null : new ScanFetcher(deps.db, deps.scans);
  }

  /** Begins listening for local changes, the clock and the network. Safe to call once. */
  start(): void {
    if (this.started) return;
    this.started = true;
    // On a desk from before the secrets store, this is when its token leaves SQLite.
    void this.ready();
    this.unsubscribe = this.deps.events.subscribe((name) => {
      if (name === 'dossiers.changed' && !this.publishingOwnChanges) this.scheduleSoon();
    });
    this.periodic = setInterval(() => {
      if (this.eventsLane.retryTimer === null) this.requestSync();
    }, this.options.periodMs);
    this.periodic.unref();
    this.stopWatching = watchNetwork(() => this.networkReturned(), this.options.networkPollMs);
    this.requestSync();
  }

  /** Resolves once the token is loaded from the secrets store (moved out of SQLite first, on an older desk). */
  ready(): Promise<void> {
    this.tokenLoad ??= this.loadToken();
    return this.tokenLoad;
  }

  private async loadToken(): Promise<void> {
    const legacy = this.repo.legacyToken();
    if (legacy !== null) {
      try {
        await this.deps.secrets.set('centre.token', legacy);
        this.repo.clearLegacyToken();
      } catch (error) {
        // Syncing beats losing the token: it stays where it was, and the move is tried at the next start.
        this.deps.log?.warn('sync: the token could not be moved to the secrets store', { name: (error as Error)?.name });
        this.token = legacy;
        return;
      }
    }
    try {
      this.token = await this.deps.secrets.get('centre.token');
    } catch (error) {
      this.deps.log?.warn('sync: the secrets store could not be read', { name: (error as Error)?.name });
    }
  }

  private requireToken(): string {
    if (this.token === null) throw new SyncFailure('unauthorized', TOKEN_MISSING);
    return this.token;
  }

  /** Stops timers and aborts requests in flight; resolves when the current run has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    for (const timer of [this.debounce, this.eventsLane.retryTimer, this.blobLane.retryTimer, this.downloadLane.retryTimer]) if (timer !== null) clearTimeout(timer);
    if (this.periodic !== null) clearInterval(this.periodic);
    this.stopWatching?.();
    this.unsubscribe?.();
    await Promise.allSettled([this.eventsLane.running, this.blobLane.running, this.downloadLane.running]);
  }

  status(): SyncStatus {
    const enrollment = this.repo.enrollment();
    // Scans named by attachment events join the queue as soon as anyone asks what waits to go.
    this.blobQueue.enqueueReferenced(this.locator, new Date(this.deps.now()).toISOString());
    const counts = this.repo.counts();
    const skewText = this.repo.state('clock.skewMs');
    const skew = skewText === null ? null : Number(skewText);
    const base = {
      pendingEvents: counts.waitingEvents,
      rejectedEvents: counts.rejectedEvents,
      pendingScans: this.blobQueue.countWaiting(),
      lastSuccessAt: this.repo.state('last.success'),
      progress: this.progress ?? this.downloadProgress,
      scanDownloadWarning: this.scanDownloadWarning,
      clockSkewMs: skew,
      clockWarning: clockWarning(skew),
      calendarWarning: Object.values(this.repo.refusedCalendarYears()).join('\n') || null,
      catalogueWarning: this.repo.refusedUnitChanges().join('\n') || null,
      centreUrl: enrollment?.centreUrl ?? null,
    };
    if (enrollment === null) return { ...base, state: 'not_configured', lastError: null, revoked: false };
    if (enrollment.revokedAt !== null) {
      return { ...base, state: 'error', lastError: SYNC_FAILURE_MESSAGES.revoked, revoked: true };
    }
    const failure = this.eventsLane.lastFailure ?? this.blobLane.lastFailure;
    const busy = this.eventsLane.running !== null || this.blobLane.running !== null;
    const lastError = failure?.message ?? null;
    if (busy) return { ...base, state: 'syncing', lastError, revoked: false };
    if (failure !== null) return { ...base, state: failure.kind === 'offline' || failure.kind === 'timeout' ? 'offline' : 'error', lastError, revoked: false };
    return { ...base, state: 'idle', lastError: null, revoked: false };
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
    const context = this.scanContext();
    if (context === null || this.scanFetcher === null) return false;
    await this.ready();
    return (await this.scanFetcher.fetchNow(sha256, { ...context, token: this.requireToken() })) === 'complete';
  }

  /** Resolves when no background scan fetching is running (tests, and a clean stop). */
  async scansSettled(): Promise<void> {
    while (this.downloadLane.running !== null) await Promise.allSettled([this.downloadLane.running]);
  }

  /** The bound on disk use for scans fetched from the centre, in bytes (null: the default). */
  setScanDownloadLimit(bytes: number | null): void {
    this.scanFetcher?.setLimitBytes(bytes);
    this.scanDownloadWarning = null;
    this.requestDownloads();
  }

  /** Queues a scan for upload (the blob store calls this when it stores one). */
  enqueueBlob(blob: StoredBlob): void {
    this.blobQueue.enqueue(blob, new Date(this.deps.now()).toISOString());
    this.requestBlobs();
  }

  /** Trades a one-time code for this desk's device token, then starts syncing. */
  async enroll(input: { centreUrl: string; code: string; deviceName: string }): Promise<SyncStatus> {
    const desk = requireConfiguredDesk(this.deps.settings);
    const unitId = readDeskSettings(this.deps.settings).unit?.id;
    // A legacy token moved late must not overwrite the one about to be issued.
    await this.ready();
    const client = new CentreClient({ baseUrl: input.centreUrl, timeoutMs: this.options.requestTimeoutMs, ...this.fetchOption() }, this.deps.now);
    let answer;
    try {
      answer = await client.enroll({
        code: input.code,
        deviceName: input.deviceName,
        deviceId: this.deps.deviceId,
        unitGsoCode: desk.unit.gsoCode,
        // The catalogue unit too, where the desk knows it: successors reuse their predecessors' GSO codes.
        ...(unitId == null ? {} : { unitId }),
        station: desk.station,
        agencyId: desk.unit.agencyId,
      });
    } catch (error) {
      throw enrollmentError(asSyncFailure(error), input.centreUrl);
    }
    if (answer.unitGsoCode !== desk.unit.gsoCode || answer.deviceId !== this.deps.deviceId) {
      throw new CommandError('conflict', 'Trung tâm cấp quyền cho một đơn vị hoặc thiết bị khác với máy này; chưa lưu đăng ký.');
    }
    // The token first: an enrollment saved without it could not sync. (The centre accepts the same code
    // again from this desk, so a failure here costs a retry, not a new code.)
    try {
      await this.deps.secrets.set('centre.token', answer.token);
    } catch {
      throw new CommandError('storage_failure', 'Không lưu được mã xác thực của máy vào kho bí mật; chưa lưu đăng ký. Hãy thử lại.');
    }
    this.token = answer.token;
    this.repo.saveEnrollment({
      centreUrl: input.centreUrl,
      deviceId: answer.deviceId,
      deviceName: input.deviceName,
      unitGsoCode: answer.unitGsoCode,
      station: answer.station,
      enrolledAt: new Date(this.deps.now()).toISOString(),
      revokedAt: null,
    });
    for (const lane of [this.eventsLane, this.blobLane]) {
      lane.failures = 0;
      lane.lastFailure = null;
    }
    this.publish();
    this.requestSync();
    return this.status();
  }

  /**
   * Asks the centre to rebind this desk to its unit's successor (the centre checks the same successor
   * rule as the desk), then records the unit the centre now holds it to. Online only: throws a
   * CommandError for the supervisor, with nothing changed, when the centre is unreachable or refuses.
   */
  async moveUnit(request: UnitMoveRequest): Promise<UnitMoveResponse> {
    await this.ready();
    const enrollment = this.repo.enrollment();
    const client = this.client();
    if (enrollment === null || client === null) throw new CommandError('conflict', 'Bàn làm việc chưa đăng ký đồng bộ với trung tâm (hoặc đã bị thu hồi).');
    let moved: UnitMoveResponse;
    try {
      moved = await client.moveUnit(request);
    } catch (error) {
      throw unitMoveError(asSyncFailure(error));
    }
    this.repo.saveEnrollment({ ...enrollment, unitGsoCode: moved.unitGsoCode });
    this.publish();
    return moved;
  }

  /**
   * Ends the enrollment: stops what is in flight, removes the token from the secrets store and forgets the
   * centre. Refused while changes or scans wait to go, unless forced. Nothing of the desk's own is deleted:
   * its events and scans stay, and those not yet sent go to the centre of the next enrollment.
   */
  async unenroll(force: boolean): Promise<SyncStatus> {
    if (this.repo.enrollment() === null) throw new CommandError('conflict', 'Máy này chưa đăng ký với trung tâm nào.');
    const waitingEvents = this.repo.counts().waitingEvents;
    const waitingScans = this.blobQueue.countWaiting();
    if (!force && (waitingEvents > 0 || waitingScans > 0)) {
      throw new CommandError(
        'conflict',
        `Còn ${waitingEvents} thay đổi hồ sơ và ${waitingScans} bản quét chưa gửi lên trung tâm. Hãy đồng bộ xong rồi hủy đăng ký, hoặc chọn "Vẫn hủy đăng ký" (dữ liệu trên máy không bị xóa; phần chưa gửi sẽ gửi khi máy đăng ký lại).`,
      );
    }
    await this.ready();
    // The rounds in flight end first, so none sends with a token that is being removed.
    this.abort.abort();
    await Promise.allSettled([this.eventsLane.running, this.blobLane.running]);
    this.abort = new AbortController();
    try {
      await this.deps.secrets.delete('centre.token');
    } catch {
      throw new CommandError('storage_failure', 'Không xóa được mã xác thực của máy khỏi kho bí mật; máy vẫn đăng ký như trước. Hãy thử lại.');
    }
    this.token = null;
    this.repo.forgetEnrollment();
    for (const lane of [this.eventsLane, this.blobLane]) {
      if (lane.retryTimer !== null) clearTimeout(lane.retryTimer);
      lane.retryTimer = null;
      lane.failures = 0;
      lane.lastFailure = null;
    }
    this.publish();
    return this.status();
  }

  /** Runs now; with `wait`, resolves when this round (events, then scans) has finished. */
  async syncNow(wait: boolean): Promise<SyncStatus> {
    // A change waiting for its debounce is covered by this round.
    if (this.debounce !== null) clearTimeout(this.debounce);
    this.debounce = null;
    for (const lane of [this.eventsLane, this.blobLane]) {
      if (lane.retryTimer !== null) clearTimeout(lane.retryTimer);
      lane.retryTimer = null;
    }
    this.requestSync();
    if (wait) {
      while (this.eventsLane.running !== null || this.blobLane.running !== null) {
        await Promise.allSettled([this.eventsLane.running, this.blobLane.running]);
      }
    }
    return this.status();
  }

  private fetchOption(): { fetch?: typeof fetch } {
    const fetchImpl = this.deps.fetch ?? this.deps.network?.fetch;
    return fetchImpl === undefined ? {} : { fetch: fetchImpl };
  }

  private enrolled(): boolean {
    const enrollment = this.repo.enrollment();
    return enrollment !== null && enrollment.revokedAt === null;
  }

  /** The client for the enrolled centre; null when not enrolled (or revoked). Throws when the token is missing. */
  private client(): CentreClient | null {
    const enrollment = this.repo.enrollment();
    if (enrollment === null || enrollment.revokedAt !== null) return null;
    return new CentreClient(
      { baseUrl: enrollment.centreUrl, token: this.requireToken(), timeoutMs: this.options.requestTimeoutMs, signal: this.abort.signal, ...this.fetchOption() },
      this.deps.now,
    );
  }

  private publish(): void {
    this.deps.events.publish('sync.status', this.status());
  }

  private scheduleSoon(): void {
    if (this.stopped) return;
    if (this.debounce !== null) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.requestSync();
    }, this.options.debounceMs);
  }

  private networkReturned(): void {
    for (const lane of [this.eventsLane, this.blobLane]) {
      if (lane.failures > 0 && lane.retryTimer !== null) {
        clearTimeout(lane.retryTimer);
        lane.retryTimer = null;
      }
    }
    this.requestSync();
  }

  /** Events first (small, and what the centre needs to see the dossier), then scans in their own lane. */
  private requestSync(): void {
    this.runLane(this.eventsLane, () => this.syncEvents(), () => {
      this.requestBlobs();
      this.requestDownloads();
    });
  }

  private requestDownloads(): void {
    if (this.scanFetcher !== null) this.runLane(this.downloadLane, () => this.fetchScans());
  }

  private scanContext(): Omit<ScanFetchContext, 'token'> | null {
    const enrollment = this.repo.enrollment();
    if (enrollment === null || enrollment.revokedAt !== null) return null;
    return {
      centreUrl: enrollment.centreUrl,
      fetch: this.deps.fetch ?? this.deps.network?.fetch ?? fetch,
      stallTimeoutMs: this.options.stallTimeoutMs,
      signal: this.abort.signal,
      retryDelays: this.options.uploadRetryDelays,
    };
  }

  /** Scans the pulled events name and this desk lacks, newest first, until done or the disk bound. */
  private async fetchScans(): Promise<void> {
    const context = this.scanContext();
    if (context === null || this.scanFetcher === null) return;
    const token = this.requireToken();
    try {
      const round = await this.scanFetcher.fetchAll({ ...context, token }, (done, total) => {
        this.downloadProgress = total === 0 || done === total ? null : { phase: 'download', done, total };
        this.publishThrottled();
      });
      this.scanDownloadWarning = round.limitReached;
    } finally {
      this.downloadProgress = null;
    }
  }

  private publishThrottled(): void {
    const now = Date.now();
    if (now - this.lastProgressAt >= PROGRESS_EVERY_MS) {
      this.lastProgressAt = now;
      this.publish();
    }
  }

  private requestBlobs(): void {
    this.runLane(this.blobLane, () => this.syncBlobs());
  }

  private runLane(lane: Lane, work: () => Promise<void>, afterSuccess?: () => void): void {
    if (this.stopped || !this.enrolled()) return;
    if (lane.running !== null) {
      lane.again = true;
      return;
    }
    lane.running = (async () => {
      do {
        lane.again = false;
        try {
          await this.ready();
          await work();
          lane.failures = 0;
          lane.lastFailure = null;
          this.repo.setState('last.success', new Date(this.deps.now()).toISOString());
          this.repo.setState('last.error', null);
          afterSuccess?.();
        } catch (error) {
          if (this.stopped) break;
          this.fail(lane, error, work, afterSuccess);
          break;
        } finally {
          this.progress = null;
        }
      } while (lane.again && !this.stopped);
    })().finally(() => {
      lane.running = null;
      if (!this.stopped) this.publish();
    });
    this.publish();
  }

  private fail(lane: Lane, error: unknown, work: () => Promise<void>, afterSuccess?: () => void): void {
    const failure = asSyncFailure(error);
    if (!(error instanceof SyncFailure)) this.deps.log?.warn('sync: unexpected error', { name: (error as Error)?.name, message: (error as Error)?.message });
    lane.failures += 1;
    lane.lastFailure = failure;
    this.repo.setState('last.error', failure.message);
    if (failure.kind === 'revoked') {
      this.repo.markRevoked(new Date(this.deps.now()).toISOString());
      return;
    }
    const delay = backoffDelay(lane.failures, this.options.backoff);
    lane.retryTimer = setTimeout(() => {
      lane.retryTimer = null;
      this.runLane(lane, work, afterSuccess);
    }, delay);
    lane.retryTimer.unref();
  }

  private noteSkew(centreTime: string, sentAtMs: number, receivedAtMs: number): void {
    const skew = measureSkewMs(centreTime, sentAtMs, receivedAtMs);
    if (skew !== null) this.repo.setState('clock.skewMs', String(skew));
  }

  /** Progress is published at most every PROGRESS_EVERY_MS (a big push would otherwise flood the UI). */
  private setProgress(progress: SyncProgress | null, force = true): void {
    this.progress = progress;
    const now = Date.now();
    if (force || now - this.lastProgressAt >= PROGRESS_EVERY_MS) {
      this.lastProgressAt = now;
      this.publish();
    }
  }

  private async syncEvents(): Promise<void> {
    const client = this.client();
    if (client === null) return;
    // A restored desk first carries its station over to its new device id: every later request signs with it.
    await this.rekeyIfRestored(client);
    await this.reconcileWithCentre(client);
    // Before pushing: a move the centre made but this desk has not recorded would get its codes refused.
    await this.settleUnitMove(client);
    await this.pushAll(client);
    // The events are at the centre: scans may go now, while the pull comes down the other direction
    // of the line (a ward's link is asymmetric; the upload no longer competes with events). Scans
    // that pulled events name join after the pull (afterSuccess asks the scan lane again).
    this.requestBlobs();
    await this.pullAll(client);
    await this.reportStatus(client);
  }

  /**
   * The round's last step: the desk's status and waiting crash reports for the city's fleet view. Never
   * fails the round (the fleet view is a convenience; an older centre answers 404).
   */
  private async reportStatus(client: CentreClient): Promise<void> {
    try {
      const counts = this.repo.counts();
      const answer = await client.postStatus({
        appVersion: this.deps.appVersion ?? UNKNOWN_VERSION,
        deskClock: new Date(this.deps.now()).toISOString(),
        eventsWaiting: counts.waitingEvents,
        scansWaiting: this.blobQueue.countWaiting(),
        lastError: this.repo.state('last.error')?.slice(0, LAST_ERROR_MAX) ?? null,
        crashes: this.crashes.waiting(STATUS_MAX_CRASHES),
      });
      if (answer !== null) this.crashes.sent(answer.stored);
    } catch (error) {
      if (this.stopped) return;
      this.deps.log?.warn('sync: status not sent', { name: (error as Error)?.name, message: (error as Error)?.message });
    }
  }

  /** Finishes (or forgets) a move to a successor left noted by a crash between the centre's yes and the desk's record. */
  private async settleUnitMove(client: CentreClient): Promise<void> {
    if (readPendingUnitMove(this.deps.settings) === null) return;
    const binding = await client.unitBinding();
    if (settlePendingUnitMove(this.deps.db, this.deps.settings, binding) !== 'recorded') return;
    const enrollment = this.repo.enrollment();
    if (enrollment !== null) this.repo.saveEnrollment({ ...enrollment, unitGsoCode: binding.unitGsoCode });
  }

  /**
   * A centre restored from a backup has forgotten what came after it: this desk's events it had
   * acknowledged, scans it had taken, and events of other desks this desk pulled (whose sequence
   * numbers it will now give to new events). Each round asks what it holds of this desk (the gaps
   * route): events it lacks wait to be pushed again; and when its log's epoch changed, the pull
   * starts again from the last sequence the restored copy held, and every scan is asked about again.
   */
  private async reconcileWithCentre(client: CentreClient): Promise<void> {
    const gaps = await client.gaps();
    if (gaps === null) return;
    const lost = this.repo.unmarkLost(this.deps.deviceId, gaps.highestSeq, gaps.missingRanges);
    if (lost > 0) this.deps.log?.warn('sync: the centre lacks events it had acknowledged; pushing them again', { count: lost });
    if (gaps.logEpoch === undefined) return;
    const known = this.repo.state('centre.logEpoch');
    if (known !== null && known !== String(gaps.logEpoch)) {
      const cursor = Number(this.repo.state('pull.cursor') ?? INITIAL_CURSOR);
      const restoredThrough = gaps.restoredThrough ?? 0;
      if (cursor > restoredThrough) this.repo.setState('pull.cursor', String(restoredThrough));
      this.blobQueue.requeueUploaded();
      this.deps.log?.warn('sync: the centre was restored from a backup; pulling again from its restore point', { restoredThrough });
    }
    this.repo.setState('centre.logEpoch', String(gaps.logEpoch));
  }

  /**
   * A desk restored from a backup signs with a new device id (pending-restore.ts), while its enrollment
   * still names the old one: before anything is pushed, the centre carries the station over to the new
   * id on the proof of the token the desk still holds. Its unsent events signed with the old id go
   * afterwards as that id's; the events the old id sent after the backup come back in the pull.
   */
  private async rekeyIfRestored(client: CentreClient): Promise<void> {
    const enrollment = this.repo.enrollment();
    if (enrollment === null || enrollment.deviceId === this.deps.deviceId) return;
    const answer = await client.rekey({ formerDeviceId: enrollment.deviceId, deviceId: this.deps.deviceId });
    this.repo.saveEnrollment({ ...enrollment, deviceId: answer.deviceId });
  }

  /**
   * Push: the oldest waiting events first, a batch at a time, with the next batch on its way while
   * the centre stores the one before (two in flight). Answers are recorded in order; a failure leaves
   * the unrecorded batches waiting, to go again (the centre then reports them as duplicates).
   */
  private async pushAll(client: CentreClient): Promise<void> {
    const limit = Math.min(this.options.pushBatch, PUSH_MAX_EVENTS);
    // A dossier whose code was reissued goes first, whole, in one request (sync-repository.ts says why).
    const reissued = this.repo.reissuedBatch(limit);
    if (reissued !== null) {
      const answer = await client.pushJson(reissued.json);
      this.repo.recordPushOutcome([...answer.value.stored, ...answer.value.duplicates], answer.value.rejected, new Date(this.deps.now()).toISOString());
    }
    // Events the centre asked to send again later (their dossier's creation had not reached it, e.g. it
    // was in a batch still on its way) go once more at the end of the round; others wait for the next.
    if ((await this.pushWaiting(client, limit)) > 0) await this.pushWaiting(client, limit);
  }

  /** One pass over the waiting events; returns how many the centre refused as retryable. */
  private async pushWaiting(client: CentreClient, limit: number): Promise<number> {
    const total = this.repo.counts().waitingEvents;
    let done = 0;
    let afterSeq = 0;
    let retryable = 0;
    // If an answer fails, the batch sent after it settles unobserved and simply goes again next time.
    let inFlight: { ids: string[]; answer: ReturnType<CentreClient['pushJson']> } | null = null;
    for (;;) {
      const batch = this.repo.waitingBatch(afterSeq, limit);
      const sent = batch === null ? null : { ids: batch.ids, answer: settledLater(client.pushJson(batch.json)) };
      if (inFlight !== null) {
        const answer = await inFlight.answer;
        this.noteSkew(answer.centreTime, answer.sentAtMs, answer.receivedAtMs);
        const { stored, duplicates, rejected } = answer.value;
        retryable += this.repo.recordPushOutcome([...stored, ...duplicates], rejected, new Date(this.deps.now()).toISOString());
        done += inFlight.ids.length;
        this.setProgress({ phase: 'push', done, total }, false);
      }
      inFlight = sent;
      if (batch === null) break;
      afterSeq = batch.lastSeq;
    }
    return retryable;
  }

  /**
   * A pull writes page after page: SQLite's default copies the write-ahead log back into the database
   * after nearly every page (the log passes 1,000 pages), copying the same hot index pages again each
   * time. While pulling, the log may grow to PULL_WAL_PAGES; one checkpoint at the end copies each page
   * once. Durability is unchanged (every page still commits on its own); only when pages are copied.
   */
  private async pullAll(client: CentreClient): Promise<void> {
    const db = this.deps.db;
    const previous = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    db.pragma(`wal_autocheckpoint = ${Math.max(previous, PULL_WAL_PAGES)}`);
    try {
      await this.pullPages(client);
    } finally {
      // The desk may have closed meanwhile (stop aborts the request in flight, then closes).
      if (db.open) {
        db.pragma(`wal_autocheckpoint = ${previous}`);
        db.pragma('wal_checkpoint(PASSIVE)');
      }
    }
  }

  /** Pull: pages from the cursor until the centre has nothing more, the next page fetched while one is applied. */
  private async pullPages(client: CentreClient): Promise<void> {
    let cursor = this.repo.state('pull.cursor') ?? INITIAL_CURSOR;
    let pulled = 0;
    // Pages grow, up to pullLimitMax, while each arrives quickly (a fast line and a backlog: fewer,
    // larger transactions); a page that takes long brings the size back, so on a slow line a page
    // stays well inside the request timeout.
    const largest = Math.max(this.options.pullLimit, Math.min(this.options.pullLimitMax, PULL_MAX_LIMIT));
    let limit = this.options.pullLimit;
    let sentAt = performance.now();
    let pending: ReturnType<CentreClient['pull']> | null = settledLater(client.pull(cursor, limit));
    while (pending !== null) {
      const page: Awaited<ReturnType<CentreClient['pull']>> = await pending;
      limit = performance.now() - sentAt < FAST_PAGE_MS ? Math.min(limit * 2, largest) : this.options.pullLimit;
      sentAt = performance.now();
      pending = page.value.hasMore && page.value.next !== cursor ? settledLater(client.pull(page.value.next, limit)) : null;
      this.noteSkew(page.centreTime, page.sentAtMs, page.receivedAtMs);
      const applied = this.applier.apply(page.value.entries, page.value.next);
      cursor = page.value.next;
      pulled += page.value.entries.length;
      this.setProgress({ phase: 'pull', done: pulled, total: null }, false);
      if (applied.touchedDossiers.length > 0) {
        this.publishingOwnChanges = true;
        try {
          this.deps.events.publish('dossiers.changed', { dossierIds: applied.touchedDossiers });
        } finally {
          this.publishingOwnChanges = false;
        }
      }
    }
  }

  /**
   * Scans: asks the centre once which of the waiting ones it lacks, marks the others done, and
   * uploads the rest a few at a time (small ones in a single request, big ones resumable in parts).
   */
  private async syncBlobs(): Promise<void> {
    const client = this.client();
    const enrollment = this.repo.enrollment();
    if (client === null || enrollment === null) return;
    this.blobQueue.enqueueReferenced(this.locator, new Date(this.deps.now()).toISOString());
    const waiting = this.blobQueue.waiting(BLOBS_MISSING_MAX);
    // Scans this desk has no file for count as done once the centre has them (another desk sent them).
    const fileless = this.blobQueue.withoutFile(BLOBS_MISSING_MAX - waiting.length);
    if (waiting.length + fileless.length === 0) return;
    const missing = new Set(await client.missingBlobs([...waiting.map((b) => b.sha256), ...fileless]));
    const nowIso = () => new Date(this.deps.now()).toISOString();
    this.blobQueue.markUploaded(
      [...waiting.map((blob) => blob.sha256), ...fileless].filter((sha) => !missing.has(sha)),
      nowIso(),
    );
    let failure: SyncFailure | null = null;
    // Marked done in batches (one commit, not one per scan): after a crash, the next round's
    // question to the centre finds the ones already there, so nothing is sent twice. A scan counts as
    // done only once the centre says it holds it: tus reports success for an upload whose bytes the
    // centre wrote but never took in (it died in between), which would otherwise be lost silently.
    const done: string[] = [];
    let flushedAt = Date.now();
    const flush = async () => {
      const sent = done.splice(0);
      flushedAt = Date.now();
      if (sent.length === 0) return;
      try {
        const unconfirmed = new Set(await client.missingBlobs(sent));
        this.blobQueue.markUploaded(sent.filter((sha) => !unconfirmed.has(sha)), nowIso());
        for (const sha of unconfirmed) {
          this.blobQueue.markFailed(sha, UNCONFIRMED_SCAN);
          // Not resumed: that upload is one the centre finished without storing. Sent afresh next time.
          this.blobQueue.setUploadUrl(sha, null);
        }
        if (unconfirmed.size > 0) failure ??= new SyncFailure('server', UNCONFIRMED_SCAN);
      } catch (error) {
        // Unconfirmed for now: they stay waiting, and the next round's question settles them.
        failure ??= asSyncFailure(error);
      }
    };
    const queue = waiting.filter((blob) => missing.has(blob.sha256));
    const total = queue.reduce((sum, blob) => sum + blob.size, 0);
    let sentBefore = 0;
    const sentNow = new Map<string, number>();
    const report = () => this.setProgress({ phase: 'upload', done: sentBefore + [...sentNow.values()].reduce((a, b) => a + b, 0), total }, false);

    // Until the centre answers a PUT with 404 (a centre older than that route): then tus for all.
    let putSupported = true;
    const worker = async () => {
      for (let blob = queue.shift(); blob !== undefined && failure === null; blob = queue.shift()) {
        const current = blob;
        const inOneRequest = current.size <= BLOB_PUT_MAX_BYTES && current.uploadUrl === null;
        try {
          // A small scan goes whole in one plain request: no upload state on either side.
          if (inOneRequest && putSupported) {
            if ((await client.putBlob(current.sha256, await readScan(current.path))) === 'done') {
              done.push(current.sha256);
              sentNow.set(current.sha256, current.size);
              report();
              if (Date.now() - flushedAt > 1_000) await flush();
              continue;
            }
            putSupported = false;
          }
          await uploadBlob({
            centreUrl: enrollment.centreUrl,
            token: this.requireToken(),
            blob: current,
            uploadUrl: current.uploadUrl,
            // A small scan goes in one request: there is no partial upload to come back to.
            onUploadUrl: (url) => {
              if (!inOneRequest) this.blobQueue.setUploadUrl(current.sha256, url);
            },
            onProgress: (sent) => {
              sentNow.set(current.sha256, sent);
              report();
            },
            stallTimeoutMs: this.options.stallTimeoutMs,
            signal: this.abort.signal,
            retryDelays: this.options.uploadRetryDelays,
            inOneRequest,
            ...(this.deps.network === undefined ? {} : { httpStack: this.deps.network.tusHttpStack }),
          });
          done.push(current.sha256);
          if (Date.now() - flushedAt > 1_000) await flush();
        } catch (error) {
          const f = asSyncFailure(error);
          this.blobQueue.markFailed(current.sha256, f.message);
          // The centre discarded a corrupt upload: start a fresh one next time.
          if (f.status === 460) this.blobQueue.setUploadUrl(current.sha256, null);
          failure ??= f;
        } finally {
          sentBefore += current.size;
          sentNow.delete(current.sha256);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.options.uploadConcurrency, queue.length) }, worker));
    } finally {
      await flush();
    }
    if (failure !== null) throw failure;
    // More may have joined the queue meanwhile (or there were more than one question's worth).
    if (this.blobQueue.waiting(1).length > 0) this.blobLane.again = true;
  }
}

/**
 * Marks a request started ahead of need (a pipelined push, a prefetched page) as handled, so that if
 * the round ends early on another failure its rejection is not reported as unhandled. Awaiting it
 * still throws.
 */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** A page that arrives within this long (its transfer, and the desk applying the page before it) is fast. */
const FAST_PAGE_MS = 2_000;

/** How far the write-ahead log may grow during a pull before SQLite copies it back (4 KiB pages: 32 MiB). */
const PULL_WAL_PAGES = 8_000;

const UNCONFIRMED_SCAN = 'Trung tâm chưa xác nhận đã lưu tệp quét vừa gửi; máy sẽ tự gửi lại.';

/** A scan's bytes for a PUT; a file that cannot be read is a failure of that scan, tried again later. */
async function readScan(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new SyncFailure('protocol', 'Không đọc được tệp quét trên máy này; máy sẽ thử gửi lại sau.');
  }
}

/** The centre's refusals that say this desk's own settings disagree with the code or its unit. */
const ENROLLMENT_CONFLICTS: ReadonlySet<string> = new Set(['unit_mismatch', 'station_mismatch', 'agency_mismatch', 'conflict']);

function enrollmentError(failure: SyncFailure, centreUrl: string): CommandError {
  if (failure.kind === 'refused') {
    return new CommandError(ENROLLMENT_CONFLICTS.has(failure.centreCode ?? '') ? 'conflict' : 'invalid_argument', failure.message);
  }
  // not_found: the form shows it beside the centre's address.
  if (failure.kind === 'certificate' || failure.kind === 'proxy') return new CommandError('not_found', failure.message);
  if (failure.kind === 'offline' || failure.kind === 'timeout') {
    // The code may have been used before the line broke: the centre accepts the same code again from this desk.
    return new CommandError(
      'not_found',
      `Không kết nối được máy chủ trung tâm tại ${centreUrl}. Hãy kiểm tra địa chỉ và đường mạng. Nếu mạng bị ngắt giữa chừng, hãy thử lại với cùng mã đăng ký.`,
    );
  }
  return new CommandError('conflict', failure.message);
}
