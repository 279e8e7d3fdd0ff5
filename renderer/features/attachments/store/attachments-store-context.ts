import { createStoreContext } from '../../../ui/store-context.js';
import type { AttachmentsState } from './attachments-store.js';

const context = createStoreContext<AttachmentsState>('Attachments');

export const AttachmentsStoreProvider = context.Provider;
export const useAttachmentsStore = context.useStore;
/** The store itself, for actions that read state at call time. */
export const useAttachmentsStoreApi = context.useStoreApi;
