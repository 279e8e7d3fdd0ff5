import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import { foldDossier } from '../../../../shared/domain/dossier/fold.js';
import { allowedActions, checkEvent, isActionAllowed } from '../../../../shared/domain/dossier/lifecycle.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { DossierScenario, attachmentPayload, fakeUlid, receivedPayload } from './scenario.js';
import { at, foldScenario, scenarioIn, stateIn } from './states.js';

// Attachments in the dossier fold: the list, each paper's digitisation state, and the lifecycle rules.

function thrown(run: () => void): CommandError {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error('expected a CommandError');
}

const TWO_PAPERS = [
  { itemId: 'to-khai', name: 'Tờ khai đăng ký khai sinh', form: 'original', count: 1 },
  { itemId: 'giay-chung-sinh', name: 'Giấy chứng sinh', form: 'original', count: 1 },
] as const;

function receivedWithTwoPapers(): DossierScenario {
  const s = new DossierScenario();
  s.add('dossier.received', at(0), receivedPayload(at(0), { documents: TWO_PAPERS }));
  return s;
}

const digitisationOf = (state: DossierState) => Object.fromEntries(state.digitisation.map((d) => [d.itemId, d.state]));

describe('the fold keeps attachments and each paper’s digitisation state', () => {
  it('starts with every received paper not digitised', () => {
    const state = foldScenario(receivedWithTwoPapers());
    expect(state.attachments).toEqual([]);
    expect(state.digitisation).toEqual([
      { itemId: 'to-khai', name: 'Tờ khai đăng ký khai sinh', state: 'not_digitised', attachmentIds: [] },
      { itemId: 'giay-chung-sinh', name: 'Giấy chứng sinh', state: 'not_digitised', attachmentIds: [] },
    ]);
  });

  it('marks a scanned paper digitised and a reused one as reused, naming the attachments', () => {
    const s = receivedWithTwoPapers();
    const scan = attachmentPayload({ checklistItemId: 'to-khai' });
    const reused = attachmentPayload({ checklistItemId: 'giay-chung-sinh', source: 'reused_dossier', reusedFromDossierId: fakeUlid() });
    s.add('attachment.added', at(1), scan);
    s.add('attachment.added', at(1), reused);
    const state = foldScenario(s);
    expect(digitisationOf(state)).toEqual({ 'to-khai': 'digitised', 'giay-chung-sinh': 'reused_dossier' });
    expect(state.digitisation[0]?.attachmentIds).toEqual([scan.attachmentId]);
    expect(state.attachments.map((a) => [a.attachmentId, a.addedAt, a.retractedAt])).toEqual([
      [scan.attachmentId, at(1), null],
      [reused.attachmentId, at(1), null],
    ]);
  });

  it('prefers a fresh scan over a reused file, and a reused paper over a reused result', () => {
    const s = receivedWithTwoPapers();
    s.add('attachment.added', at(1), attachmentPayload({ checklistItemId: 'to-khai', source: 'reused_result', reusedFromDossierId: fakeUlid() }));
    expect(digitisationOf(foldScenario(s))['to-khai']).toBe('reused_result');
    s.add('attachment.added', at(1), attachmentPayload({ checklistItemId: 'to-khai', source: 'reused_dossier', reusedFromDossierId: fakeUlid() }));
    expect(digitisationOf(foldScenario(s))['to-khai']).toBe('reused_dossier');
    s.add('attachment.added', at(2), attachmentPayload({ checklistItemId: 'to-khai', source: 'inbox' }));
    expect(digitisationOf(foldScenario(s))['to-khai']).toBe('digitised');
  });

  it('does not count a result file or a paper outside the checklist toward a received paper', () => {
    const s = scenarioIn(9);
    s.add('attachment.added', at(4), attachmentPayload({ kind: 'result', checklistItemId: 'to-khai' }));
    s.add('attachment.added', at(4), attachmentPayload({ checklistItemId: null }));
    const state = foldScenario(s);
    expect(state.attachments).toHaveLength(2);
    expect(digitisationOf(state)['to-khai']).toBe('not_digitised');
  });

  it('a retraction takes the file out of the count but keeps it listed, with the reason', () => {
    const s = receivedWithTwoPapers();
    const scan = attachmentPayload({ checklistItemId: 'to-khai' });
    s.add('attachment.added', at(1), scan);
    s.add('attachment.retracted', at(2), { attachmentId: scan.attachmentId, reason: 'Quét nhầm hồ sơ' });
    const state = foldScenario(s);
    expect(digitisationOf(state)['to-khai']).toBe('not_digitised');
    expect(state.attachments[0]).toMatchObject({ attachmentId: scan.attachmentId, retractedAt: at(2), retractReason: 'Quét nhầm hồ sơ' });
    expect(state.needsReview).toBe(false);
  });

  it('computes the same digitisation when the attachment arrives (by sync) before the receipt', () => {
    const s = new DossierScenario();
    const early = s.add('attachment.added', at(0), attachmentPayload({ checklistItemId: 'to-khai' }));
    const receipt = s.add('dossier.received', at(1), receivedPayload(at(1), { documents: TWO_PAPERS }));
    const state = foldDossier([receipt, early]);
    expect(state?.attachments).toHaveLength(1);
    expect(state && digitisationOf(state)).toEqual({ 'to-khai': 'digitised', 'giay-chung-sinh': 'not_digitised' });
    // Outran its creation: kept, but a supervisor looks.
    expect(state?.needsReview).toBe(true);
  });
});

describe('lifecycle rules for attachments', () => {
  it('offers retraction only while a file counts', () => {
    const s = scenarioIn(2);
    expect(allowedActions(foldScenario(s))).not.toContain('attachment.retracted');
    const scan = attachmentPayload();
    s.add('attachment.added', at(1), scan);
    expect(allowedActions(foldScenario(s))).toContain('attachment.retracted');
    s.add('attachment.retracted', at(2), { attachmentId: scan.attachmentId, reason: 'Nhầm' });
    expect(isActionAllowed(foldScenario(s), 'attachment.retracted')).toBe(false);
  });

  it('refuses files on a refused dossier, and a result file before there is a result', () => {
    expect(thrown(() => checkEvent(stateIn(3), new DossierScenario().add('attachment.added', at(1), attachmentPayload()))).code).toBe('transition_forbidden');
    const processing = stateIn(4);
    const result = new DossierScenario(processing.id).add('attachment.added', at(5), attachmentPayload({ kind: 'result' }));
    expect(thrown(() => checkEvent(processing, result)).message).toMatch(/chưa có kết quả/);
    expect(() => checkEvent(stateIn(9), result)).not.toThrow();
  });

  it('refuses the same attachment id twice, and retracting a file that is not there or already gone (conflict)', () => {
    const s = scenarioIn(2);
    const scan = attachmentPayload();
    s.add('attachment.added', at(1), scan);
    const state = foldScenario(s);
    const again = new DossierScenario(state.id).add('attachment.added', at(2), scan);
    expect(thrown(() => checkEvent(state, again)).code).toBe('conflict');
    const unknown = new DossierScenario(state.id).add('attachment.retracted', at(2), { attachmentId: fakeUlid(), reason: 'x' });
    expect(thrown(() => checkEvent(state, unknown)).message).toMatch(/không có tệp này/);
    s.add('attachment.retracted', at(2), { attachmentId: scan.attachmentId, reason: 'x' });
    const twice = new DossierScenario(state.id).add('attachment.retracted', at(3), { attachmentId: scan.attachmentId, reason: 'x' });
    expect(thrown(() => checkEvent(foldScenario(s), twice)).code).toBe('transition_forbidden');
  });

  it('a retraction synced twice from two desks is kept once: the first wins, the second is a conflict to review', () => {
    const s = scenarioIn(2);
    const scan = attachmentPayload();
    s.add('attachment.added', at(1), scan);
    const other = s.fork();
    s.add('attachment.retracted', at(2), { attachmentId: scan.attachmentId, reason: 'Bàn 1 gỡ' }, { deviceId: 'desk-1', concurrent: true });
    other.add('attachment.retracted', at(3), { attachmentId: scan.attachmentId, reason: 'Bàn 2 gỡ' }, { deviceId: 'desk-2', concurrent: true });
    const merged = foldDossier([...s.events, ...other.events.slice(-1)]);
    expect(merged?.attachments[0]?.retractReason).toBe('Bàn 1 gỡ');
    expect(merged?.needsReview).toBe(true);
  });
});
