import type { Handlers } from '../../../shared/contract/commands.js';
import { CommandError } from '../../../shared/contract/errors.js';
import { SyncFailure } from '../sync/sync-failure.js';
import type { CoreContext } from './context.js';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.enroll' | 'sync.unenroll' | 'sync.now' | 'sync.dossierStates' | 'sync.fetchScan'>;

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
    'sync.fetchScan': async (args) => {
      ctx.session.requireOfficer();
      // A restored desk still copying its scans back: from the backup folder at once, when it is reachable.
      if (await ctx.scansBack.copyNow(args.sha256)) return { fetched: true };
      try {
        return { fetched: await ctx.sync.fetchScanNow(args.sha256) };
      } catch (error) {
        // The line or the centre failed: the viewer says why; the background fetch tries again later.
        if (error instanceof SyncFailure) throw new CommandError('not_found', `Chưa tải được bản quét từ trung tâm: ${error.message}`);
        throw error;
      }
    },
    'sync.dossierStates': (args) => {
      ctx.session.requireOfficer();
      const states = ctx.sync.dossierStates(args.dossierIds);
      return { dossiers: args.dossierIds.map((dossierId) => ({ dossierId, ...states.get(dossierId)! })) };
    },
  };
}
