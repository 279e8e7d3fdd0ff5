import { isCommandName } from '../../shared/contract/command-names.js';
import { COMMAND_SCHEMAS, type CallContext, type Handlers } from '../../shared/contract/commands.js';
import { errorEnvelope, okEnvelope, type Envelope } from '../../shared/contract/envelope.js';
import { CommandError } from '../../shared/contract/errors.js';
import { describeSchemaIssues } from './schema-issues.js';

export interface DispatchLog {
  error(message: string, detail: unknown): void;
}

/**
 * The one path from a transport to a handler: name → schema → handler → envelope.
 * Never throws and never leaks a stack trace to the caller.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawArgs: unknown,
  ctx: CallContext,
  log: DispatchLog = console,
): Promise<Envelope<unknown>> {
  if (!isCommandName(name)) {
    return errorEnvelope('unknown_command', `Lệnh không tồn tại: ${String(name).slice(0, 80)}`);
  }
  const parsed = COMMAND_SCHEMAS[name].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return errorEnvelope('invalid_argument', describeSchemaIssues(parsed.error.issues, name));
  }
  try {
    const handler = handlers[name] as (args: unknown, ctx: CallContext) => unknown;
    return okEnvelope(await handler(parsed.data, ctx));
  } catch (error) {
    if (error instanceof CommandError) return { ok: false, error: error.toData() };
    // Log only the command name and the error: arguments may hold citizens' personal data.
    log.error(`command ${name} failed`, error);
    return errorEnvelope('internal', 'Đã xảy ra lỗi không mong muốn. Dữ liệu không bị thay đổi; hãy thử lại.');
  }
}
