// One byte range of a `Range: bytes=…` header (RFC 9110 §14): what a desk sends to resume a scan it
// began to download. Only single ranges are served (a resuming desk never asks for more); a header
// the centre does not understand is ignored and the whole file is sent, as the RFC allows.

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/** A Range header longer than this is not a resuming desk's: ignored. */
const MAX_RANGE_HEADER = 100;
const SINGLE_RANGE = /^bytes=(\d{0,16})-(\d{0,16})$/;

/**
 * The range asked of a file of `size` bytes: null for the whole file (no header, or one the centre
 * ignores), 'unsatisfiable' when it starts at or beyond the end (416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (header === undefined || header.length > MAX_RANGE_HEADER) return null;
  const match = SINGLE_RANGE.exec(header.trim());
  if (match === null) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return null;
  return { start, end };
}
