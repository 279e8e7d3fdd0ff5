import { describe, expect, it } from 'vitest';
import { createAboutStore } from '../../../../renderer/features/about/store/about-store.js';
import { createFakeBackend, sampleAppInfo, settle } from '../../support/fake-backend.js';

const clock = (): Date => new Date(2025, 8, 2, 9, 30);

describe('about store', () => {
  it('loads app.info and records when it answered', async () => {
    const backend = createFakeBackend();
    const store = createAboutStore(backend, clock);
    expect(store.getState().status).toBe('idle');

    const loading = store.getState().reload();
    expect(store.getState().status).toBe('loading');
    expect(backend.calls).toEqual(['app.info']);
    backend.answer({ ok: true, value: sampleAppInfo({ schemaVersion: 20 }) });
    await loading;

    expect(store.getState()).toMatchObject({ status: 'loaded', error: null, loadedAt: clock() });
    expect(store.getState().info?.schemaVersion).toBe(20);
  });

  it('keeps the last good values visible when a reload fails, and shows the error', async () => {
    const backend = createFakeBackend();
    const store = createAboutStore(backend, clock);
    const first = store.getState().reload();
    backend.answer({ ok: true, value: sampleAppInfo({ version: '0.1.0' }) });
    await first;

    const second = store.getState().reload();
    backend.answer({ ok: false, error: { code: 'storage_failure', message: 'Ổ đĩa đầy.' } });
    await second;

    expect(store.getState().status).toBe('failed');
    expect(store.getState().error).toEqual({ code: 'storage_failure', message: 'Ổ đĩa đầy.' });
    expect(store.getState().info?.version).toBe('0.1.0');
  });

  it('clears the error once a reload succeeds again', async () => {
    const backend = createFakeBackend();
    const store = createAboutStore(backend, clock);
    const failing = store.getState().reload();
    backend.answer({ ok: false, error: { code: 'internal', message: 'Không kết nối được.' } });
    await failing;
    const retry = store.getState().reload();
    backend.answer({ ok: true, value: sampleAppInfo() });
    await retry;
    expect(store.getState()).toMatchObject({ status: 'loaded', error: null });
  });

  it('lets only the latest reload decide what is shown when answers arrive out of order', async () => {
    const backend = createFakeBackend();
    const store = createAboutStore(backend, clock);
    const older = store.getState().reload();
    const newer = store.getState().reload();
    expect(backend.pending()).toBe(2);
    backend.answer({ ok: true, value: sampleAppInfo({ version: 'old' }) }); // answers the older call
    await settle();
    expect(store.getState().status).toBe('loading');
    expect(store.getState().info).toBeNull();
    backend.answer({ ok: true, value: sampleAppInfo({ version: 'new' }) });
    await Promise.all([older, newer]);
    expect(store.getState().info?.version).toBe('new');
  });

  it('gives every store its own state', async () => {
    const backend = createFakeBackend();
    const a = createAboutStore(backend, clock);
    const b = createAboutStore(backend, clock);
    const loading = a.getState().reload();
    backend.answer({ ok: true, value: sampleAppInfo() });
    await loading;
    expect(a.getState().status).toBe('loaded');
    expect(b.getState().status).toBe('idle');
  });
});
