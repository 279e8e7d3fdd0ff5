import type { Procedure } from '../../../../shared/contract/catalogue.js';
import { missingRequiredPapers } from '../../../../shared/domain/catalogue/required-papers.js';
import type { DocumentForm, OwnerKind, Sex } from '../../../../shared/domain/dossier/events.js';

// The intake form as the officer fills it: strings as typed (so nothing is lost or reformatted while
// typing), turned into command arguments only on submit (intake-args.ts).

export type Channel = 1 | 2 | 3;

export interface DocumentChoice {
  received: boolean;
  form: DocumentForm;
  count: string;
}

export type IntakeDecision = 'accept' | 'supplement' | 'refuse';

export interface IntakeDraft {
  procedure: Procedure | null;
  channel: Channel;
  applicant: {
    fullName: string;
    idNumber: string;
    /** As typed, dd/MM/yyyy (turned into yyyy-MM-dd on submit). */
    birthDate: string;
    sex: Sex | '';
    address: string;
    phone: string;
    email: string;
  };
  owner: { separate: boolean; kind: OwnerKind; name: string; idNumber: string };
  /** Per checklist item id of the chosen procedure. */
  documents: Record<string, DocumentChoice>;
  sets: string;
  notes: string;
  /** Which of the three outcomes the officer has opened. */
  decision: IntakeDecision;
  /** Form 02: one missing paper per line. */
  supplementItems: string;
  supplementReason: string;
  /** Form 03. */
  refuseReason: string;
}

export const EMPTY_DRAFT: IntakeDraft = {
  procedure: null,
  channel: 1,
  applicant: { fullName: '', idNumber: '', birthDate: '', sex: '', address: '', phone: '', email: '' },
  owner: { separate: false, kind: 'citizen', name: '', idNumber: '' },
  documents: {},
  sets: '1',
  notes: '',
  decision: 'accept',
  supplementItems: '',
  supplementReason: '',
  refuseReason: '',
};

/** How a checklist paper is usually brought; "original or copy" starts as the original. */
export function defaultDocumentForm(form: Procedure['documents'][number]['form']): DocumentForm {
  return form === 'original_or_copy' ? 'original' : form;
}

/** A fresh checklist for a procedure: nothing ticked, so each paper is ticked only once it is seen. */
export function checklistFor(procedure: Procedure): Record<string, DocumentChoice> {
  return Object.fromEntries(
    procedure.documents.map((doc) => [doc.id, { received: false, form: defaultDocumentForm(doc.form), count: String(doc.count) }]),
  );
}

/** Required papers not ticked as received: what form 02 would list. */
export function missingRequiredDocuments(draft: IntakeDraft): string[] {
  if (draft.procedure === null) return [];
  const received = new Set(Object.entries(draft.documents).filter(([, choice]) => choice.received).map(([id]) => id));
  return missingRequiredPapers(draft.procedure.documents, received).map((doc) => doc.name);
}

/** True when nothing has been typed or chosen: such a draft is not worth keeping. */
export function isEmptyDraft(draft: IntakeDraft): boolean {
  return JSON.stringify({ ...draft, documents: {} }) === JSON.stringify({ ...EMPTY_DRAFT, documents: {} });
}
