// Exponential back-off with jitter: after n failures in a row, wait a random time between half and all
// of min(max, base·2^(n−1)). Randomness spreads out a ward's desks when the centre comes back.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };

export function backoffDelay(failures: number, options: BackoffOptions, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
