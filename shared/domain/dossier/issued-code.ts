import type { DossierEvent } from './events.js';

// "The code this event issues": the one place that knows which events give a dossier its code, so the
// centre's uniqueness and ownership checks and the desk's collision handling read codes alike. A
// reception issues one; a dossier turned back at the counter (form 02, not received) gets its code when
// the citizen brings the papers, on supplement.received; a reissue replaces it.

export function codeIssuedBy(event: DossierEvent): string | null {
  switch (event.type) {
    case 'dossier.received':
      return event.payload.code;
    case 'supplement.received':
      return event.payload.code ?? null;
    case 'code.reissued':
      return event.payload.code;
    default:
      return null;
  }
}

/**
 * When the code an event issues was issued: the receipt (its receivedAt, for a back-entered dossier the
 * time logged on paper) or, for a reissue, the event's own instant. The code's date part is this
 * instant's Vietnam date, since the desk allocates it from the same instant (code-allocator.ts).
 */
export function codeIssuedAt(event: DossierEvent): string {
  switch (event.type) {
    case 'dossier.received':
    case 'supplement.received':
      return event.payload.receivedAt;
    default:
      return event.occurredAt;
  }
}
