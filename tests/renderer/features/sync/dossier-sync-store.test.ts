import { describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import type { DossierSyncInfo, DossierSyncStates } from '../../../../shared/sync/desk-commands.js';
import { createDossierSyncStore, STATES_PER_CALL } from '../../../../renderer/features/sync/store/dossier-sync-store.js';
import { createScriptedBackend, deferred, ok } from '../../support/scripted-backend.js';

const ID_A = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const ID_B = '01JABCDEFGHJKMNPQRSTVWXYZ1';
const NOT_ENROLLED: SyncStatus = { state: 'not_configured', pendingEvents: 2, lastSuccessAt: null, lastError: null };
const IDLE: SyncStatus = { state: 'idle', pendingEvents: 0, rejectedEvents: 0, lastSuccessAt: '2025-09-02T07:05:00.000Z', lastError: null, centreUrl: 'http://127.0.0.1:8787' };

/** A core whose per-dossier answers the test sets, counting the calls. */
function core(initial: SyncStatus = IDLE) {
  const answers = new Map<string, DossierSyncInfo>();
  const backend = createScriptedBackend({
    'sync.status': () => ok(initial),
    'sync.dossierStates': ({ dossierIds }) =>
      ok({ dossiers: dossierIds.map((dossierId) => answers.get(dossierId) ?? { dossierId, state: 'synced', waitingEvents: 0 }) }),
  });
  const set = (dossierId: string, state: DossierSyncInfo['state'], waitingEvents = 0) => answers.set(dossierId, { dossierId, state, waitingEvents });
  return { backend, set, asked: () => backend.callsOf('sync.dossierStates').map((args) => args.dossierIds) };
}

function started(c = core()) {
  const store = createDossierSyncStore(c.backend, { refreshDelayMs: 0 });
  const stop = store.getState().follow();
  return { store, stop, ...c };
}

describe('dossier sync store', () => {
  it('asks once for the rows mounted together, and shows what the core says', async () => {
    const { store, set, asked } = started();
    set(ID_B, 'pending', 2);
    store.getState().watch(ID_A);
    store.getState().watch(ID_B);
    await vi.waitFor(() => expect(store.getState().states[ID_B]).toEqual({ dossierId: ID_B, state: 'pending', waitingEvents: 2 }));
    expect(store.getState().enrolled).toBe(true);
    expect(asked()).toEqual([[ID_A, ID_B]]);
    expect(store.getState().states[ID_A]?.state).toBe('synced');
  });

  it('asks nothing on a desk not enrolled, and everything on screen once it is', async () => {
    const { store, backend, asked } = started(core(NOT_ENROLLED));
    store.getState().watch(ID_A);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.getState().enrolled).toBe(false);
    expect(asked()).toEqual([]);

    backend.emit('sync.status', IDLE);
    await vi.waitFor(() => expect(store.getState().states[ID_A]?.state).toBe('synced'));
    expect(asked()).toEqual([[ID_A]]);
  });

  it('asks again when what waits changes, not for every progress report', async () => {
    const { store, backend, set, asked } = started();
    store.getState().watch(ID_A);
    await vi.waitFor(() => expect(asked()).toHaveLength(1));

    const syncing: SyncStatus = { ...IDLE, state: 'syncing', pendingEvents: 1, progress: { phase: 'push', done: 0, total: 1 } };
    backend.emit('sync.status', syncing);
    await vi.waitFor(() => expect(asked()).toHaveLength(2));
    backend.emit('sync.status', { ...syncing, progress: { phase: 'pull', done: 50, total: null } });
    backend.emit('sync.status', { ...syncing, progress: { phase: 'pull', done: 100, total: null } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked()).toHaveLength(2);

    set(ID_A, 'rejected');
    backend.emit('sync.status', { ...IDLE, rejectedEvents: 1 });
    await vi.waitFor(() => expect(store.getState().states[ID_A]?.state).toBe('rejected'));
  });

  it('asks again for a dossier that changed here, and forgets dossiers no longer on screen', async () => {
    const { store, backend, set, asked } = started();
    const unwatchB = store.getState().watch(ID_B);
    store.getState().watch(ID_A);
    await vi.waitFor(() => expect(Object.keys(store.getState().states)).toHaveLength(2));
    unwatchB();

    set(ID_A, 'pending', 1);
    backend.emit('dossiers.changed', { dossierIds: [ID_A, ID_B] });
    await vi.waitFor(() => expect(store.getState().states[ID_A]?.state).toBe('pending'));
    expect(asked().at(-1)).toEqual([ID_A]);
    // B's state may be stale now: it is asked again when its row comes back.
    expect(store.getState().states[ID_B]).toBeUndefined();
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    const c = core();
    const slow = deferred<ReturnType<typeof ok<DossierSyncStates>>>();
    let calls = 0;
    c.backend.script['sync.dossierStates'] = ({ dossierIds }) => {
      calls += 1;
      if (calls === 1) return slow.promise;
      return ok({ dossiers: dossierIds.map((dossierId) => ({ dossierId, state: 'synced' as const, waitingEvents: 0 })) });
    };
    const { store, backend } = started(c);
    store.getState().watch(ID_A);
    await vi.waitFor(() => expect(calls).toBe(1));
    backend.emit('dossiers.changed', { dossierIds: [ID_A] });
    await vi.waitFor(() => expect(store.getState().states[ID_A]?.state).toBe('synced'));
    slow.resolve(ok({ dossiers: [{ dossierId: ID_A, state: 'pending', waitingEvents: 1 }] }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.getState().states[ID_A]?.state).toBe('synced');
  });

  it('splits a long list into calls the core accepts', async () => {
    const { store, asked } = started();
    const ids = Array.from({ length: STATES_PER_CALL + 3 }, (_, i) => `01JABCDEFGHJKMNPQRS${String(i).padStart(7, '0')}`);
    for (const id of ids) store.getState().watch(id);
    await vi.waitFor(() => expect(Object.keys(store.getState().states)).toHaveLength(ids.length));
    expect(asked().map((batch) => batch.length)).toEqual([STATES_PER_CALL, 3]);
  });

  it('stops following when told', async () => {
    const { store, backend, stop, asked } = started();
    store.getState().watch(ID_A);
    await vi.waitFor(() => expect(asked()).toHaveLength(1));
    stop();
    backend.emit('dossiers.changed', { dossierIds: [ID_A] });
    backend.emit('sync.status', { ...IDLE, pendingEvents: 5 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked()).toHaveLength(1);
  });
});
