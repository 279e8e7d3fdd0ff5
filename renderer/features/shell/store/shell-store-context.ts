import { createStoreContext } from '../../../ui/store-context.js';
import type { ShellState } from './shell-store.js';

const context = createStoreContext<ShellState>('Shell');

export const ShellStoreProvider = context.Provider;
export const useShellStore = context.useStore;
