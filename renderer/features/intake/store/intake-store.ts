import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Procedure } from '../../../../shared/contract/catalogue.js';
import { COMMAND_SCHEMAS } from '../../../../shared/contract/commands.js';
import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import { missingPapersMessage } from '../../../../shared/domain/catalogue/required-papers.js';
import { parseCccdQr } from '../../../../shared/domain/cccd/parse-cccd-qr.js';
import type { DocumentForm, OwnerKind, Sex } from '../../../../shared/domain/dossier/events.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';
import { checkArgs, fieldErrorsFromMessage, type FieldErrors } from '../../../ui/field-errors.js';
import { isCccdQrLine } from '../../../ui/cccd-wedge.js';
import { formatLocalDate, parseTypedDate, vietnamToday } from '../../../ui/format-date.js';
import { memoryDraftStorage, type DraftStorage } from './draft-storage.js';
import { receiveArgs, refuseArgs } from './intake-args.js';
import {
  checklistFor,
  EMPTY_DRAFT,
  isEmptyDraft,
  missingRequiredDocuments,
  type Channel,
  type IntakeDecision,
  type IntakeDraft,
} from './intake-draft.js';

export type ApplicantField = keyof IntakeDraft['applicant'];

export interface AppointmentView {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  appointmentAt: string | null;
  limitText: string | null;
  /** The appointment crosses a year without a calendar: the officer must see it is a guess. */
  calendarNote: string | null;
  error: CommandErrorData | null;
}

/** What a finished intake produced, so the app can open the right printed form. */
export interface IntakeOutcome {
  decision: IntakeDecision;
  detail: DossierDetail;
}

export interface IntakeState {
  draft: IntakeDraft;
  /**
   * What the ID field shows. A keyboard-wedge scanner types the whole QR line into it before Enter:
   * that line is personal data, so it lives only here — never in the draft that is saved to disk.
   */
  idInput: string;
  /** Notes from the last scanned card that are not about the ID digits (e.g. no address on the card). */
  scanNotes: string[];
  scanError: string | null;
  /** "Đã đọc thẻ CCCD…", announced to screen readers after a scan. */
  scanMessage: string | null;
  procedureQuery: string;
  procedureOptions: Procedure[];
  /** Sector names by id, to show each procedure's lĩnh vực in the picker. */
  sectorNames: Readonly<Record<string, string>>;
  procedureOptionsError: CommandErrorData | null;
  appointment: AppointmentView;
  fieldErrors: FieldErrors;
  submitError: CommandErrorData | null;
  submitting: boolean;

  /** The officer typed in the picker: the text is kept and the matching procedures fetched. */
  searchProcedures(text: string): Promise<void>;
  /** Fetches the procedures matching `text` for the list, leaving the picker's text as it is. */
  listProcedures(text: string): Promise<void>;
  chooseProcedure(procedure: Procedure): void;
  setChannel(channel: Channel): void;
  setApplicant(field: ApplicantField, value: string): void;
  setIdInput(value: string): void;
  /** Reads a CCCD QR line (scanned or pasted) into the applicant's fields; false if it could not. */
  scanCccd(line: string): boolean;
  setOwner(patch: Partial<{ separate: boolean; kind: OwnerKind; name: string; idNumber: string }>): void;
  setDocument(itemId: string, patch: Partial<{ received: boolean; form: DocumentForm; count: string }>): void;
  setSets(value: string): void;
  setNotes(value: string): void;
  openDecision(decision: IntakeDecision): void;
  setDecisionText(field: 'supplementItems' | 'supplementReason' | 'refuseReason', value: string): void;
  refreshAppointment(): Promise<void>;
  /** Submits the open decision (accept, form 02 or form 03); null when it failed (values kept). */
  submit(): Promise<IntakeOutcome | null>;
  /** Starts a new, empty intake and forgets the saved draft. */
  reset(): void;
}

export type IntakeStore = StoreApi<IntakeState>;

export interface IntakeStoreOptions {
  drafts?: DraftStorage;
  now?: () => Date;
}

const NO_APPOINTMENT: AppointmentView = { status: 'idle', appointmentAt: null, limitText: null, calendarNote: null, error: null };

/** Maps "documents.<n>.count" (n among the ticked papers) back to the checklist item, for the row's message. */
function documentErrorKeys(errors: FieldErrors, draft: IntakeDraft): FieldErrors {
  if (draft.procedure === null) return errors;
  const ticked = draft.procedure.documents.filter((doc) => draft.documents[doc.id]?.received);
  const mapped: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const match = /^documents\.(\d+)\./.exec(key);
    const doc = match ? ticked[Number(match[1])] : undefined;
    mapped[doc ? `documents.${doc.id}` : key] ??= message;
  }
  return mapped;
}

function without(errors: FieldErrors, ...keys: string[]): FieldErrors {
  if (!keys.some((key) => key in errors)) return errors;
  const rest = { ...errors };
  for (const key of keys) delete rest[key];
  return rest;
}

export function createIntakeStore(backend: DeskBackend, options: IntakeStoreOptions = {}): IntakeStore {
  const drafts = options.drafts ?? memoryDraftStorage();
  const now = options.now ?? (() => new Date());
  const restored = drafts.load();
  let latestProcedureQuery = 0;
  let latestPreview = 0;

  const store = createStore<IntakeState>()((set, get) => {
    const patchDraft = (patch: Partial<IntakeDraft>, clearErrors: string[] = []): void => {
      set({ draft: { ...get().draft, ...patch }, fieldErrors: without(get().fieldErrors, ...clearErrors) });
    };

    return {
      draft: restored ?? EMPTY_DRAFT,
      idInput: restored?.applicant.idNumber ?? '',
      scanNotes: [],
      scanError: null,
      scanMessage: null,
      procedureQuery: restored?.procedure?.name ?? '',
      procedureOptions: [],
      sectorNames: {},
      procedureOptionsError: null,
      appointment: NO_APPOINTMENT,
      fieldErrors: {},
      submitError: null,
      submitting: false,

      async searchProcedures(text) {
        set({ procedureQuery: text });
        await get().listProcedures(text);
      },

      async listProcedures(text) {
        const request = ++latestProcedureQuery;
        const envelope = await backend.invoke('catalogue.procedures', { text });
        if (request !== latestProcedureQuery) return; // a later keystroke answers for the list
        if (envelope.ok) {
          const sectorNames = Object.fromEntries(envelope.value.sectors.map((sector) => [sector.id, sector.name]));
          set({ procedureOptions: envelope.value.procedures, sectorNames, procedureOptionsError: null });
        } else set({ procedureOptionsError: envelope.error });
      },

      chooseProcedure(procedure) {
        const draft = get().draft;
        const sameProcedure = draft.procedure?.id === procedure.id;
        patchDraft({ procedure, documents: sameProcedure ? draft.documents : checklistFor(procedure) }, ['procedureId']);
        set({ procedureQuery: procedure.name });
        void get().refreshAppointment();
      },

      setChannel(channel) {
        patchDraft({ channel }, ['channel']);
        void get().refreshAppointment();
      },

      setApplicant(field, value) {
        const draft = get().draft;
        patchDraft({ applicant: { ...draft.applicant, [field]: value } }, [`applicant.${field}`]);
      },

      setIdInput(value) {
        set({ idInput: value, scanError: null });
        // While a scanner is typing a QR line the field holds personal data beyond the ID: keep it out of the draft.
        if (!isCccdQrLine(value)) get().setApplicant('idNumber', value.trim());
      },

      scanCccd(line) {
        const result = parseCccdQr(line, { today: vietnamToday(now()) });
        if (!result.ok) {
          // The field is emptied so the next scan starts clean; the reason stays next to it.
          set({ idInput: get().draft.applicant.idNumber, scanError: result.error.message, scanMessage: null });
          return false;
        }
        const { card, warnings } = result;
        const draft = get().draft;
        set({
          idInput: card.idNumber,
          scanError: null,
          scanNotes: warnings.filter((w) => w.code === 'address_missing' || w.code === 'old_id_number_unusual').map((w) => w.message),
          scanMessage: `Đã đọc thẻ CCCD: ${card.fullName}.`,
          draft: {
            ...draft,
            applicant: {
              ...draft.applicant,
              idNumber: card.idNumber,
              fullName: card.fullName,
              birthDate: formatLocalDate(card.birthDate),
              sex: card.sex satisfies Sex,
              address: card.address === '' ? draft.applicant.address : card.address,
            },
          },
          fieldErrors: without(get().fieldErrors, 'applicant.idNumber', 'applicant.fullName', 'applicant.birthDate', 'applicant.sex', 'applicant.address'),
        });
        return true;
      },

      setOwner(patch) {
        const draft = get().draft;
        patchDraft({ owner: { ...draft.owner, ...patch } }, ['owner', 'owner.name', 'owner.idNumber', 'owner.kind']);
      },

      setDocument(itemId, patch) {
        const draft = get().draft;
        const current = draft.documents[itemId] ?? { received: false, form: 'original' as const, count: '1' };
        patchDraft({ documents: { ...draft.documents, [itemId]: { ...current, ...patch } } }, [`documents.${itemId}`]);
      },

      setSets(value) {
        patchDraft({ sets: value }, ['sets']);
      },

      setNotes(value) {
        patchDraft({ notes: value }, ['notes']);
      },

      openDecision(decision) {
        const draft = get().draft;
        // Form 02 starts from what the checklist says is missing; the officer edits the list.
        const items = decision === 'supplement' && draft.supplementItems.trim() === '' ? missingRequiredDocuments(draft).join('\n') : draft.supplementItems;
        set({ draft: { ...draft, decision, supplementItems: items }, submitError: null });
      },

      setDecisionText(field, value) {
        const key = field === 'refuseReason' ? 'reason' : field === 'supplementReason' ? 'supplement.reason' : 'supplement.items';
        patchDraft({ [field]: value }, [key, 'supplement']);
      },

      async refreshAppointment() {
        const { procedure, channel } = get().draft;
        const request = ++latestPreview;
        if (procedure === null) return set({ appointment: NO_APPOINTMENT });
        set({ appointment: { ...get().appointment, status: 'loading', error: null } });
        const envelope = await backend.invoke('dossiers.previewAppointment', { procedureId: procedure.id, channel });
        if (request !== latestPreview) return;
        if (envelope.ok) {
          const { appointmentAt, limitText, calendarNote } = envelope.value;
          set({ appointment: { status: 'ready', appointmentAt, limitText, calendarNote, error: null } });
        } else set({ appointment: { status: 'failed', appointmentAt: null, limitText: null, calendarNote: null, error: envelope.error } });
      },

      async submit() {
        const { draft, submitting } = get();
        if (submitting) return null;
        const decision = draft.decision;
        const schema = decision === 'refuse' ? COMMAND_SCHEMAS['dossiers.refuse'] : COMMAND_SCHEMAS['dossiers.receive'];
        const args = decision === 'refuse' ? refuseArgs(draft) : receiveArgs(draft, decision === 'supplement' ? 'supplement_requested' : 'accepted');
        const errors: Record<string, string> = { ...documentErrorKeys(checkArgs(schema, args), draft) };
        if (draft.procedure === null) errors.procedureId = 'Hãy chọn thủ tục hành chính.';
        if (draft.applicant.birthDate.trim() !== '' && parseTypedDate(draft.applicant.birthDate) === null) {
          errors['applicant.birthDate'] = 'Ngày sinh phải có dạng ngày/tháng/năm, ví dụ 05/06/1990.';
        }
        if (Object.keys(errors).length > 0) {
          set({ fieldErrors: errors, submitError: null });
          return null;
        }
        // The core refuses it too (papers_missing); said here first, with the same list, before anything is sent.
        const missing = decision === 'accept' ? missingRequiredDocuments(draft) : [];
        if (missing.length > 0) {
          set({ fieldErrors: {}, submitError: { code: 'papers_missing', message: missingPapersMessage(missing.map((name) => ({ name }))) } });
          return null;
        }
        set({ submitting: true, fieldErrors: {}, submitError: null });
        const envelope = decision === 'refuse' ? await backend.invoke('dossiers.refuse', refuseArgs(draft)) : await backend.invoke('dossiers.receive', receiveArgs(draft, decision === 'supplement' ? 'supplement_requested' : 'accepted'));
        if (!envelope.ok) {
          // Everything typed stays: the officer fixes the one field named and submits again.
          set({ submitting: false, submitError: envelope.error, fieldErrors: documentErrorKeys(fieldErrorsFromMessage(envelope.error.message), draft) });
          return null;
        }
        get().reset();
        set({ submitting: false });
        return { decision, detail: envelope.value };
      },

      reset() {
        latestPreview++;
        drafts.clear();
        set({
          draft: EMPTY_DRAFT,
          idInput: '',
          scanNotes: [],
          scanError: null,
          scanMessage: null,
          procedureQuery: '',
          appointment: NO_APPOINTMENT,
          fieldErrors: {},
          submitError: null,
        });
      },
    };
  });

  // Every change to the draft is saved at once: a crash or a restart mid-intake loses nothing.
  store.subscribe((state, previous) => {
    if (state.draft === previous.draft) return;
    if (isEmptyDraft(state.draft)) drafts.clear();
    else drafts.save(state.draft);
  });
  return store;
}
