import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../server/sync/pull-service.js';

// A pull answer is sent as ASCII (characters beyond it as \uXXXX escapes): the desk must parse it to
// exactly the values the stored canonical JSON holds.

describe('asciiJson', () => {
  it('writes Vietnamese text, symbols and characters beyond the BMP as escapes, and parses back to the same values', () => {
    const value = { name: 'Nguyễn Thị Thử Nghiệm', address: 'Tổ 1, Khu 2, Hồng Gai — Hạ Long', note: 'ghi chú 📄 «x»', plain: 'ascii "quoted" \\ back' };
    const text = asciiJson(JSON.stringify(value));
    expect(/^[\x20-\x7f]*$/.test(text)).toBe(true);
    expect(text).toContain('\\u1ec5');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('round-trips any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        const json = JSON.stringify(value);
        const text = asciiJson(json);
        expect(/^[\x20-\x7f]*$/.test(text)).toBe(true);
        expect(JSON.parse(text)).toEqual(JSON.parse(json));
      }),
      { numRuns: 500 },
    );
  });
});
