import type { z } from 'zod';

/** Turns zod issues into one readable Vietnamese sentence naming each bad field. */
export function describeSchemaIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(tham số)';
    return `${field}: ${issue.message}`;
  });
  const more = issues.length > 5 ? ` (và ${issues.length - 5} lỗi khác)` : '';
  return `Tham số không hợp lệ — ${parts.join('; ')}${more}`;
}
