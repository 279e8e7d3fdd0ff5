import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierEventType } from '../../../../shared/domain/dossier/events.js';
import { foldDossier } from '../../../../shared/domain/dossier/fold.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { tallyDay } from '../../../../shared/domain/dossier/tally.js';
import { EventLogRepository } from '../../../../electron/core/dossiers/event-log-repository.js';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { snapshotDatabase } from '../../../support/database-snapshot.js';
import { requiredPapers } from '../../../support/required-papers.js';

const PROJECTIONS = ['dossiers', 'dossier_day_facts', 'dossier_documents', 'dossier_handovers', 'dossier_ratings', 'dossier_search'];
const PROCEDURES = ['cu-tru.dang-ky-thuong-tru', 'ho-tich.dang-ky-khai-sinh', 'cu-tru.dang-ky-tam-tru'];

/** Performs one allowed action of the given type through the contract, with plausible arguments. */
async function perform(desk: TestDesk, id: string, type: DossierEventType, pick: number): Promise<void> {
  const d = { dossierId: id };
  switch (type) {
    case 'dossier.forwarded':
      return void (await desk.call('dossiers.forward', { ...d, to: { kind: 'agency', name: `Phòng ${pick % 3}` } }));
    case 'supplement.requested':
      return void (await desk.call('dossiers.requestSupplement', { ...d, items: ['Giấy tờ A'], reason: 'Thiếu' }));
    case 'supplement.received':
      return void (await desk.call('dossiers.receiveSupplement', d));
    case 'result.recorded':
      return void (await desk.call('dossiers.recordResult', { ...d, summary: 'Xong' }));
    case 'appointment.rescheduled': {
      // The date the dialog offers; a late apology approved (the signed-in officer is the supervisor).
      const { reschedule } = await desk.call('dossiers.get', { id });
      if (reschedule === null) return;
      return void (await desk.call('dossiers.reschedule', { ...d, reason: 'Cần xác minh', newAppointmentAt: reschedule.suggestedAt, approveLate: reschedule.late }));
    }
    case 'result.handedBack':
      return void (await desk.call('dossiers.handBack', { ...d, collector: { kind: 'applicant' } }));
    case 'satisfaction.rated':
      return void (await desk.call('dossiers.rate', { ...d, level: (['very_satisfied', 'satisfied', 'not_satisfied', 'not_rated'] as const)[pick % 4]! }));
    case 'dossier.withdrawn':
      return void (await desk.call('dossiers.withdraw', { ...d, reason: 'Công dân rút' }));
    case 'processing.stopped':
      return void (await desk.call('dossiers.stop', { ...d, reason: 'Dừng' }));
    case 'fee.recorded':
      return void (await desk.call('dossiers.recordFee', { ...d, amountVnd: 10_000 * (pick % 5) }));
    case 'note.added':
      return void (await desk.call('dossiers.addNote', { ...d, text: 'Ghi chú' }));
    default:
      return; // creation, correction and conflict events are exercised elsewhere
  }
}

const step = fc.record({ dossier: fc.nat(), action: fc.nat(), minutes: fc.integer({ min: 1, max: 900 }), receive: fc.boolean(), pick: fc.nat() });

describe('projections and the daily tally are functions of the event log', () => {
  it('rebuild equals incremental, and the SQL tally equals the pure tally, for any history of allowed actions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const desk = await openTestDesk({ at: '2026-11-23T01:00:00Z' });
        try {
          const ids: string[] = [];
          for (const s of steps) {
            desk.clock.advanceMinutes(s.minutes);
            if (s.receive || ids.length === 0) {
              const supplement = s.pick % 5 === 0;
              const detail = await desk.call('dossiers.receive', {
                procedureId: PROCEDURES[s.pick % PROCEDURES.length]!,
                channel: ((s.pick % 3) + 1) as 1 | 2 | 3,
                applicant: SAMPLE_APPLICANT,
                documents: requiredPapers(PROCEDURES[s.pick % PROCEDURES.length]!),
                ...(supplement ? { intake: 'supplement_requested' as const, supplement: { items: ['Tờ khai'], reason: 'Thiếu tờ khai' } } : {}),
              });
              ids.push(detail.state.id);
              continue;
            }
            const id = ids[s.dossier % ids.length]!;
            const { allowedActions } = await desk.call('dossiers.get', { id });
            const choices = allowedActions.filter((t) => !['dossier.received', 'dossier.refused', 'field.corrected', 'conflict.resolved'].includes(t));
            if (choices.length > 0) await perform(desk, id, choices[s.action % choices.length]!, s.pick);
          }

          const incremental = snapshotDatabase(desk.core.db, { only: PROJECTIONS });
          const report = await desk.call('dossiers.rebuild', {});
          expect(report.dossiers).toBe(ids.length);
          expect(snapshotDatabase(desk.core.db, { only: PROJECTIONS })).toEqual(incremental);

          const log = new EventLogRepository(desk.core.db);
          const states = ids.map((id) => foldDossier(log.eventsOf(id))).filter((s): s is DossierState => s !== null);
          for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']) {
            expect(await desk.call('tallies.daily', { date })).toEqual(tallyDay(states, date, desk.clock.iso()));
          }
        } finally {
          desk.dispose();
        }
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
