import { CommandError } from '../../contract/errors.js';
import { MAX_ADOPTED_AHEAD_MS } from './clock-bound.js';

// A hybrid logical clock (Kulkarni et al., 2014): physical milliseconds plus a counter, so stamps
// follow causality across desks even when a machine's clock is wrong. Every stamp a device issues
// is greater than every stamp it has issued or seen, whatever `nowMs` says.

export interface Hlc {
  /** Milliseconds since the Unix epoch: the largest physical time this clock has seen. */
  readonly wallMs: number;
  /** Orders stamps that share `wallMs`. */
  readonly counter: number;
  /** The device that issued the stamp; breaks ties so no two devices ever issue equal stamps. */
  readonly node: string;
}

const WALL_DIGITS = 15; // 10^15 ms reaches the year 33658
const COUNTER_DIGITS = 6;
const MAX_WALL_MS = 10 ** WALL_DIGITS - 1;
export const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/** Node ids are device ids: short, printable ASCII, no spaces. */
export const HLC_NODE_PATTERN = /^[0-9A-Za-z._:-]{1,64}$/;
/** `<15-digit wall ms>-<6-digit counter>-<node>`: fixed widths make string order equal clock order. */
export const HLC_PATTERN = /^(\d{15})-(\d{6})-([0-9A-Za-z._:-]{1,64})$/;

function assertNode(node: string): void {
  if (!HLC_NODE_PATTERN.test(node)) {
    throw new CommandError('invalid_argument', 'Mã thiết bị của đồng hồ logic không hợp lệ.');
  }
}

// A broken clock (NaN, negative, absurdly far) reads as "no information": the logical part carries order.
function sanitiseNow(nowMs: number): number {
  if (!Number.isFinite(nowMs) || nowMs < 0) return 0;
  return Math.min(Math.floor(nowMs), MAX_WALL_MS);
}

// When the counter would overflow, borrow one millisecond instead: order is kept, drift is 1 ms.
function normalise(wallMs: number, counter: number, node: string): Hlc {
  if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0, node };
  return { wallMs, counter, node };
}

/** The stamp for a new local event: strictly greater than `previous`, even if `nowMs` went backwards. */
export function tick(previous: Hlc | null, nowMs: number, node: string): Hlc {
  assertNode(node);
  const now = sanitiseNow(nowMs);
  if (previous === null || now > previous.wallMs) return { wallMs: now, counter: 0, node };
  return normalise(previous.wallMs, previous.counter + 1, node);
}

/**
 * Merge a stamp received from another device: the result is greater than `local`, and greater than
 * `remote` too unless `remote` lies more than `maxAheadMs` ahead of this machine's clock. Such a stamp
 * (a desk a year ahead, a forged one) is never adopted — adopting it would carry every later stamp of
 * this device, and of every device that hears from it, that far ahead for good. Order with this
 * device's own stamps is then kept by the counter alone.
 */
export function receive(local: Hlc, remote: Hlc, nowMs: number, maxAheadMs: number = MAX_ADOPTED_AHEAD_MS): Hlc {
  const now = sanitiseNow(nowMs);
  const adoptable = remote.wallMs - now <= maxAheadMs;
  const wallMs = Math.max(local.wallMs, adoptable ? remote.wallMs : 0, now);
  let counter: number;
  if (adoptable && wallMs === local.wallMs && wallMs === remote.wallMs) counter = Math.max(local.counter, remote.counter) + 1;
  else if (wallMs === local.wallMs) counter = local.counter + 1;
  else if (adoptable && wallMs === remote.wallMs) counter = remote.counter + 1;
  else counter = 0;
  return normalise(wallMs, counter, local.node);
}

export function formatHlc(stamp: Hlc): string {
  assertNode(stamp.node);
  const wall = String(stamp.wallMs).padStart(WALL_DIGITS, '0');
  const counter = String(stamp.counter).padStart(COUNTER_DIGITS, '0');
  return `${wall}-${counter}-${stamp.node}`;
}

export function isHlcString(value: string): boolean {
  return HLC_PATTERN.test(value);
}

export function parseHlc(value: string): Hlc {
  const match = HLC_PATTERN.exec(value);
  if (match === null || match[1] === undefined || match[2] === undefined || match[3] === undefined) {
    throw new CommandError('invalid_argument', 'Dấu thời gian logic (HLC) không đúng định dạng.');
  }
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3] };
}

/** Total order: wall time, then counter, then node. Strings compare exactly as their parsed stamps. */
export function compareHlc(a: Hlc | string, b: Hlc | string): -1 | 0 | 1 {
  const x = typeof a === 'string' ? parseHlc(a) : a;
  const y = typeof b === 'string' ? parseHlc(b) : b;
  if (x.wallMs !== y.wallMs) return x.wallMs < y.wallMs ? -1 : 1;
  if (x.counter !== y.counter) return x.counter < y.counter ? -1 : 1;
  if (x.node !== y.node) return x.node < y.node ? -1 : 1;
  return 0;
}

/** How far a stamp runs ahead of this machine's clock (negative: behind). For flagging wrong clocks. */
export function driftMs(stamp: Hlc | string, nowMs: number): number {
  const parsed = typeof stamp === 'string' ? parseHlc(stamp) : stamp;
  return parsed.wallMs - nowMs;
}
