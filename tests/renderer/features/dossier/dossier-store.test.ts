import { describe, expect, it } from 'vitest';
import { createDossierStore } from '../../../../renderer/features/dossier/store/dossier-store.js';
import { acceptedDossier, detailOf, RECEIVED_AT } from '../../support/dossier-fixtures.js';
import { createScriptedBackend, deferred, fail, ok } from '../../support/scripted-backend.js';

function setup() {
  const { scenario, detail } = acceptedDossier();
  const backend = createScriptedBackend({ 'dossiers.get': () => ok(detail) });
  const store = createDossierStore(backend);
  return { store, backend, scenario, detail, id: detail.state.id };
}

describe('dossier store', () => {
  it('loads a dossier and offers the lifecycle’s actions', async () => {
    const { store, id } = setup();
    await store.getState().load(id);
    expect(store.getState().status).toBe('loaded');
    expect(store.getState().detail?.allowedActions).toContain('dossier.forwarded');
    expect(store.getState().detail?.allowedActions).not.toContain('result.handedBack');
  });

  it('shows why a dossier could not be opened', async () => {
    const { store, backend, id } = setup();
    backend.script['dossiers.get'] = () => fail('not_found', 'Không tìm thấy hồ sơ.');
    await store.getState().load(id);
    expect(store.getState()).toMatchObject({ status: 'failed', error: { code: 'not_found' } });
  });

  it('checks an action’s fields before sending it', async () => {
    const { store, backend, id } = setup();
    await store.getState().load(id);
    expect(await store.getState().perform('dossiers.forward', { to: { kind: 'officer', name: ' ' }, note: '' })).toBe(false);
    expect(store.getState().actionErrors['to.name']).toBe('Nơi nhận không được để trống.');
    expect(backend.callsOf('dossiers.forward')).toHaveLength(0);
  });

  it('sends the action about the dossier on screen and shows the new state', async () => {
    const { store, backend, scenario, id } = setup();
    await store.getState().load(id);
    const at = new Date(Date.parse(RECEIVED_AT) + 3_600_000).toISOString();
    scenario.add('dossier.forwarded', at, { to: { kind: 'officer', name: 'Tư pháp' }, note: '', forwardedAt: at });
    backend.script['dossiers.forward'] = () => ok(detailOf(scenario));
    expect(await store.getState().perform('dossiers.forward', { to: { kind: 'officer', name: 'Tư pháp' }, note: '' })).toBe(true);
    expect(backend.callsOf('dossiers.forward')).toEqual([{ dossierId: id, to: { kind: 'officer', name: 'Tư pháp' }, note: '' }]);
    expect(store.getState().detail?.state.status).toBe(4);
    expect(store.getState().lastDone).toBe('dossiers.forward');
  });

  it('keeps the page as it was when the core refuses, with its message', async () => {
    const { store, backend, id, detail } = setup();
    await store.getState().load(id);
    backend.script['dossiers.withdraw'] = () => fail('transition_forbidden', 'Không thể rút hồ sơ: hồ sơ đã có kết quả.');
    expect(await store.getState().perform('dossiers.withdraw', { reason: 'Công dân xin rút' })).toBe(false);
    expect(store.getState().detail).toBe(detail);
    expect(store.getState().actionError?.message).toBe('Không thể rút hồ sơ: hồ sơ đã có kết quả.');
  });

  it('does not let a slow reload overwrite the answer of an action', async () => {
    const { store, backend, scenario, id, detail } = setup();
    await store.getState().load(id);
    const slow = deferred<ReturnType<typeof ok<typeof detail>>>();
    backend.script['dossiers.get'] = () => slow.promise;
    const reload = store.getState().load(id);
    scenario.add('note.added', RECEIVED_AT, { text: 'Gọi lại cho công dân' });
    const newer = detailOf(scenario);
    backend.script['dossiers.addNote'] = () => ok(newer);
    await store.getState().perform('dossiers.addNote', { text: 'Gọi lại cho công dân' });
    slow.resolve(ok(detail));
    await reload;
    expect(store.getState().detail).toBe(newer);
  });

  it('reloads when this dossier changes elsewhere, not for others', async () => {
    const { store, backend, id } = setup();
    await store.getState().load(id);
    const stop = store.getState().follow();
    backend.emit('dossiers.changed', { dossierIds: ['someone-else'] });
    backend.emit('dossiers.changed', { dossierIds: [id] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(backend.callsOf('dossiers.get')).toHaveLength(2);
    stop();
  });
});
