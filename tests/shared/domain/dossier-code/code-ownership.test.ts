import { describe, expect, it } from 'vitest';
import { codeOwnershipProblem } from '../../../../shared/domain/dossier-code/code-ownership.js';
import { codeIssuedAt } from '../../../../shared/domain/dossier/issued-code.js';
import { FakeDevice, HONG_GAI_UNIT } from '../../../server/support/fabricate-events.js';

// A code's date part is the Vietnam date of the instant that issued it (UTC+7 all year): what the desk's
// allocator writes, and what the centre holds every code it is sent to.

const OWNER = { agencyId: '000.15.20.H49', station: 1 };

describe('the date part of a dossier code', () => {
  it('is the Vietnam date of the issuing instant, across UTC midnight and Vietnam midnight', () => {
    // 17:00 UTC on 28/11 is already 00:00 on 29/11 in Hạ Long; 16:59:59 UTC is still 28/11.
    expect(codeOwnershipProblem('000.15.20.H49-261129-1001', OWNER, '2026-11-28T17:00:00Z')).toBeNull();
    expect(codeOwnershipProblem('000.15.20.H49-261128-1001', OWNER, '2026-11-28T17:00:00Z')).toBe('date_mismatch');
    expect(codeOwnershipProblem('000.15.20.H49-261128-1001', OWNER, '2026-11-28T16:59:59.999Z')).toBeNull();
    expect(codeOwnershipProblem('000.15.20.H49-271128-1001', OWNER, '2026-11-28T03:00:00Z')).toBe('date_mismatch');
    // Without an instant (nothing to compare with) the date part is not judged.
    expect(codeOwnershipProblem('000.15.20.H49-271128-1001', OWNER)).toBeNull();
    // Agency and station problems are named first.
    expect(codeOwnershipProblem('000.01.20.H49-261128-1001', OWNER, '2020-01-01T00:00:00Z')).toBe('foreign_agency');
    expect(codeOwnershipProblem('000.15.20.H49-261128-2001', OWNER, '2020-01-01T00:00:00Z')).toBe('outside_station');
  });

  it('the issuing instant is the receipt for a reception and a return, the event itself for a reissue', () => {
    const desk = new FakeDevice('desk-1', HONG_GAI_UNIT);
    const received = desk.receive();
    expect(codeIssuedAt(received)).toBe(received.payload.receivedAt);
    desk.wait(30);
    const back = desk.receiveSupplement(received.dossierId, '000.15.20.H49-261124-1001');
    expect(codeIssuedAt(back)).toBe(back.payload.receivedAt);
    const reissue = { ...desk.note(received.dossierId), type: 'code.reissued' as const, payload: { code: 'x', previousCode: null, reason: 'r' } };
    expect(codeIssuedAt(reissue)).toBe(reissue.occurredAt);
  });
});
