import { EMPTY_DRAFT, type IntakeDraft } from './intake-draft.js';

/** Where an unfinished intake waits across a restart (the desk's localStorage in the app). */
export interface DraftStorage {
  load(): IntakeDraft | null;
  save(draft: IntakeDraft): void;
  clear(): void;
}

const VERSION = 1;

/**
 * Keeps the draft as JSON under one key. Only the draft is written — the fields on screen — never the
 * raw QR line a scanner typed (the store keeps that out of the draft altogether).
 */
export function storageDraftStorage(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, key = 'desk.intake-draft'): DraftStorage {
  return {
    load() {
      try {
        const text = storage.getItem(key);
        if (text === null) return null;
        const parsed = JSON.parse(text) as { version?: unknown; draft?: Partial<IntakeDraft> };
        if (parsed.version !== VERSION || typeof parsed.draft !== 'object' || parsed.draft === null) return null;
        const draft = parsed.draft;
        // Merge onto the empty draft so a field added in a later version starts empty, not undefined.
        return {
          ...EMPTY_DRAFT,
          ...draft,
          applicant: { ...EMPTY_DRAFT.applicant, ...draft.applicant },
          owner: { ...EMPTY_DRAFT.owner, ...draft.owner },
          documents: { ...draft.documents },
        };
      } catch {
        return null; // a damaged draft is dropped, never allowed to break the intake screen
      }
    },
    save(draft) {
      try {
        storage.setItem(key, JSON.stringify({ version: VERSION, draft }));
      } catch {
        // Storage full or disabled: the draft still lives in memory for this session.
      }
    },
    clear() {
      try {
        storage.removeItem(key);
      } catch {
        // as above
      }
    },
  };
}

export function memoryDraftStorage(initial: IntakeDraft | null = null): DraftStorage & { saved: IntakeDraft | null } {
  const holder = {
    saved: initial,
    load: () => holder.saved,
    save: (draft: IntakeDraft) => {
      holder.saved = structuredClone(draft);
    },
    clear: () => {
      holder.saved = null;
    },
  };
  return holder;
}
