import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import { MAX_ADOPTED_AHEAD_MS } from '../../../../shared/domain/clock/clock-bound.js';
import {
  MAX_COUNTER,
  compareHlc,
  driftMs,
  formatHlc,
  isHlcString,
  parseHlc,
  receive,
  tick,
  type Hlc,
} from '../../../../shared/domain/clock/hlc.js';

const T0 = Date.parse('2025-03-05T02:00:00.000Z');

describe('tick', () => {
  it('takes the wall clock when it moves forward', () => {
    const a = tick(null, T0, 'desk-1');
    expect(a).toEqual({ wallMs: T0, counter: 0, node: 'desk-1' });
    expect(tick(a, T0 + 5, 'desk-1')).toEqual({ wallMs: T0 + 5, counter: 0, node: 'desk-1' });
  });

  it('counts up within the same millisecond', () => {
    const a = tick(null, T0, 'desk-1');
    const b = tick(a, T0, 'desk-1');
    expect(b).toEqual({ wallMs: T0, counter: 1, node: 'desk-1' });
    expect(compareHlc(a, b)).toBe(-1);
  });

  it('stays monotonic when the machine clock goes backwards (wrong local clock)', () => {
    const a = tick(null, T0, 'desk-1');
    const b = tick(a, T0 - 3_600_000, 'desk-1');
    expect(b.wallMs).toBe(T0);
    expect(compareHlc(a, b)).toBe(-1);
    const c = tick(b, Number.NaN, 'desk-1');
    expect(compareHlc(b, c)).toBe(-1);
  });

  it('borrows a millisecond instead of overflowing the counter', () => {
    const full: Hlc = { wallMs: T0, counter: MAX_COUNTER, node: 'desk-1' };
    const next = tick(full, T0, 'desk-1');
    expect(next).toEqual({ wallMs: T0 + 1, counter: 0, node: 'desk-1' });
    expect(formatHlc(full) < formatHlc(next)).toBe(true);
  });

  it('refuses a node id that would break the string form', () => {
    expect(() => tick(null, T0, 'desk 1')).toThrow(CommandError);
    expect(() => tick(null, T0, '')).toThrow(CommandError);
  });
});

describe('receive', () => {
  it('jumps ahead of a remote stamp from the future and keeps the local node', () => {
    const local = tick(null, T0, 'desk-1');
    const remote: Hlc = { wallMs: T0 + 60_000, counter: 7, node: 'centre' };
    const merged = receive(local, remote, T0 + 10);
    expect(merged).toEqual({ wallMs: T0 + 60_000, counter: 8, node: 'desk-1' });
    expect(compareHlc(merged, remote)).toBe(1);
    expect(compareHlc(merged, local)).toBe(1);
  });

  it('uses the wall clock when it is ahead of both', () => {
    const merged = receive({ wallMs: T0, counter: 3, node: 'a' }, { wallMs: T0 + 1, counter: 9, node: 'b' }, T0 + 100);
    expect(merged).toEqual({ wallMs: T0 + 100, counter: 0, node: 'a' });
  });

  it('takes the larger counter when both stamps share the wall time', () => {
    const merged = receive({ wallMs: T0, counter: 3, node: 'a' }, { wallMs: T0, counter: 9, node: 'b' }, T0 - 50);
    expect(merged).toEqual({ wallMs: T0, counter: 10, node: 'a' });
  });

  it('property: a merge is after the local stamp whatever the clock says, and after the remote one unless it lies beyond the bound', () => {
    const stamp = fc.record({
      wallMs: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      counter: fc.integer({ min: 0, max: MAX_COUNTER }),
      node: fc.constantFrom('a', 'b', 'desk-2', 'centre'),
    });
    fc.assert(
      fc.property(stamp, stamp, fc.integer({ min: -1, max: 4_102_444_800_000 }), (local, remote, now) => {
        const merged = receive(local, remote, now);
        const remoteAdoptable = remote.wallMs - Math.max(now, 0) <= MAX_ADOPTED_AHEAD_MS;
        return (
          compareHlc(merged, local) === 1 &&
          (!remoteAdoptable || compareHlc(merged, remote) === 1) &&
          merged.node === local.node &&
          merged.wallMs <= Math.max(local.wallMs, Math.max(now, 0) + MAX_ADOPTED_AHEAD_MS) + 1
        );
      }),
    );
  });

  it('never adopts a stamp far ahead of its own clock: a forged or year-ahead stamp does not drag this clock along', () => {
    const local: Hlc = { wallMs: T0, counter: 4, node: 'desk-1' };
    const forged = parseHlc('999999999999999-999999-x');
    const merged = receive(local, forged, T0 + 10);
    // Order with this device's own stamps is kept (by the counter when the wall clock has not moved).
    expect(merged).toEqual({ wallMs: T0 + 10, counter: 0, node: 'desk-1' });
    expect(receive(local, forged, T0 - 10)).toEqual({ wallMs: T0, counter: 5, node: 'desk-1' });
    // Its string form stays 15 digits: the overflow that once broke every later write cannot happen.
    expect(isHlcString(formatHlc(receive(merged, forged, T0)))).toBe(true);
    const yearAhead: Hlc = { wallMs: T0 + 400 * 86_400_000, counter: 0, node: 'desk-2' };
    expect(receive(local, yearAhead, T0).wallMs).toBe(T0);
  });

  it('adopts a stamp within the bound, as from a desk two hours fast', () => {
    const local: Hlc = { wallMs: T0, counter: 0, node: 'desk-1' };
    const fast: Hlc = { wallMs: T0 + 2 * 3_600_000, counter: 3, node: 'desk-2' };
    expect(receive(local, fast, T0 - 3 * 60_000)).toEqual({ wallMs: fast.wallMs, counter: 4, node: 'desk-1' });
    // A desk slow by days still adopts what its peers stamped (the centre bounds those): up to a week.
    const edge: Hlc = { wallMs: T0 + MAX_ADOPTED_AHEAD_MS, counter: 0, node: 'desk-2' };
    expect(receive(local, edge, T0).wallMs).toBe(edge.wallMs);
    expect(receive(local, { ...edge, wallMs: edge.wallMs + 1 }, T0).wallMs).toBe(T0);
  });
});

describe('string form', () => {
  it('round-trips and sorts like the clock', () => {
    const stamp: Hlc = { wallMs: T0, counter: 42, node: '01JNX9Z3K8desk' };
    const text = formatHlc(stamp);
    expect(text).toBe(`00${T0}-000042-01JNX9Z3K8desk`);
    expect(isHlcString(text)).toBe(true);
    expect(parseHlc(text)).toEqual(stamp);
  });

  it('rejects malformed strings with a typed error', () => {
    for (const bad of ['', '123-1-a', `${T0}-000001-a`, `00${T0}-000001-`, `00${T0}-000001-a b`]) {
      expect(isHlcString(bad)).toBe(false);
      expect(() => parseHlc(bad)).toThrow(CommandError);
    }
  });

  it('property: string order equals compareHlc order', () => {
    const stamp = fc.record({
      wallMs: fc.integer({ min: 0, max: 10 ** 15 - 1 }),
      counter: fc.integer({ min: 0, max: MAX_COUNTER }),
      node: fc.stringMatching(/^[0-9A-Za-z._:-]{1,12}$/),
    });
    fc.assert(
      fc.property(stamp, stamp, (a, b) => {
        const x = formatHlc(a);
        const y = formatHlc(b);
        const stringOrder = x < y ? -1 : x > y ? 1 : 0;
        return stringOrder === compareHlc(a, b) && compareHlc(x, y) === compareHlc(a, b);
      }),
    );
  });

  it('property: a sequence of ticks under an erratic clock is strictly increasing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 2 * T0 }), { minLength: 1, maxLength: 200 }), (readings) => {
        let previous: Hlc | null = null;
        for (const now of readings) {
          const next = tick(previous, now, 'desk-1');
          if (previous !== null && !(formatHlc(previous) < formatHlc(next))) return false;
          previous = next;
        }
        return true;
      }),
    );
  });
});

describe('driftMs', () => {
  it('says how far a stamp runs ahead of this clock', () => {
    expect(driftMs({ wallMs: T0 + 5000, counter: 0, node: 'a' }, T0)).toBe(5000);
    expect(driftMs(formatHlc({ wallMs: T0 - 200, counter: 3, node: 'a' }), T0)).toBe(-200);
  });
});
