import type { CalendarYear } from '../domain/calendar/work-calendar.js';
import type { Procedure } from '../domain/catalogue/procedure.js';
import type { Unit } from '../domain/catalogue/unit.js';
import type { DossierEvent } from '../domain/dossier/events.js';

// The sync protocol between a desk and the city centre (DESIGN.md, "Sync with the centre"): the paths,
// the limits and the shape of every request and answer. Runtime validation lives in schemas.ts; the
// desk's agent and the centre's routes both import from here, so neither can drift from the other.

export const SYNC_API_VERSION = 'v1';

export const SYNC_PATHS = {
  enroll: '/v1/enroll',
  push: '/v1/sync/push',
  pull: '/v1/sync/pull',
  gaps: '/v1/sync/gaps',
  blobUploads: '/v1/blobs/uploads',
  blobPrefix: '/v1/blobs/',
  blobsMissing: '/v1/blobs/missing',
  lookupPrefix: '/v1/lookup/',
  /** The public status page the receipt's QR opens (HTML, Vietnamese), beside the JSON lookup. */
  lookupPagePrefix: '/tra-cuu/',
  staffSession: '/v1/staff/session',
  staffDossierPrefix: '/v1/staff/dossiers/',
  adminEnrollmentCodes: '/v1/admin/enrollment-codes',
  adminDevices: '/v1/admin/devices',
  unitMove: '/v1/sync/unit-move',
  rekey: '/v1/sync/rekey',
  adminStaff: '/v1/admin/staff',
  adminReference: '/v1/admin/reference',
  health: '/v1/health',
  /** The desk's small status (version, clock, queues, crash reports), sent on each sync round. */
  deviceStatus: '/v1/sync/status',
} as const;

export const blobPath = (sha256: string): string => `${SYNC_PATHS.blobPrefix}${sha256}`;
export const lookupPath = (code: string): string => `${SYNC_PATHS.lookupPrefix}${encodeURIComponent(code)}`;
export const lookupPagePath = (code: string): string => `${SYNC_PATHS.lookupPagePrefix}${encodeURIComponent(code)}`;
export const staffDossierEventsPath = (dossierId: string): string => `${SYNC_PATHS.staffDossierPrefix}${dossierId}/events`;
export const revokeDevicePath = (deviceId: string): string => `${SYNC_PATHS.adminDevices}/${encodeURIComponent(deviceId)}/revoke`;

/** Events per push request: big enough for throughput, small enough to retry cheaply on a bad line. */
export const PUSH_MAX_EVENTS = 1000;
export const PULL_DEFAULT_LIMIT = 1000;
export const PULL_MAX_LIMIT = 5000;

/** The device id (and HLC node) of events the centre's staff record. Never issued to a desk. */
export const CENTRE_DEVICE_ID = 'centre';

/**
 * A scan up to this size goes in ONE plain request (`PUT /v1/blobs/<sha256>`, the bytes as the body):
 * there is no partial upload worth resuming, and the centre keeps no upload state for it. Bigger scans
 * go resumably by tus. A centre that answers the PUT with 404 predates it: the desk uses tus.
 */
export const BLOB_PUT_MAX_BYTES = 1024 * 1024;

/** SHA-256s per "which of these do you lack?" question. */
export const BLOBS_MISSING_MAX = 1000;

/** A pull cursor: the centre's global sequence, as a decimal string (opaque to the desk). */
export type PullCursor = string;
export const INITIAL_CURSOR: PullCursor = '0';

/** Lower-case hex SHA-256: the name of a content-addressed blob (a scan). */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
/** The tus upload metadata key that carries the blob's SHA-256 (checked when the upload completes). */
export const BLOB_SHA256_METADATA = 'sha256';

// ---- errors -------------------------------------------------------------------------------------

/** Codes of the centre's error answers ({ error: { code, message } }). Messages are Vietnamese. */
export const CENTRE_ERROR_CODES = [
  'invalid_request', // the body or query does not match the route's schema
  'unauthorized', // no token, or a token the centre does not know
  'device_revoked', // the desk's token was revoked: it keeps working offline and stops syncing
  'forbidden', // the caller may not do this (role, another unit's dossier)
  'not_found',
  'conflict', // e.g. a dossier action the lifecycle forbids at the centre
  'enrollment_code_invalid', // unknown, expired or already used
  'unit_mismatch', // the enrollment code is for another unit than the desk's
  'station_mismatch', // the enrollment code is for another station than the desk's
  'agency_mismatch', // the desk's agency identifier is not its unit's (or is another unit's)
  'unit_move_refused', // the unit a desk asked to move to is not a successor of its own, in force today
  'rate_limited',
  'checksum_mismatch', // an upload's bytes do not hash to the SHA-256 it announced
  'internal',
] as const;
export type CentreErrorCode = (typeof CENTRE_ERROR_CODES)[number];

export interface CentreErrorBody {
  error: { code: CentreErrorCode; message: string };
}

// ---- enrollment ---------------------------------------------------------------------------------

export interface EnrollRequest {
  /** The one-time code an administrator issued for this unit and station. */
  code: string;
  /** A name the administrator recognises, e.g. "Quầy 2 — Hồng Gai". */
  deviceName: string;
  /** The id this desk already signs its events with (its HLC node); the centre generates one if absent. */
  deviceId?: string;
  /** The desk's configured unit: a code for another unit is refused before it is used up. */
  unitGsoCode?: string;
  /** The desk's catalogue unit (a GSO code may name a former unit and its successor alike). */
  unitId?: string;
  /** The desk's configured station: a code for another station is refused before it is used up. */
  station?: number;
  /** The agency identifier the desk opens its dossier codes with: the unit's, fixed by its first enrollment. */
  agencyId?: string;
}

export interface EnrollResponse {
  deviceId: string;
  /** Bearer token for every sync request; shown once, stored hashed at the centre. */
  token: string;
  unitGsoCode: string;
  station: number;
  centreTime: string;
}

// ---- moving a device to its unit's successor ------------------------------------------------------

/** A desk of a unit that ended asks to serve its successor from now on (the same device and station). */
export interface UnitMoveRequest {
  /** The unit the desk believes it serves: a stale belief is refused rather than acted on. */
  fromUnitId: string;
  toUnitId: string;
  /** The agency identifier the desk will open the successor's dossier codes with. */
  agencyId: string;
}

export interface UnitMoveResponse {
  unitId: string;
  unitGsoCode: string;
  agencyId: string;
  /** When the centre rebound the device; codes of the former unit issued after it are refused. */
  movedAt: string;
}

/**
 * The unit the centre holds a device to (GET on the unit-move path): how a desk that crashed between
 * the centre's yes to a move and its own record of it learns that the move was made.
 */
export interface UnitBinding {
  /** null for a device enrolled before the centre kept unit ids (its code alone is known). */
  unitId: string | null;
  unitGsoCode: string;
  /** The agency identifier the centre binds to that unit; null when none is bound yet. */
  agencyId: string | null;
  /** When the device was last moved to a successor; null when it never was. */
  movedAt: string | null;
}

/**
 * A desk restored from a backup takes a new device id (its counters then never meet ones the centre has
 * seen) and asks the centre, with the token it still holds, to carry its station over to that id.
 */
export interface RekeyRequest {
  /** The id the token was issued to (the restored desk's former id). */
  formerDeviceId: string;
  /** The new id the restored desk signs with from now on. */
  deviceId: string;
}

export interface RekeyResponse {
  deviceId: string;
  unitGsoCode: string;
  station: number;
  /** Every id this station signed with before, whose events the desk may still push. */
  formerDeviceIds: string[];
}

// ---- push ---------------------------------------------------------------------------------------

export interface PushRequest {
  events: DossierEvent[];
}

export const PUSH_REJECTION_CODES = [
  'invalid_event', // fails the event schema
  'foreign_unit', // the dossier belongs to another unit than the device's
  'foreign_device', // the event is signed with another device's id
  'content_mismatch', // the centre holds another event with this id
  'sequence_reused', // the centre holds another event with this device counter
  'clock_ahead', // its stamp or a time it carries lies too far ahead of the centre's clock (shared/domain/clock/clock-bound.ts)
  'code_taken', // the dossier code it issues is held by another dossier of the unit
  'code_foreign_agency', // the dossier code does not open with the unit's agency identifier
  'code_outside_station', // the dossier code's serial is outside the device's station block
  'code_date_mismatch', // the dossier code's date part is not the Vietnam date of the event that issues it
  'dossier_unknown', // RETRYABLE: the centre has not yet received the dossier's creation; send it again later
  'procedure_unknown', // RETRYABLE: the creation names a procedure id the centre's catalogue lacks (yet)
] as const;
export type PushRejectionCode = (typeof PUSH_REJECTION_CODES)[number];

/**
 * Refusals that are not final: the desk keeps the event waiting and sends it again on a later round.
 * An unknown procedure is one of them because an honest desk can only hold a procedure the centre will
 * know: one of the seed it ships with a newer desk, or one the administrator publishes — then it goes.
 */
export const RETRYABLE_REJECTION_CODES: readonly PushRejectionCode[] = ['dossier_unknown', 'procedure_unknown'];

export interface PushRejection {
  id: string;
  code: PushRejectionCode;
  message: string;
}

/** What the centre has of one device's counters (deviceSeq): a gap proves an event is missing. */
export interface DeviceProgress {
  deviceId: string;
  /** The highest deviceSeq the centre holds from this device (0: none). */
  highestSeq: number;
  /** Every counter 1..contiguousThrough is held. */
  contiguousThrough: number;
  /** How many counters at or below highestSeq the centre lacks. */
  missing: number;
}

export interface PushResponse {
  /** Ids stored by this request. */
  stored: string[];
  /** Ids the centre already held with the same content (a retry): fine. */
  duplicates: string[];
  rejected: PushRejection[];
  centreTime: string;
  device: DeviceProgress;
}

export interface GapsResponse extends DeviceProgress {
  /** Inclusive ranges [from, to] of counters the centre lacks (at most 100). */
  missingRanges: [number, number][];
  /**
   * Which life of the centre's log this is: it changes when the centre is restored from a backup. A desk
   * that saw another epoch pulls again from `restoredThrough` and pushes what the centre lost.
   * (Absent from centres older than backups.)
   */
  logEpoch?: number;
  /** The last global sequence the restored copy held; null when the centre was never restored. */
  restoredThrough?: number | null;
}

export interface BlobsMissingRequest {
  sha256: string[];
}

export interface BlobsMissingResponse {
  /** The subset the centre does not hold (upload these). */
  missing: string[];
}

// ---- pull ---------------------------------------------------------------------------------------

/** Reference data the centre administers and every desk follows. */
export type ReferenceChange =
  | { type: 'calendar.year'; record: CalendarYear }
  | { type: 'catalogue.procedure'; record: Procedure }
  | { type: 'catalogue.unit'; record: Unit };
export type ReferenceType = ReferenceChange['type'];

export type PullEntry = { kind: 'event'; event: DossierEvent } | { kind: 'reference'; reference: ReferenceChange };

/**
 * A pulled unit change whose record the desk will not read (parsePullEntry): kept as its reason for the
 * sync status while the rest of the page applies — one bad unit must not stall every dossier behind it.
 */
export interface RefusedReference {
  kind: 'refused-reference';
  type: 'catalogue.unit';
  reason: string;
}

/** An entry as the desk reads a pulled page. */
export type PulledEntry = PullEntry | RefusedReference;

export interface PullResponse {
  entries: PullEntry[];
  /** Pass as `after` next time; equal to `after` when nothing new. */
  next: PullCursor;
  /** More entries wait beyond `next`: pull again at once. */
  hasMore: boolean;
  centreTime: string;
}

// ---- centre staff -------------------------------------------------------------------------------

export const STAFF_ROLES = ['admin', 'staff'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffSessionRequest {
  username: string;
  password: string;
}

export interface StaffSessionResponse {
  token: string;
  role: StaffRole;
  expiresAt: string;
}

/** What centre staff may record on a forwarded dossier; the centre builds the event around it. */
export type StaffDossierAction =
  | { type: 'result.recorded'; summary: string; outcome: 'approved' | 'rejected' }
  | { type: 'supplement.requested'; items: string[]; reason: string }
  | { type: 'appointment.rescheduled'; reason: string; newAppointmentAt: string; approveLate?: boolean | undefined };

export interface StaffEventResponse {
  event: DossierEvent;
  /** The dossier now needs a supervisor's review (the action contradicted a fact the centre holds). */
  needsReview: boolean;
}

/** A dossier as the centre folds it from the events it holds (for centre staff). */
export interface StaffDossierView {
  dossierId: string;
  unitGsoCode: string;
  code: string | null;
  status: number;
  statusLabel: string;
  needsReview: boolean;
  reviewReasons: string[];
  eventCount: number;
}

export interface EnrollmentCodeRequest {
  unitGsoCode: string;
  station: number;
  /** How long the code stays usable; 72 hours when absent. */
  validHours?: number;
}

export interface EnrollmentCodeResponse {
  code: string;
  unitGsoCode: string;
  station: number;
  expiresAt: string;
}

export interface DeviceSummary {
  deviceId: string;
  name: string;
  unitGsoCode: string;
  station: number;
  enrolledAt: string;
  revokedAt: string | null;
}

// ---- public lookup ------------------------------------------------------------------------------

/** What the receipt's QR opens: no personal data beyond what the slip itself shows. */
export interface LookupResponse {
  code: string;
  status: number;
  statusLabel: string;
  procedureName: string;
  appointmentAt: string | null;
}
