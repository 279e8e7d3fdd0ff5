import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeskEventBus } from '../core/event-bus.js';

const HEARTBEAT_MS = 25_000;

/** Server-sent events: one `event:` per core event, JSON data, a comment heartbeat to keep proxies open. */
export function openEventStream(req: IncomingMessage, res: ServerResponse, events: DeskEventBus): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = events.subscribe((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
