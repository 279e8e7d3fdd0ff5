import { describe, expect, it } from 'vitest';
import { openHttpEventStream, type EventStreamState } from '../../../renderer/backend/http-event-stream.js';
import type { SseMessage } from '../../../renderer/backend/sse-parser.js';

function streamResponse(chunks: string[], status = 200): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'text/event-stream' } });
}

/** A response that sends `chunks` and then stays open until the request is aborted, like a healthy idle stream. */
function heldOpenResponse(signal: AbortSignal, chunks: string[] = []): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
    },
  });
  return new Response(body, { status: 200 });
}

type Step = (signal: AbortSignal) => Promise<Response>;

function scriptedFetch(steps: Step[]): { fetch: typeof fetch; requests: RequestInit[] } {
  const requests: RequestInit[] = [];
  const fetchImpl = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    requests.push(init ?? {});
    const step = steps.shift();
    if (!step) throw new Error('no more scripted responses');
    return step(init?.signal ?? new AbortController().signal);
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}

function waitFor(predicate: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = (): void => {
      if (predicate()) resolve();
      else if (Date.now() - started > 2_000) reject(new Error('timed out waiting'));
      else setTimeout(check, 1);
    };
    check();
  });
}

describe('openHttpEventStream', () => {
  it('sends the bearer token and delivers events as they arrive', async () => {
    const { fetch, requests } = scriptedFetch([
      // Two events, the first cut in the middle of its data line.
      async (signal) => heldOpenResponse(signal, ['event: sync.status\ndata: {"a"', ':1}\n\nevent: dossiers.changed\ndata: {}\n\n']),
    ]);
    const messages: SseMessage[] = [];
    const states: EventStreamState[] = [];
    const handle = openHttpEventStream({
      url: 'http://127.0.0.1:1/api/events',
      token: 'secret-token-for-tests',
      fetch,
      onMessage: (message) => messages.push(message),
      onState: (state) => states.push(state),
    });
    await waitFor(() => messages.length === 2);
    expect(messages.map((m) => [m.event, m.data])).toEqual([
      ['sync.status', '{"a":1}'],
      ['dossiers.changed', '{}'],
    ]);
    expect(new Headers(requests[0]!.headers).get('authorization')).toBe('Bearer secret-token-for-tests');
    handle.close();
    await waitFor(() => states.at(-1) === 'closed');
    expect(states).toEqual(['connecting', 'open', 'closed']);
  });

  it('reconnects with doubling waits, capped, and starts afresh after a connection opens', async () => {
    const { fetch } = scriptedFetch([
      async () => streamResponse(['data: 1\n\n']), // opens, then the host goes away
      async () => Promise.reject(new TypeError('fetch failed')),
      async () => Promise.reject(new TypeError('fetch failed')),
      async () => Promise.reject(new TypeError('fetch failed')),
      async () => Promise.reject(new TypeError('fetch failed')),
      async () => streamResponse(['data: 2\n\n']),
      async (signal) => heldOpenResponse(signal),
    ]);
    const waits: number[] = [];
    const data: string[] = [];
    const handle = openHttpEventStream({
      url: '/api/events',
      token: null,
      fetch,
      onMessage: (message) => data.push(message.data),
      backoff: { initialMs: 10, maxMs: 40 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await waitFor(() => waits.length === 6);
    handle.close();
    expect(data).toEqual(['1', '2']);
    expect(waits).toEqual([10, 20, 40, 40, 40, 10]);
  });

  it('gives up when the token is refused: retrying cannot fix it', async () => {
    const { fetch, requests } = scriptedFetch([async () => streamResponse([], 401)]);
    const states: EventStreamState[] = [];
    openHttpEventStream({ url: '/api/events', token: 'wrong-token-for-tests', fetch, onMessage: () => {}, onState: (s) => states.push(s) });
    await waitFor(() => states.includes('refused'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toHaveLength(1);
    expect(states).toEqual(['connecting', 'refused']);
  });

  it('waits as long as the server asked with retry:', async () => {
    const { fetch } = scriptedFetch([async () => streamResponse(['retry: 1234\n\n']), async (signal) => heldOpenResponse(signal)]);
    const waits: number[] = [];
    const handle = openHttpEventStream({
      url: '/api/events',
      token: null,
      fetch,
      onMessage: () => {},
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await waitFor(() => waits.length === 1);
    handle.close();
    expect(waits).toEqual([1234]);
  });
});
