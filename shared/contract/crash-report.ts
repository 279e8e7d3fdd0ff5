import { z } from 'zod';

// A crash report: what failed, where, and when, with the versions (added by the core); never personal data
// (its texts pass shared/logging/redact.ts) and bounded in size, so a desk that crashes in a loop cannot
// fill its database or the centre's. Queued in the desk's database and sent to the centre with the next sync.

export const CRASH_KINDS = [
  'render_error', // a screen threw while rendering: its error boundary showed the recovery screen
  'renderer_gone', // the window's renderer process ended (crash, out of memory): main reloaded it
  'main_error', // an uncaught error or rejection in Electron's main process
  'core_exit', // the desk core's process ended unexpectedly: the supervisor restarted it
] as const;
export type CrashKind = (typeof CRASH_KINDS)[number];

export const CRASH_WHERE_MAX = 80;
export const CRASH_MESSAGE_MAX = 500;
export const CRASH_STACK_MAX = 4000;

/** What the reporter says; the core adds the time, the versions and the id. */
export const crashReportInputSchema = z.strictObject({
  kind: z.enum(CRASH_KINDS),
  /** The screen (`intake`, `reports`…) or the process part (`main`, `core`). */
  where: z.string().trim().min(1).max(CRASH_WHERE_MAX),
  message: z.string().max(CRASH_MESSAGE_MAX),
  stack: z.string().max(CRASH_STACK_MAX).optional(),
});
export type CrashReportInput = z.infer<typeof crashReportInputSchema>;

/** `app.recordCrash`'s answer: how many reports now wait for the centre. */
export interface CrashRecorded {
  waiting: number;
}

/** Texts cut to their bounds (a reporter's error may be longer than a report may hold). */
export function boundCrashInput(input: { kind: CrashKind; where: string; message: string; stack?: string | undefined }): CrashReportInput {
  return {
    kind: input.kind,
    where: input.where.slice(0, CRASH_WHERE_MAX) || '?',
    message: input.message.slice(0, CRASH_MESSAGE_MAX),
    ...(input.stack === undefined ? {} : { stack: input.stack.slice(0, CRASH_STACK_MAX) }),
  };
}
