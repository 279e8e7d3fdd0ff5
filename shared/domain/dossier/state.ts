import type {
  Applicant,
  AttachmentKind,
  AttachmentMediaType,
  AttachmentSource,
  Channel,
  Collector,
  CorrectableField,
  DocumentReceived,
  HandoverTarget,
  Owner,
  ProcedureSnapshot,
  ResultOutcome,
  SatisfactionLevel,
  StatusCode,
  UnitSnapshot,
} from './events.js';

// The state of one dossier: a deterministic function of its event set (fold.ts). Plain, readonly
// data so the desk store can keep it, compare it and write projections from it.

/** How the dossier entered the desk; null only for a dossier whose creation event has not arrived. */
export type IntakeOutcome = 'accepted' | 'supplement_requested' | 'refused';

export interface SupplementRound {
  readonly requestedAt: string;
  readonly items: readonly string[];
  readonly reason: string;
  readonly receivedAt: string | null;
  /** Requested at the counter (form 02 instead of a receipt: the dossier is not received) rather than during processing. */
  readonly atIntake: boolean;
  readonly officerId: string;
}

/** A row of the control sheet (form 05). The receipt itself is the first row. */
export interface HandoverRow {
  readonly kind: 'receipt' | 'forward';
  readonly at: string;
  readonly to: HandoverTarget;
  readonly note: string;
  readonly officerId: string;
}

/** A form 04 (apology and new appointment). */
export interface RescheduleRecord {
  readonly at: string;
  readonly reason: string;
  readonly previousAppointmentAt: string;
  readonly newAppointmentAt: string;
  readonly officerId: string;
}

export interface FeeRecord {
  readonly at: string;
  readonly amountVnd: number;
  readonly receiptNo: string | null;
  readonly officerId: string;
}

export interface NoteRecord {
  readonly at: string;
  readonly text: string;
  readonly officerId: string;
}

export interface CorrectionRecord {
  readonly at: string;
  readonly field: CorrectableField;
  readonly oldValue: string | number | null;
  readonly newValue: string | number | null;
  readonly reason: string;
  readonly officerId: string;
}

/** A digitised paper as the fold keeps it; a retracted one stays listed (the log never forgets). */
export interface AttachmentRecord {
  readonly attachmentId: string;
  readonly blobSha256: string;
  readonly fileName: string;
  readonly mediaType: AttachmentMediaType;
  readonly pages: number;
  readonly sizeBytes: number;
  readonly kind: AttachmentKind;
  readonly checklistItemId: string | null;
  readonly source: AttachmentSource;
  readonly reusedFromDossierId: string | null;
  readonly addedAt: string;
  readonly officerId: string;
  /** null while the attachment counts; set by 'attachment.retracted'. */
  readonly retractedAt: string | null;
  readonly retractReason: string | null;
}

/** Each received paper's digitisation: chưa số hoá / đã số hoá / dùng lại từ hồ sơ trước / dùng lại từ kết quả. */
export type DigitisationState = 'not_digitised' | 'digitised' | 'reused_dossier' | 'reused_result';

export interface ChecklistDigitisation {
  /** DocumentReceived.itemId. */
  readonly itemId: string;
  readonly name: string;
  readonly state: DigitisationState;
  /** The attachments (not retracted, intake kind) that digitise this paper. */
  readonly attachmentIds: readonly string[];
}

export interface DossierState {
  readonly id: string;
  /** False only while events arrived without their creation event (then status 1 and needsReview). */
  readonly created: boolean;
  /**
   * null for a refused dossier (no code is issued), one not yet created, or one turned back at the counter
   * and not yet received (its code comes with the papers; reception.ts).
   */
  readonly code: string | null;
  readonly status: StatusCode;
  readonly unit: UnitSnapshot;
  readonly procedure: ProcedureSnapshot;
  readonly channel: Channel;
  readonly applicant: Applicant;
  /** null: the applicant is the owner. */
  readonly owner: Owner | null;
  readonly documents: readonly DocumentReceived[];
  readonly sets: number;
  readonly notes: string;
  /**
   * When the dossier was received (form 01). null for a refused dossier (see refusedAt) and for one turned
   * back at the counter until the citizen brings the papers: it is received then (reception.ts).
   */
  readonly receivedAt: string | null;
  /** The current appointment (after apologies and supplement extensions); null while none runs. */
  readonly appointmentAt: string | null;
  /** The first appointment ever given (for a supplement at intake: the one given on completion). */
  readonly originalAppointmentAt: string | null;
  readonly backEntered: boolean;
  readonly intake: IntakeOutcome | null;
  readonly supplements: readonly SupplementRound[];
  /** Where status 5 returns to when the supplement arrives (2 or 4); null when none is open. */
  readonly statusBeforeSupplement: StatusCode | null;
  readonly handovers: readonly HandoverRow[];
  readonly reschedules: readonly RescheduleRecord[];
  readonly resultAt: string | null;
  readonly outcome: ResultOutcome | null;
  readonly resultSummary: string | null;
  readonly handedBackAt: string | null;
  readonly collector: Collector | null;
  readonly rating: SatisfactionLevel | null;
  readonly ratedAt: string | null;
  readonly withdrawnAt: string | null;
  readonly withdrawReason: string | null;
  readonly stoppedAt: string | null;
  readonly stopReason: string | null;
  readonly feesVnd: number;
  readonly fees: readonly FeeRecord[];
  readonly notesLog: readonly NoteRecord[];
  readonly corrections: readonly CorrectionRecord[];
  readonly refusedAt: string | null;
  readonly refusedReason: string | null;
  /** Every attachment in event order, retracted ones included (see AttachmentRecord.retractedAt). */
  readonly attachments: readonly AttachmentRecord[];
  /** One row per received paper (documents), in the same order. */
  readonly digitisation: readonly ChecklistDigitisation[];
  /** The officer of the creation event. */
  readonly createdBy: string | null;
  /** The latest business time among the events (ISO UTC). */
  readonly lastEventAt: string;
  /** The (hlc, id) of the last event folded: the next one applies incrementally only if it sorts after. */
  readonly lastHlc: string;
  readonly lastEventId: string;
  readonly eventCount: number;
  /** A fact arrived (by sync) that the lifecycle forbids at that point: a supervisor must look. */
  readonly needsReview: boolean;
  /** Why, in Vietnamese, one line per conflicting event; cleared by 'conflict.resolved'. */
  readonly reviewReasons: readonly string[];
}
