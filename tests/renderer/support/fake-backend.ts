import type { AppInfo } from '../../../shared/contract/app-info.js';
import type { CommandName } from '../../../shared/contract/command-names.js';
import type { Envelope } from '../../../shared/contract/envelope.js';
import type { EventName } from '../../../shared/contract/event-names.js';
import type { EventPayloads } from '../../../shared/contract/events.js';
import type { DeskBackend } from '../../../renderer/backend/desk-backend.js';

/** A test double of the transport: answers app.info from a queue and lets the test push events. */
export interface FakeBackend extends DeskBackend {
  calls: CommandName[];
  /** Resolves the oldest pending call with `envelope`. */
  answer(envelope: Envelope<unknown>): void;
  pending(): number;
  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void;
  listenerCount(): number;
}

export function createFakeBackend(): FakeBackend {
  const waiting: ((envelope: Envelope<unknown>) => void)[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: CommandName[] = [];
  return {
    calls,
    invoke(name) {
      calls.push(name);
      // The fake answers whatever the test queues; the type of each answer is the test's business.
      return new Promise((resolve) => waiting.push(resolve as (envelope: Envelope<unknown>) => void));
    },
    onEvent(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const wrapped = (payload: unknown): void => listener(payload as Parameters<typeof listener>[0]);
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    answer(envelope) {
      const resolve = waiting.shift();
      if (!resolve) throw new Error('no call is waiting for an answer');
      resolve(envelope);
    },
    pending: () => waiting.length,
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

/** Fabricated desk identity for tests. */
export function sampleAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    appName: 'Một cửa Hạ Long',
    version: '0.1.0',
    dataDir: '/tmp/desk-test',
    unit: null,
    desk: { deviceId: '00000000-0000-4000-8000-000000000001', station: null },
    schemaVersion: 10,
    ...overrides,
  };
}

/** Lets pending promise callbacks (the store's `await`) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
