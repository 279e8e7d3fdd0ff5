import { describe, expect, it } from 'vitest';
import { createHandbackStore } from '../../../../renderer/features/handback/store/handback-store.js';
import { acceptedDossier, detailOf, resultReadyDossier, RECEIVED_AT } from '../../support/dossier-fixtures.js';
import { createScriptedBackend, fail, ok } from '../../support/scripted-backend.js';

function setup() {
  const { scenario, detail } = resultReadyDossier();
  const backend = createScriptedBackend({ 'dossiers.get': () => ok(detail) });
  backend.script['dossiers.handBack'] = (args) => {
    scenario.add('result.handedBack', RECEIVED_AT, { collector: args.collector as never, handedBackAt: RECEIVED_AT });
    return ok(detailOf(scenario));
  };
  backend.script['dossiers.rate'] = (args) => {
    scenario.add('satisfaction.rated', RECEIVED_AT, { level: args.level });
    return ok(detailOf(scenario));
  };
  return { store: createHandbackStore(backend), backend, id: detail.state.id };
}

describe('hand-back store', () => {
  it('walks collector → confirmation → rating → done', async () => {
    const { store, backend, id } = setup();
    await store.getState().start(id);
    expect(store.getState().step).toBe('collector');
    expect(store.getState().review()).toBe(true);
    expect(store.getState().step).toBe('confirm');
    expect(await store.getState().handBack()).toBe(true);
    expect(backend.callsOf('dossiers.handBack')).toEqual([{ dossierId: id, collector: { kind: 'applicant' } }]);
    expect(store.getState().step).toBe('rating');
    expect(await store.getState().rate('very_satisfied')).toBe(true);
    expect(store.getState().step).toBe('done');
    expect(store.getState().detail?.state.rating).toBe('very_satisfied');
  });

  it('reads a delegate’s CCCD QR line into their name and ID; a truncated line keeps the digits and says why', async () => {
    const { store, id } = setup();
    await store.getState().start(id);
    store.getState().setCollector({ kind: 'authorised' });
    const line = '022190000123||Trần Thị B|05061990|Nữ|Tổ 1, Khu 2, Phường Hồng Gai|10052021';
    expect(store.getState().scanCollectorCard(line.split('|').slice(0, 3).join('|'))).toBe(false);
    expect(store.getState().collector).toMatchObject({ fullName: '', idNumber: '022190000123' });
    expect(store.getState().fieldErrors.idNumber).toMatch(/đề nghị quét lại/);
    expect(store.getState().scanCollectorCard(line)).toBe(true);
    expect(store.getState().collector).toEqual({ kind: 'authorised', fullName: 'Trần Thị B', idNumber: '022190000123' });
    expect(store.getState().fieldErrors).toEqual({});
    expect(store.getState().review()).toBe(true);
  });

  it('asks an authorised collector for a name and a 12-digit ID', async () => {
    const { store, backend, id } = setup();
    await store.getState().start(id);
    store.getState().setCollector({ kind: 'authorised', fullName: 'Lê Văn C', idNumber: '12345' });
    expect(store.getState().review()).toBe(false);
    expect(store.getState().fieldErrors.idNumber).toBe('Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.');
    store.getState().setCollector({ idNumber: '022090001234' });
    expect(store.getState().fieldErrors.idNumber).toBeUndefined();
    expect(store.getState().review()).toBe(true);
    await store.getState().handBack();
    expect(backend.callsOf('dossiers.handBack')[0]?.collector).toEqual({ kind: 'authorised', fullName: 'Lê Văn C', idNumber: '022090001234' });
  });

  it('records a skipped rating as not rated', async () => {
    const { store, backend, id } = setup();
    await store.getState().start(id);
    store.getState().review();
    await store.getState().handBack();
    await store.getState().rate('not_rated');
    expect(backend.callsOf('dossiers.rate')).toEqual([{ dossierId: id, level: 'not_rated' }]);
  });

  it('opens at the rating for a dossier handed back but not yet rated', async () => {
    const { scenario } = resultReadyDossier();
    scenario.add('result.handedBack', RECEIVED_AT, { collector: { kind: 'applicant' }, handedBackAt: RECEIVED_AT });
    const backend = createScriptedBackend({ 'dossiers.get': () => ok(detailOf(scenario)) });
    const store = createHandbackStore(backend);
    await store.getState().start(scenario.dossierId);
    expect(store.getState().step).toBe('rating');
  });

  it('refuses a dossier without a result', async () => {
    const { detail } = acceptedDossier();
    const store = createHandbackStore(createScriptedBackend({ 'dossiers.get': () => ok(detail) }));
    await store.getState().start(detail.state.id);
    expect(store.getState().step).toBe('unavailable');
  });

  it('stays on the confirmation with the core’s message when the hand-back fails', async () => {
    const { store, backend, id } = setup();
    backend.script['dossiers.handBack'] = () => fail('transition_forbidden', 'Không thể trả kết quả: kết quả đã được trả cho công dân.');
    await store.getState().start(id);
    store.getState().review();
    expect(await store.getState().handBack()).toBe(false);
    expect(store.getState().step).toBe('confirm');
    expect(store.getState().error?.message).toMatch(/đã được trả/);
  });
});
