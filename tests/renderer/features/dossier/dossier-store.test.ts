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

  it('puts the core’s judgement of a value on the field the form names, and leaves other refusals to the notice', async () => {
    const { store, backend, id } = setup();
    await store.getState().load(id);
    const sunday = 'Ngày hẹn mới phải là ngày làm việc, trong giờ làm việc (07:00–11:30, 13:30–17:00): ngày 29/11/2026 là ngày nghỉ — Nghỉ hằng tuần (Chủ nhật).';
    backend.script['dossiers.reschedule'] = () => fail('invalid_argument', sunday);
    const args = { reason: 'Chờ xác minh', newAppointmentAt: '2026-11-29T02:00:00.000Z' };
    expect(await store.getState().perform('dossiers.reschedule', args, { refusalField: 'newAppointmentAt' })).toBe(false);
    expect(store.getState().actionErrors).toEqual({ newAppointmentAt: sunday });
    // A refusal for the officer's role is not about the date.
    backend.script['dossiers.reschedule'] = () => fail('forbidden', 'Chỉ cán bộ giám sát được hẹn lại sau thời hạn.');
    expect(await store.getState().perform('dossiers.reschedule', args, { refusalField: 'newAppointmentAt' })).toBe(false);
    expect(store.getState().actionErrors).toEqual({});
    expect(store.getState().actionError?.code).toBe('forbidden');
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
