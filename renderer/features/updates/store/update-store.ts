import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { UpdateState } from '../../../../shared/contract/shell.js';
import { callShell } from '../../../backend/shell-call.js';
import type { DeskBridge } from '../../../backend/desk-bridge.js';

// The desk's updates as main reports them (shell operations: only the Electron window has them; in the
// browser `bridge` is undefined and the store says the desk does not update itself).

export interface UpdateStoreState {
  /** false in the browser: no updater there. */
  available: boolean;
  update: UpdateState | null;
  error: CommandErrorData | null;
  refresh(): Promise<void>;
  /** "Khởi động lại để cập nhật": main refuses while an intake is open. */
  install(): Promise<void>;
  /** The intake screen opened or closed: main installs nothing in the middle of an intake. */
  reportIntakeOpen(open: boolean): Promise<void>;
}

export type UpdateStore = StoreApi<UpdateStoreState>;

export function createUpdateStore(bridge: DeskBridge | undefined): UpdateStore {
  return createStore<UpdateStoreState>()((set) => ({
    available: bridge !== undefined,
    update: null,
    error: null,
    async refresh() {
      if (bridge === undefined) return;
      const envelope = await callShell(bridge, 'shell.updateState', {});
      if (envelope.ok) set({ update: envelope.value });
    },
    async install() {
      if (bridge === undefined) return;
      const envelope = await callShell(bridge, 'shell.installUpdate', {});
      set(envelope.ok ? { update: envelope.value, error: null } : { error: envelope.error });
    },
    async reportIntakeOpen(open) {
      if (bridge === undefined) return;
      const envelope = await callShell(bridge, 'shell.setIntakeOpen', { open });
      if (envelope.ok) set({ update: envelope.value });
    },
  }));
}

/** How often an open screen asks main again (a check or download moves on its own). */
export const UPDATE_REFRESH_MS = 60_000;

export const UPDATE_PHASE_LABELS: Record<UpdateState['phase'], string> = {
  disabled: 'Không tự cập nhật (máy chưa đăng ký với trung tâm)',
  idle: 'Chờ kiểm tra',
  checking: 'Đang kiểm tra bản mới',
  'up-to-date': 'Đang dùng bản mới nhất',
  downloading: 'Đang tải bản mới',
  'waiting-for-sync': 'Chờ đồng bộ xong để tải bản mới',
  downloaded: 'Đã tải xong, sẽ cài khi khởi động lại',
  error: 'Lỗi khi cập nhật, sẽ thử lại',
};
