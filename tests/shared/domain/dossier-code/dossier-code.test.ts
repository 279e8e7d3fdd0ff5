import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDossierCode, parseDossierCode } from '../../../../shared/domain/dossier-code/dossier-code.js';

const two = (max: number, min = 0) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const agencyIdentifier = fc
  .tuple(fc.integer({ min: 0, max: 999 }), two(99), two(99), two(99))
  .map(([a, b, c, h]) => `${String(a).padStart(3, '0')}.${b}.${c}.H${h}`);
const dateKey = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(2, 10).replaceAll('-', ''));
const parts = fc.record({ agencyIdentifier, dateKey, serial: fc.integer({ min: 1, max: 9999 }) });

describe('dossier codes', () => {
  it('formats the parts as <agency>-<yyMMdd>-<NNNN>', () => {
    expect(formatDossierCode({ agencyIdentifier: '000.21.09.H49', dateKey: '261129', serial: 1003 })).toBe('000.21.09.H49-261129-1003');
    expect(formatDossierCode({ agencyIdentifier: '000.00.06.H56', dateKey: '231027', serial: 361 })).toBe('000.00.06.H56-231027-0361');
  });

  it('parses a code back into its parts, tolerating spaces and a lower-case h', () => {
    const expected = { agencyIdentifier: '000.21.09.H49', dateKey: '261129', serial: 1003 };
    expect(parseDossierCode('000.21.09.H49-261129-1003')).toEqual(expected);
    expect(parseDossierCode(' 000.21.09.h49-261129-1003\n')).toEqual(expected);
    expect(parseDossierCode('000.00.06.H56-231027-0361')).toEqual({ agencyIdentifier: '000.00.06.H56', dateKey: '231027', serial: 361 });
  });

  it('returns null for anything that is not a code', () => {
    for (const text of [
      '',
      '000.21.09.H49-261129-103',
      '000.21.09.H49-261129-10033',
      '00.21.09.H49-261129-1003',
      '000.21.9.H49-261129-1003',
      '000.21.09.K49-261129-1003',
      '000.21.09.H4-261129-1003',
      '000.21.09.H49-260230-1003', // 30 February
      '000.21.09.H49-261329-1003',
      '000.21.09.H49-261129-0000',
      '000.21.09.H49 261129 1003',
      'x000.21.09.H49-261129-1003',
      '000.21.09.H49-261129-1003 OR 1=1',
    ]) {
      expect(parseDossierCode(text), text).toBeNull();
    }
  });

  it('refuses to format malformed parts', () => {
    const good = { agencyIdentifier: '000.21.09.H49', dateKey: '261129', serial: 1003 };
    expect(() => formatDossierCode({ ...good, agencyIdentifier: '000.21.09.h49' })).toThrow(RangeError);
    expect(() => formatDossierCode({ ...good, dateKey: '260229' })).toThrow(RangeError);
    expect(() => formatDossierCode({ ...good, serial: 0 })).toThrow(RangeError);
    expect(() => formatDossierCode({ ...good, serial: 10000 })).toThrow(RangeError);
    expect(() => formatDossierCode({ ...good, serial: 1.5 })).toThrow(RangeError);
  });

  it('round-trips: parse(format(parts)) = parts, and format(parse(code)) = code', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const code = formatDossierCode(p);
        expect(parseDossierCode(code)).toEqual(p);
        expect(formatDossierCode(parseDossierCode(code)!)).toBe(code);
      }),
    );
  });
});
