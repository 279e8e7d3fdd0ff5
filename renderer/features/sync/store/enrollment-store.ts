import { createStore, type StoreApi } from 'zustand/vanilla';
import { COMMAND_SCHEMAS } from '../../../../shared/contract/commands.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';
import { checkArgs, type FieldErrors } from '../../../ui/field-errors.js';
import { placeEnrollError } from './enroll-errors.js';

export interface EnrollmentForm {
  centreUrl: string;
  /** The one-time code from the centre's administrator. */
  code: string;
  /** How the centre lists this desk, e.g. "Phường Hồng Gai – quầy 2". */
  deviceName: string;
}

export type EnrollmentField = keyof EnrollmentForm;

/** This desk as app.info tells it: the id the centre will know it by, and what names it. */
export interface DeskFacts {
  deviceId: string;
  unitName: string | null;
  station: number | null;
}

export interface EnrollmentState {
  form: EnrollmentForm;
  /** Once the officer edits the name, the suggestion no longer replaces it. */
  deviceNameEdited: boolean;
  desk: DeskFacts | null;
  deskError: CommandErrorData | null;
  fieldErrors: FieldErrors;
  /** A failure that belongs to no single field. */
  problem: CommandErrorData | null;
  enrolling: boolean;
  loadDesk(): Promise<void>;
  setField(field: EnrollmentField, value: string): void;
  /** Fills the address the desk was enrolled with (a revoked desk enrolls again), unless one is typed. */
  suggestCentreUrl(url: string): void;
  /** Trades the code for this desk's token; the answer is the new sync status, or null on failure. */
  enroll(): Promise<SyncStatus | null>;
}

export type EnrollmentStore = StoreApi<EnrollmentState>;

/** "<unit> – quầy <n>": what a centre administrator reads in the list of a ward's desks. */
export function suggestDeviceName(unitName: string | null, station: number | null): string {
  const counter = station === null ? null : `quầy ${station}`;
  if (unitName && counter) return `${unitName} – ${counter}`;
  if (unitName) return unitName;
  return counter ? `Quầy ${station}` : '';
}

const EMPTY_FORM: EnrollmentForm = { centreUrl: '', code: '', deviceName: '' };

export function createEnrollmentStore(backend: DeskBackend): EnrollmentStore {
  return createStore<EnrollmentState>()((set, get) => ({
    form: EMPTY_FORM,
    deviceNameEdited: false,
    desk: null,
    deskError: null,
    fieldErrors: {},
    problem: null,
    enrolling: false,

    async loadDesk() {
      const envelope = await backend.invoke('app.info', {});
      if (!envelope.ok) return set({ deskError: envelope.error });
      const info = envelope.value;
      const desk: DeskFacts = { deviceId: info.desk.deviceId, unitName: info.unit?.name ?? null, station: info.desk.station };
      const { form, deviceNameEdited } = get();
      set({
        desk,
        deskError: null,
        form: deviceNameEdited ? form : { ...form, deviceName: suggestDeviceName(desk.unitName, desk.station) },
      });
    },

    setField(field, value) {
      const { form, fieldErrors, deviceNameEdited } = get();
      const rest = { ...fieldErrors };
      delete rest[field];
      set({ form: { ...form, [field]: value }, fieldErrors: rest, problem: null, deviceNameEdited: deviceNameEdited || field === 'deviceName' });
    },

    suggestCentreUrl(url) {
      const { form } = get();
      if (form.centreUrl === '') set({ form: { ...form, centreUrl: url } });
    },

    async enroll() {
      if (get().enrolling) return null;
      const args = { ...get().form };
      // The same schema the core checks: a malformed address is named before anything leaves the desk.
      const errors = checkArgs(COMMAND_SCHEMAS['sync.enroll'], args);
      if (Object.keys(errors).length > 0) {
        set({ fieldErrors: errors, problem: null });
        return null;
      }
      set({ enrolling: true, fieldErrors: {}, problem: null });
      const envelope = await backend.invoke('sync.enroll', args);
      if (envelope.ok) {
        // The code works once: keep the address, drop the spent code.
        set({ enrolling: false, form: { ...get().form, code: '' } });
        return envelope.value;
      }
      set({ enrolling: false, ...placeEnrollError(envelope.error) });
      return null;
    },
  }));
}
