import { describe, expect, it } from 'vitest';
import { ProcedureSchema } from '../../../../shared/domain/catalogue/procedure.js';
import { SectorSchema } from '../../../../shared/domain/catalogue/sector.js';
import { PROCEDURES } from '../../../../shared/domain/catalogue/seed/procedures.js';
import { SECTORS } from '../../../../shared/domain/catalogue/seed/sectors.js';
import { stringsIn } from './strings-in.js';

describe('procedure catalogue seed', () => {
  it('parses every procedure and sector with its schema', () => {
    for (const procedure of PROCEDURES) expect(ProcedureSchema.safeParse(procedure).error, procedure.id).toBeUndefined();
    for (const sector of SECTORS) expect(SectorSchema.safeParse(sector).error, sector.id).toBeUndefined();
  });

  it('has at least 30 procedures in at least 5 sectors', () => {
    expect(PROCEDURES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PROCEDURES.map((p) => p.sectorId)).size).toBeGreaterThanOrEqual(5);
  });

  it('has unique procedure ids, codes and sector ids', () => {
    expect(new Set(PROCEDURES.map((p) => p.id)).size).toBe(PROCEDURES.length);
    expect(new Set(PROCEDURES.map((p) => p.code)).size).toBe(PROCEDURES.length);
    expect(new Set(SECTORS.map((s) => s.id)).size).toBe(SECTORS.length);
  });

  it('files every procedure under a listed sector, and lists no empty sector', () => {
    const sectorIds = new Set(SECTORS.map((s) => s.id));
    for (const p of PROCEDURES) expect(sectorIds.has(p.sectorId), p.id).toBe(true);
    for (const s of SECTORS) expect(PROCEDURES.some((p) => p.sectorId === s.id), s.id).toBe(true);
  });

  it('gives every procedure a checklist with at least one required paper, each counted at least once', () => {
    for (const p of PROCEDURES) {
      expect(p.documents.length, p.id).toBeGreaterThanOrEqual(1);
      expect(p.documents.some((d) => d.required), p.id).toBe(true);
      for (const d of p.documents) expect(d.count, `${p.id} ${d.id}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives every same-day procedure a cut-off', () => {
    const sameDay = PROCEDURES.filter((p) => p.limit.kind === 'same_day');
    expect(sameDay.length).toBeGreaterThan(0);
    for (const p of sameDay) expect(p.cutoff, p.id).not.toBeNull();
  });

  it('has positive limits, and extended limits longer than the ordinary ones of the same kind', () => {
    for (const p of PROCEDURES) {
      for (const limit of [p.limit, p.onlineLimit, p.extendedLimit?.limit]) {
        if (limit) expect(limit.amount, p.id).toBeGreaterThan(0);
      }
      if (p.extendedLimit && p.extendedLimit.limit.kind === p.limit.kind) {
        expect(p.extendedLimit.limit.amount, p.id).toBeGreaterThan(p.limit.amount);
      }
    }
  });

  it('puts the statutory limits of the common procedures where the law does', () => {
    const byId = new Map(PROCEDURES.map((p) => [p.id, p]));
    expect(byId.get('ho-tich.dang-ky-khai-sinh')).toMatchObject({ limit: { kind: 'same_day' }, cutoff: { time: '15:00' } });
    expect(byId.get('ho-tich.dang-ky-ket-hon')).toMatchObject({
      limit: { kind: 'same_day' },
      extendedLimit: { limit: { kind: 'working_days', amount: 5 } },
    });
    expect(byId.get('chung-thuc.ban-sao-tu-ban-chinh')).toMatchObject({ limit: { kind: 'same_day' }, cutoff: { time: '15:00' } });
    expect(byId.get('chung-thuc.hop-dong-giao-dich')?.limit).toEqual({ kind: 'working_days', amount: 2 });
    expect(byId.get('cu-tru.dang-ky-thuong-tru')?.limit).toEqual({ kind: 'working_days', amount: 7 });
    expect(byId.get('cu-tru.dang-ky-tam-tru')?.limit).toEqual({ kind: 'working_days', amount: 3 });
  });

  it('never calls a fee free when its amount is unknown, and says why in a note', () => {
    for (const p of PROCEDURES) {
      expect(p.fee.note.length, p.id).toBeGreaterThan(0);
      if (p.fee.amountVnd === null) expect(p.fee.note, p.id).toMatch(/HĐND/u);
    }
  });

  it('names its legal basis for every procedure', () => {
    for (const p of PROCEDURES) expect(p.legalBasis.length, p.id).toBeGreaterThanOrEqual(1);
  });

  it('stores Vietnamese text in NFC', () => {
    for (const { path, text } of stringsIn(PROCEDURES)) expect(text.normalize('NFC'), path).toBe(text);
    for (const { path, text } of stringsIn(SECTORS)) expect(text.normalize('NFC'), path).toBe(text);
  });

  it('cannot be changed by accident through a shared building block', () => {
    const khaiSinh = PROCEDURES.find((p) => p.id === 'ho-tich.dang-ky-khai-sinh')!;
    expect(() => {
      (khaiSinh.limit as { amount: number }).amount = 2;
    }).toThrow(TypeError);
    expect(() => khaiSinh.documents.push(khaiSinh.documents[0]!)).toThrow(TypeError);
  });
});
