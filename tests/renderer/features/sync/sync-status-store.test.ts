import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import { createSyncStatusStore } from '../../../../renderer/features/sync/store/sync-status-store.js';
import { createScriptedBackend, deferred, fail, ok } from '../../support/scripted-backend.js';

const IDLE: SyncStatus = {
  state: 'idle',
  pendingEvents: 0,
  pendingScans: 0,
  rejectedEvents: 0,
  lastSuccessAt: '2025-09-02T07:05:00.000Z',
  lastError: null,
  centreUrl: 'http://127.0.0.1:8787',
  revoked: false,
};
const OFFLINE: SyncStatus = { ...IDLE, state: 'offline', pendingEvents: 3, lastError: 'Không kết nối được máy chủ trung tâm.' };
const FINISHED = new Date('2025-09-02T07:30:00.000Z');

describe('sync status store', () => {
  it('loads the status once and then follows the events', async () => {
    const backend = createScriptedBackend({ 'sync.status': () => ok(IDLE) });
    const store = createSyncStatusStore(backend);
    const stop = store.getState().follow();
    await store.getState().load();
    expect(store.getState().status).toEqual(IDLE);

    backend.emit('sync.status', OFFLINE);
    expect(store.getState().status).toEqual(OFFLINE);
    stop();
    backend.emit('sync.status', IDLE);
    expect(store.getState().status).toEqual(OFFLINE);
  });

  it('does not let an answer asked before the latest event overwrite it', async () => {
    const answer = deferred<ReturnType<typeof ok<SyncStatus>>>();
    const backend = createScriptedBackend({ 'sync.status': () => answer.promise });
    const store = createSyncStatusStore(backend);
    store.getState().follow();
    const loading = store.getState().load();
    backend.emit('sync.status', OFFLINE);
    answer.resolve(ok(IDLE));
    await loading;
    expect(store.getState().status).toEqual(OFFLINE);
  });

  it('takes the enrollment answer unless an event already showed the desk enrolled (the first round may end before the answer arrives)', async () => {
    const NOT_CONFIGURED: SyncStatus = { ...IDLE, state: 'not_configured', lastSuccessAt: null, centreUrl: null };
    const SYNCING: SyncStatus = { ...IDLE, state: 'syncing', lastSuccessAt: null };
    const backend = createScriptedBackend({ 'sync.status': () => ok(NOT_CONFIGURED) });
    const store = createSyncStatusStore(backend);
    store.getState().follow();
    await store.getState().load();

    // The round's last event overtakes the answer: the older answer must not hide the success.
    backend.emit('sync.status', IDLE);
    store.getState().accept(SYNCING);
    expect(store.getState().status).toEqual(IDLE);

    // No event yet: the answer is the news.
    const fresh = createSyncStatusStore(backend);
    fresh.getState().follow();
    await fresh.getState().load();
    fresh.getState().accept(SYNCING);
    expect(fresh.getState().status).toEqual(SYNCING);

    // Enrolling again after a revocation: the revoked status gives way to the answer.
    const revoked = createSyncStatusStore(createScriptedBackend({ 'sync.status': () => ok({ ...IDLE, state: 'error', revoked: true }) }));
    await revoked.getState().load();
    revoked.getState().accept(SYNCING);
    expect(revoked.getState().status).toEqual(SYNCING);
  });

  it('keeps the load error for the screen to offer a retry', async () => {
    const backend = createScriptedBackend({ 'sync.status': () => fail('storage_failure', 'Không đọc được cơ sở dữ liệu.') });
    const store = createSyncStatusStore(backend);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: null, loadError: { code: 'storage_failure' } });
  });

  it('"Đồng bộ ngay" waits for the round and says how it ended', async () => {
    const backend = createScriptedBackend({ 'sync.now': () => ok(IDLE) });
    const store = createSyncStatusStore(backend, () => FINISHED);
    const running = store.getState().syncNow();
    expect(store.getState().syncingNow).toBe(true);
    await running;
    expect(backend.callsOf('sync.now')).toEqual([{ wait: true }]);
    expect(store.getState()).toMatchObject({ syncingNow: false, status: IDLE, syncNowOutcome: { succeeded: true, error: null, finishedAt: FINISHED.toISOString() } });

    backend.script['sync.now'] = () => ok(OFFLINE);
    await store.getState().syncNow();
    expect(store.getState().syncNowOutcome).toEqual({ succeeded: false, error: OFFLINE.lastError, finishedAt: FINISHED.toISOString() });
  });

  it('a revoked desk is not reported as synced, and a refused request is kept apart from the outcome', async () => {
    const backend = createScriptedBackend({ 'sync.now': () => ok({ ...IDLE, state: 'error', revoked: true, lastError: 'Trung tâm đã thu hồi quyền đồng bộ.' }) });
    const store = createSyncStatusStore(backend, () => FINISHED);
    await store.getState().syncNow();
    expect(store.getState().syncNowOutcome).toMatchObject({ succeeded: false, error: 'Trung tâm đã thu hồi quyền đồng bộ.' });

    backend.script['sync.now'] = () => fail('unauthorized', 'Chưa đăng nhập.');
    await store.getState().syncNow();
    expect(store.getState()).toMatchObject({ syncingNow: false, syncNowOutcome: null, syncNowError: { code: 'unauthorized' } });
  });

  it('asks once while a round is already running', async () => {
    const answer = deferred<ReturnType<typeof ok<SyncStatus>>>();
    const backend = createScriptedBackend({ 'sync.now': () => answer.promise });
    const store = createSyncStatusStore(backend);
    const first = store.getState().syncNow();
    await store.getState().syncNow();
    answer.resolve(ok(IDLE));
    await first;
    expect(backend.callsOf('sync.now')).toHaveLength(1);
  });
});
