import type { Handlers } from '../../../shared/contract/commands.js';
import type { CoreContext } from './context.js';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.enroll' | 'sync.unenroll' | 'sync.now' | 'sync.dossierStates'>;

export function syncHandlers(ctx: CoreContext): SyncHandlers {
  return {
    // The status bar asks before anyone signs in.
    'sync.status': () => ctx.sync.status(),
    'sync.enroll': (args) => {
      ctx.session.requireOfficer('supervisor');
      return ctx.sync.enroll(args);
    },
    'sync.unenroll': (args) => {
      ctx.session.requireOfficer('supervisor');
      return ctx.sync.unenroll(args.force);
    },
    'sync.now': (args) => {
      ctx.session.requireOfficer();
      return ctx.sync.syncNow(args.wait);
    },
    'sync.dossierStates': (args) => {
      ctx.session.requireOfficer();
      const states = ctx.sync.dossierStates(args.dossierIds);
      return { dossiers: args.dossierIds.map((dossierId) => ({ dossierId, ...states.get(dossierId)! })) };
    },
  };
}
