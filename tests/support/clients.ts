import type { Server } from 'node:http';
import type { CommandName } from '../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult, DeskClient } from '../../shared/contract/commands.js';
import type { Envelope } from '../../shared/contract/envelope.js';
import { dispatch } from '../../electron/core/dispatch.js';
import type { DeskCore } from '../../electron/core/start-core.js';
import { createWebHost, listenOnLoopback } from '../../electron/webhost/server.js';

/** The in-process transport: the same dispatch path the IPC wrapper and the web host use. */
export function inProcessClient(core: DeskCore): DeskClient & { invokeRaw(name: string, args: unknown): Promise<Envelope<unknown>> } {
  const invokeRaw = (name: string, args: unknown) => dispatch(core.handlers, name, args, { transport: 'in-process' });
  return {
    invoke: <N extends CommandName>(name: N, args: CommandArgs<N>) => invokeRaw(name, args) as Promise<Envelope<CommandResult<N>>>,
    invokeRaw,
  };
}

export interface HttpDesk {
  baseUrl: string;
  token: string;
  client: DeskClient & { invokeRaw(name: string, args: unknown): Promise<Envelope<unknown>> };
  close(): Promise<void>;
}

/** The web host on a free loopback port, with a client speaking its HTTP protocol. */
export async function startHttpDesk(core: DeskCore, rendererDir = '/nonexistent'): Promise<HttpDesk> {
  const token = 'test-token-' + Math.random().toString(36).slice(2);
  const server: Server = createWebHost({ handlers: core.handlers, events: core.events, rendererDir, token });
  const port = await listenOnLoopback(server, 0);
  const baseUrl = `http://127.0.0.1:${port}`;
  const invokeRaw = async (name: string, args: unknown): Promise<Envelope<unknown>> => {
    const response = await fetch(`${baseUrl}/api/invoke/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    return (await response.json()) as Envelope<unknown>;
  };
  return {
    baseUrl,
    token,
    client: {
      invoke: <N extends CommandName>(name: N, args: CommandArgs<N>) => invokeRaw(name, args) as Promise<Envelope<CommandResult<N>>>,
      invokeRaw,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
