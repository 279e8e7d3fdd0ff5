import { createStoreContext } from '../../../ui/store-context.js';
import type { DeskUnitState } from './desk-unit-store.js';

const context = createStoreContext<DeskUnitState>('DeskUnit');

export const DeskUnitStoreProvider = context.Provider;
export const useDeskUnitStore = context.useStore;
