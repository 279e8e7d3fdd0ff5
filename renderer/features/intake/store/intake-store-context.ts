import { createStoreContext } from '../../../ui/store-context.js';
import type { IntakeState } from './intake-store.js';

const context = createStoreContext<IntakeState>('Intake');

export const IntakeStoreProvider = context.Provider;
export const useIntakeStore = context.useStore;
