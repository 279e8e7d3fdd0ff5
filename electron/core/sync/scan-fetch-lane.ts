import type { DeskDatabase } from '../db/open-database.js';
import type { CentreSession } from './centre-session.js';
import { ScanFetcher, type ScanStore } from './scan-fetcher.js';
import type { SyncStatusBoard } from './sync-status-board.js';

// The lane of scans coming down from the centre (scan-fetcher.ts says how), between the session that
// reaches the centre and the status bar that shows how far it has come.

export class ScanFetchLane {
  private readonly fetcher: ScanFetcher;

  constructor(
    db: DeskDatabase,
    store: ScanStore,
    private readonly session: CentreSession,
    private readonly board: SyncStatusBoard,
  ) {
    this.fetcher = new ScanFetcher(db, store);
  }

  /** Scans the pulled events name and this desk lacks, newest first, until done or the disk bound. */
  async fetchAll(): Promise<void> {
    const context = this.session.scanContext();
    if (context === null) return;
    const token = this.session.requireToken();
    try {
      const round = await this.fetcher.fetchAll({ ...context, token }, (done, total) => {
        this.board.downloadProgressed(total === 0 || done === total ? null : { phase: 'download', done, total });
      });
      this.board.setScanDownloadWarning(round.limitReached);
    } finally {
      this.board.downloadsEnded();
    }
  }

  /** One scan at once (the officer opened it); true once it is in the store. */
  async fetchNow(sha256: string): Promise<boolean> {
    const context = this.session.scanContext();
    if (context === null) return false;
    await this.session.ready();
    return (await this.fetcher.fetchNow(sha256, { ...context, token: this.session.requireToken() })) === 'complete';
  }

  /** The bound on disk use for scans fetched from the centre, in bytes (null: the default). */
  setLimitBytes(bytes: number | null): void {
    this.fetcher.setLimitBytes(bytes);
  }
}
