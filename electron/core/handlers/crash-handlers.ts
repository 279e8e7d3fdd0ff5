import { platform, release } from 'node:os';
import type { Handlers } from '../../../shared/contract/commands.js';
import { CrashReportRepository } from '../diagnostics/crash-report-repository.js';
import type { CoreContext } from './context.js';

type CrashHandlers = Pick<Handlers, 'app.recordCrash'>;

/**
 * A crash somewhere in the desk (a screen, the window, main, the core), queued for the centre. No session
 * needed: a screen may fail before anyone signs in, and the report holds nothing personal (redacted here).
 */
export function crashHandlers(ctx: CoreContext): CrashHandlers {
  const reports = new CrashReportRepository(ctx.db);
  return {
    'app.recordCrash': (args) => {
      reports.record(args, {
        id: ctx.newId(),
        occurredAt: new Date(ctx.now()).toISOString(),
        appVersion: ctx.identity.version,
        os: `${platform()} ${release()}`.slice(0, 80),
      });
      return { waiting: reports.count() };
    },
  };
}
