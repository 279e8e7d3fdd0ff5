import { CommandError } from '../../../shared/contract/errors.js';
import { BIRTH_DATE_MESSAGES, birthDateProblem } from '../../../shared/domain/cccd/birth-date.js';
import { vietnamDateOf } from '../../../shared/domain/dossier/vietnam-time.js';
import { describeFieldProblem } from '../schema-issues.js';

/**
 * Refuses a birth date a living applicant cannot have (shared/domain/cccd/birth-date.ts, the QR
 * parser's rule). Here rather than in the schema: "after today" needs the core's clock. `path` names
 * the argument, e.g. "applicant.birthDate".
 */
export function requirePlausibleBirthDate(birthDate: string | null, nowMs: number, path: string): void {
  // Not a yyyy-MM-dd date at all: the schema (or the event's) refuses it in its own words.
  if (birthDate === null || !/^\d{4}-\d{2}-\d{2}$/u.test(birthDate)) return;
  const problem = birthDateProblem(birthDate, vietnamDateOf(new Date(nowMs).toISOString()));
  if (problem !== null) throw new CommandError('invalid_argument', describeFieldProblem(path, BIRTH_DATE_MESSAGES[problem]));
}
