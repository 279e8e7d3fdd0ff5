import { createStore, type StoreApi } from 'zustand/vanilla';
import { COMMAND_SCHEMAS, type DeskClient } from '../../../../shared/contract/commands.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { Officer, OfficerRole } from '../../../../shared/contract/setup.js';
import { checkArgs, fieldErrorsFromMessage, type FieldErrors } from '../../../ui/field-errors.js';

export interface NewOfficerDraft {
  fullName: string;
  username: string;
  role: OfficerRole;
  password: string;
}

export interface OfficersState {
  officers: Officer[];
  loaded: boolean;
  loadError: CommandErrorData | null;
  /** The create form's problems, per field; the refusal of the core otherwise. */
  createErrors: FieldErrors;
  createError: CommandErrorData | null;
  /** The refusal of the last reset or (de)activation, shown in its dialog. */
  actionError: CommandErrorData | null;
  actionErrors: FieldErrors;
  busy: boolean;
  /** One line saying what was just done, for the status region. */
  done: string | null;
  load(): Promise<void>;
  create(draft: NewOfficerDraft): Promise<boolean>;
  resetPassword(officer: Officer, password: string): Promise<boolean>;
  setActive(officer: Officer, active: boolean): Promise<boolean>;
  clearActionError(): void;
}

export type OfficersStore = StoreApi<OfficersState>;

const replace = (officers: Officer[], changed: Officer): Officer[] => officers.map((o) => (o.id === changed.id ? changed : o));

export function createOfficersStore(client: DeskClient): OfficersStore {
  return createStore<OfficersState>()((set, get) => ({
    officers: [],
    loaded: false,
    loadError: null,
    createErrors: {},
    createError: null,
    actionError: null,
    actionErrors: {},
    busy: false,
    done: null,

    async load() {
      const envelope = await client.invoke('officers.list', {});
      if (!envelope.ok) return set({ loadError: envelope.error });
      set({ officers: envelope.value, loaded: true, loadError: null });
    },

    async create(draft) {
      // A password the supervisor typed is known to two people: the officer replaces it at the first sign-in.
      const args = { ...draft, mustChangePassword: true };
      const createErrors = checkArgs(COMMAND_SCHEMAS['officers.create'], args);
      if (Object.keys(createErrors).length > 0) return (set({ createErrors, createError: null }), false);
      if (get().busy) return false;
      set({ busy: true, createErrors: {}, createError: null, done: null });
      const envelope = await client.invoke('officers.create', args);
      if (!envelope.ok) {
        set({ busy: false, createError: envelope.error, createErrors: fieldErrorsFromMessage(envelope.error.message) });
        return false;
      }
      const officer = envelope.value;
      set({
        busy: false,
        officers: [...get().officers, officer].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
        done: `Đã tạo tài khoản ${officer.username} cho ${officer.fullName}. Cán bộ sẽ phải đổi mật khẩu khi đăng nhập lần đầu.`,
      });
      return true;
    },

    async resetPassword(officer, password) {
      const args = { officerId: officer.id, password };
      const actionErrors = checkArgs(COMMAND_SCHEMAS['officers.resetPassword'], args);
      if (Object.keys(actionErrors).length > 0) return (set({ actionErrors, actionError: null }), false);
      if (get().busy) return false;
      set({ busy: true, actionErrors: {}, actionError: null, done: null });
      const envelope = await client.invoke('officers.resetPassword', args);
      if (!envelope.ok) return (set({ busy: false, actionError: envelope.error }), false);
      set({ busy: false, officers: replace(get().officers, envelope.value), done: `Đã đặt lại mật khẩu cho ${officer.fullName}. Cán bộ sẽ phải đổi mật khẩu khi đăng nhập.` });
      return true;
    },

    async setActive(officer, active) {
      if (get().busy) return false;
      set({ busy: true, actionErrors: {}, actionError: null, done: null });
      const envelope = await client.invoke('officers.setActive', { officerId: officer.id, active });
      if (!envelope.ok) return (set({ busy: false, actionError: envelope.error }), false);
      set({
        busy: false,
        officers: replace(get().officers, envelope.value),
        done: active ? `${officer.fullName} đã hoạt động lại và đăng nhập được.` : `${officer.fullName} đã ngừng hoạt động: không đăng nhập được nữa; tên vẫn giữ trên các hồ sơ đã xử lý.`,
      });
      return true;
    },

    clearActionError() {
      set({ actionError: null, actionErrors: {} });
    },
  }));
}
