import type { CommandArgs, CommandResult } from '../../shared/contract/commands.js';
import type { CommandName } from '../../shared/contract/command-names.js';
import type { Envelope } from '../../shared/contract/envelope.js';
import type { EventName } from '../../shared/contract/event-names.js';
import type { EventListener } from '../../shared/contract/events.js';
import type { DeskBackend } from './desk-backend.js';
import type { DeskBridge } from './desk-bridge.js';
import { isEnvelope, unreachableCoreEnvelope } from './unreachable-core.js';

/** The contract over Electron IPC, through the preload's `window.desk`. */
export function createIpcBackend(bridge: DeskBridge): DeskBackend {
  return {
    async invoke<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Envelope<CommandResult<N>>> {
      try {
        const envelope = await bridge.invoke(name, args);
        // The main process validated the arguments and typed the result against the same contract.
        return isEnvelope(envelope) ? (envelope as Envelope<CommandResult<N>>) : unreachableCoreEnvelope();
      } catch {
        return unreachableCoreEnvelope();
      }
    },
    onEvent<E extends EventName>(name: E, listener: EventListener<E>): () => void {
      return bridge.on(name, (payload) => listener(payload as Parameters<EventListener<E>>[0]));
    },
  };
}
