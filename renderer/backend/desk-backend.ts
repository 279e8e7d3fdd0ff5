import type { DeskClient } from '../../shared/contract/commands.js';
import type { EventName } from '../../shared/contract/event-names.js';
import type { EventListener } from '../../shared/contract/events.js';

/** What the UI holds: the contract's typed client plus the events the core pushes. */
export interface DeskBackend extends DeskClient {
  /** Calls `listener` with each `name` event until the returned function is called. */
  onEvent<E extends EventName>(name: E, listener: EventListener<E>): () => void;
}
