import fc from 'fast-check';
import { suggestedNewAppointment } from '../../../../shared/domain/calendar/reschedule.js';
import { SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';
import type { DossierEventType } from '../../../../shared/domain/dossier/events.js';
import { foldDossier } from '../../../../shared/domain/dossier/fold.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { EventLogRepository } from '../../../../electron/core/dossiers/event-log-repository.js';
import { SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { requiredPapers } from '../../../support/required-papers.js';

// Random desk histories through the real contract: dossiers received (some sent back at intake, some
// refused) and then any action the lifecycle offers, with gaps from minutes to ten days so that
// dossiers stay open across months (carried over, long-lived) and periods cut through their lives.

const PROCEDURES = ['cu-tru.dang-ky-tam-tru', 'ho-tich.dang-ky-khai-sinh', 'chung-thuc.hop-dong-giao-dich', 'dat-dai.hoa-giai-tranh-chap-dat-dai'];
const LEVELS = ['very_satisfied', 'satisfied', 'not_satisfied', 'not_rated'] as const;

export interface RandomStep {
  dossier: number;
  action: number;
  minutes: number;
  receive: boolean;
  pick: number;
}

export const randomStep: fc.Arbitrary<RandomStep> = fc.record({
  dossier: fc.nat(),
  action: fc.nat(),
  minutes: fc.oneof(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1440, max: 14_400 })),
  receive: fc.boolean(),
  pick: fc.nat(),
});

async function perform(desk: TestDesk, id: string, type: DossierEventType, pick: number): Promise<void> {
  const d = { dossierId: id };
  // An action may still be refused (a supplement that arrives after the moved appointment): then it did not happen.
  switch (type) {
    case 'dossier.forwarded':
      return void (await desk.raw('dossiers.forward', { ...d, to: { kind: 'agency', name: `Phòng ${pick % 3}` } }));
    case 'supplement.requested':
      return void (await desk.raw('dossiers.requestSupplement', { ...d, items: ['Giấy tờ A'], reason: 'Thiếu' }));
    case 'supplement.received':
      return void (await desk.raw('dossiers.receiveSupplement', d));
    case 'result.recorded':
      return void (await desk.raw('dossiers.recordResult', { ...d, summary: 'Xong' }));
    case 'appointment.rescheduled': {
      // A date the rule accepts, one to five working days on; late apologies approved (a supervisor is signed in).
      const { reschedule } = await desk.call('dossiers.get', { id });
      if (reschedule === null) return;
      let newAppointmentAt = reschedule.suggestedAt;
      for (let extra = 0; extra < pick % 5; extra += 1) newAppointmentAt = suggestedNewAppointment(newAppointmentAt, desk.clock.iso(), SEED_WORK_CALENDAR);
      return void (await desk.raw('dossiers.reschedule', { ...d, reason: 'Cần xác minh', newAppointmentAt, approveLate: reschedule.late }));
    }
    case 'result.handedBack':
      return void (await desk.raw('dossiers.handBack', { ...d, collector: { kind: 'applicant' } }));
    case 'satisfaction.rated':
      return void (await desk.raw('dossiers.rate', { ...d, level: LEVELS[pick % 4]! }));
    case 'dossier.withdrawn':
      return void (await desk.raw('dossiers.withdraw', { ...d, reason: 'Công dân rút' }));
    case 'processing.stopped':
      return void (await desk.raw('dossiers.stop', { ...d, reason: 'Dừng' }));
    case 'fee.recorded':
      return void (await desk.raw('dossiers.recordFee', { ...d, amountVnd: 10_000 * (pick % 5) }));
    default:
      return;
  }
}

// Supplements, apologies and results are what Biểu 06's rules turn on: offer them more often.
const WEIGHTS: Partial<Record<DossierEventType, number>> = {
  'supplement.requested': 3,
  'supplement.received': 4,
  'appointment.rescheduled': 3,
  'result.recorded': 4,
  'result.handedBack': 2,
  'satisfaction.rated': 2,
};

const SKIPPED: readonly DossierEventType[] = ['dossier.received', 'dossier.refused', 'field.corrected', 'conflict.resolved', 'note.added'];

/** Plays the steps on the desk; returns the ids of every dossier created (refused ones included). */
export async function playRandomHistory(desk: TestDesk, steps: readonly RandomStep[]): Promise<string[]> {
  const ids: string[] = [];
  for (const s of steps) {
    desk.clock.advanceMinutes(s.minutes);
    if (s.receive || ids.length === 0) {
      const base = {
        procedureId: PROCEDURES[s.pick % PROCEDURES.length]!,
        channel: ((s.pick % 3) + 1) as 1 | 2 | 3,
        applicant: { ...SAMPLE_APPLICANT, fullName: `Công Dân ${ids.length + 1}` },
      };
      const detail =
        s.pick % 11 === 0
          ? await desk.call('dossiers.refuse', { ...base, reason: 'Không đủ điều kiện' })
          : await desk.call('dossiers.receive', {
              ...base,
              documents: requiredPapers(PROCEDURES[s.pick % PROCEDURES.length]!),
              ...(s.pick % 5 === 0 ? { intake: 'supplement_requested' as const, supplement: { items: ['Tờ khai'], reason: 'Thiếu tờ khai' } } : {}),
            });
      ids.push(detail.state.id);
      continue;
    }
    const id = ids[s.dossier % ids.length]!;
    const { allowedActions } = await desk.call('dossiers.get', { id });
    const choices = allowedActions.filter((t) => !SKIPPED.includes(t)).flatMap((t) => Array<DossierEventType>(WEIGHTS[t] ?? 1).fill(t));
    if (choices.length > 0) await perform(desk, id, choices[s.action % choices.length]!, s.pick);
  }
  return ids;
}

export function foldedStates(desk: TestDesk, ids: readonly string[]): DossierState[] {
  const log = new EventLogRepository(desk.core.db);
  return ids.map((id) => foldDossier(log.eventsOf(id))).filter((s): s is DossierState => s !== null);
}
