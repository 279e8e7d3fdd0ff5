import { describe, expect, it } from 'vitest';
import { prepareEvent } from '../../../server/sync/prepare-event.js';
import { FakeDevice, HONG_GAI_UNIT } from '../support/fabricate-events.js';

// "Không hài lòng" may carry the citizen's reason (issue 13, item 9): the centre accepts a rating with
// it from a new desk and without it from an older one, and still refuses what is malformed.

function rating(payload: Record<string, unknown>): Record<string, unknown> {
  const desk = new FakeDevice('desk-06691-1', HONG_GAI_UNIT);
  const received = desk.receive();
  const envelope = desk.note(received.dossierId);
  return { ...envelope, type: 'satisfaction.rated', payload };
}

describe('the centre on a rating’s reason', () => {
  it('accepts a rating with a reason and one without', () => {
    expect(prepareEvent(rating({ level: 'not_satisfied', reason: 'Phải chờ 3 lần mới được trả kết quả' })).ok).toBe(true);
    expect(prepareEvent(rating({ level: 'not_satisfied' })).ok).toBe(true);
  });

  it('refuses a blank or over-long reason', () => {
    expect(prepareEvent(rating({ level: 'not_satisfied', reason: ' ' })).ok).toBe(false);
    expect(prepareEvent(rating({ level: 'not_satisfied', reason: 'x'.repeat(501) })).ok).toBe(false);
  });
});
