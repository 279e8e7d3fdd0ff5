import { createStore, type StoreApi } from 'zustand/vanilla';
import { COMMAND_SCHEMAS, type CommandArgs } from '../../../../shared/contract/commands.js';
import type { DossierDetail, SatisfactionLevel } from '../../../../shared/contract/dossiers.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';
import { checkArgs, fieldErrorsFromMessage, type FieldErrors } from '../../../ui/field-errors.js';

/**
 * The hand-back, in the order it happens at the desk: who collects → the officer confirms → the citizen
 * rates (or skips) → done. A dossier already handed back but not rated opens at the rating.
 */
export type HandbackStep = 'loading' | 'collector' | 'confirm' | 'rating' | 'done' | 'unavailable';

export interface CollectorForm {
  kind: 'applicant' | 'authorised';
  fullName: string;
  idNumber: string;
}

export interface HandbackState {
  dossierId: string | null;
  detail: DossierDetail | null;
  step: HandbackStep;
  collector: CollectorForm;
  fieldErrors: FieldErrors;
  error: CommandErrorData | null;
  busy: boolean;
  start(dossierId: string): Promise<void>;
  setCollector(patch: Partial<CollectorForm>): void;
  /** Checks who collects and shows the confirmation; false when a field needs fixing. */
  review(): boolean;
  backToCollector(): void;
  handBack(): Promise<boolean>;
  rate(level: SatisfactionLevel): Promise<boolean>;
}

export type HandbackStore = StoreApi<HandbackState>;

const APPLICANT: CollectorForm = { kind: 'applicant', fullName: '', idNumber: '' };

function stepFor(detail: DossierDetail): HandbackStep {
  if (detail.allowedActions.includes('result.handedBack')) return 'collector';
  if (detail.allowedActions.includes('satisfaction.rated')) return 'rating';
  return detail.state.status === 10 ? 'done' : 'unavailable';
}

function collectorArgs(form: CollectorForm): CommandArgs<'dossiers.handBack'>['collector'] {
  return form.kind === 'applicant' ? { kind: 'applicant' } : { kind: 'authorised', fullName: form.fullName, idNumber: form.idNumber };
}

/** Errors come keyed "collector.fullName"; the form shows them by its own field names. */
function collectorErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([key, message]) => [key.replace(/^collector\./, ''), message]));
}

export function createHandbackStore(backend: DeskBackend): HandbackStore {
  let latestStart = 0;
  return createStore<HandbackState>()((set, get) => ({
    dossierId: null,
    detail: null,
    step: 'loading',
    collector: APPLICANT,
    fieldErrors: {},
    error: null,
    busy: false,

    async start(dossierId) {
      const request = ++latestStart;
      set({ dossierId, detail: null, step: 'loading', collector: APPLICANT, fieldErrors: {}, error: null, busy: false });
      const envelope = await backend.invoke('dossiers.get', { id: dossierId });
      if (request !== latestStart) return;
      if (envelope.ok) set({ detail: envelope.value, step: stepFor(envelope.value) });
      else set({ error: envelope.error, step: 'unavailable' });
    },

    setCollector(patch) {
      const fieldErrors = { ...get().fieldErrors };
      for (const key of Object.keys(patch)) delete fieldErrors[key];
      set({ collector: { ...get().collector, ...patch }, fieldErrors });
    },

    review() {
      const { dossierId, collector } = get();
      if (dossierId === null) return false;
      const errors = collectorErrors(checkArgs(COMMAND_SCHEMAS['dossiers.handBack'], { dossierId, collector: collectorArgs(collector) }));
      if (Object.keys(errors).length > 0) {
        set({ fieldErrors: errors });
        return false;
      }
      set({ step: 'confirm', fieldErrors: {}, error: null });
      return true;
    },

    backToCollector() {
      set({ step: 'collector', error: null });
    },

    async handBack() {
      const { dossierId, collector, busy } = get();
      if (dossierId === null || busy) return false;
      set({ busy: true, error: null });
      const envelope = await backend.invoke('dossiers.handBack', { dossierId, collector: collectorArgs(collector) });
      if (!envelope.ok) {
        const fieldErrors = collectorErrors(fieldErrorsFromMessage(envelope.error.message));
        set({ busy: false, error: envelope.error, fieldErrors, step: Object.keys(fieldErrors).length > 0 ? 'collector' : 'confirm' });
        return false;
      }
      set({ busy: false, detail: envelope.value, step: 'rating' });
      return true;
    },

    async rate(level) {
      const { dossierId, busy } = get();
      if (dossierId === null || busy) return false;
      set({ busy: true, error: null });
      const envelope = await backend.invoke('dossiers.rate', { dossierId, level });
      if (!envelope.ok) {
        set({ busy: false, error: envelope.error });
        return false;
      }
      set({ busy: false, detail: envelope.value, step: 'done' });
      return true;
    },
  }));
}
