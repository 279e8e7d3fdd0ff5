import { INITIAL_CURSOR, PULL_MAX_LIMIT } from '../../../shared/sync/protocol.js';
import type { DeskDatabase } from '../db/open-database.js';
import type { CentreClient } from './centre-client.js';
import type { LaneReport } from './lane-report.js';
import type { RemoteApplier } from './remote-apply.js';
import { settledLater } from './settled-later.js';
import type { SyncRepository } from './sync-repository.js';

export interface PullContext {
  db: DeskDatabase;
  repo: SyncRepository;
  applier: RemoteApplier;
  /** Events per page at first, and again after a slow page. */
  pullLimit: number;
  /** What pages may grow to while they arrive quickly. */
  pullLimitMax: number;
  report: LaneReport;
  /** Tells the desk which dossiers a page changed. */
  touched(dossierIds: string[]): void;
}

/** A page that arrives within this long (its transfer, and the desk applying the page before it) is fast. */
const FAST_PAGE_MS = 2_000;

/** How far the write-ahead log may grow during a pull before SQLite copies it back (4 KiB pages: 32 MiB). */
const PULL_WAL_PAGES = 8_000;

/**
 * A pull writes page after page: SQLite's default copies the write-ahead log back into the database
 * after nearly every page (the log passes 1,000 pages), copying the same hot index pages again each
 * time. While pulling, the log may grow to PULL_WAL_PAGES; one checkpoint at the end copies each page
 * once. Durability is unchanged (every page still commits on its own); only when pages are copied.
 */
export async function pullAll(client: CentreClient, context: PullContext): Promise<void> {
  const db = context.db;
  const previous = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.max(previous, PULL_WAL_PAGES)}`);
  try {
    await pullPages(client, context);
  } finally {
    // The desk may have closed meanwhile (stop aborts the request in flight, then closes).
    if (db.open) {
      db.pragma(`wal_autocheckpoint = ${previous}`);
      db.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}

/** Pull: pages from the cursor until the centre has nothing more, the next page fetched while one is applied. */
async function pullPages(client: CentreClient, { repo, applier, pullLimit, pullLimitMax, report, touched }: PullContext): Promise<void> {
  let cursor = repo.state('pull.cursor') ?? INITIAL_CURSOR;
  let pulled = 0;
  // Pages grow, up to pullLimitMax, while each arrives quickly (a fast line and a backlog: fewer,
  // larger transactions); a page that takes long brings the size back, so on a slow line a page
  // stays well inside the request timeout.
  const largest = Math.max(pullLimit, Math.min(pullLimitMax, PULL_MAX_LIMIT));
  let limit = pullLimit;
  let sentAt = performance.now();
  let pending: ReturnType<CentreClient['pull']> | null = settledLater(client.pull(cursor, limit));
  while (pending !== null) {
    const page: Awaited<ReturnType<CentreClient['pull']>> = await pending;
    limit = performance.now() - sentAt < FAST_PAGE_MS ? Math.min(limit * 2, largest) : pullLimit;
    sentAt = performance.now();
    pending = page.value.hasMore && page.value.next !== cursor ? settledLater(client.pull(page.value.next, limit)) : null;
    report.noteSkew(page);
    const applied = applier.apply(page.value.entries, page.value.next);
    cursor = page.value.next;
    pulled += page.value.entries.length;
    report.progress({ phase: 'pull', done: pulled, total: null });
    if (applied.touchedDossiers.length > 0) touched(applied.touchedDossiers);
  }
}
