import { createStoreContext } from '../../../ui/store-context.js';
import type { SessionState } from './session-store.js';

const context = createStoreContext<SessionState>('Session');

export const SessionStoreProvider = context.Provider;
export const useSessionStore = context.useStore;
