import './zod-vietnamese.js';
import type { z } from 'zod';
import { appInfoArgs, type AppInfo } from './app-info.js';
import type { CommandName } from './command-names.js';
import type { Envelope } from './envelope.js';

// One schema per command: the single place where a command's argument shape is declared.
export const COMMAND_SCHEMAS = {
  'app.info': appInfoArgs,
} as const satisfies Record<CommandName, z.ZodType>;

export interface CommandResults {
  'app.info': AppInfo;
}

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
// The allow-list, the schemas and the results name exactly the same commands.
export const schemasAreExhaustive: Exact<keyof typeof COMMAND_SCHEMAS, CommandName> = true;
export const resultsAreExhaustive: Exact<keyof CommandResults, CommandName> = true;

/** What the caller passes (before defaults are applied). */
export type CommandArgs<N extends CommandName> = z.input<(typeof COMMAND_SCHEMAS)[N]>;
/** What the handler receives (after validation). */
export type ParsedArgs<N extends CommandName> = z.output<(typeof COMMAND_SCHEMAS)[N]>;
export type CommandResult<N extends CommandName> = CommandResults[N];

/** Who is calling: filled in by the transport, never by the caller's arguments. */
export interface CallContext {
  transport: 'ipc' | 'http' | 'in-process';
}

export type Handlers = {
  [N in CommandName]: (args: ParsedArgs<N>, ctx: CallContext) => Promise<CommandResult<N>> | CommandResult<N>;
};

/** The typed client every transport implements (IPC, HTTP, in-process). */
export interface DeskClient {
  invoke<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Envelope<CommandResult<N>>>;
}
