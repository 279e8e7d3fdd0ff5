import type { z } from 'zod';

const INVALID_ARGUMENT = 'Tham số không hợp lệ — ';

/** Turns zod issues into one readable Vietnamese sentence naming each bad field. */
export function describeSchemaIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(tham số)';
    return `${field}: ${issue.message}`;
  });
  const more = issues.length > 5 ? ` (và ${issues.length - 5} lỗi khác)` : '';
  return `${INVALID_ARGUMENT}${parts.join('; ')}${more}`;
}

/**
 * One bad field found by a check beyond the schema (one that needs the core's clock or data), in the
 * schema's own words, so a form shows it next to the field just as it shows a schema failure.
 */
export function describeFieldProblem(path: string, message: string): string {
  return `${INVALID_ARGUMENT}${path}: ${message}`;
}
