import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sha256Hex } from '../security/secrets.js';
import type { CentreStorage } from '../storage/storage.js';

// @fastify/rate-limit's counters in the centre's own database instead of one process's memory: a
// limit reached (20 enrollment codes or staff sign-ins a minute from one address, 60 lookups) still
// holds after the centre restarts, and across several centre processes on one PostgreSQL database.
// Fixed windows, as the plugin's own store counts them. Keys are hashed: no client address is stored.

/** How often a process forgets windows that ended (a cheap indexed delete). */
const PRUNE_EVERY_MS = 10 * 60_000;

/** The store's constructor, bound to a storage and a clock (the plugin constructs it itself). */
export function persistentRateLimitStore(storage: CentreStorage, now: () => number): FastifyRateLimitStoreCtor {
  let prunedAt = Number.NEGATIVE_INFINITY;
  const pruneNowAndThen = (nowMs: number): void => {
    if (nowMs - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = nowMs;
    // Nothing waits on it and a failure only delays the clean-up.
    storage.pruneRateLimits(nowMs).catch(() => undefined);
  };

  class PersistentRateLimitStore implements FastifyRateLimitStore {
    // The plugin passes its options to the root store; each route's child names its own windows.
    constructor(
      _options: unknown,
      private readonly scope = '*',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const nowMs = Math.floor(now());
      storage.hitRateLimit(sha256Hex(`${this.scope}\n${key}`), Math.ceil(timeWindow), nowMs).then(
        (window) => {
          pruneNowAndThen(nowMs);
          callback(null, { current: window.hits, ttl: Math.max(0, window.endsAtMs - nowMs) });
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // At run time the plugin passes the route's merged limit options, with the route under `routeInfo`.
      const route = (routeOptions as unknown as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new PersistentRateLimitStore(null, `${String(route?.method ?? '')} ${String(route?.url ?? '')}`);
    }
  }
  return PersistentRateLimitStore;
}
