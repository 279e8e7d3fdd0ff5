import type { Handlers } from '../../../shared/contract/commands.js';
import { CommandError } from '../../../shared/contract/errors.js';
import { canonicalPhone } from '../../../shared/domain/contact/phone-number.js';
import { rescheduleRefusal } from '../../../shared/domain/calendar/reschedule.js';
import type { CorrectableFields } from '../../../shared/domain/dossier/events.js';
import { checkAction } from '../../../shared/domain/dossier/lifecycle.js';
import { requirePlausibleBirthDate } from '../dossiers/applicant-checks.js';
import { searchDossiers } from '../dossiers/search-repository.js';
import { dailyTally } from '../dossiers/tally-repository.js';
import type { CoreContext } from './context.js';

type DossierHandlers = Pick<
  Handlers,
  | 'dossiers.receive'
  | 'dossiers.refuse'
  | 'dossiers.previewAppointment'
  | 'dossiers.get'
  | 'dossiers.search'
  | 'dossiers.forward'
  | 'dossiers.requestSupplement'
  | 'dossiers.receiveSupplement'
  | 'dossiers.recordResult'
  | 'dossiers.reschedule'
  | 'dossiers.handBack'
  | 'dossiers.rate'
  | 'dossiers.withdraw'
  | 'dossiers.stop'
  | 'dossiers.recordFee'
  | 'dossiers.addNote'
  | 'dossiers.correctField'
  | 'dossiers.resolveConflict'
  | 'dossiers.reissueCode'
  | 'dossiers.rebuild'
  | 'tallies.daily'
>;

const iso = (instant: string) => new Date(instant).toISOString();

export function dossierHandlers(ctx: CoreContext): DossierHandlers {
  const service = ctx.dossiers;

  return {
    'dossiers.receive': (args) => service.receive(args),
    'dossiers.refuse': (args) => service.refuse(args),
    'dossiers.previewAppointment': (args) => service.previewAppointment(args),

    'dossiers.get': (args) => {
      ctx.session.requireOfficer();
      const id = 'id' in args ? args.id : service.idOfCode(args.code);
      const state = id === null ? null : service.stateOf(id);
      if (state === null) throw new CommandError('not_found', 'Không tìm thấy hồ sơ.');
      return service.detailOf(state);
    },

    'dossiers.search': (args) => {
      ctx.session.requireOfficer();
      return searchDossiers(ctx.db, args, ctx.now());
    },

    'dossiers.forward': (args) =>
      service.act(args.dossierId, 'dossier.forwarded', (_state, now) => ({ to: args.to, note: args.note, forwardedAt: now })),

    'dossiers.requestSupplement': (args) =>
      service.act(args.dossierId, 'supplement.requested', (_state, now) => ({ items: args.items, reason: args.reason, requestedAt: now })),

    'dossiers.receiveSupplement': (args) => service.receiveSupplement(args.dossierId),

    'dossiers.recordResult': (args) =>
      service.act(args.dossierId, 'result.recorded', (_state, now) => ({ resultAt: now, summary: args.summary, outcome: args.outcome })),

    'dossiers.reschedule': (args) =>
      service.act(args.dossierId, 'appointment.rescheduled', (state, now, officer) => {
        // A settled dossier, or one without an appointment, is refused for its state before its date is judged.
        checkAction(state, 'appointment.rescheduled');
        const current = state.appointmentAt ?? now;
        const newAppointmentAt = iso(args.newAppointmentAt);
        const refusal = rescheduleRefusal(
          {
            currentAppointment: current,
            newAppointment: newAppointmentAt,
            now,
            lateApprover: 'cán bộ giám sát',
            mayApproveLate: officer.role === 'supervisor',
            approveLate: args.approveLate === true,
          },
          service.calendar(),
        );
        if (refusal !== null) throw new CommandError(refusal.code, refusal.message);
        return { reason: args.reason, previousAppointmentAt: current, newAppointmentAt };
      }),

    'dossiers.handBack': (args) =>
      service.act(args.dossierId, 'result.handedBack', (_state, now) => ({ collector: args.collector, handedBackAt: now })),

    'dossiers.rate': (args) => service.act(args.dossierId, 'satisfaction.rated', () => ({ level: args.level, ...(args.reason === '' ? {} : { reason: args.reason }) })),

    'dossiers.withdraw': (args) =>
      service.act(args.dossierId, 'dossier.withdrawn', (_state, now) => ({ reason: args.reason, withdrawnAt: now })),

    'dossiers.stop': (args) => service.act(args.dossierId, 'processing.stopped', (_state, now) => ({ reason: args.reason, stoppedAt: now })),

    'dossiers.recordFee': (args) =>
      service.act(args.dossierId, 'fee.recorded', () => ({ amountVnd: args.amountVnd, receiptNo: args.receiptNo })),

    'dossiers.addNote': (args) => service.act(args.dossierId, 'note.added', () => ({ text: args.text })),

    'dossiers.correctField': (args) =>
      service.act(args.dossierId, 'field.corrected', (_state, now) => {
        const typed = typeof args.newValue === 'string' && args.newValue === '' ? null : args.newValue;
        if (args.field === 'applicant.birthDate' && typeof typed === 'string') requirePlausibleBirthDate(typed, Date.parse(now), 'newValue');
        // A corrected phone is stored in the same canonical form as a received one.
        const newValue = args.field === 'applicant.phone' && typeof typed === 'string' ? canonicalPhone(typed) : typed;
        // The event schema checks that each value has the field's type (a number for sets, …).
        return { field: args.field, oldValue: args.oldValue, newValue, reason: args.reason } as {
          field: keyof CorrectableFields;
          oldValue: never;
          newValue: never;
          reason: string;
        };
      }),

    'dossiers.resolveConflict': (args) =>
      service.act(
        args.dossierId,
        'conflict.resolved',
        () => (args.status === undefined ? { reason: args.reason, resolution: 'keep_current' } : { reason: args.reason, resolution: 'set_status', status: args.status }),
        { role: 'supervisor' },
      ),

    'dossiers.reissueCode': (args) => service.reissueCode(args.dossierId, args.reason),

    'dossiers.rebuild': () => service.rebuild(),

    'tallies.daily': (args) => {
      ctx.session.requireOfficer();
      return dailyTally(ctx.db, args.date, ctx.now());
    },
  };
}
