import { describe, expect, it } from 'vitest';
import { createShellStore, SYNC_NOT_CONFIGURED } from '../../../../renderer/features/shell/store/shell-store.js';
import { describeCore } from '../../../../renderer/features/shell/components/describe-core.js';
import { createFakeBackend, sampleAppInfo } from '../../support/fake-backend.js';

describe('shell store', () => {
  it("follows a restored backup's scans coming back, and reads the status again when the last one is back", async () => {
    const backend = createFakeBackend();
    const store = createShellStore(backend);
    const status = (scansBack: unknown) => ({ ok: true as const, value: { settings: { folder: '/media/usb', keep: 7, warnDays: 3, dailyHour: 17 }, last: null, warning: null, running: false, lastError: null, scansBack } });
    const loading = store.getState().loadBackup();
    backend.answer(status({ done: 0, total: 3400, problem: null }));
    await loading;
    const stop = store.getState().followBackup();
    backend.emit('backup.progress', { phase: 'scansBack', done: 120, total: 3400 });
    expect(store.getState().backup?.scansBack).toEqual({ done: 120, total: 3400, problem: null });
    backend.emit('backup.progress', { phase: 'scansBack', done: 3400, total: 3400 });
    backend.answer(status(null));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().backup?.scansBack).toBeNull();
    stop();
  });

  it('starts with no identity and sync not configured', () => {
    const store = createShellStore(createFakeBackend());
    expect(store.getState()).toMatchObject({ info: null, infoError: null, sync: SYNC_NOT_CONFIGURED });
  });

  it("holds the desk's identity from app.info", async () => {
    const backend = createFakeBackend();
    const store = createShellStore(backend);
    const loading = store.getState().loadInfo();
    const unit = { gsoCode: '06999', name: 'Phường Thử Nghiệm', agencyId: '000.99.09.H49' };
    backend.answer({ ok: true, value: sampleAppInfo({ unit, desk: { deviceId: 'd-1', station: 3 } }) });
    await loading;
    expect(store.getState().info?.unit).toEqual(unit);
    expect(store.getState().info?.desk.station).toBe(3);
  });

  it('keeps the identity already shown when a later app.info fails', async () => {
    const backend = createFakeBackend();
    const store = createShellStore(backend);
    const first = store.getState().loadInfo();
    backend.answer({ ok: true, value: sampleAppInfo({ version: '0.1.0' }) });
    await first;
    const second = store.getState().loadInfo();
    backend.answer({ ok: false, error: { code: 'unauthorized', message: 'Sai mã truy cập.' } });
    await second;
    expect(store.getState().info?.version).toBe('0.1.0');
    expect(store.getState().infoError).toEqual({ code: 'unauthorized', message: 'Sai mã truy cập.' });
  });

  it('follows sync.status events until told to stop', () => {
    const backend = createFakeBackend();
    const store = createShellStore(backend);
    const stop = store.getState().followSync();
    expect(backend.listenerCount()).toBe(1);

    const syncing = { state: 'syncing', pendingEvents: 4, lastSuccessAt: null, lastError: null } as const;
    backend.emit('sync.status', syncing);
    expect(store.getState().sync).toEqual(syncing);

    stop();
    expect(backend.listenerCount()).toBe(0);
    backend.emit('sync.status', { ...syncing, state: 'offline' });
    expect(store.getState().sync.state).toBe('syncing');
  });

  it('asks for the sync status once, unless an event has already told a newer one', async () => {
    const backend = createFakeBackend();
    const store = createShellStore(backend);
    store.getState().followSync();
    const idle = { state: 'idle', pendingEvents: 0, lastSuccessAt: '2025-09-02T07:05:00.000Z', lastError: null } as const;
    const first = store.getState().loadSync();
    backend.answer({ ok: true, value: idle });
    await first;
    expect(store.getState().sync).toEqual(idle);

    const second = store.getState().loadSync();
    backend.emit('sync.status', { ...idle, state: 'syncing' });
    backend.answer({ ok: true, value: { ...idle, state: 'offline' } });
    await second;
    expect(store.getState().sync.state).toBe('syncing');
  });
});

describe('the core banner', () => {
  it('follows core.status: a rebuild in progress, gone when it finishes; a restart until the officer dismisses it', () => {
    const backend = createFakeBackend();
    const store = createShellStore(backend);
    const stop = store.getState().followCore();
    backend.emit('core.status', { state: 'rebuilding', done: 200, total: 1500 });
    expect(describeCore(store.getState().core!)).toBe('Đang cập nhật dữ liệu… 200/1.500 hồ sơ. Vui lòng chờ trong giây lát.');
    backend.emit('core.status', { state: 'rebuilding', done: 1500, total: 1500 });
    expect(store.getState().core).toBeNull();
    backend.emit('core.status', { state: 'restarted' });
    expect(describeCore(store.getState().core!)).toMatch(/^Lõi ứng dụng vừa khởi động lại.*Hồ sơ đang nhập dở vẫn được giữ/);
    store.getState().dismissCore();
    expect(store.getState().core).toBeNull();
    stop();
    backend.emit('core.status', { state: 'stopped' });
    expect(store.getState().core).toBeNull();
  });
});
