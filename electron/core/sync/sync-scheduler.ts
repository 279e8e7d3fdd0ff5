import type { DeskEventBus } from '../event-bus.js';
import { backoffDelay } from './backoff.js';
import { watchNetwork } from './network-watch.js';
import { asSyncFailure, type SyncFailure } from './sync-failure.js';
import type { SyncAgentOptions } from './sync-options.js';

// When the sync lanes run: after each local change (debounced), periodically, when the network comes
// back and when asked. Each lane runs one round at a time (a request during a round runs it again
// after); a failed round backs off exponentially with jitter before it is tried again.

interface Lane {
  running: Promise<void> | null;
  again: boolean;
  failures: number;
  retryTimer: NodeJS.Timeout | null;
  lastFailure: SyncFailure | null;
}

const newLane = (): Lane => ({ running: null, again: false, failures: 0, retryTimer: null, lastFailure: null });

/** One lane's round; resolving to true asks for another round straight after. */
type LaneWork = () => Promise<boolean | void>;

export interface SyncRounds {
  /** Push then pull. */
  events: LaneWork;
  /** The scan upload pool. */
  uploads: LaneWork;
  /** Scans fetched from the centre; null when the desk never fetches scans. */
  downloads: LaneWork | null;
}

export interface SchedulerHooks {
  events: DeskEventBus;
  options: Pick<SyncAgentOptions, 'periodMs' | 'debounceMs' | 'networkPollMs' | 'backoff'>;
  /** Whether there is a centre to sync with (enrolled, not revoked). */
  enrolled(): boolean;
  /** Resolves once the token is loaded. */
  ready(): Promise<void>;
  /** A round ended well. */
  succeeded(): void;
  /** A round failed (`error` as thrown, `failure` as the desk names it). */
  failed(failure: SyncFailure, error: unknown): void;
  /** A round ended, well or not: its progress is over. */
  roundEnded(): void;
  /** The status may have changed. */
  publish(): void;
}

export class SyncScheduler {
  private readonly eventsLane = newLane();
  private readonly blobLane = newLane();
  /** Scans coming down from the centre: a lane of its own, so a ward's backlog never holds events or uploads. */
  private readonly downloadLane = newLane();
  private started = false;
  private stopped = false;
  private debounce: NodeJS.Timeout | null = null;
  private periodic: NodeJS.Timeout | null = null;
  private stopWatching: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private publishingOwnChanges = false;

  constructor(
    private readonly hooks: SchedulerHooks,
    private readonly rounds: SyncRounds,
  ) {}

  /** Begins listening for local changes, the clock and the network. Safe to call once. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.unsubscribe = this.hooks.events.subscribe((name) => {
      if (name === 'dossiers.changed' && !this.publishingOwnChanges) this.scheduleSoon();
    });
    this.periodic = setInterval(() => {
      if (this.eventsLane.retryTimer === null) this.requestSync();
    }, this.hooks.options.periodMs);
    this.periodic.unref();
    this.stopWatching = watchNetwork(() => this.networkReturned(), this.hooks.options.networkPollMs);
    this.requestSync();
  }

  /** Stops timers; resolves when the current rounds have ended (the caller aborts their requests). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of [this.debounce, this.eventsLane.retryTimer, this.blobLane.retryTimer, this.downloadLane.retryTimer]) if (timer !== null) clearTimeout(timer);
    if (this.periodic !== null) clearInterval(this.periodic);
    this.stopWatching?.();
    this.unsubscribe?.();
    await Promise.allSettled([this.eventsLane.running, this.blobLane.running, this.downloadLane.running]);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Publishes a change the sync made itself (a pulled page), which must not schedule another round. */
  publishOwnChange(dossierIds: string[]): void {
    this.publishingOwnChanges = true;
    try {
      this.hooks.events.publish('dossiers.changed', { dossierIds });
    } finally {
      this.publishingOwnChanges = false;
    }
  }

  /** The failure that the status shows: the events lane's, else the uploads'. */
  lastFailure(): SyncFailure | null {
    return this.eventsLane.lastFailure ?? this.blobLane.lastFailure;
  }

  /** Whether events or scans are on their way up or down now. */
  busy(): boolean {
    return this.eventsLane.running !== null || this.blobLane.running !== null;
  }

  /** Runs now, covering a change waiting for its debounce and cutting short the backoff of a failed round. */
  runNow(): void {
    if (this.debounce !== null) clearTimeout(this.debounce);
    this.debounce = null;
    for (const lane of [this.eventsLane, this.blobLane]) {
      if (lane.retryTimer !== null) clearTimeout(lane.retryTimer);
      lane.retryTimer = null;
    }
    this.requestSync();
  }

  /** Resolves when neither events nor scan uploads are running. */
  async settled(): Promise<void> {
    while (this.eventsLane.running !== null || this.blobLane.running !== null) {
      await Promise.allSettled([this.eventsLane.running, this.blobLane.running]);
    }
  }

  /** Resolves when the rounds in flight (events, uploads) have ended, once. */
  async roundsEnded(): Promise<void> {
    await Promise.allSettled([this.eventsLane.running, this.blobLane.running]);
  }

  /** Resolves when no background scan fetching is running. */
  async downloadsSettled(): Promise<void> {
    while (this.downloadLane.running !== null) await Promise.allSettled([this.downloadLane.running]);
  }

  /** A new enrollment starts with no failures behind it. */
  forgetFailures(): void {
    for (const lane of [this.eventsLane, this.blobLane]) {
      lane.failures = 0;
      lane.lastFailure = null;
    }
  }

  /** The enrollment ended: no retry is due. */
  cancelRetries(): void {
    for (const lane of [this.eventsLane, this.blobLane]) {
      if (lane.retryTimer !== null) clearTimeout(lane.retryTimer);
      lane.retryTimer = null;
    }
    this.forgetFailures();
  }

  /** Events first (small, and what the centre needs to see the dossier), then scans in their own lane. */
  requestSync(): void {
    this.runLane(this.eventsLane, this.rounds.events, () => {
      this.requestUploads();
      this.requestDownloads();
    });
  }

  requestUploads(): void {
    this.runLane(this.blobLane, this.rounds.uploads);
  }

  requestDownloads(): void {
    if (this.rounds.downloads !== null) this.runLane(this.downloadLane, this.rounds.downloads);
  }

  private scheduleSoon(): void {
    if (this.stopped) return;
    if (this.debounce !== null) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.requestSync();
    }, this.hooks.options.debounceMs);
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

  private runLane(lane: Lane, work: LaneWork, afterSuccess?: () => void): void {
    if (this.stopped || !this.hooks.enrolled()) return;
    if (lane.running !== null) {
      lane.again = true;
      return;
    }
    lane.running = (async () => {
      do {
        lane.again = false;
        try {
          await this.hooks.ready();
          if ((await work()) === true) lane.again = true;
          lane.failures = 0;
          lane.lastFailure = null;
          this.hooks.succeeded();
          afterSuccess?.();
        } catch (error) {
          if (this.stopped) break;
          this.fail(lane, error, work, afterSuccess);
          break;
        } finally {
          this.hooks.roundEnded();
        }
      } while (lane.again && !this.stopped);
    })().finally(() => {
      lane.running = null;
      if (!this.stopped) this.hooks.publish();
    });
    this.hooks.publish();
  }

  private fail(lane: Lane, error: unknown, work: LaneWork, afterSuccess?: () => void): void {
    const failure = asSyncFailure(error);
    lane.failures += 1;
    lane.lastFailure = failure;
    this.hooks.failed(failure, error);
    // A revoked desk stops syncing (and says so); the desk keeps working.
    if (failure.kind === 'revoked') return;
    const delay = backoffDelay(lane.failures, this.hooks.options.backoff);
    lane.retryTimer = setTimeout(() => {
      lane.retryTimer = null;
      this.runLane(lane, work, afterSuccess);
    }, delay);
    lane.retryTimer.unref();
  }
}
