import type { CommandArgs, CommandResult } from '../../shared/contract/commands.js';
import type { CommandName } from '../../shared/contract/command-names.js';
import { errorEnvelope, type Envelope } from '../../shared/contract/envelope.js';
import { isEventName, type EventName } from '../../shared/contract/event-names.js';
import type { EventListener } from '../../shared/contract/events.js';
import type { DeskBackend } from './desk-backend.js';
import { bearer, openHttpEventStream, type EventStreamHandle, type EventStreamState } from './http-event-stream.js';
import { isEnvelope, unreachableCoreEnvelope } from './unreachable-core.js';

export interface HttpBackendOptions {
  /** Origin of the web host, e.g. "http://127.0.0.1:5180"; empty means the page's own origin. */
  baseUrl?: string;
  /** The web host's secret, from `<meta name="desk-token">`; null when the page was not served by it. */
  token: string | null;
  fetch?: typeof fetch;
  onStreamState?(state: EventStreamState): void;
  backoff?: { initialMs: number; maxMs: number };
}

type AnyEventListener = (payload: unknown) => void;

/** The contract over the loopback web host: `POST /api/invoke/<name>` and `GET /api/events`. */
export function createHttpBackend(options: HttpBackendOptions): DeskBackend {
  const baseUrl = options.baseUrl ?? '';
  // An unbound window.fetch throws "Illegal invocation".
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const listeners = new Map<EventName, Set<AnyEventListener>>();
  let stream: EventStreamHandle | null = null;

  const deliver = (event: string, data: string): void => {
    if (!isEventName(event)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return; // a malformed event is dropped rather than breaking every listener
    }
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  const listenerCount = (): number => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  return {
    async invoke<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Envelope<CommandResult<N>>> {
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}/api/invoke/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(options.token) },
          body: JSON.stringify(args),
          cache: 'no-store',
        });
      } catch {
        return unreachableCoreEnvelope();
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      // The web host typed the result against the same contract; only the envelope's shape is checked here.
      if (isEnvelope(body)) return body as Envelope<CommandResult<N>>;
      return errorEnvelope(
        response.status === 401 ? 'unauthorized' : 'internal',
        `Lõi ứng dụng trả lời không đúng định dạng (HTTP ${response.status}).`,
      );
    },

    onEvent<E extends EventName>(name: E, listener: EventListener<E>): () => void {
      const wrapped: AnyEventListener = (payload) => listener(payload as Parameters<EventListener<E>>[0]);
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(wrapped);
      // One stream serves every listener; it opens with the first and closes with the last.
      stream ??= openHttpEventStream({
        url: `${baseUrl}/api/events`,
        token: options.token,
        fetch: fetchImpl,
        onMessage: (message) => deliver(message.event, message.data),
        onState: options.onStreamState,
        backoff: options.backoff,
      });
      return () => {
        set.delete(wrapped);
        if (listenerCount() === 0 && stream) {
          stream.close();
          stream = null;
        }
      };
    },
  };
}

/** The token the web host injects into the page it serves. */
export function readDeskToken(doc: Document): string | null {
  const content = doc.querySelector<HTMLMetaElement>('meta[name="desk-token"]')?.content;
  return content ? content : null;
}
