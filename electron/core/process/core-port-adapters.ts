// Channels that almost fit CorePort (core-protocol.ts), made to fit.
import type { CorePort } from './core-protocol.js';

/** Node's child_process IPC from either side: the parent's ChildProcess, or the child's own `process`. */
export interface NodeIpcChannel {
  send?(message: unknown): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

export function nodeIpcPort(channel: NodeIpcChannel): CorePort {
  return {
    postMessage: (message) => {
      // A channel already closed (the other side exited) drops the message, as a closed MessagePort does.
      if (channel.send === undefined) return;
      try {
        channel.send(message);
      } catch {
        // ERR_IPC_CHANNEL_CLOSED: the exit is noticed by whoever watches the process.
      }
    },
    on: (event, listener) => channel.on(event, listener),
  };
}

/** Electron's parentPort (in a utilityProcess) and MessagePortMain: they deliver `{ data }` events. */
export interface EventMessagePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

export function eventMessagePort(port: EventMessagePort): CorePort {
  return {
    postMessage: (message) => port.postMessage(message),
    on: (event, listener) => port.on(event, (received) => listener(received.data)),
  };
}
