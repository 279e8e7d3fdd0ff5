import { createStore, type StoreApi } from 'zustand/vanilla';
import { COMMAND_SCHEMAS, type CommandArgs } from '../../../../shared/contract/commands.js';
import type { DossierDetail, SatisfactionLevel } from '../../../../shared/contract/dossiers.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';
import { parseCccdQr } from '../../../../shared/domain/cccd/parse-cccd-qr.js';
import { checkArgs, fieldErrorsFromMessage, type FieldErrors } from '../../../ui/field-errors.js';
import { vietnamToday } from '../../../ui/format-date.js';

/**
 * The hand-back, in the order it happens at the desk: who collects → the officer confirms → the citizen
 * rates (or skips; "Không hài lòng" then asks for an optional reason) → done. A dossier already handed
 * back but not rated opens at the rating.
 */
export type HandbackStep = 'loading' | 'collector' | 'confirm' | 'rating' | 'reason' | 'done' | 'unavailable';

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
  /** "Đã đọc thẻ CCCD…", announced to screen readers after a delegate's card was scanned. */
  scanMessage: string | null;
  /** Why the citizen was not satisfied, as typed (step 'reason'). */
  ratingReason: string;
  error: CommandErrorData | null;
  busy: boolean;
  start(dossierId: string): Promise<void>;
  setCollector(patch: Partial<CollectorForm>): void;
  /** Reads a delegate's CCCD QR line (scanned or pasted) into their name and ID; false if it could not. */
  scanCollectorCard(line: string): boolean;
  /** Checks who collects and shows the confirmation; false when a field needs fixing. */
  review(): boolean;
  backToCollector(): void;
  handBack(): Promise<boolean>;
  rate(level: SatisfactionLevel): Promise<boolean>;
  /** "Không hài lòng": asks for the reason before recording it. */
  askRatingReason(): void;
  setRatingReason(text: string): void;
  /** Records "Không hài lòng" with the reason typed (none if left empty). */
  rateNotSatisfied(): Promise<boolean>;
  backToRating(): void;
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

export interface HandbackStoreOptions {
  /** The desk's clock: a card's birth or issue date after today is refused. */
  now?: () => Date;
}

export function createHandbackStore(backend: DeskBackend, options: HandbackStoreOptions = {}): HandbackStore {
  const now = options.now ?? (() => new Date());
  let latestStart = 0;
  return createStore<HandbackState>()((set, get) => ({
    dossierId: null,
    detail: null,
    step: 'loading',
    collector: APPLICANT,
    fieldErrors: {},
    scanMessage: null,
    ratingReason: '',
    error: null,
    busy: false,

    async start(dossierId) {
      const request = ++latestStart;
      set({ dossierId, detail: null, step: 'loading', collector: APPLICANT, fieldErrors: {}, scanMessage: null, ratingReason: '', error: null, busy: false });
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

    scanCollectorCard(line) {
      const result = parseCccdQr(line, { today: vietnamToday(now()) });
      const collector = get().collector;
      if (!result.ok) {
        // What the field showed before the line's first '|' stays (selected, so a rescan replaces it).
        const typed = line.split('|')[0]?.trim() ?? '';
        set({ collector: { ...collector, idNumber: typed }, fieldErrors: { ...get().fieldErrors, idNumber: result.error.message }, scanMessage: null });
        return false;
      }
      const { card } = result;
      set({ collector: { ...collector, fullName: card.fullName, idNumber: card.idNumber }, fieldErrors: {}, scanMessage: `Đã đọc thẻ CCCD: ${card.fullName}.` });
      return true;
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

    askRatingReason() {
      set({ step: 'reason', error: null });
    },

    setRatingReason(text) {
      set({ ratingReason: text });
    },

    async rateNotSatisfied() {
      const { dossierId, busy, ratingReason } = get();
      if (dossierId === null || busy) return false;
      set({ busy: true, error: null });
      const envelope = await backend.invoke('dossiers.rate', { dossierId, level: 'not_satisfied', reason: ratingReason });
      if (!envelope.ok) {
        set({ busy: false, error: envelope.error });
        return false;
      }
      set({ busy: false, detail: envelope.value, step: 'done', ratingReason: '' });
      return true;
    },

    backToRating() {
      set({ step: 'rating', error: null });
    },
  }));
}
