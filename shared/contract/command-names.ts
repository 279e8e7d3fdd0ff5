// The runtime allow-list of command names. Kept free of zod so the sandboxed preload can bundle it
// cheaply; `commands.ts` proves at compile time that it lists exactly the commands with a schema.
export const COMMAND_NAMES = ['app.info'] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMAND_NAMES as readonly string[]).includes(value);
}
