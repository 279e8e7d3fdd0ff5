import type { DeadlineLimit } from '../calendar/deadlines.js';
// Dossier events: the immutable facts a dossier's state is folded from (DESIGN.md, "Desk data").
// Events are never edited or deleted; a correction is a new event. Ids are made by the caller
// (ULIDs), so this module stays pure and deterministic. Runtime validation: event-schemas.ts.

/** Every event type, in the order a dossier usually meets them. */
export const EVENT_TYPES = [
  'dossier.received',
  'dossier.refused',
  'supplement.requested',
  'supplement.received',
  'dossier.forwarded',
  'result.recorded',
  'appointment.rescheduled',
  'result.handedBack',
  'satisfaction.rated',
  'dossier.withdrawn',
  'processing.stopped',
  'fee.recorded',
  'note.added',
  'field.corrected',
  'conflict.resolved',
  'attachment.added',
  'attachment.retracted',
  'code.reissued',
] as const;

export type DossierEventType = (typeof EVENT_TYPES)[number];

/** The two events that create a dossier; every other event needs one before it. */
export const CREATION_EVENT_TYPES = ['dossier.received', 'dossier.refused'] as const satisfies readonly DossierEventType[];
export type CreationEventType = (typeof CREATION_EVENT_TYPES)[number];

export function isCreationEventType(type: DossierEventType): type is CreationEventType {
  return type === 'dossier.received' || type === 'dossier.refused';
}

/** National status codes 1–10 (labels and rules in lifecycle.ts). */
export type StatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** Kênh — 1 in person (trực tiếp), 2 online (trực tuyến), 3 public postal service (BCCI). */
export type Channel = 1 | 2 | 3;

/** The unit (ward/commune) as it was on the day of receipt: units are versioned and get merged. */
export interface UnitSnapshot {
  /** GSO code, 5 digits (e.g. 06691 Hồng Gai). */
  readonly gsoCode: string;
  readonly name: string;
  /** The agency's electronic identifier, e.g. `000.00.06.H49`. */
  readonly agencyId: string;
}

/** Thời hạn giải quyết: the limit that applied to this dossier (the calendar module computes with it). */
export type ProcedureLimit = DeadlineLimit;

/** The procedure as it was catalogued on the day of receipt: the catalogue changes, the dossier does not. */
export interface ProcedureSnapshot {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  /** Lĩnh vực (sector), e.g. civil status. */
  readonly sectorId: string;
  readonly sectorName: string;
  readonly limit: ProcedureLimit;
  /** Same-day cut-off 'HH:mm' (received after it → next working day); null: none. */
  readonly cutoff: string | null;
}

export type Sex = 'male' | 'female';

/** The person who submits the dossier (người nộp). */
export interface Applicant {
  readonly fullName: string;
  /** CCCD number, 12 digits. */
  readonly idNumber: string | null;
  /** yyyy-MM-dd. */
  readonly birthDate: string | null;
  readonly sex: Sex | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export const OWNER_KINDS = ['citizen', 'business', 'agency', 'organisation', 'other'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** Chủ hồ sơ (the person or body the dossier is for) when different from the applicant. */
export interface Owner {
  readonly kind: OwnerKind;
  readonly name: string;
  /** CCCD (12 digits) for a citizen, tax or registration number otherwise. */
  readonly idNumber: string | null;
}

/** How a paper was presented: bản chính / bản sao chứng thực / bản sao. */
export type DocumentForm = 'original' | 'certified_copy' | 'copy';

/** One row of the papers-received table on form 01, checked against the procedure's checklist. */
export interface DocumentReceived {
  /** The checklist item id (or a free id for a paper outside the checklist). */
  readonly itemId: string;
  readonly name: string;
  readonly form: DocumentForm;
  readonly count: number;
}

/** Form 02 (phiếu yêu cầu bổ sung): everything missing, listed at once, and why. */
export interface SupplementList {
  readonly items: readonly string[];
  readonly reason: string;
}

export type IntakeDecision = 'accepted' | 'supplement_requested';

export interface DossierReceivedPayload {
  /**
   * `<agency identifier>-<yyMMdd>-<NNNN>`, allocated by the core in the same transaction. null when the
   * dossier is turned back at the counter (intake 'supplement_requested'): it is not received, so it takes
   * no serial of the day; its code comes with the papers (SupplementReceivedPayload.code). Events written
   * before this rule carry a code for such dossiers too: the fold keeps it (it was printed on form 02).
   */
  readonly code: string | null;
  readonly unit: UnitSnapshot;
  readonly procedure: ProcedureSnapshot;
  readonly channel: Channel;
  readonly applicant: Applicant;
  /** null: the applicant is the owner. */
  readonly owner: Owner | null;
  readonly documents: readonly DocumentReceived[];
  /** Number of sets (bộ hồ sơ). */
  readonly sets: number;
  readonly notes: string;
  /**
   * The real receipt time (for a back-entered dossier: when it was logged on paper). Equals occurredAt.
   * For a dossier turned back at the counter: when form 02 was issued (it is received on the return).
   */
  readonly receivedAt: string;
  /** Computed by the core from the calendar; null for a dossier turned back at the counter (no clock runs). */
  readonly appointmentAt: string | null;
  /** Entered afterwards by a supervisor from a paper log kept during an outage. */
  readonly backEntered: boolean;
  readonly intake: IntakeDecision;
  /** Present exactly when intake is 'supplement_requested' (the dossier starts in status 5). */
  readonly supplement: SupplementList | null;
}

/** Form 03: refused at intake. No code is issued. */
export interface DossierRefusedPayload {
  readonly unit: UnitSnapshot;
  readonly procedure: ProcedureSnapshot;
  readonly channel: Channel;
  readonly applicant: Applicant;
  readonly reason: string;
  /** Equals occurredAt. */
  readonly refusedAt: string;
}

export interface SupplementRequestedPayload {
  readonly items: readonly string[];
  readonly reason: string;
  readonly requestedAt: string;
}

export interface SupplementReceivedPayload {
  readonly receivedAt: string;
  /**
   * The appointment moved by the time spent waiting (computed by the core). For the return of a dossier
   * turned back at the counter: the appointment of a receipt at this moment (its clock starts now).
   */
  readonly newAppointmentAt: string;
  /**
   * The return of a dossier turned back at the counter that has no code yet: the dossier is received now,
   * and this is the code of the day the core allocated for it (form 01). Absent on every other return.
   */
  readonly code?: string;
}

export type HandoverTargetKind = 'officer' | 'agency';

export interface HandoverTarget {
  readonly kind: HandoverTargetKind;
  readonly name: string;
}

/** One hand-over row of the control sheet (form 05). */
export interface DossierForwardedPayload {
  readonly to: HandoverTarget;
  readonly note: string;
  readonly forwardedAt: string;
}

export type ResultOutcome = 'approved' | 'rejected';

export interface ResultRecordedPayload {
  readonly resultAt: string;
  readonly summary: string;
  readonly outcome: ResultOutcome;
}

/** Form 04: apology and a new appointment. */
export interface AppointmentRescheduledPayload {
  readonly reason: string;
  /** The appointment being moved; must equal the dossier's current one (else someone moved it meanwhile). */
  readonly previousAppointmentAt: string;
  readonly newAppointmentAt: string;
}

export type Collector =
  | { readonly kind: 'applicant' }
  | { readonly kind: 'authorised'; readonly fullName: string; readonly idNumber: string };

export interface ResultHandedBackPayload {
  readonly collector: Collector;
  readonly handedBackAt: string;
}

export const SATISFACTION_LEVELS = ['very_satisfied', 'satisfied', 'not_satisfied', 'not_rated'] as const;
/** Rất hài lòng / Hài lòng / Không hài lòng, or the citizen declined to rate. */
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** The longest reason a citizen may give for "Không hài lòng" (a sentence or two, not a complaint file). */
export const RATING_REASON_MAX_LENGTH = 500;

export interface SatisfactionRatedPayload {
  readonly level: SatisfactionLevel;
  /**
   * Why the citizen was not satisfied, when they said (only with not_satisfied). Added after the first
   * release: optional, so events without it — from older desks, or before it — stay valid as they are.
   * Not personal data, but the citizen's own words: never logged.
   */
  readonly reason?: string;
}

export interface DossierWithdrawnPayload {
  readonly reason: string;
  readonly withdrawnAt: string;
}

export interface ProcessingStoppedPayload {
  readonly reason: string;
  readonly stoppedAt: string;
}

export interface FeeRecordedPayload {
  readonly amountVnd: number;
  readonly receiptNo: string | null;
}

export interface NoteAddedPayload {
  readonly text: string;
}

/** The fields an officer may correct after receipt, with the value type of each. */
export interface CorrectableFields {
  'applicant.fullName': string;
  'applicant.idNumber': string | null;
  'applicant.birthDate': string | null;
  'applicant.phone': string | null;
  'applicant.address': string | null;
  'applicant.email': string | null;
  'owner.name': string;
  'owner.idNumber': string | null;
  notes: string;
  sets: number;
}

export type CorrectableField = keyof CorrectableFields;

export const CORRECTABLE_FIELDS = [
  'applicant.fullName',
  'applicant.idNumber',
  'applicant.birthDate',
  'applicant.phone',
  'applicant.address',
  'applicant.email',
  'owner.name',
  'owner.idNumber',
  'notes',
  'sets',
] as const satisfies readonly CorrectableField[];

export type FieldCorrectedPayload = {
  readonly [F in CorrectableField]: {
    readonly field: F;
    /** What the officer saw; a mismatch means someone corrected it meanwhile. */
    readonly oldValue: CorrectableFields[F];
    readonly newValue: CorrectableFields[F];
    readonly reason: string;
  };
}[CorrectableField];

export type ConflictResolvedPayload =
  | { readonly reason: string; readonly resolution: 'keep_current' }
  | { readonly reason: string; readonly resolution: 'set_status'; readonly status: StatusCode };

/** Hồ sơ giấy đã số hoá: an intake paper, or the result handed back (digitising both is a legal duty). */
export const ATTACHMENT_KINDS = ['intake', 'result'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Where the bytes came from; the two 'reused_*' sources point at an earlier dossier's blob (no new copy). */
export const ATTACHMENT_SOURCES = ['scan', 'file', 'inbox', 'reused_dossier', 'reused_result'] as const;
export type AttachmentSource = (typeof ATTACHMENT_SOURCES)[number];

/** The types a desk stores (images are normally turned into one PDF on import). */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** One digitised paper: names a content-addressed blob (SHA-256), which may not have reached this machine yet. */
export interface AttachmentAddedPayload {
  /** ULID of the attachment; a retraction names it. */
  readonly attachmentId: string;
  /** Lower-case hex SHA-256 of the stored bytes: the blob's name. */
  readonly blobSha256: string;
  readonly fileName: string;
  readonly mediaType: AttachmentMediaType;
  readonly pages: number;
  readonly sizeBytes: number;
  readonly kind: AttachmentKind;
  /** The checklist item (DocumentReceived.itemId) this file digitises; null for a paper outside the list. */
  readonly checklistItemId: string | null;
  readonly source: AttachmentSource;
  /** The earlier dossier whose file is reused; present exactly for the 'reused_*' sources. */
  readonly reusedFromDossierId: string | null;
}

/** Removing an attachment is a fact too; the blob stays until nothing references it. */
export interface AttachmentRetractedPayload {
  readonly attachmentId: string;
  readonly reason: string;
}

/**
 * A new dossier code for a dossier whose code turned out to be held by another dossier of the unit
 * (a restored or misconfigured desk): the supervisor issues the station's next free code and reprints
 * the receipt. The old code stays in the history; the lookup and the desks follow the new one.
 */
export interface CodeReissuedPayload {
  readonly code: string;
  readonly previousCode: string | null;
  readonly reason: string;
}

export interface DossierEventPayloads {
  'dossier.received': DossierReceivedPayload;
  'dossier.refused': DossierRefusedPayload;
  'supplement.requested': SupplementRequestedPayload;
  'supplement.received': SupplementReceivedPayload;
  'dossier.forwarded': DossierForwardedPayload;
  'result.recorded': ResultRecordedPayload;
  'appointment.rescheduled': AppointmentRescheduledPayload;
  'result.handedBack': ResultHandedBackPayload;
  'satisfaction.rated': SatisfactionRatedPayload;
  'dossier.withdrawn': DossierWithdrawnPayload;
  'processing.stopped': ProcessingStoppedPayload;
  'fee.recorded': FeeRecordedPayload;
  'note.added': NoteAddedPayload;
  'field.corrected': FieldCorrectedPayload;
  'conflict.resolved': ConflictResolvedPayload;
  'attachment.added': AttachmentAddedPayload;
  'attachment.retracted': AttachmentRetractedPayload;
  'code.reissued': CodeReissuedPayload;
}

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const payloadsAreExhaustive: Exact<keyof DossierEventPayloads, DossierEventType> = true;

/** The envelope every event carries, whatever its type. */
export interface DossierEventEnvelope {
  /** ULID of the event. */
  readonly id: string;
  /** ULID of the dossier. */
  readonly dossierId: string;
  readonly officerId: string;
  readonly deviceId: string;
  /** Per-device contiguous counter (1, 2, 3, …): a gap proves an event is missing. */
  readonly deviceSeq: number;
  /** Hybrid-logical-clock stamp (clock/hlc.ts); events are ordered by (hlc, id). */
  readonly hlc: string;
  /** The business time of the fact, ISO UTC. Equals the payload's own instant where it has one. */
  readonly occurredAt: string;
}

export type DossierEventOf<T extends DossierEventType> = DossierEventEnvelope & {
  readonly type: T;
  readonly payload: DossierEventPayloads[T];
};

export type DossierEvent = { [T in DossierEventType]: DossierEventOf<T> }[DossierEventType];

/** The payload field that must equal occurredAt, for the events that carry their own instant. */
export const PAYLOAD_INSTANT_FIELD: Partial<Record<DossierEventType, string>> = {
  'dossier.received': 'receivedAt',
  'dossier.refused': 'refusedAt',
  'supplement.requested': 'requestedAt',
  'supplement.received': 'receivedAt',
  'dossier.forwarded': 'forwardedAt',
  'result.recorded': 'resultAt',
  'result.handedBack': 'handedBackAt',
  'dossier.withdrawn': 'withdrawnAt',
  'processing.stopped': 'stoppedAt',
};
