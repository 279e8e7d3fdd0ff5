import type { EventName } from '../../shared/contract/event-names.js';
import type { EventPayloads } from '../../shared/contract/events.js';

type AnyListener = (name: EventName, payload: EventPayloads[EventName]) => void;

/** Events the core pushes; each transport subscribes once and forwards (IPC send, SSE). */
export class DeskEventBus {
  private readonly listeners = new Set<AnyListener>();

  publish<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
