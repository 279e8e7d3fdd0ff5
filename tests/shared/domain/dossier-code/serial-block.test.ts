import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import { nextSerial, serialBlockOf, stationOfSerial } from '../../../../shared/domain/dossier-code/serial-block.js';

const station = fc.integer({ min: 1, max: 9 });

describe('station blocks of daily serials', () => {
  it('gives station s the serials s001–s999', () => {
    expect(serialBlockOf(1)).toEqual({ first: 1001, last: 1999 });
    expect(serialBlockOf(9)).toEqual({ first: 9001, last: 9999 });
  });

  it('refuses station numbers outside 1–9', () => {
    for (const s of [0, 10, -1, 1.5, Number.NaN]) expect(() => serialBlockOf(s)).toThrow(RangeError);
  });

  it('never lets two stations share a serial', () => {
    fc.assert(
      fc.property(station, station, (a, b) => {
        fc.pre(a !== b);
        const [x, y] = [serialBlockOf(a), serialBlockOf(b)];
        expect(x.last < y.first || y.last < x.first).toBe(true);
      }),
    );
  });

  it('finds the station that owns a serial', () => {
    fc.assert(
      fc.property(station, fc.integer({ min: 1, max: 999 }), (s, n) => {
        expect(stationOfSerial(s * 1000 + n)).toBe(s);
      }),
    );
    expect(stationOfSerial(361)).toBeNull();
    expect(stationOfSerial(2000)).toBeNull();
  });
});

const DAY = '2026-11-20';

describe('nextSerial', () => {
  it('starts the day at the first serial of the block and counts up', () => {
    expect(nextSerial(1, null, DAY)).toBe(1001);
    expect(nextSerial(1, 1001, DAY)).toBe(1002);
    expect(nextSerial(3, 3998, DAY)).toBe(3999);
  });

  it('hands out exactly the 999 serials of the block, then refuses with a clear error', () => {
    fc.assert(
      fc.property(station, (s) => {
        const issued: number[] = [];
        let last: number | null = null;
        for (let i = 0; i < 999; i += 1) {
          last = nextSerial(s, last, DAY);
          issued.push(last);
        }
        expect(new Set(issued).size).toBe(999);
        expect(issued.every((serial) => stationOfSerial(serial) === s)).toBe(true);
        expect(() => nextSerial(s, last, DAY)).toThrow(CommandError);
      }),
      { numRuns: 9 },
    );
    try {
      nextSerial(2, 2999, DAY);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CommandError);
      expect((error as CommandError).code).toBe('conflict');
      expect((error as CommandError).message).toContain('Quầy số 2');
      // The day whose serials ran out, by its date: a dossier entered later from the paper log is not today's.
      expect((error as CommandError).message).toContain('của ngày 20/11/2026');
      expect((error as CommandError).message).not.toContain('hôm nay');
    }
  });

  it('refuses a last serial that belongs to another station (the caller read the wrong rows)', () => {
    expect(() => nextSerial(1, 2005, DAY)).toThrow(RangeError);
    expect(() => nextSerial(1, 1000, DAY)).toThrow(RangeError);
    expect(() => nextSerial(1, 1001.5, DAY)).toThrow(RangeError);
  });
});
