import { PULL_MAX_LIMIT, PUSH_MAX_EVENTS } from '../../../shared/sync/protocol.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';

// The sync agent's tunables (tests shorten them) and its log.

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
