import { describe, expect, it } from 'vitest';
import { documentPlaceOf } from '../../../../shared/domain/catalogue/document-place.js';

describe('the place papers are signed at', () => {
  it('is Hạ Long for a ward or commune of Hạ Long city (2020–2025), whatever its own name', () => {
    expect(documentPlaceOf({ gsoCode: '06691', name: 'Phường Hồng Gai' })).toBe('Hạ Long');
    expect(documentPlaceOf({ gsoCode: '06685', name: 'Phường Trần Hưng Đạo' })).toBe('Hạ Long');
    expect(documentPlaceOf({ gsoCode: null, name: 'Phường Bãi Cháy' })).toBe('Hạ Long');
  });

  it('is the unit\'s own name for a unit of the 2025 map, even one reusing a former ward\'s name', () => {
    // 06685 is Trần Hưng Đạo's code reused by the 2025 Hồng Gai ward.
    expect(documentPlaceOf({ gsoCode: '06685', name: 'Phường Hồng Gai' })).toBe('Hồng Gai');
    expect(documentPlaceOf({ gsoCode: '06688', name: 'Phường Hạ Long' })).toBe('Hạ Long');
  });
});
