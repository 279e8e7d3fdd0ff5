import { describe, expect, it } from 'vitest';
import { errorEnvelope, okEnvelope } from '../../../../shared/contract/envelope.js';
import type { Bieu06Result, ExportResult } from '../../../../shared/contract/reports.js';
import { createReportsStore } from '../../../../renderer/features/reports/store/reports-store.js';
import { createFakeBackend, type FakeBackend } from '../../support/fake-backend.js';

const HEADER = { unitName: 'Phường Hồng Gai', unitGsoCode: '06691', generatedAt: '2026-12-15T03:00:00.000Z' };

function bieu06(from: string, to: string): Bieu06Result {
  const zero = { total: 0, online: 0, directOrPostal: 0, carriedOver: 0 };
  const row = { sectorId: '', sectorName: 'Tổng cộng', received: zero, settled: { total: 0, early: 0, onTime: 0, late: 0 }, pending: { total: 0, withinTime: 0, overdue: 0 } };
  return { period: { from, to }, rows: [], total: row, header: HEADER, problems: [] };
}

const lastArgs = (backend: FakeBackend & { args: unknown[] }) => backend.args.at(-1);

function fakeWithArgs(): FakeBackend & { args: unknown[] } {
  const backend = createFakeBackend();
  const args: unknown[] = [];
  const invoke = backend.invoke.bind(backend);
  return Object.assign(backend, {
    args,
    invoke: ((name: Parameters<FakeBackend['invoke']>[0], a: unknown) => {
      args.push(a);
      return invoke(name, a as never);
    }) as FakeBackend['invoke'],
  });
}

describe('the reports store', () => {
  it('starts on Biểu 06 for this quarter up to today and shows the answer', async () => {
    const backend = fakeWithArgs();
    const store = createReportsStore(backend, '2026-12-15');
    const loading = store.getState().load();
    expect(store.getState().status).toBe('loading');
    expect(backend.calls).toEqual(['reports.bieu06']);
    expect(lastArgs(backend)).toEqual({ from: '2026-10-01', to: '2026-12-15' });
    backend.answer(okEnvelope(bieu06('2026-10-01', '2026-12-15')));
    await loading;
    expect(store.getState()).toMatchObject({ status: 'loaded', view: { kind: 'bieu06' }, error: null });
  });

  it('keeps only the latest answer when the supervisor changes the period quickly', async () => {
    const backend = fakeWithArgs();
    const store = createReportsStore(backend, '2026-12-15');
    store.getState().pickQuick('lastQuarter');
    store.getState().pickQuick('thisMonth');
    expect(backend.args).toEqual([
      { from: '2026-07-01', to: '2026-09-30' },
      { from: '2026-12-01', to: '2026-12-15' },
    ]);
    backend.answer(okEnvelope(bieu06('2026-07-01', '2026-09-30')));
    backend.answer(okEnvelope(bieu06('2026-12-01', '2026-12-15')));
    await Promise.resolve();
    await Promise.resolve();
    const view = store.getState().view;
    expect(view?.kind === 'bieu06' && view.result.period).toEqual({ from: '2026-12-01', to: '2026-12-15' });
  });

  it('reads the period from dates typed day/month/year, and the quick picks write theirs back', async () => {
    const backend = fakeWithArgs();
    const store = createReportsStore(backend, '2026-12-15');
    expect(store.getState().typed).toEqual({ from: '01/10/2026', to: '15/12/2026' });
    store.getState().typeDate('from', '1/11/2026');
    store.getState().typeDate('to', '30.11.2026');
    expect(store.getState().quick).toBeNull();
    const loading = store.getState().load();
    expect(lastArgs(backend)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    backend.answer(okEnvelope(bieu06('2026-11-01', '2026-11-30')));
    await loading;
    store.getState().pickQuick('lastQuarter');
    expect(store.getState().typed).toEqual({ from: '01/07/2026', to: '30/09/2026' });
  });

  it('names a date that is not one, a backwards range and a future end next to their field, and asks the core nothing', async () => {
    const backend = fakeWithArgs();
    const store = createReportsStore(backend, '2026-12-15');
    const { typeDate, readDates } = store.getState();
    typeDate('from', '31/11/2026');
    typeDate('to', '2026-11-30');
    expect(readDates()).toBe('from');
    expect(store.getState().dateErrors).toEqual({
      from: 'Ngày bắt đầu phải là một ngày có thật, dạng ngày/tháng/năm, ví dụ 01/11/2026.',
      to: 'Ngày kết thúc phải là một ngày có thật, dạng ngày/tháng/năm, ví dụ 30/11/2026.',
    });
    // Correcting a field clears its own message only.
    typeDate('from', '10/12/2026');
    expect(Object.keys(store.getState().dateErrors)).toEqual(['to']);
    typeDate('to', '01/12/2026');
    await store.getState().load();
    expect(store.getState().dateErrors).toEqual({ to: 'Khoảng ngày bị ngược: ngày bắt đầu 10/12/2026 nằm sau ngày kết thúc 01/12/2026. Hãy đổi lại hai ngày.' });
    expect(store.getState()).toMatchObject({ status: 'idle', view: null });
    typeDate('to', '16/12/2026');
    expect(await store.getState().exportAs('xlsx')).toBeNull();
    expect(store.getState().dateErrors.to).toContain('Ngày kết thúc kỳ báo cáo 16/12/2026 ở tương lai');
    expect(backend.calls).toEqual([]);
  });

  it('shows a refusal of the core, and no stale report', async () => {
    const backend = fakeWithArgs();
    const store = createReportsStore(backend, '2026-12-15');
    const loading = store.getState().load();
    backend.answer(errorEnvelope('storage_failure', 'Không đọc được dữ liệu'));
    await loading;
    expect(store.getState()).toMatchObject({ status: 'failed', view: null, error: { code: 'storage_failure', message: 'Không đọc được dữ liệu' } });
  });

  it('loads the day tally with the 30-day series for the daily report', async () => {
    const backend = fakeWithArgs();
    const store = createReportsStore(backend, '2026-12-15');
    store.getState().choose('dailyTally');
    expect(backend.calls).toEqual(['tallies.daily', 'reports.dailySeries']);
    expect(backend.args).toEqual([{ date: '2026-12-15' }, { to: '2026-12-15', days: 30 }]);
  });

  it('exports the chosen report for the period and follows progress events until done', async () => {
    const backend = fakeWithArgs();
    const store = createReportsStore(backend, '2026-12-15');
    const stop = store.getState().follow();
    store.getState().choose('logBook');
    backend.answer(okEnvelope({ header: HEADER, period: { from: '2026-10-01', to: '2026-12-15' }, rows: [], total: 0, offset: 0 }));
    const exporting = store.getState().exportAs('xlsx');
    expect(lastArgs(backend)).toEqual({ report: 'logBook', format: 'xlsx', from: '2026-10-01', to: '2026-12-15' });
    backend.emit('reports.progress', { report: 'logBook', format: 'xlsx', phase: 'writing', done: 2000, total: 5000 });
    expect(store.getState().exporting).toEqual({ format: 'xlsx', progress: { done: 2000, total: 5000 } });
    backend.emit('reports.progress', { report: 'bieu06', format: 'xlsx', phase: 'writing', done: 1, total: 9 });
    expect(store.getState().exporting?.progress).toEqual({ done: 2000, total: 5000 });
    const result: ExportResult = { fileName: 'SoTheoDoi_PhuongHongGai_2026-10-01_2026-12-15.xlsx', path: '/x', bytes: 10, rows: 5000, personalData: true };
    backend.answer(okEnvelope(result));
    expect(await exporting).toEqual(result);
    expect(store.getState()).toMatchObject({ exporting: null, lastExport: result });
    stop();
    expect(backend.listenerCount()).toBe(0);
  });

  it('exports the overdue list without a period', () => {
    const backend = fakeWithArgs();
    const store = createReportsStore(backend, '2026-12-15');
    store.getState().choose('overdue');
    void store.getState().exportAs('csv');
    expect(lastArgs(backend)).toEqual({ report: 'overdue', format: 'csv' });
  });
});
