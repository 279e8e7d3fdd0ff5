import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DailyTally, DossierRow } from '../../../../shared/contract/dossiers.js';
import { searchArgs, NO_FILTERS } from '../../../../renderer/features/worklist/store/worklist-filters.js';
import { createWorklistStore, MAX_CACHED_PAGES, PAGE_SIZE, rowAt, TOTAL_CAP } from '../../../../renderer/features/worklist/store/worklist-store.js';
import { createScriptedBackend, deferred, ok } from '../../support/scripted-backend.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function row(index: number, name = `Người nộp ${index}`): DossierRow {
  return {
    id: `row-${index}`,
    code: `000.15.20.H49-261123-${String(1000 + index).padStart(4, '0')}`,
    status: 2,
    procedureName: 'Đăng ký khai sinh',
    sectorName: 'Hộ tịch',
    applicantName: name,
    channel: 1,
    receivedAt: '2026-11-23T02:00:00.000Z',
    appointmentAt: '2026-11-24T10:00:00.000Z',
    finishedAt: null,
    overdue: index % 7 === 0,
    dueSoon: index % 5 === 0,
    needsReview: false,
    setAsideCode: null,
  };
}

/** A core holding `count` dossiers; past TOTAL_CAP it counts as the real search does (cap + 1). */
function backendWith(count: number) {
  return createScriptedBackend({
    'dossiers.search': (args) => {
      const offset = args.offset ?? 0;
      const limit = args.limit ?? 50;
      const rows = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, i) => row(offset + i));
      return ok({ rows, total: Math.min(count, TOTAL_CAP + 1) });
    },
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('work list store', () => {
  it('fetches only the pages the table shows', async () => {
    const backend = backendWith(100_000);
    const store = createWorklistStore(backend, { debounceMs: 0 });
    store.getState().ensureRange({ start: 0, end: 30 });
    await settle();
    expect(backend.callsOf('dossiers.search')).toEqual([{ limit: PAGE_SIZE, offset: 0 }]);
    store.getState().ensureRange({ start: 250, end: 320 });
    await settle();
    expect(backend.callsOf('dossiers.search').map((a) => a.offset)).toEqual([0, 200, 300]);
    expect(rowAt(store.getState(), 305)?.id).toBe('row-305');
    expect(rowAt(store.getState(), 150)).toBeUndefined();
    // Already cached: no new request.
    store.getState().ensureRange({ start: 0, end: 30 });
    await settle();
    expect(backend.callsOf('dossiers.search')).toHaveLength(3);
  });

  it('asks for a page once even when the table reports the range twice', async () => {
    const backend = backendWith(500);
    const store = createWorklistStore(backend, { debounceMs: 0 });
    store.getState().ensureRange({ start: 0, end: 30 });
    store.getState().ensureRange({ start: 5, end: 35 });
    await settle();
    expect(backend.callsOf('dossiers.search')).toHaveLength(1);
  });

  it('scrolls past the core’s count cap page by page, and stops at the real end', async () => {
    const backend = backendWith(100_000);
    const store = createWorklistStore(backend, { debounceMs: 0 });
    store.getState().ensureRange({ start: 0, end: 30 });
    await settle();
    expect(store.getState().total).toBe(TOTAL_CAP + 1);
    expect(store.getState().rowCount).toBe(TOTAL_CAP + 1);
    store.getState().ensureRange({ start: 10_950, end: 11_000 });
    await settle();
    expect(store.getState().rowCount).toBe(11_000 + PAGE_SIZE);
    store.getState().ensureRange({ start: 99_950, end: 100_000 });
    await settle();
    expect(store.getState().rowCount).toBe(100_000 + PAGE_SIZE);
    store.getState().ensureRange({ start: 100_000, end: 100_050 });
    await settle();
    expect(store.getState().rowCount).toBe(100_000);
    expect(rowAt(store.getState(), 99_999)?.id).toBe('row-99999');
  });

  it('keeps a bounded cache of pages', async () => {
    const backend = backendWith(100_000);
    const store = createWorklistStore(backend, { debounceMs: 0 });
    for (let page = 0; page < MAX_CACHED_PAGES + 10; page += 1) {
      store.getState().ensureRange({ start: page * PAGE_SIZE, end: page * PAGE_SIZE + 10 });
      await settle();
    }
    expect(Object.keys(store.getState().pages)).toHaveLength(MAX_CACHED_PAGES);
    expect(rowAt(store.getState(), 0)).toBeUndefined(); // the farthest from the screen went first
  });

  it('moves the selection within the list', async () => {
    const store = createWorklistStore(backendWith(3), { debounceMs: 0 });
    store.getState().ensureRange({ start: 0, end: 30 });
    await settle();
    store.getState().moveSelection(1);
    store.getState().moveSelection(5);
    expect(store.getState().selectedIndex).toBe(2);
    store.getState().moveSelection(-10);
    expect(store.getState().selectedIndex).toBe(0);
  });

  it('waits for a pause in typing, then starts again from the top', async () => {
    vi.useFakeTimers();
    const backend = backendWith(50);
    const store = createWorklistStore(backend, { debounceMs: 250 });
    store.getState().ensureRange({ start: 0, end: 30 });
    await vi.advanceTimersByTimeAsync(0);
    store.getState().select(5);
    const version = store.getState().queryVersion;
    store.getState().setFilters({ text: 'ng' });
    store.getState().setFilters({ text: 'nguyen' });
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.callsOf('dossiers.search')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(backend.callsOf('dossiers.search').at(-1)).toMatchObject({ text: 'nguyen', offset: 0 });
    expect(backend.callsOf('dossiers.search')).toHaveLength(2);
    expect(store.getState().selectedIndex).toBe(0);
    expect(store.getState().queryVersion).toBe(version + 1);
  });

  it('runs a search still waiting for the pause at once when the officer leaves the search box, and only once', async () => {
    vi.useFakeTimers();
    const backend = backendWith(50);
    const store = createWorklistStore(backend, { debounceMs: 250 });
    store.getState().ensureRange({ start: 0, end: 30 });
    await vi.advanceTimersByTimeAsync(0);
    const version = store.getState().queryVersion;
    store.getState().setFilters({ text: 'nguyen van duc' });
    store.getState().flushSearch();
    expect(store.getState().queryVersion).toBe(version + 1);
    expect(backend.callsOf('dossiers.search').at(-1)).toMatchObject({ text: 'nguyen van duc', offset: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect(backend.callsOf('dossiers.search')).toHaveLength(2);
    expect(store.getState().queryVersion).toBe(version + 1);
    // Nothing waiting: leaving the box again asks nothing.
    store.getState().flushSearch();
    expect(backend.callsOf('dossiers.search')).toHaveLength(2);
  });

  it('applies a chosen filter at once and ignores answers to the old question', async () => {
    const backend = backendWith(50);
    const old = deferred<ReturnType<typeof ok<{ rows: DossierRow[]; total: number }>>>();
    let first = true;
    backend.script['dossiers.search'] = (args) => {
      if (first) {
        first = false;
        return old.promise;
      }
      return ok({ rows: [row(1, `status ${String(args.statuses)}`)], total: 1 });
    };
    const store = createWorklistStore(backend, { debounceMs: 250 });
    store.getState().ensureRange({ start: 0, end: 30 });
    store.getState().setFilters({ status: '9' });
    await settle();
    old.resolve(ok({ rows: [row(1, 'stale')], total: 99 }));
    await settle();
    expect(store.getState().total).toBe(1);
    expect(rowAt(store.getState(), 0)?.applicantName).toBe('status 9');
  });

  it('refreshes what is on screen when dossiers change, showing the old rows until the new arrive', async () => {
    const backend = backendWith(10);
    const store = createWorklistStore(backend, { debounceMs: 0 });
    const stop = store.getState().follow();
    backend.script['tallies.daily'] = () => ok({} as DailyTally);
    store.getState().ensureRange({ start: 0, end: 30 });
    await settle();
    const held = deferred<ReturnType<typeof ok<{ rows: DossierRow[]; total: number }>>>();
    backend.script['dossiers.search'] = () => held.promise;
    backend.emit('dossiers.changed', { dossierIds: ['row-3'] });
    expect(rowAt(store.getState(), 3)?.applicantName).toBe('Người nộp 3');
    held.resolve(ok({ rows: [row(0, 'mới')], total: 1 }));
    await settle();
    expect(store.getState().total).toBe(1);
    expect(rowAt(store.getState(), 0)?.applicantName).toBe('mới');
    expect(backend.callsOf('tallies.daily')).toHaveLength(1);
    stop();
  });

  it('turns the filters into the search command’s arguments', () => {
    expect(searchArgs(NO_FILTERS, 100, 200)).toEqual({ limit: 100, offset: 200 });
    expect(
      searchArgs(
        { text: ' nguyen van duc ', status: '9', overdue: true, dueSoon: true, procedureId: 'p', channel: '3', receivedFrom: '01/11/2026', receivedTo: '3/1' },
        50,
        0,
      ),
    ).toEqual({ limit: 50, offset: 0, text: 'nguyen van duc', statuses: [9], overdue: true, dueWithinHours: 24, procedureId: 'p', channel: 3, receivedFrom: '2026-11-01' });
  });

  it('reads the day’s numbers for Vietnam’s today', async () => {
    const backend = createScriptedBackend({ 'tallies.daily': () => ok({ resultsReady: 4 } as DailyTally) });
    const store = createWorklistStore(backend, { now: () => new Date('2026-11-28T18:00:00Z') });
    await store.getState().loadTally();
    expect(backend.callsOf('tallies.daily')).toEqual([{ date: '2026-11-29' }]);
    expect(store.getState().tally?.resultsReady).toBe(4);
  });
});
