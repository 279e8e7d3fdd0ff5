import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Unit } from '../../../../shared/contract/catalogue.js';
import { COMMAND_SCHEMAS } from '../../../../shared/contract/commands.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { SessionInfo } from '../../../../shared/contract/setup.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';
import { checkArgs, fieldErrorsFromMessage, type FieldErrors } from '../../../ui/field-errors.js';

export interface SetupForm {
  unitQuery: string;
  /** The catalogue id of the chosen unit: a 2025 unit may bear a former unit's GSO code. */
  unitId: string;
  station: string;
  agencyId: string;
  /** Once the officer edits the identifier, choosing another unit no longer overwrites it. */
  agencyIdEdited: boolean;
  username: string;
  fullName: string;
  password: string;
  passwordAgain: string;
}

export type SetupField = Exclude<keyof SetupForm, 'agencyIdEdited'>;

export interface SetupState {
  units: Unit[];
  unitsStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  unitsError: CommandErrorData | null;
  form: SetupForm;
  /** Keyed by the command's argument path ("agencyId", "supervisor.username") or "passwordAgain". */
  fieldErrors: FieldErrors;
  submitError: CommandErrorData | null;
  submitting: boolean;
  loadUnits(): Promise<void>;
  setField(field: SetupField, value: string): void;
  chooseUnit(unitId: string): void;
  /** Creates the desk's settings and first supervisor; the answer is the new supervisor's session. */
  submit(): Promise<SessionInfo | null>;
}

export type SetupStore = StoreApi<SetupState>;

const EMPTY_FORM: SetupForm = {
  unitQuery: '',
  unitId: '',
  station: '1',
  agencyId: '',
  agencyIdEdited: false,
  username: '',
  fullName: '',
  password: '',
  passwordAgain: '',
};

export function createSetupStore(backend: DeskBackend): SetupStore {
  return createStore<SetupState>()((set, get) => ({
    units: [],
    unitsStatus: 'idle',
    unitsError: null,
    form: EMPTY_FORM,
    fieldErrors: {},
    submitError: null,
    submitting: false,

    async loadUnits() {
      set({ unitsStatus: 'loading', unitsError: null });
      // Every version: the list shows which units are still valid and which were merged away.
      const envelope = await backend.invoke('catalogue.units', {});
      if (envelope.ok) set({ units: envelope.value, unitsStatus: 'loaded' });
      else set({ unitsStatus: 'failed', unitsError: envelope.error });
    },

    setField(field, value) {
      const { form, fieldErrors } = get();
      const rest = { ...fieldErrors };
      delete rest[errorKeyOf(field)];
      set({ form: { ...form, [field]: value, agencyIdEdited: form.agencyIdEdited || field === 'agencyId' }, fieldErrors: rest });
    },

    chooseUnit(unitId) {
      const { form, units, fieldErrors } = get();
      const unit = units.find((u) => u.id === unitId);
      const rest = { ...fieldErrors };
      delete rest.unitGsoCode;
      if (!form.agencyIdEdited) delete rest.agencyId;
      // The unit's own identifier, so that desks of different units never start with the same one.
      set({
        form: { ...form, unitId, agencyId: form.agencyIdEdited || !unit ? form.agencyId : unit.agencyId },
        fieldErrors: rest,
      });
    },

    async submit() {
      const { form, units } = get();
      const unit = units.find((u) => u.id === form.unitId);
      const args = {
        unitGsoCode: unit?.gsoCode ?? '',
        ...(unit ? { unitId: unit.id } : {}),
        station: Number(form.station),
        agencyId: form.agencyId,
        supervisor: { username: form.username, fullName: form.fullName, password: form.password },
      };
      const errors: Record<string, string> = { ...checkArgs(COMMAND_SCHEMAS['setup.initialise'], args) };
      if (!unit) errors.unitGsoCode = 'Hãy chọn đơn vị của bộ phận một cửa.';
      if (form.password !== form.passwordAgain) errors.passwordAgain = 'Hai lần nhập mật khẩu không giống nhau.';
      if (Object.keys(errors).length > 0) {
        set({ fieldErrors: errors, submitError: null });
        return null;
      }
      set({ submitting: true, fieldErrors: {}, submitError: null });
      const envelope = await backend.invoke('setup.initialise', args);
      if (envelope.ok) {
        set({ submitting: false, form: { ...get().form, password: '', passwordAgain: '' } });
        return envelope.value;
      }
      set({ submitting: false, submitError: envelope.error, fieldErrors: fieldErrorsFromMessage(envelope.error.message) });
      return null;
    },
  }));
}

/** The error key a form field shows (the command's argument path). */
export function errorKeyOf(field: SetupField): string {
  switch (field) {
    case 'unitQuery':
    case 'unitId':
      return 'unitGsoCode';
    case 'username':
    case 'fullName':
    case 'password':
      return `supervisor.${field}`;
    default:
      return field;
  }
}
