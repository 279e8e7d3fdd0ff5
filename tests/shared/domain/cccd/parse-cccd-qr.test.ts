import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCccdQr, type CccdParseResult } from '../../../../shared/domain/cccd/parse-cccd-qr.js';

// Fabricated data only (the DOMAIN.md synthetic sample and variations of it).
const SAMPLE = '022190000123||Trần Thị B|05061990|Nữ|Tổ 1, Khu 2, Phường Hồng Gai, Thành phố Hạ Long, Quảng Ninh|10052021';
const TODAY = { today: '2026-11-29' };

/** The sample with some of its seven fields replaced. */
function qr(fields: Partial<Record<'id' | 'oldId' | 'name' | 'birth' | 'sex' | 'address' | 'issue', string>>): string {
  const base = SAMPLE.split('|');
  const order = ['id', 'oldId', 'name', 'birth', 'sex', 'address', 'issue'] as const;
  return order.map((key, i) => fields[key] ?? base[i]).join('|');
}

function errorCode(result: CccdParseResult): string | undefined {
  return result.ok ? undefined : result.error.code;
}

function warningCodes(result: CccdParseResult): string[] {
  if (!result.ok) throw new Error(`expected a card, got ${result.error.code}`);
  return result.warnings.map((w) => w.code);
}

describe('parseCccdQr', () => {
  it('reads the synthetic sample with no warnings', () => {
    expect(parseCccdQr(SAMPLE, TODAY)).toEqual({
      ok: true,
      card: {
        idNumber: '022190000123',
        oldIdNumber: null,
        fullName: 'Trần Thị B',
        birthDate: '1990-06-05',
        sex: 'female',
        address: 'Tổ 1, Khu 2, Phường Hồng Gai, Thành phố Hạ Long, Quảng Ninh',
        issueDate: '2021-05-10',
      },
      warnings: [],
    });
  });

  it('ignores fields after the seventh', () => {
    const result = parseCccdQr(`${SAMPLE}|extra|10052036|`, TODAY);
    expect(result).toEqual(parseCccdQr(SAMPLE, TODAY));
  });

  it('keeps a 9-digit (or 12-digit) old ID and warns about any other', () => {
    const nine = parseCccdQr(qr({ oldId: '100000001' }), TODAY);
    expect(nine.ok && nine.card.oldIdNumber).toBe('100000001');
    expect(warningCodes(nine)).toEqual([]);
    expect(warningCodes(parseCccdQr(qr({ oldId: '100000001000' }), TODAY))).toEqual([]);
    expect(warningCodes(parseCccdQr(qr({ oldId: '12A45' }), TODAY))).toEqual(['old_id_number_unusual']);
  });

  it('tolerates the Enter of a wedge scanner, a BOM and spaces around fields', () => {
    const expected = parseCccdQr(SAMPLE, TODAY);
    expect(parseCccdQr(`${SAMPLE}\r\n`, TODAY)).toEqual(expected);
    expect(parseCccdQr(`${SAMPLE}\n`, TODAY)).toEqual(expected);
    expect(parseCccdQr(`\ufeff${SAMPLE}\r`, TODAY)).toEqual(expected);
    expect(parseCccdQr(qr({ id: ' 022190000123 ', name: '  Trần   Thị B ', sex: ' Nữ ' }), TODAY)).toEqual(expected);
  });

  it('normalises decomposed (NFD) input to NFC', () => {
    const result = parseCccdQr(SAMPLE.normalize('NFD'), TODAY);
    expect(result).toEqual(parseCccdQr(SAMPLE, TODAY));
    expect(result.ok && result.card.fullName.length).toBe('Trần Thị B'.length);
  });

  it('accepts Nam/Nữ in any case, and Nu with the mark lost', () => {
    for (const sex of ['Nữ', 'NỮ', 'nữ', 'Nu', 'Nữ'.normalize('NFD')]) {
      const result = parseCccdQr(qr({ sex }), TODAY);
      expect(result.ok && result.card.sex).toBe('female');
    }
    const male = parseCccdQr(qr({ id: '022090000123', sex: 'NAM' }), TODAY);
    expect(male.ok && male.card.sex).toBe('male');
    expect(warningCodes(male)).toEqual([]);
    expect(errorCode(parseCccdQr(qr({ sex: 'Female' }), TODAY))).toBe('sex_invalid');
    expect(errorCode(parseCccdQr(qr({ sex: '' }), TODAY))).toBe('sex_invalid');
  });

  it('refuses a line with fewer than seven fields', () => {
    expect(errorCode(parseCccdQr('022190000123||Trần Thị B|05061990|Nữ|Quảng Ninh', TODAY))).toBe('too_few_fields');
    expect(errorCode(parseCccdQr('', TODAY))).toBe('too_few_fields');
    expect(errorCode(parseCccdQr('022190000123', TODAY))).toBe('too_few_fields');
  });

  it('refuses an ID that is not exactly 12 digits', () => {
    for (const id of ['02219000012', '0221900001234', '02219000012A', '', '022 190 000 123']) {
      expect(errorCode(parseCccdQr(qr({ id }), TODAY))).toBe('id_number_invalid');
    }
  });

  it('accepts full-width digits some IMEs type', () => {
    const result = parseCccdQr(qr({ id: '０２２１９００００１２３' }), TODAY);
    expect(result.ok && result.card.idNumber).toBe('022190000123');
  });

  it('refuses dates that are not real calendar dates', () => {
    for (const birth of ['31041990', '29021990', '29021900', '00011990', '01131990', '5061990', '1990-06-05', '05/06/1990', '01011899']) {
      expect(errorCode(parseCccdQr(qr({ birth }), TODAY)), birth).toBe('birth_date_invalid');
    }
    for (const issue of ['31022021', '29022021', '', 'abc']) {
      expect(errorCode(parseCccdQr(qr({ issue }), TODAY)), issue).toBe('issue_date_invalid');
    }
  });

  it('accepts 29 February in leap years, including 2000', () => {
    const leap1992 = parseCccdQr(qr({ id: '022192000123', birth: '29021992' }), TODAY);
    expect(leap1992.ok && leap1992.card.birthDate).toBe('1992-02-29');
    const leap2000 = parseCccdQr(qr({ id: '022300000123', birth: '29022000', issue: '29022024' }), TODAY);
    expect(leap2000.ok && [leap2000.card.birthDate, leap2000.card.issueDate]).toEqual(['2000-02-29', '2024-02-29']);
    expect(warningCodes(leap2000)).toEqual([]);
  });

  it('refuses a birth date after today, accepts one on today', () => {
    expect(errorCode(parseCccdQr(qr({ id: '022326000123', birth: '30112026', issue: '30112026' }), TODAY))).toBe('birth_date_in_future');
    expect(errorCode(parseCccdQr(qr({ id: '022326000123', birth: '29112026', issue: '30112026' }), TODAY))).toBe('issue_date_in_future');
    expect(errorCode(parseCccdQr(qr({ id: '022326000123', birth: '28112026', issue: '29112026' }), TODAY))).toBeUndefined();
  });

  it('refuses an issue date not after the birth date or after today', () => {
    expect(errorCode(parseCccdQr(qr({ issue: '05061990' }), TODAY))).toBe('issue_date_before_birth');
    expect(errorCode(parseCccdQr(qr({ issue: '01011985' }), TODAY))).toBe('issue_date_before_birth');
    expect(errorCode(parseCccdQr(qr({ issue: '30112026' }), TODAY))).toBe('issue_date_in_future');
    expect(errorCode(parseCccdQr(qr({ issue: '29112026' }), TODAY))).toBeUndefined();
  });

  it('refuses an empty name, warns about an empty address', () => {
    expect(errorCode(parseCccdQr(qr({ name: '  ' }), TODAY))).toBe('full_name_missing');
    const noAddress = parseCccdQr(qr({ address: '' }), TODAY);
    expect(noAddress.ok && noAddress.card.address).toBe('');
    expect(warningCodes(noAddress)).toEqual(['address_missing']);
  });

  it('asks for a rescan when two scans are joined (the field was not cleared), not for a bad issue date', () => {
    const second = qr({ id: '022085000456', name: 'Lê Văn C', birth: '01011985', sex: 'Nam' });
    for (const joined of [`${SAMPLE}\n${second}`, `${SAMPLE}\r\n${second}\r\n`, `${SAMPLE}${second}`]) {
      const result = parseCccdQr(joined, TODAY);
      expect(errorCode(result)).toBe('scanned_twice');
      expect(result.ok ? '' : result.error.message).toMatch(/^Quét lại/);
    }
    // One scan with the scanner's own CR LF is still one scan.
    expect(errorCode(parseCccdQr(`${SAMPLE}\r\n`, TODAY))).toBeUndefined();
  });

  it('asks for a rescan when the name or address holds control or bidi characters; drops zero-width ones', () => {
    for (const name of ['Trần Thị\0 B', 'Trần \u202eB ịhT', 'Trần\u001b Thị B']) {
      expect(errorCode(parseCccdQr(qr({ name }), TODAY)), JSON.stringify(name)).toBe('characters_invalid');
    }
    expect(errorCode(parseCccdQr(qr({ address: 'Tổ 1\0, Khu 2' }), TODAY))).toBe('characters_invalid');
    const zeroWidth = parseCccdQr(qr({ name: 'Trần\u200b Thị\u2060 B\ufeff' }), TODAY);
    expect(zeroWidth.ok && zeroWidth.card.fullName).toBe('Trần Thị B');
  });

  describe('cross-checks of the ID digits (warnings, the card is still read)', () => {
    it('warns when digits 1–3 are not a province code', () => {
      expect(warningCodes(parseCccdQr(qr({ id: '003190000123' }), TODAY))).toEqual(['province_code_unknown']);
      expect(warningCodes(parseCccdQr(qr({ id: '097190000123' }), TODAY))).toEqual(['province_code_unknown']);
    });

    it('warns when digit 4 gives the other sex', () => {
      expect(warningCodes(parseCccdQr(qr({ id: '022090000123' }), TODAY))).toEqual(['sex_digit_mismatch']);
      expect(warningCodes(parseCccdQr(qr({ sex: 'Nam' }), TODAY))).toEqual(['sex_digit_mismatch']);
    });

    it('warns when digit 4 gives another century', () => {
      // 3 = female born in the 2000s, but the card says 1990.
      expect(warningCodes(parseCccdQr(qr({ id: '022390000123' }), TODAY))).toEqual(['century_digit_mismatch']);
      // 5 = female born in the 2100s.
      expect(warningCodes(parseCccdQr(qr({ id: '022590000123' }), TODAY))).toEqual(['century_digit_mismatch']);
      // 2 = male born in the 2000s, and the card says male, 2005: consistent.
      expect(warningCodes(parseCccdQr(qr({ id: '022205000123', sex: 'Nam', birth: '01012005' }), TODAY))).toEqual([]);
    });

    it('warns when digits 5–6 are not the birth year', () => {
      expect(warningCodes(parseCccdQr(qr({ id: '022191000123' }), TODAY))).toEqual(['birth_year_digits_mismatch']);
    });

    it('reports every disagreement at once', () => {
      expect(warningCodes(parseCccdQr(qr({ id: '099281000123' }), TODAY))).toEqual([
        'province_code_unknown',
        'sex_digit_mismatch',
        'century_digit_mismatch',
        'birth_year_digits_mismatch',
      ]);
    });
  });

  it('messages name the field, never the ID or another value from the code', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const field = fc.oneof(digits(12), digits(8), fc.constantFrom('Nam', 'Nữ', 'X'), fc.string({ minLength: 4 }));
    fc.assert(
      fc.property(digits(12), field, digits(8), field, fc.string({ minLength: 5 }), field, (id, old, birth, sex, name, issue) => {
        const line = [id, old, name, birth, sex, 'Hạ Long', issue].join('|');
        const result = parseCccdQr(line, TODAY);
        const messages = result.ok ? result.warnings.map((w) => w.message) : [result.error.message];
        for (const message of messages) {
          expect(message).not.toContain(id);
          expect(message).not.toContain(birth);
          if (name.trim().length >= 5) expect(message).not.toContain(name.trim());
          expect(message).not.toContain(line);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, whatever the scanner typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.array(fc.string(), { maxLength: 10 }), (text, parts) => {
        expect(() => parseCccdQr(text, TODAY)).not.toThrow();
        expect(() => parseCccdQr(parts.join('|'), TODAY)).not.toThrow();
      }),
    );
  });

  it('rejects a malformed today as a programming error without echoing the input', () => {
    expect(() => parseCccdQr(SAMPLE, { today: '29/11/2026' })).toThrow(RangeError);
    expect(() => parseCccdQr(SAMPLE, { today: '2026-02-30' })).toThrow(/yyyy-MM-dd/u);
    try {
      parseCccdQr(SAMPLE, { today: 'x' });
    } catch (error) {
      expect(String(error)).not.toContain('022190000123');
    }
  });
});
