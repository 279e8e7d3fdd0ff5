import type { Handlers } from '../../../shared/contract/commands.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { ScanDownloadLimit } from '../../../shared/sync/desk-commands.js';
import { ScanDownloadRepository } from '../sync/scan-download-repository.js';
import { SCAN_DOWNLOAD_DEFAULT_MAX_BYTES } from '../sync/scan-fetcher.js';
import { SyncFailure } from '../sync/sync-failure.js';
import type { CoreContext } from './context.js';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.enroll' | 'sync.unenroll' | 'sync.now' | 'sync.dossierStates' | 'sync.fetchScan' | 'sync.scanDownloadLimit' | 'sync.setScanDownloadLimit'>;

const GB = 1024 ** 3;

export function syncHandlers(ctx: CoreContext): SyncHandlers {
  // The bound is kept by the scan fetcher's repository (read here) and set through the agent, which wakes its fetching.
  const scanDownloads = new ScanDownloadRepository(ctx.db);
  const scanDownloadLimit = (): ScanDownloadLimit => {
    const set = scanDownloads.limitBytes();
    return { limitGb: (set ?? SCAN_DOWNLOAD_DEFAULT_MAX_BYTES) / GB, isDefault: set === null, usedGb: scanDownloads.usedBytes() / GB };
  };
  return {
    'sync.scanDownloadLimit': () => {
      ctx.session.requireOfficer('supervisor');
      return scanDownloadLimit();
    },
    'sync.setScanDownloadLimit': (args) => {
      ctx.session.requireOfficer('supervisor');
      ctx.sync.setScanDownloadLimit(args.limitGb === null ? null : Math.round(args.limitGb * GB));
      return scanDownloadLimit();
    },
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
