import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VIETNAM_OFFSET_MS, vietnamDateOf } from '../../../../shared/domain/dossier/vietnam-time.js';

// vietnamDateOf keeps a table of day numbers → date text (a sync page asks for the same days again
// and again); the answer must be exactly what formatting the shifted instant gives.
const reference = (instant: string) => new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

describe('vietnamDateOf', () => {
  it('equals the date of the instant shifted by seven hours, for any UTC instant', () => {
    const instants = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString());
    fc.assert(
      fc.property(instants, (instant) => {
        expect(vietnamDateOf(instant)).toBe(reference(instant));
        // Asked again (now from the table): the same answer.
        expect(vietnamDateOf(instant)).toBe(reference(instant));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns the day at 17:00 UTC, also across months, years and the last representable day', () => {
    const cases: [string, string][] = [
      ['2026-11-28T16:59:59.999Z', '2026-11-28'],
      ['2026-11-28T17:00:00.000Z', '2026-11-29'],
      ['2026-12-31T17:00Z', '2027-01-01'],
      ['2028-02-28T17:00:00Z', '2028-02-29'],
      ['1969-12-31T16:59:59Z', '1969-12-31'],
      ['1969-12-31T17:00:00Z', '1970-01-01'],
    ];
    for (const [instant, date] of cases) expect(vietnamDateOf(instant), instant).toBe(date);
    expect(vietnamDateOf('9999-12-31T17:00:00Z')).toBe(reference('9999-12-31T17:00:00Z'));
  });
});
