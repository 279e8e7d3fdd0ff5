import { SseParser, type SseMessage } from './sse-parser.js';

export type EventStreamState = 'connecting' | 'open' | 'waiting' | 'refused' | 'closed';

export interface EventStreamOptions {
  url: string;
  token: string | null;
  fetch: typeof fetch;
  onMessage(message: SseMessage): void;
  onState?(state: EventStreamState): void;
  /** First and longest wait between reconnection attempts. */
  backoff?: { initialMs: number; maxMs: number };
  /** Waits `ms` or until the signal aborts; replaceable so tests need not wait in real time. */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
}

export interface EventStreamHandle {
  close(): void;
}

const DEFAULT_BACKOFF = { initialMs: 1_000, maxMs: 30_000 };

/**
 * Reads the web host's `GET /api/events` with fetch and a streaming reader, and reconnects with exponential
 * back-off when the connection drops. A refused token (401/403) stops it: retrying cannot fix that.
 */
export function openHttpEventStream(options: EventStreamOptions): EventStreamHandle {
  const controller = new AbortController();
  const { initialMs, maxMs } = options.backoff ?? DEFAULT_BACKOFF;
  const sleep = options.sleep ?? abortableSleep;
  const setState = (state: EventStreamState): void => options.onState?.(state);

  const run = async (): Promise<void> => {
    let delay = initialMs;
    while (!controller.signal.aborted) {
      setState('connecting');
      const parser = new SseParser();
      try {
        const response = await options.fetch(options.url, {
          headers: { accept: 'text/event-stream', ...bearer(options.token) },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) {
          setState('refused');
          return;
        }
        if (response.ok && response.body) {
          setState('open');
          delay = initialMs; // a connection that opened starts the back-off afresh
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            for (const message of parser.push(value)) options.onMessage(message);
          }
        }
      } catch {
        // Network failure or close(): both end in the wait below (or the loop's exit).
      }
      if (controller.signal.aborted) break;
      setState('waiting');
      await sleep(parser.retryMs ?? delay, controller.signal);
      delay = Math.min(delay * 2, maxMs);
    }
    setState('closed');
  };
  void run();

  return { close: () => controller.abort() };
}

export function bearer(token: string | null): Record<string, string> {
  return token === null ? {} : { authorization: `Bearer ${token}` };
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
