import { PAYLOAD_INSTANT_FIELD, type DossierEventType } from '../dossier/events.js';
import { formatVietnamTime } from '../dossier/vietnam-time.js';

// How far ahead of a trusted clock a time may lie: the one place the centre and the desks take
// their bounds from (DESIGN.md, "Trust between peers"). A desk whose clock is a little off keeps
// working and syncing; one whose clock is far ahead (a wrong year, a hostile device) must not push
// its time onto the unit: the centre refuses its events (`clock_ahead`), and no desk adopts a
// stamp that far beyond its own clock (hlc.ts, receive).

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * How far ahead of a trusted clock a stamp or a business time may lie. The centre refuses an event
 * beyond it (measured against the centre's clock); a desk never adopts a received stamp beyond it,
 * and heals a stored clock beyond it (measured against its own). Three hours: a desk between three
 * minutes slow and two hours fast is never refused, and its stamps are adopted by every other desk
 * in that window (they differ by at most 2 h 03 min); a wrong day, month or year always is refused.
 */
export const MAX_CLOCK_AHEAD_MS = 3 * HOUR_MS;

/**
 * How far beyond its own clock a desk adopts a received stamp (hlc.ts, receive), and so how far ahead
 * a stored clock may be before the desk heals it at start. Wider than the centre's bound on purpose:
 * the centre already refuses events more than MAX_CLOCK_AHEAD_MS ahead of its trusted clock, so what
 * reaches a desk is near true time, and a desk whose own clock is slow by hours or days must still
 * adopt its peers' stamps, or its next events would sort before what it has seen (the fold reads
 * events in stamp order). A stamp years away — forged, or stored by a centre before the bound
 * existed — is never adopted.
 */
export const MAX_ADOPTED_AHEAD_MS = 7 * DAY_MS;

/**
 * An appointment may lie at most this far ahead of the centre's clock. The longest limit in the
 * catalogue is 60 calendar days; an apology may move a date further. Two years covers both and
 * refuses a date decades away.
 */
export const MAX_APPOINTMENT_AHEAD_MS = 731 * DAY_MS;

/** The wall time (ms) of an HLC stamp's text, read leniently: any run of leading digits, whatever the widths. */
export function stampWallMs(stamp: unknown): number | null {
  if (typeof stamp !== 'string') return null;
  const digits = /^(\d{1,40})-/.exec(stamp)?.[1];
  return digits === undefined ? null : Number(digits);
}

/** "5 phút", "2 giờ 30 phút", "400 ngày", "3 năm": how long, in words a supervisor reads at a glance. */
export function describeDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE_MS);
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest === 0 ? `${hours} giờ` : `${hours} giờ ${rest} phút`;
  const days = Math.round(hours / 24);
  if (days < 2 * 365) return `${days} ngày`;
  const years = Math.floor(days / 365);
  return years > 1000 ? 'hơn một nghìn năm' : `${years} năm`;
}

/** Appointment fields of the payloads that carry one (the instants they are measured against differ). */
const APPOINTMENT_FIELDS: Partial<Record<DossierEventType, readonly string[]>> = {
  'dossier.received': ['appointmentAt'],
  'supplement.received': ['newAppointmentAt'],
  'appointment.rescheduled': ['previousAppointmentAt', 'newAppointmentAt'],
};

export interface ClockProblem {
  /** The event's field found too far ahead: 'hlc', 'occurredAt' or 'payload.<field>'. */
  field: string;
  /** How far beyond the trusted clock's now it lies. */
  aheadMs: number;
  /** In Vietnamese, for the supervisor who reads the refusal on the desk. */
  message: string;
}

function instantMs(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function whenText(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? formatVietnamTime(date.toISOString()) : 'một thời điểm quá xa';
}

const KEPT = 'Thay đổi này vẫn ở trên máy quầy nhưng không được gửi lên trung tâm.';
const FIX_CLOCK = `Đồng hồ của máy quầy đang sai: hãy chỉnh lại ngày giờ của máy (bật tự động lấy giờ) rồi ghi lại việc này. ${KEPT}`;
const FIX_APPOINTMENT = `Không thời hạn giải quyết nào dài như vậy: hãy kiểm tra ngày hẹn và ngày giờ của máy quầy. ${KEPT}`;

function aheadOfNow(field: string, label: string, ms: number, nowMs: number, bound: number, fix: string): ClockProblem | null {
  const aheadMs = ms - nowMs;
  if (!(aheadMs > bound)) return null;
  return {
    field,
    aheadMs,
    message: `Trung tâm không nhận thay đổi này: ${label} (${whenText(ms)}) đi trước giờ của trung tâm khoảng ${describeDuration(aheadMs)}. ${fix}`,
  };
}

/**
 * Is any time an event carries too far ahead of `nowMs` (the centre's clock)? Its HLC stamp, its
 * occurredAt and the payload's own instant by MAX_CLOCK_AHEAD_MS, its appointment dates by
 * MAX_APPOINTMENT_AHEAD_MS. Reads the raw event leniently, so a stamp of any width is judged by its
 * value, before (and whatever) the schema says about its format.
 */
export function eventClockProblem(raw: Readonly<Record<string, unknown>>, nowMs: number): ClockProblem | null {
  const wall = stampWallMs(raw.hlc);
  if (wall !== null) {
    const problem = aheadOfNow('hlc', 'dấu thời gian logic (HLC) của thay đổi', wall, nowMs, MAX_CLOCK_AHEAD_MS, FIX_CLOCK);
    if (problem !== null) return problem;
  }
  const occurredAt = instantMs(raw.occurredAt);
  if (occurredAt !== null) {
    const problem = aheadOfNow('occurredAt', 'thời điểm ghi trên thay đổi', occurredAt, nowMs, MAX_CLOCK_AHEAD_MS, FIX_CLOCK);
    if (problem !== null) return problem;
  }
  const payload = typeof raw.payload === 'object' && raw.payload !== null ? (raw.payload as Record<string, unknown>) : null;
  const type = typeof raw.type === 'string' ? (raw.type as DossierEventType) : null;
  if (payload === null || type === null) return null;
  const own = Object.hasOwn(PAYLOAD_INSTANT_FIELD, type) ? PAYLOAD_INSTANT_FIELD[type] : undefined;
  const ownMs = own === undefined ? null : instantMs(payload[own]);
  if (own !== undefined && ownMs !== null) {
    const problem = aheadOfNow(`payload.${own}`, 'thời điểm ghi trên thay đổi', ownMs, nowMs, MAX_CLOCK_AHEAD_MS, FIX_CLOCK);
    if (problem !== null) return problem;
  }
  const appointments = Object.hasOwn(APPOINTMENT_FIELDS, type) ? (APPOINTMENT_FIELDS[type] ?? []) : [];
  for (const field of appointments) {
    const ms = instantMs(payload[field]);
    if (ms === null) continue;
    const problem = aheadOfNow(`payload.${field}`, 'ngày hẹn trả', ms, nowMs, MAX_APPOINTMENT_AHEAD_MS, FIX_APPOINTMENT);
    if (problem !== null) return problem;
  }
  return null;
}

/** Does a stamp's wall time lie within MAX_CLOCK_AHEAD_MS of `nowMs`? (A stamp behind it always does.) */
export function withinClockBound(wallMs: number, nowMs: number, boundMs: number = MAX_CLOCK_AHEAD_MS): boolean {
  return wallMs - nowMs <= boundMs;
}
