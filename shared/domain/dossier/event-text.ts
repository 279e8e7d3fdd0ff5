import { normaliseMultilineText, normaliseName } from '../text/normalise-name.js';
import type { Applicant, DossierEvent, FieldCorrectedPayload, Owner } from './events.js';

// Events are immutable and content-hashed by sync, so text written before the storage rule (or by a
// desk that does not apply it) stays in the log as it came. The fold reads every event through
// withStoredText, so states, projections, exports, log books, the desk's screens and the centre all
// see the stored form (shared/domain/text/normalise-name.ts): NFC, single spaces, no invisible or
// control characters. A clean event — every event, once all desks apply the rule — comes back as the
// same object, with nothing allocated but the small `changes` literals.

const line = normaliseName;
const lines = normaliseMultilineText;
const lineOrNull = (text: string | null): string | null => (text === null ? null : line(text));

/** `value` itself when no key of `changes` differs from it, else a copy with the changes. */
function patched<T extends object>(value: T, changes: Partial<T>): T {
  for (const key in changes) {
    if (changes[key] !== value[key]) return { ...value, ...changes };
  }
  return value;
}

/** The payloads whose only free text is a reason. */
const withReason = <P extends { readonly reason: string }>(p: P): P => patched(p, { reason: lines(p.reason) } as Partial<P>);

function linesOf(items: readonly string[]): readonly string[] {
  const next = items.map(line);
  return next.every((item, i) => item === items[i]) ? items : next;
}

const applicantText = (a: Applicant): Applicant => patched(a, { fullName: line(a.fullName), address: lineOrNull(a.address) });

const ownerText = (o: Owner | null): Owner | null => (o === null ? null : patched(o, { name: line(o.name), idNumber: lineOrNull(o.idNumber) }));

/** A corrected value in the stored form of its field (names and addresses one line, notes several). */
function correctedText(p: FieldCorrectedPayload): FieldCorrectedPayload {
  const reason = lines(p.reason);
  switch (p.field) {
    case 'applicant.fullName':
    case 'owner.name':
      return patched(p, { oldValue: line(p.oldValue), newValue: line(p.newValue), reason });
    case 'applicant.address':
    case 'owner.idNumber':
      return patched(p, { oldValue: lineOrNull(p.oldValue), newValue: lineOrNull(p.newValue), reason });
    case 'notes':
      return patched(p, { oldValue: lines(p.oldValue), newValue: lines(p.newValue), reason });
    default:
      return patched(p, { reason });
  }
}

function payloadText(event: DossierEvent): DossierEvent['payload'] {
  switch (event.type) {
    case 'dossier.received': {
      const p = event.payload;
      const documents = p.documents.map((d) => patched(d, { name: line(d.name) }));
      const supplement = p.supplement === null ? null : patched(p.supplement, { items: linesOf(p.supplement.items), reason: lines(p.supplement.reason) });
      return patched(p, {
        applicant: applicantText(p.applicant),
        owner: ownerText(p.owner),
        documents: documents.every((d, i) => d === p.documents[i]) ? p.documents : documents,
        notes: lines(p.notes),
        supplement,
      });
    }
    case 'dossier.refused':
      return patched(event.payload, { applicant: applicantText(event.payload.applicant), reason: lines(event.payload.reason) });
    case 'supplement.requested':
      return patched(event.payload, { items: linesOf(event.payload.items), reason: lines(event.payload.reason) });
    case 'dossier.forwarded':
      return patched(event.payload, { to: patched(event.payload.to, { name: line(event.payload.to.name) }), note: lines(event.payload.note) });
    case 'result.recorded':
      return patched(event.payload, { summary: lines(event.payload.summary) });
    case 'appointment.rescheduled':
    case 'dossier.withdrawn':
    case 'processing.stopped':
    case 'conflict.resolved':
    case 'attachment.retracted':
    case 'code.reissued':
      return withReason(event.payload);
    case 'result.handedBack': {
      const c = event.payload.collector;
      return c.kind === 'applicant' ? event.payload : patched(event.payload, { collector: patched(c, { fullName: line(c.fullName) }) });
    }
    case 'fee.recorded':
      return patched(event.payload, { receiptNo: lineOrNull(event.payload.receiptNo) });
    case 'note.added':
      return patched(event.payload, { text: lines(event.payload.text) });
    case 'field.corrected':
      return correctedText(event.payload);
    case 'attachment.added':
      return patched(event.payload, { fileName: line(event.payload.fileName) });
    case 'satisfaction.rated':
      return event.payload.reason === undefined ? event.payload : patched(event.payload, { reason: lines(event.payload.reason) });
    case 'supplement.received':
      return event.payload;
  }
}

/** `event` with its free text in the stored form; the same object when it already was. */
export function withStoredText(event: DossierEvent): DossierEvent {
  const payload = payloadText(event);
  return payload === event.payload ? event : ({ ...event, payload } as DossierEvent);
}
