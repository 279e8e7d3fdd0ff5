import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../../shared/domain/text/normalise-name.js';

describe('normaliseName', () => {
  it('composes decomposed input to NFC and keeps the marks', () => {
    const decomposed = 'Nguyễn Văn Đức'.normalize('NFD');
    const stored = normaliseName(decomposed);
    expect(stored).toBe('Nguyễn Văn Đức');
    expect(stored.length).toBe('Nguyễn Văn Đức'.length);
  });

  it('collapses whitespace runs and trims', () => {
    expect(normaliseName('  Trần \t Thị\u00a0\u00a0B \r\n')).toBe('Trần Thị B');
  });

  it('keeps the spelling as typed (old and new tone placement stay distinct)', () => {
    expect(normaliseName('Hoà')).not.toBe(normaliseName('Hòa'));
  });
});
