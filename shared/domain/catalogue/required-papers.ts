import type { RequiredDocument } from './procedure.js';

// One rule for the core and the intake screen: a dossier is accepted only with every paper the
// procedure always requires (Decree 61/2018, art. 15: an incomplete dossier gets form 02, not a receipt).

/** The procedure's required papers that are not among the received ones, in checklist order. */
export function missingRequiredPapers(checklist: readonly RequiredDocument[], receivedIds: ReadonlySet<string>): RequiredDocument[] {
  return checklist.filter((doc) => doc.required && !receivedIds.has(doc.id));
}

/** The officer's message for an acceptance refused for missing papers, naming each one. */
export function missingPapersMessage(missing: readonly Pick<RequiredDocument, 'name'>[]): string {
  return `Chưa đủ giấy tờ bắt buộc để tiếp nhận; còn thiếu: ${missing.map((doc) => doc.name).join('; ')}. Hãy lập phiếu yêu cầu bổ sung (mẫu 02).`;
}
