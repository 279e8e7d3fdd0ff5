import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import type { DossierSyncInfo } from '../../../../shared/sync/desk-commands.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';

/** The core answers for at most this many dossiers per call (syncDossierStatesArgs). */
export const STATES_PER_CALL = 500;

export interface DossierSyncState {
  /** What the core last said per dossier; entries for dossiers off screen are dropped when anything changes. */
  states: Readonly<Record<string, DossierSyncInfo>>;
  /** False until the desk is enrolled with a centre: a desk that never syncs shows no badges. */
  enrolled: boolean;
  /**
   * A badge on screen asks for its dossier; the asks of one render are answered by one call.
   * Returns the function that stops watching (when the row scrolls away or the page closes).
   */
  watch(dossierId: string): () => void;
  /** Follows sync.status and dossiers.changed, refetching what is on screen; returns the stop function. */
  follow(): () => void;
}

export type DossierSyncStore = StoreApi<DossierSyncState>;

export interface DossierSyncStoreOptions {
  /** Wait before refetching after a change; progress events come several times a second while syncing. */
  refreshDelayMs?: number;
}

/** What, in a sync.status, can change a dossier's badge. */
const badgeKey = (status: SyncStatus): string => `${status.state}|${status.pendingEvents}|${status.rejectedEvents ?? 0}`;

export function createDossierSyncStore(backend: DeskBackend, options: DossierSyncStoreOptions = {}): DossierSyncStore {
  const refreshDelayMs = options.refreshDelayMs ?? 300;
  const watchers = new Map<string, number>();
  const due = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let request = 0;
  // Per dossier, the latest call that asked for it: an older answer arriving later is ignored.
  const latestCall = new Map<string, number>();
  let lastBadgeKey: string | null = null;

  return createStore<DossierSyncState>()((set, get) => {
    const fetchStates = async (ids: string[]): Promise<void> => {
      const mine = ++request;
      for (const id of ids) latestCall.set(id, mine);
      const envelope = await backend.invoke('sync.dossierStates', { dossierIds: ids });
      // A failure (signed out, locked) leaves the badges as they were; the next change asks again.
      if (!envelope.ok) return;
      const states = { ...get().states };
      for (const info of envelope.value.dossiers) if (latestCall.get(info.dossierId) === mine) states[info.dossierId] = info;
      set({ states });
    };

    const flush = (): void => {
      timer = null;
      const ids = [...due].filter((id) => watchers.has(id));
      due.clear();
      if (ids.length === 0 || !get().enrolled) return;
      for (let start = 0; start < ids.length; start += STATES_PER_CALL) void fetchStates(ids.slice(start, start + STATES_PER_CALL));
    };

    const schedule = (ids: Iterable<string>, delayMs: number): void => {
      for (const id of ids) due.add(id);
      if (timer === null) timer = setTimeout(flush, delayMs);
    };

    /** Something changed: what is on screen is asked again, what is not is forgotten. */
    const invalidate = (ids: Iterable<string>): void => {
      const states = { ...get().states };
      let dropped = false;
      for (const id of Object.keys(states)) {
        if (!watchers.has(id)) {
          delete states[id];
          dropped = true;
        }
      }
      if (dropped) set({ states });
      schedule([...ids].filter((id) => watchers.has(id)), refreshDelayMs);
    };

    const noteStatus = (status: SyncStatus): void => {
      const enrolled = status.state !== 'not_configured';
      const key = badgeKey(status);
      if (enrolled !== get().enrolled) set({ enrolled });
      if (key === lastBadgeKey) return;
      lastBadgeKey = key;
      if (enrolled) invalidate(watchers.keys());
    };

    return {
      states: {},
      enrolled: false,

      watch(dossierId) {
        watchers.set(dossierId, (watchers.get(dossierId) ?? 0) + 1);
        // Rows mounting in one render share one call: the flush waits for the next task.
        if (!(dossierId in get().states)) schedule([dossierId], 0);
        return () => {
          const left = (watchers.get(dossierId) ?? 1) - 1;
          if (left <= 0) watchers.delete(dossierId);
          else watchers.set(dossierId, left);
        };
      },

      follow() {
        const stopStatus = backend.onEvent('sync.status', noteStatus);
        const stopChanges = backend.onEvent('dossiers.changed', ({ dossierIds }) => invalidate(dossierIds));
        void backend.invoke('sync.status', {}).then((envelope) => {
          if (envelope.ok && lastBadgeKey === null) noteStatus(envelope.value);
        });
        return () => {
          stopStatus();
          stopChanges();
          if (timer !== null) clearTimeout(timer);
          timer = null;
          due.clear();
          // Following again starts from the core's word, not from what this run last saw.
          lastBadgeKey = null;
        };
      },
    };
  });
}
