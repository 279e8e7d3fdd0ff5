import type { z } from 'zod';

/** Messages keyed by the field's path in the command's arguments, e.g. "applicant.phone". */
export type FieldErrors = Readonly<Record<string, string>>;

/** The first message per path of a failed schema check, so each field shows its own problem. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const key = path === '' ? '(form)' : path;
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Checks arguments against the command's own schema before they leave the screen. */
export function checkArgs(schema: z.ZodType, args: unknown): FieldErrors {
  const result = schema.safeParse(args);
  return result.success ? {} : fieldErrorsFromIssues(result.error.issues);
}

const SCHEMA_MESSAGE_PREFIX = 'Tham số không hợp lệ — ';

/**
 * The core's schema failures read "Tham số không hợp lệ — a.b: message; c: message" (dispatch.ts):
 * split them back onto their fields. Other messages stay whole for the form's own notice.
 */
export function fieldErrorsFromMessage(message: string): FieldErrors {
  if (!message.startsWith(SCHEMA_MESSAGE_PREFIX)) return {};
  const errors: Record<string, string> = {};
  for (const part of message.slice(SCHEMA_MESSAGE_PREFIX.length).split('; ')) {
    const colon = part.indexOf(': ');
    if (colon <= 0) continue;
    const path = part.slice(0, colon);
    if (!/^[\w.]+$/.test(path)) continue;
    errors[path] ??= part.slice(colon + 2).replace(/ \(và \d+ lỗi khác\)$/, '');
  }
  return errors;
}
