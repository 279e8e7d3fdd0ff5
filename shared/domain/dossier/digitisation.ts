import type { DocumentReceived } from './events.js';
import type { AttachmentRecord, ChecklistDigitisation, DigitisationState } from './state.js';

// Each received paper's digitisation state, derived from the documents and the attachments so that it
// is the same whichever of the two changed last (and whatever order sync delivered them in).

/** Attachments that count: not retracted. */
export function activeAttachments(attachments: readonly AttachmentRecord[]): AttachmentRecord[] {
  return attachments.filter((a) => a.retractedAt === null);
}

// A fresh scan of the paper beats a reused file; a reused intake paper beats a reused result.
function stateOf(digitising: readonly AttachmentRecord[]): DigitisationState {
  if (digitising.some((a) => a.source === 'scan' || a.source === 'file' || a.source === 'inbox')) return 'digitised';
  if (digitising.some((a) => a.source === 'reused_dossier')) return 'reused_dossier';
  if (digitising.some((a) => a.source === 'reused_result')) return 'reused_result';
  return 'not_digitised';
}

export function digitisationOf(documents: readonly DocumentReceived[], attachments: readonly AttachmentRecord[]): ChecklistDigitisation[] {
  const active = activeAttachments(attachments).filter((a) => a.kind === 'intake');
  return documents.map((doc) => {
    const digitising = active.filter((a) => a.checklistItemId === doc.itemId);
    return { itemId: doc.itemId, name: doc.name, state: stateOf(digitising), attachmentIds: digitising.map((a) => a.attachmentId) };
  });
}
