import type { Handlers } from '../../../shared/contract/commands.js';
import { exportsDirOf } from '../reports/export-files.js';
import { exportReport } from '../reports/export-service.js';
import { ReportService } from '../reports/report-service.js';
import type { CoreContext } from './context.js';

type ReportHandlers = Pick<
  Handlers,
  'reports.dailySeries' | 'reports.bieu06' | 'reports.satisfaction' | 'reports.logBook' | 'reports.overdue' | 'reports.export'
>;

/** The supervisors' reports (issue 7): drawn up offline from the desk's projections. */
export function reportHandlers(ctx: CoreContext): ReportHandlers {
  const reports = new ReportService({ db: ctx.db, catalogue: ctx.catalogue, officers: ctx.officers, settings: ctx.settings, now: ctx.now });
  const supervisor = () => ctx.session.requireOfficer('supervisor');

  return {
    'reports.dailySeries': (args) => {
      supervisor();
      return reports.dailySeries(args.to, args.days);
    },
    'reports.bieu06': (args) => {
      supervisor();
      return reports.bieu06(args);
    },
    'reports.satisfaction': (args) => {
      supervisor();
      return reports.satisfaction(args);
    },
    'reports.logBook': (args) => {
      supervisor();
      return reports.logBook(args, args.limit, args.offset);
    },
    'reports.overdue': () => {
      supervisor();
      return reports.overdue();
    },
    'reports.export': (args) => {
      const officer = supervisor();
      return exportReport({ reports, events: ctx.events, settings: ctx.settings, exportsDir: exportsDirOf(ctx.identity.dataDir), preparedBy: officer.fullName }, args);
    },
  };
}
