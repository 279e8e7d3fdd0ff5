// The closed set of error codes that may cross a process boundary. The UI translates each
// code into Vietnamese; the message carries the detail (also in Vietnamese, for the officer).
export const ERROR_CODES = [
  'invalid_argument', // the arguments do not match the command's schema
  'unknown_command', // the command name is not in the contract
  'unauthorized', // missing or wrong credentials (web host token, sign-in)
  'forbidden', // the caller may not do this (sender frame, role)
  'not_found', // the thing named does not exist
  'conflict', // the change contradicts what is stored (duplicate, stale version)
  'transition_forbidden', // the dossier lifecycle does not allow this action in its current state
  'papers_missing', // acceptance with a required paper of the procedure's checklist not received (form 02 instead)
  'database_too_new', // the database was written by a newer version of the app
  'storage_failure', // the disk or database failed
  'core_restarted', // the desk core stopped while the call was in flight and is being restarted: check, then retry
  'internal', // a bug: the message is generic, details go to the log
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CommandErrorData {
  code: ErrorCode;
  message: string;
}

/** Thrown by handlers and domain code; turned into an envelope by the dispatcher. */
export class CommandError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
  }

  toData(): CommandErrorData {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
