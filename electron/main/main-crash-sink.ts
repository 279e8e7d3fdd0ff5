import type { CrashReportInput } from '../../shared/contract/crash-report.js';
import type { DeskLog } from '../core/logging/desk-log.js';
import type { CoreSupervisor } from '../core/process/core-supervisor.js';
import type { CrashSink } from './crash-guard.js';

/** Reports made before the core serves (or while it restarts) wait here, at most this many. */
const PENDING_MAX = 20;

/**
 * Main's crash sink: lines to main.log, reports to the core's queue (`app.recordCrash`). A report made
 * while the core cannot take it waits in memory and goes once the core serves again (`flush`).
 */
export function mainCrashSink(log: DeskLog): CrashSink & { attach(core: Pick<CoreSupervisor, 'invoke'>): void; flush(): void } {
  let core: Pick<CoreSupervisor, 'invoke'> | null = null;
  const pending: CrashReportInput[] = [];
  const send = (report: CrashReportInput): void => {
    if (core === null) {
      if (pending.length < PENDING_MAX) pending.push(report);
      return;
    }
    core.invoke('app.recordCrash', report).then(
      (envelope) => {
        if (!envelope.ok) log.warn(`crash report not queued: ${envelope.error.code}`);
      },
      (error: unknown) => log.warn('crash report not queued', error),
    );
  };
  return {
    log: (message, error) => (error === undefined ? log.error(message) : log.error(message, error)),
    report: send,
    attach: (supervisor) => {
      core = supervisor;
    },
    flush: () => {
      for (const report of pending.splice(0)) send(report);
    },
  };
}
