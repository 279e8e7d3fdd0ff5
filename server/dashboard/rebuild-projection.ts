import type { CentreStorage } from '../storage/storage.js';
import { DASHBOARD_PROJECTION_VERSION, projectDossiers } from './project-dossiers.js';

// A centre whose log predates the dashboard (or whose projection was built by an older fold) projects
// every dossier once at start, page by page, each page in its own transaction with the dossiers
// locked — so desks may keep pushing meanwhile: a dossier they touch is projected by their append.

const PAGE = 500;

export async function rebuildDashboardProjection(storage: CentreStorage): Promise<number> {
  let after = '';
  let projected = 0;
  for (;;) {
    const ids = await storage.dashboard.dossierIdsAfter(after, PAGE);
    if (ids.length === 0) break;
    await storage.transaction(async (tx) => {
      await tx.lockDossiers(ids);
      await projectDossiers(tx, { dossierIds: ids });
    });
    projected += ids.length;
    after = ids.at(-1)!;
  }
  await storage.dashboard.setProjectionVersion(DASHBOARD_PROJECTION_VERSION);
  return projected;
}

/** Rebuilds only when the stored projection is older than this code's. */
export async function ensureDashboardProjection(storage: CentreStorage): Promise<void> {
  if ((await storage.dashboard.projectionVersion()) < DASHBOARD_PROJECTION_VERSION) await rebuildDashboardProjection(storage);
}
