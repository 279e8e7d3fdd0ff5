/**
 * Marks a request started ahead of need (a pipelined push, a prefetched page) as handled, so that if
 * the round ends early on another failure its rejection is not reported as unhandled. Awaiting it
 * still throws.
 */
export function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
