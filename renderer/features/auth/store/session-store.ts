import { createStore, type StoreApi } from 'zustand/vanilla';
import { COMMAND_SCHEMAS } from '../../../../shared/contract/commands.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { Officer, SessionInfo } from '../../../../shared/contract/setup.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';
import { checkArgs, type FieldErrors } from '../../../ui/field-errors.js';
import { memoryLockFlag, type LockFlag } from './lock-flag.js';

/**
 * Who may use the desk now:
 * - checking: asking the core; setup: first start (no unit, no supervisor yet);
 * - signedOut / signedIn; locked: an officer is signed in but the UI waits for their password again
 *   (after idle time or on request) — the core keeps the session, the screen hides everything;
 * - failed: the core did not answer.
 */
export type SessionPhase = 'checking' | 'setup' | 'signedOut' | 'signedIn' | 'locked' | 'failed';

export interface SessionState {
  phase: SessionPhase;
  officer: Officer | null;
  error: CommandErrorData | null;
  /** Why the sign-in screen is back when the officer did not sign out (shown above the form). */
  notice: string | null;
  fieldErrors: FieldErrors;
  busy: boolean;
  check(): Promise<void>;
  signIn(username: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
  lock(): void;
  unlock(password: string): Promise<boolean>;
  /**
   * A command was refused as `unauthorized` while the UI believed an officer was signed in: ask the
   * core who is signed in and, if nobody, go back to the sign-in screen saying why.
   */
  sessionLost(): Promise<void>;
  /** The first-start screen signed the new supervisor in. */
  acceptSession(session: SessionInfo): void;
  /** Replaces the signed-in officer's password (required when a supervisor set it); true when changed. */
  changePassword(currentPassword: string, newPassword: string, repeated: string): Promise<boolean>;
}

export type SessionStore = StoreApi<SessionState>;

const WRONG_PASSWORD: CommandErrorData = { code: 'unauthorized', message: 'Mật khẩu không đúng.' };
export const SESSION_ENDED_NOTICE = 'Phiên làm việc đã kết thúc (máy vừa khởi động lại phần xử lý). Hãy đăng nhập lại; hồ sơ đang nhập dở vẫn được giữ.';

export function createSessionStore(backend: DeskBackend, lockFlag: LockFlag = memoryLockFlag()): SessionStore {
  // Many screens may be refused at once (a list and its badges): one question to the core is enough.
  let checkingLoss = false;
  return createStore<SessionState>()((set, get) => ({
    phase: 'checking',
    officer: null,
    error: null,
    notice: null,
    fieldErrors: {},
    busy: false,

    async check() {
      set({ phase: 'checking', error: null });
      const status = await backend.invoke('setup.status', {});
      if (!status.ok) return set({ phase: 'failed', error: status.error });
      if (!status.value.initialised) return set({ phase: 'setup', officer: null });
      const session = await backend.invoke('auth.session', {});
      if (!session.ok) return set({ phase: 'failed', error: session.error });
      const officer = session.value.officer;
      if (officer === null) return set({ phase: 'signedOut', officer: null });
      set({ phase: lockFlag.isSet() ? 'locked' : 'signedIn', officer });
    },

    async signIn(username, password) {
      const args = { username, password };
      const fieldErrors = checkArgs(COMMAND_SCHEMAS['auth.signIn'], args);
      if (Object.keys(fieldErrors).length > 0) {
        set({ fieldErrors, error: null });
        return false;
      }
      set({ busy: true, fieldErrors: {}, error: null });
      const envelope = await backend.invoke('auth.signIn', args);
      if (!envelope.ok || envelope.value.officer === null) {
        set({ busy: false, error: envelope.ok ? WRONG_PASSWORD : envelope.error });
        return false;
      }
      lockFlag.clear();
      set({ busy: false, phase: 'signedIn', officer: envelope.value.officer, notice: null });
      return true;
    },

    async signOut() {
      set({ busy: true, error: null });
      const envelope = await backend.invoke('auth.signOut', {});
      if (!envelope.ok) return set({ busy: false, error: envelope.error });
      lockFlag.clear();
      set({ busy: false, phase: 'signedOut', officer: null, fieldErrors: {} });
    },

    lock() {
      if (get().phase !== 'signedIn') return;
      lockFlag.set();
      set({ phase: 'locked', error: null, fieldErrors: {} });
    },

    async unlock(password) {
      const officer = get().officer;
      if (officer === null) return false;
      if (password === '') {
        set({ fieldErrors: { password: 'Hãy nhập mật khẩu.' }, error: null });
        return false;
      }
      set({ busy: true, fieldErrors: {}, error: null });
      // Checking the password again is a sign-in as the same officer: the core verifies the hash.
      const envelope = await backend.invoke('auth.signIn', { username: officer.username, password });
      if (!envelope.ok || envelope.value.officer?.id !== officer.id) {
        const error = envelope.ok || envelope.error.code === 'unauthorized' ? WRONG_PASSWORD : envelope.error;
        set({ busy: false, error });
        return false;
      }
      lockFlag.clear();
      set({ busy: false, phase: 'signedIn', officer: envelope.value.officer });
      return true;
    },

    async sessionLost() {
      // While locked the unlock signs the same officer in again, so only a working screen needs this.
      if (get().phase !== 'signedIn' || checkingLoss) return;
      checkingLoss = true;
      try {
        const session = await backend.invoke('auth.session', {});
        // The core could not say (unreachable): the screens show that error; nothing to decide here.
        if (!session.ok || session.value.officer !== null || get().phase !== 'signedIn') return;
        lockFlag.clear();
        set({ phase: 'signedOut', officer: null, error: null, fieldErrors: {}, busy: false, notice: SESSION_ENDED_NOTICE });
      } finally {
        checkingLoss = false;
      }
    },

    async changePassword(currentPassword, newPassword, repeated) {
      const args = { currentPassword, newPassword };
      const fieldErrors: Record<string, string> = { ...checkArgs(COMMAND_SCHEMAS['auth.changePassword'], args) };
      if (fieldErrors.newPassword === undefined && newPassword !== repeated) fieldErrors.repeated = 'Hai lần nhập mật khẩu mới không giống nhau.';
      if (Object.keys(fieldErrors).length > 0) return (set({ fieldErrors, error: null }), false);
      set({ busy: true, fieldErrors: {}, error: null });
      const envelope = await backend.invoke('auth.changePassword', args);
      if (!envelope.ok || envelope.value.officer === null) {
        set({ busy: false, error: envelope.ok ? WRONG_PASSWORD : envelope.error });
        return false;
      }
      set({ busy: false, officer: envelope.value.officer });
      return true;
    },

    acceptSession(session) {
      lockFlag.clear();
      set(session.officer === null ? { phase: 'signedOut', officer: null } : { phase: 'signedIn', officer: session.officer, error: null });
    },
  }));
}
