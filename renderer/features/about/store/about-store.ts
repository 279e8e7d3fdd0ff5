import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo } from '../../../../shared/contract/app-info.js';
import type { DeskClient } from '../../../../shared/contract/commands.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';

export type AboutStatus = 'idle' | 'loading' | 'loaded' | 'failed';

export interface AboutState {
  info: AppInfo | null;
  status: AboutStatus;
  error: CommandErrorData | null;
  /** When `info` last answered, to show the officer how fresh it is. */
  loadedAt: Date | null;
  reload(): Promise<void>;
}

export type AboutStore = StoreApi<AboutState>;

export function createAboutStore(client: DeskClient, now: () => Date = () => new Date()): AboutStore {
  let latestRequest = 0;
  return createStore<AboutState>()((set) => ({
    info: null,
    status: 'idle',
    error: null,
    loadedAt: null,
    async reload() {
      const request = ++latestRequest;
      set({ status: 'loading' });
      const envelope = await client.invoke('app.info', {});
      if (request !== latestRequest) return; // only the latest press of "Tải lại" decides what is shown
      if (envelope.ok) set({ info: envelope.value, status: 'loaded', error: null, loadedAt: now() });
      else set({ status: 'failed', error: envelope.error }); // the last good values stay visible
    },
  }));
}
