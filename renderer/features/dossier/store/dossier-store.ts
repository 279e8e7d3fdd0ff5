import { createStore, type StoreApi } from 'zustand/vanilla';
import { COMMAND_SCHEMAS, type CommandArgs } from '../../../../shared/contract/commands.js';
import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';
import { checkArgs, fieldErrorsFromMessage, type FieldErrors } from '../../../ui/field-errors.js';

/** The commands the dossier page sends, each about the dossier on screen. */
export type DossierCommand =
  | 'dossiers.forward'
  | 'dossiers.recordResult'
  | 'dossiers.reschedule'
  | 'dossiers.requestSupplement'
  | 'dossiers.receiveSupplement'
  | 'dossiers.withdraw'
  | 'dossiers.stop'
  | 'dossiers.recordFee'
  | 'dossiers.addNote'
  | 'dossiers.correctField'
  | 'dossiers.resolveConflict'
  | 'dossiers.reissueCode';

export type ActionArgs<N extends DossierCommand> = Omit<CommandArgs<N>, 'dossierId'>;

export interface DossierState {
  dossierId: string | null;
  detail: DossierDetail | null;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  error: CommandErrorData | null;
  busy: boolean;
  actionError: CommandErrorData | null;
  /** Keyed by argument path without the dossier ("reason", "to.name"). */
  actionErrors: FieldErrors;
  /** The last command that succeeded on this dossier, so the page can offer what follows (print form 04). */
  lastDone: DossierCommand | null;
  load(dossierId: string): Promise<void>;
  /**
   * Sends one command about the dossier on screen; false when it failed (what was typed stays on
   * screen). With `refusalField`, a refusal of the arguments that names no field (the core judged the
   * value, not its form: a Sunday as a new appointment) is shown by that field too.
   */
  perform<N extends DossierCommand>(name: N, args: ActionArgs<N>, options?: { refusalField?: string }): Promise<boolean>;
  /** Forgets the last action's messages (a panel was closed). */
  clearAction(): void;
  /** Reloads when another window or desk changed this dossier; returns the function that stops following. */
  follow(): () => void;
}

export type DossierStore = StoreApi<DossierState>;

/** The core's refusal on the form's fields: schema failures by their paths, else on `refusalField` if given. */
function refusalErrors(error: CommandErrorData, refusalField: string | undefined): FieldErrors {
  const byPath = fieldErrorsFromMessage(error.message);
  if (Object.keys(byPath).length > 0 || refusalField === undefined || error.code !== 'invalid_argument') return byPath;
  return { [refusalField]: error.message };
}

export function createDossierStore(backend: DeskBackend): DossierStore {
  let latestLoad = 0;
  return createStore<DossierState>()((set, get) => ({
    dossierId: null,
    detail: null,
    status: 'idle',
    error: null,
    busy: false,
    actionError: null,
    actionErrors: {},
    lastDone: null,

    async load(dossierId) {
      const request = ++latestLoad;
      const switching = get().dossierId !== dossierId;
      set({
        dossierId,
        status: 'loading',
        error: null,
        ...(switching ? { detail: null, actionError: null, actionErrors: {}, lastDone: null } : {}),
      });
      const envelope = await backend.invoke('dossiers.get', { id: dossierId });
      if (request !== latestLoad) return;
      if (envelope.ok) set({ detail: envelope.value, status: 'loaded' });
      else set({ status: 'failed', error: envelope.error });
    },

    async perform(name, args, options = {}) {
      const dossierId = get().dossierId;
      if (dossierId === null || get().busy) return false;
      const full = { ...args, dossierId } as CommandArgs<typeof name>;
      const errors = checkArgs(COMMAND_SCHEMAS[name], full);
      if (Object.keys(errors).length > 0) {
        set({ actionErrors: errors, actionError: null });
        return false;
      }
      set({ busy: true, actionError: null, actionErrors: {} });
      // One call site for ten commands: each argument object was checked against its own schema above.
      const envelope = await (backend.invoke as (n: DossierCommand, a: unknown) => ReturnType<DeskBackend['invoke']>)(name, full);
      if (!envelope.ok) {
        set({ busy: false, actionError: envelope.error, actionErrors: refusalErrors(envelope.error, options.refusalField) });
        return false;
      }
      ++latestLoad; // the answer is the newest state: a load still on its way must not overwrite it
      set({ busy: false, detail: envelope.value as DossierDetail, status: 'loaded', lastDone: name });
      return true;
    },

    clearAction() {
      set({ actionError: null, actionErrors: {} });
    },

    follow() {
      return backend.onEvent('dossiers.changed', ({ dossierIds }) => {
        const id = get().dossierId;
        if (id !== null && dossierIds.includes(id) && !get().busy) void get().load(id);
      });
    },
  }));
}
