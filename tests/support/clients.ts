import type { Server } from 'node:http';
import type { CommandName } from '../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult, DeskClient } from '../../shared/contract/commands.js';
import type { Envelope } from '../../shared/contract/envelope.js';
import { dispatch } from '../../electron/core/dispatch.js';
import type { DeskCore } from '../../electron/core/start-core.js';
import { createWebHost, listenOnLoopback } from '../../electron/webhost/server.js';
import { CoreSupervisor } from '../../electron/core/process/core-supervisor.js';
import { forkCoreChild } from './core-child.js';
import { makeTempDir } from './temp-dir.js';
import { RunningClock } from './test-now.js';

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

/**
 * The port transport: the core in a real Node child process (core-child.ts), reached through the
 * supervisor Electron main uses, over the core's message protocol.
 */
export async function startPortDesk(options: { stallFile?: string; onRestart?(): void } = {}): Promise<{
  dataDir: string;
  clock: RunningClock;
  supervisor: CoreSupervisor;
  client: DeskClient & { invokeRaw(name: string, args: unknown): Promise<Envelope<unknown>> };
  spawned: ReturnType<typeof forkCoreChild>[];
  dispose(): Promise<void>;
}> {
  const dir = makeTempDir('desk-port-');
  const clock = new RunningClock();
  const spawned: ReturnType<typeof forkCoreChild>[] = [];
  const supervisor = new CoreSupervisor({
    identity: { appName: 'Một cửa Hạ Long (test)', version: '0.0.0-test', dataDir: dir.path },
    spawn: () => {
      const handle = forkCoreChild(clock.offset(), options.stallFile);
      spawned.push(handle);
      return handle;
    },
    onRestart: options.onRestart,
  });
  await supervisor.start();
  const invokeRaw = (name: string, args: unknown) => supervisor.invoke(name, args);
  return {
    dataDir: dir.path,
    clock,
    supervisor,
    spawned,
    client: {
      invoke: <N extends CommandName>(name: N, args: CommandArgs<N>) => invokeRaw(name, args) as Promise<Envelope<CommandResult<N>>>,
      invokeRaw,
    },
    dispose: async () => {
      await supervisor.close(5000);
      dir.remove();
    },
  };
}
