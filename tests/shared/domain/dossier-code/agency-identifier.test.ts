import { describe, expect, it } from 'vitest';
import { isAgencyIdentifier } from '../../../../shared/domain/dossier-code/agency-identifier.js';

describe('isAgencyIdentifier', () => {
  it('accepts AAA.BB.CC.Hnn', () => {
    expect(isAgencyIdentifier('000.21.09.H49')).toBe(true);
    expect(isAgencyIdentifier('000.00.06.H56')).toBe(true);
  });

  it('refuses other shapes', () => {
    for (const value of ['', '000.21.09.h49', '000.21.09.H4', '00.21.09.H49', '000.21.09.H490', '000-21-09-H49', ' 000.21.09.H49', '000.21.09.X49']) {
      expect(isAgencyIdentifier(value), value).toBe(false);
    }
  });
});
