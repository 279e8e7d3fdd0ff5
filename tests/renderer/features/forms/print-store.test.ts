import { afterEach, describe, expect, it } from 'vitest';
import type { CommandName } from '../../../../shared/contract/command-names.js';
import type { DeskClient } from '../../../../shared/contract/commands.js';
import { createPrintStore } from '../../../../renderer/features/forms/store/print-store.js';
import { inProcessClient } from '../../../support/clients.js';
import { SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { openDesk, receive, RESIDENCE } from './desk-with-dossiers.js';

let desk: TestDesk | null = null;
afterEach(() => {
  desk?.dispose();
  desk = null;
});

/** The real in-process transport, recording which commands the store sent. */
function recordingClient(target: TestDesk): DeskClient & { calls: CommandName[] } {
  const inner = inProcessClient(target.core);
  const calls: CommandName[] = [];
  return {
    calls,
    invoke(name, args) {
      calls.push(name);
      return inner.invoke(name, args);
    },
  };
}

describe('the print store', () => {
  it('loads one dossier for forms 01–05', async () => {
    desk = await openDesk();
    const received = await receive(desk);
    const store = createPrintStore(recordingClient(desk));
    await store.getState().load({ kind: 'dossier', dossierId: received.state.id });
    expect(store.getState()).toMatchObject({ status: 'loaded', error: null, logBook: null });
    expect(store.getState().detail?.state.code).toBe(received.state.code);
  });

  it('reports a dossier that does not exist in Vietnamese', async () => {
    desk = await openDesk();
    const store = createPrintStore(recordingClient(desk));
    await store.getState().load({ kind: 'dossier', dossierId: '01KB2W4F0YQ8ZC8H6V3D5R7T9M' });
    expect(store.getState()).toMatchObject({ status: 'failed', detail: null, error: { code: 'not_found', message: 'Không tìm thấy hồ sơ.' } });
  });

  it('pages through the search for the log book, reads each dossier, and orders the lines by receipt', async () => {
    desk = await openDesk();
    const days = ['2026-11-19T02:00:00Z', '2026-11-17T09:00:00Z', '2026-11-18T01:30:00Z', '2026-11-19T01:00:00Z', '2026-11-17T03:00:00Z'];
    for (const [index, receivedAt] of days.entries()) await receive(desk, { receivedAt, fullName: `Người ${index}` });
    await receive(desk, { receivedAt: '2026-11-16T03:00:00Z', fullName: 'Ngoài khoảng' });
    await receive(desk, { fullName: 'Hôm nay' });
    await desk.call('dossiers.refuse', { procedureId: RESIDENCE, channel: 1, applicant: SAMPLE_APPLICANT, reason: 'Sai thẩm quyền' });
    const client = recordingClient(desk);
    const store = createPrintStore(client, { pageSize: 2 });

    await store.getState().load({ kind: 'logBook', from: '2026-11-17', to: '2026-11-19' });

    const { logBook, status, progress } = store.getState();
    expect(status).toBe('loaded');
    expect(progress).toBeNull();
    expect(logBook?.unitName).toBe('Phường Hồng Gai');
    expect(logBook?.entries.map((entry) => entry.receivedAt)).toEqual([...days].map((d) => new Date(d).toISOString()).sort());
    // Five lines two to a page: three search pages, then one read per dossier.
    expect(client.calls.filter((name) => name === 'dossiers.search')).toHaveLength(3);
    expect(client.calls.filter((name) => name === 'dossiers.get')).toHaveLength(5);
  });

  it('refuses a backward or malformed range before asking the core', async () => {
    desk = await openDesk();
    const client = recordingClient(desk);
    const store = createPrintStore(client);
    await store.getState().load({ kind: 'logBook', from: '2026-11-20', to: '2026-11-19' });
    expect(store.getState()).toMatchObject({ status: 'failed', error: { code: 'invalid_argument', message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' } });
    await store.getState().load({ kind: 'logBook', from: '20/11/2026', to: '2026-11-21' });
    expect(store.getState().error?.message).toMatch(/yyyy-MM-dd/u);
    expect(client.calls).toEqual([]);
  });

  it('shows the latest request when an earlier one answers last', async () => {
    desk = await openDesk();
    const first = await receive(desk, { fullName: 'Người thứ nhất' });
    const second = await receive(desk, { fullName: 'Người thứ hai' });
    const inner = inProcessClient(desk.core);
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const slowFirst: DeskClient = {
      async invoke(name, args) {
        if (name === 'dossiers.get' && 'id' in args && args.id === first.state.id) await firstHeld;
        return inner.invoke(name, args);
      },
    };
    const store = createPrintStore(slowFirst);
    const loadingFirst = store.getState().load({ kind: 'dossier', dossierId: first.state.id });
    await store.getState().load({ kind: 'dossier', dossierId: second.state.id });
    releaseFirst();
    await loadingFirst;
    expect(store.getState().detail?.state.applicant.fullName).toBe('Người thứ hai');
  });
});
