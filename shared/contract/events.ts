import type { InboxChanged, ScanProgress } from './attachments.js';
import type { BackupProgress } from './backup.js';
import type { EventName } from './event-names.js';
import type { ReportProgress } from './reports.js';

export type SyncState = 'not_configured' | 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  pendingEvents: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** Scans waiting to upload. */
  pendingScans?: number;
  /** Local events the centre refused (kept on the desk, shown, never blocking the queue). */
  rejectedEvents?: number;
  /** What is moving now; null when nothing is. */
  progress?: SyncProgress | null;
  /** In Vietnamese, when the desk's clock is more than two minutes off the centre's (sync continues). */
  clockWarning?: string | null;
  /** In Vietnamese, why a calendar year the centre sent was not applied (sync continues); null when none was refused. */
  calendarWarning?: string | null;
  /** In Vietnamese, why unit changes the centre sent were not applied (sync continues); null when none was refused. */
  catalogueWarning?: string | null;
  /** centre − desk, in ms, as last measured; null before the first answer. */
  clockSkewMs?: number | null;
  /** The centre revoked this desk: it keeps working offline and no longer syncs. */
  revoked?: boolean;
  /** In Vietnamese, when fetching the unit's scans from the centre stopped at the bound on disk use; null otherwise. */
  scanDownloadWarning?: string | null;
  /** The centre this desk is enrolled with; null when not enrolled. */
  centreUrl?: string | null;
}

export interface SyncProgress {
  phase: 'push' | 'pull' | 'upload' | 'download';
  done: number;
  /** null when not known in advance (a pull). */
  total: number | null;
}

/**
 * The desk core's own process, as the Electron window sees it (main sends these; the web host never
 * does): refolding projections at start (x/y dossiers), back after a crash, or down for good.
 */
export type CoreStatus =
  | { state: 'rebuilding'; done: number; total: number }
  | { state: 'restarted' }
  | { state: 'stopped' };

export interface EventPayloads {
  'sync.status': SyncStatus;
  'dossiers.changed': { dossierIds: string[] };
  'inbox.changed': InboxChanged;
  'scan.progress': ScanProgress;
  'reports.progress': ReportProgress;
  'core.status': CoreStatus;
  'backup.progress': BackupProgress;
}

// Compile-time proof that every event name has a payload type and no payload lacks a name.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const eventPayloadsAreExhaustive: Exact<keyof EventPayloads, EventName> = true;

export type EventListener<E extends EventName> = (payload: EventPayloads[E]) => void;
