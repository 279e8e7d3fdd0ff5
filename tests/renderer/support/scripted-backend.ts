import type { CommandName } from '../../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../../shared/contract/commands.js';
import { errorEnvelope, type Envelope } from '../../../shared/contract/envelope.js';
import type { ErrorCode } from '../../../shared/contract/errors.js';
import type { EventName } from '../../../shared/contract/event-names.js';
import type { EventPayloads } from '../../../shared/contract/events.js';
import type { DeskBackend } from '../../../renderer/backend/desk-backend.js';

/** How the fake answers one command: a value, an error, or a function of the arguments. */
export type Script = {
  [N in CommandName]?: (args: CommandArgs<N>) => Envelope<CommandResult<N>> | Promise<Envelope<CommandResult<N>>>;
};

export interface Call {
  name: CommandName;
  args: unknown;
}

/**
 * A fake transport that answers each command from a script (unlike fake-backend.ts's single queue), so a
 * store test can run a whole flow — several commands in any order — and then read what was sent.
 */
export interface ScriptedBackend extends DeskBackend {
  calls: Call[];
  script: Script;
  callsOf<N extends CommandName>(name: N): CommandArgs<N>[];
  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void;
}

export function createScriptedBackend(script: Script = {}): ScriptedBackend {
  const calls: Call[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const backend: ScriptedBackend = {
    calls,
    script,
    async invoke(name, args) {
      calls.push({ name, args: structuredClone(args) });
      const answer = backend.script[name] as ((a: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>) | undefined;
      if (!answer) return errorEnvelope('unknown_command', `no script for ${name}`) as never;
      return (await answer(args)) as never;
    },
    onEvent(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const wrapped = (payload: unknown): void => listener(payload as Parameters<typeof listener>[0]);
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    callsOf(name) {
      return calls.filter((call) => call.name === name).map((call) => call.args) as never;
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  };
  return backend;
}

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Envelope<never> => errorEnvelope(code, message);

/** A promise with its resolve exposed: lets a test hold an answer back and release it later. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
