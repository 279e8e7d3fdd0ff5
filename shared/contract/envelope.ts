import type { CommandErrorData, ErrorCode } from './errors.js';

// Errors cross IPC and HTTP as data: a thrown Error loses everything but its message on the way.
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: CommandErrorData };

export function okEnvelope<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function errorEnvelope(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** HTTP status the web host answers for each error code. */
export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  invalid_argument: 400,
  unknown_command: 404,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  transition_forbidden: 409,
  papers_missing: 422,
  database_too_new: 500,
  storage_failure: 500,
  core_restarted: 503,
  internal: 500,
};
