import type { z } from 'zod';
import type { CommandName } from '../../shared/contract/command-names.js';
import { describeCalendarPath } from '../../shared/domain/calendar/calendar-validation.js';

type PathDescriber = (path: readonly PropertyKey[]) => string;

// Most commands come from the desk's own forms, which put each message back on its field by the
// argument path ("applicant.phone", ui/field-errors.ts). A calendar is sent by an administrator's
// script or file, read by a person: its paths are said in Vietnamese ("Ngày nghỉ thứ 9 › ngày").
const PATH_DESCRIBERS: Partial<Record<CommandName, PathDescriber>> = {
  'calendar.set': describeCalendarPath,
};

const argumentPath: PathDescriber = (path) => path.map(String).join('.');

const INVALID_ARGUMENT = 'Tham số không hợp lệ — ';

/** Turns zod issues into one readable Vietnamese sentence naming each bad field. */
export function describeSchemaIssues(issues: readonly z.core.$ZodIssue[], command?: CommandName): string {
  const describePath = (command === undefined ? undefined : PATH_DESCRIBERS[command]) ?? argumentPath;
  const parts = issues.slice(0, 5).map((issue) => {
    const field = issue.path.length > 0 ? describePath(issue.path) : '(tham số)';
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
