import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import { fieldErrorsFromMessage, type FieldErrors } from '../../../ui/field-errors.js';

/**
 * Puts a failed enrollment next to its cause: the core's schema check names its fields; an unreachable
 * centre (not_found) belongs to the address; a code the centre refused (invalid_argument: wrong,
 * expired or used) to the code. Anything else — another unit's code, an address that is not a centre,
 * no permission — is a notice for the whole form.
 */
export function placeEnrollError(error: CommandErrorData): { fieldErrors: FieldErrors; problem: CommandErrorData | null } {
  const fromSchema = fieldErrorsFromMessage(error.message);
  if (Object.keys(fromSchema).length > 0) return { fieldErrors: fromSchema, problem: null };
  if (error.code === 'not_found') return { fieldErrors: { centreUrl: error.message }, problem: null };
  if (error.code === 'invalid_argument') return { fieldErrors: { code: error.message }, problem: null };
  return { fieldErrors: {}, problem: error };
}
