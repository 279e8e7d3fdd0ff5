import { describe, expect, it } from 'vitest';
import { ProcedureSchema, ProcessingLimitSchema } from '../../../../shared/domain/catalogue/procedure.js';
import { HA_LONG_UNITS } from '../../../../shared/domain/catalogue/seed/ha-long-units.js';
import { PROCEDURES } from '../../../../shared/domain/catalogue/seed/procedures.js';
import { UnitSchema } from '../../../../shared/domain/catalogue/unit.js';

const unit = HA_LONG_UNITS[0]!;
const procedure = PROCEDURES[0]!;

describe('UnitSchema refuses bad units', () => {
  it.each([
    ['a four-digit GSO code', { gsoCode: '6649' }],
    ['a malformed agency identifier', { agencyId: '000.1.20.H49' }],
    ['an agency identifier without the province letter', { agencyId: '000.01.20.049' }],
    ['an impossible date', { validFrom: '2023-02-29' }],
    ['an end before the start', { validFrom: '2020-01-01', validTo: '2019-12-31' }],
    ['a unit succeeding itself', { successorIds: [unit.id] }],
    ['an unknown kind', { kind: 'district' }],
    ['an id with spaces or marks', { id: 'Phường Hà Khánh' }],
  ])('%s', (_label, change) => {
    expect(UnitSchema.safeParse({ ...unit, ...change }).success).toBe(false);
  });

  it('accepts an open-ended unit (validTo null)', () => {
    expect(UnitSchema.safeParse({ ...unit, validTo: null }).success).toBe(true);
  });
});

describe('ProcedureSchema refuses bad procedures', () => {
  it.each([
    ['an empty checklist', { documents: [] }],
    ['a document counted zero times', { documents: [{ ...procedure.documents[0]!, count: 0 }] }],
    ['two checklist lines with one id', { documents: [procedure.documents[0]!, procedure.documents[0]!] }],
    ['a document form that does not exist', { documents: [{ ...procedure.documents[0]!, form: 'photo' }] }],
    ['a zero-day limit', { limit: { kind: 'working_days', amount: 0 } }],
    ['a negative fee', { fee: { amountVnd: -1, note: 'x' } }],
    ['a cut-off that is not a time of day', { cutoff: { time: '25:00' } }],
    ['a code in neither national nor local form', { code: 'KS-01' }],
    ['a level above the ward', { level: 'district' }],
    ['no way to collect the result', { resultDelivery: [] }],
    ['no legal basis', { legalBasis: [] }],
    ['version zero', { version: 0 }],
  ])('%s', (_label, change) => {
    expect(ProcedureSchema.safeParse({ ...procedure, ...change }).success).toBe(false);
  });

  it('accepts a fee not yet confirmed (null) and an optional shorter online limit', () => {
    const parsed = ProcedureSchema.safeParse({
      ...procedure,
      fee: { amountVnd: null, note: 'Mức thu do HĐND tỉnh quy định.' },
      onlineLimit: { kind: 'hours', amount: 4 },
    });
    expect(parsed.success).toBe(true);
  });
});

describe('ProcessingLimitSchema', () => {
  it('accepts each kind of limit', () => {
    for (const limit of [
      { kind: 'working_days', amount: 3 },
      { kind: 'calendar_days', amount: 30 },
      { kind: 'hours', amount: 12 },
      { kind: 'same_day', amount: 1 },
    ]) {
      expect(ProcessingLimitSchema.safeParse(limit).success, limit.kind).toBe(true);
    }
  });

  it('refuses a same-day limit of more than one day and fractional amounts', () => {
    expect(ProcessingLimitSchema.safeParse({ kind: 'same_day', amount: 2 }).success).toBe(false);
    expect(ProcessingLimitSchema.safeParse({ kind: 'working_days', amount: 1.5 }).success).toBe(false);
  });
});
