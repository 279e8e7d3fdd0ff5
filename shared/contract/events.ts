import type { EventName } from './event-names.js';

export type SyncState = 'not_configured' | 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  pendingEvents: number;
  lastSuccessAt: string | null;
  lastError: string | null;
}

export interface EventPayloads {
  'sync.status': SyncStatus;
  'dossiers.changed': { dossierIds: string[] };
}

// Compile-time proof that every event name has a payload type and no payload lacks a name.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const eventPayloadsAreExhaustive: Exact<keyof EventPayloads, EventName> = true;

export type EventListener<E extends EventName> = (payload: EventPayloads[E]) => void;
