import { describe, expect, it } from 'vitest';
import { canonicalEventJson, canonicalJson } from '../../../../shared/domain/dossier/canonical-json.js';
import { dossierEventSchema, parseDossierEvent } from '../../../../shared/domain/dossier/event-schemas.js';
import { EVENT_TYPES, type DossierEvent } from '../../../../shared/domain/dossier/events.js';
import { APPLICANT, DAY, DossierScenario, addMs, attachmentPayload, fakeUlid, receivedPayload, refusedPayload } from './scenario.js';

const AT = '2025-03-05T02:15:00.000Z';

function received(overrides: Parameters<typeof receivedPayload>[1] = {}): DossierEvent {
  return new DossierScenario().add('dossier.received', AT, receivedPayload(AT, overrides));
}

// Replace one part of a valid event, keeping everything else, to see the schema refuse it.
function withPayload(event: DossierEvent, payload: Record<string, unknown>): unknown {
  return { ...event, payload: { ...event.payload, ...payload } };
}

function issuesOf(value: unknown): string[] {
  const result = parseDossierEvent(value);
  return result.ok ? [] : result.issues;
}

describe('dossierEventSchema: valid events', () => {
  it('accepts one valid event of every type and returns it unchanged', () => {
    const s = new DossierScenario();
    const at = (h: number) => addMs(AT, h * 3_600_000);
    const events: DossierEvent[] = [
      s.add('dossier.received', at(0), receivedPayload(at(0))),
      s.add('dossier.forwarded', at(1), { to: { kind: 'officer', name: 'Công chức tư pháp – hộ tịch' }, note: '', forwardedAt: at(1) }),
      s.add('supplement.requested', at(2), { items: ['Bản sao giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh', requestedAt: at(2) }),
      s.add('supplement.received', at(3), { receivedAt: at(3), newAppointmentAt: at(80) }),
      s.add('appointment.rescheduled', at(4), { reason: 'Cần xác minh thêm', previousAppointmentAt: at(80), newAppointmentAt: at(100) }),
      s.add('fee.recorded', at(5), { amountVnd: 8000, receiptNo: 'BL-0001' }),
      s.add('note.added', at(5), { text: 'Công dân hẹn đến chiều.' }),
      s.add('field.corrected', at(5), { field: 'applicant.phone', oldValue: '0912345678', newValue: '0987654321', reason: 'Ghi nhầm' }),
      s.add('result.recorded', at(6), { resultAt: at(6), summary: 'Giấy khai sinh', outcome: 'approved' }),
      s.add('result.handedBack', at(7), { collector: { kind: 'authorised', fullName: 'Nguyễn Văn C', idNumber: '022085000456' }, handedBackAt: at(7) }),
      s.add('satisfaction.rated', at(7), { level: 'very_satisfied' }),
      s.add('conflict.resolved', at(8), { reason: 'Đã kiểm tra', resolution: 'set_status', status: 10 }),
      s.add('attachment.added', at(8), attachmentPayload({ attachmentId: '01JCATTACHMENT0000000000AA' })),
      s.add('attachment.retracted', at(9), { attachmentId: '01JCATTACHMENT0000000000AA', reason: 'Quét nhầm trang' }),
      s.add('code.reissued', at(9), { code: '000.15.20.H49-261123-1002', previousCode: null, reason: 'Trùng mã với hồ sơ khác' }),
      new DossierScenario().add('dossier.refused', at(0), refusedPayload(at(0))),
      new DossierScenario().add('dossier.withdrawn', at(0), { reason: 'Công dân xin rút', withdrawnAt: at(0) }),
      new DossierScenario().add('processing.stopped', at(0), { reason: 'Hồ sơ giả mạo', stoppedAt: at(0) }),
    ];
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    for (const event of events) {
      expect(issuesOf(event)).toEqual([]);
      expect(dossierEventSchema.parse(event)).toEqual(event);
    }
  });

  it('accepts a supplement requested at intake, with no appointment yet', () => {
    const event = received({ intake: 'supplement_requested', appointmentAt: null, supplement: { items: ['Giấy chứng sinh'], reason: 'Thiếu' } });
    expect(issuesOf(event)).toEqual([]);
  });

  it('accepts a dossier turned back at the counter without a code, and the return that brings its code', () => {
    const s = new DossierScenario();
    const turnedBack = s.add('dossier.received', AT, receivedPayload(AT, { code: null, intake: 'supplement_requested', appointmentAt: null, supplement: { items: ['Giấy chứng sinh'], reason: 'Thiếu' } }));
    const later = addMs(AT, DAY);
    const returned = s.add('supplement.received', later, { receivedAt: later, newAppointmentAt: addMs(later, 3 * DAY), code: '000.00.06.H49-250306-1001' });
    for (const event of [turnedBack, returned]) {
      expect(issuesOf(event)).toEqual([]);
      expect(dossierEventSchema.parse(event)).toEqual(event);
    }
    // A return written before the field existed has no code key at all, and keeps its content hash.
    const { code: _code, ...old } = returned.payload;
    expect(canonicalJson(dossierEventSchema.parse({ ...returned, payload: old }))).toBe(canonicalJson({ ...returned, payload: old }));
    expect(issuesOf(withPayload(returned, { code: '' }))).not.toEqual([]);
    expect(issuesOf(withPayload(returned, { code: null }))).not.toEqual([]);
  });
});

describe('satisfaction.rated: the reason for "Không hài lòng"', () => {
  const rated = (payload: Record<string, unknown>) => new DossierScenario().add('satisfaction.rated', AT, payload as never);

  it('is optional: a rating written before it (no reason key) stays valid and keeps its content hash', () => {
    const old = rated({ level: 'not_satisfied' });
    expect(issuesOf(old)).toEqual([]);
    expect(canonicalJson(dossierEventSchema.parse(old))).toBe(canonicalJson(old));
    const withReason = rated({ level: 'not_satisfied', reason: 'Phải chờ lâu' });
    expect(issuesOf(withReason)).toEqual([]);
    expect(dossierEventSchema.parse(withReason)).toEqual(withReason);
  });

  it('is bounded and never blank', () => {
    expect(issuesOf(rated({ level: 'not_satisfied', reason: 'x'.repeat(500) }))).toEqual([]);
    expect(issuesOf(rated({ level: 'not_satisfied', reason: 'x'.repeat(501) }))).not.toEqual([]);
    expect(issuesOf(rated({ level: 'not_satisfied', reason: '  ' }))).not.toEqual([]);
  });
});

describe('dossierEventSchema: refusals', () => {
  it('refuses an accepted dossier without a code: only one turned back at the counter has none', () => {
    expect(issuesOf(withPayload(received(), { code: null })).join()).toMatch(/code: .*mã hồ sơ/);
  });

  it('refuses a missing or blank reason', () => {
    const refused = new DossierScenario().add('dossier.refused', AT, refusedPayload(AT));
    const { reason: _omitted, ...withoutReason } = refused.payload;
    expect(issuesOf({ ...refused, payload: withoutReason })).not.toEqual([]);
    expect(issuesOf(withPayload(refused, { reason: '   ' }))).not.toEqual([]);
    const withdrawn = new DossierScenario().add('dossier.withdrawn', AT, { reason: 'x', withdrawnAt: AT });
    expect(issuesOf(withPayload(withdrawn, { reason: '' }))).not.toEqual([]);
  });

  it('refuses a negative or fractional fee', () => {
    const fee = new DossierScenario().add('fee.recorded', AT, { amountVnd: 8000, receiptNo: null });
    expect(issuesOf(withPayload(fee, { amountVnd: -1 })).join()).toMatch(/amountVnd/);
    expect(issuesOf(withPayload(fee, { amountVnd: 10.5 }))).not.toEqual([]);
  });

  it('refuses an ID number that is not 12 digits', () => {
    const event = received();
    const issues = issuesOf(withPayload(event, { applicant: { ...APPLICANT, idNumber: '02219000012' } }));
    expect(issues.join()).toMatch(/applicant\.idNumber: .*12 chữ số/);
    expect(issuesOf(withPayload(event, { applicant: { ...APPLICANT, idNumber: '02219000012a' } }))).not.toEqual([]);
    const handBack = new DossierScenario().add('result.handedBack', AT, { collector: { kind: 'authorised', fullName: 'C', idNumber: '022085000456' }, handedBackAt: AT });
    expect(issuesOf(withPayload(handBack, { collector: { kind: 'authorised', fullName: 'C', idNumber: '1234' } }))).not.toEqual([]);
    expect(issuesOf(withPayload(event, { owner: { kind: 'citizen', name: 'Lê D', idNumber: '123' } }))).not.toEqual([]);
    expect(issuesOf(withPayload(event, { owner: { kind: 'business', name: 'Công ty A', idNumber: '5701234567' } }))).toEqual([]);
  });

  it('refuses unknown keys, unknown types and unknown channels', () => {
    const event = received();
    expect(issuesOf({ ...event, extra: 1 })).not.toEqual([]);
    expect(issuesOf(withPayload(event, { extra: 1 }))).not.toEqual([]);
    expect(issuesOf({ ...event, type: 'dossier.deleted' })).not.toEqual([]);
    expect(issuesOf(withPayload(event, { channel: 4 }))).not.toEqual([]);
  });

  it('refuses envelope faults: bad ULID, counter below 1, local-time instants, foreign HLC node', () => {
    const event = received();
    expect(issuesOf({ ...event, id: 'not-a-ulid' })).not.toEqual([]);
    expect(issuesOf({ ...event, deviceSeq: 0 })).not.toEqual([]);
    expect(issuesOf({ ...event, occurredAt: '2025-03-05T09:15:00+07:00' })).not.toEqual([]);
    expect(issuesOf({ ...event, hlc: event.hlc.replace('desk-1', 'desk-9') }).join()).toMatch(/hlc/);
  });

  it('refuses a payload instant that disagrees with occurredAt', () => {
    const event = received();
    expect(issuesOf({ ...event, occurredAt: addMs(AT, 60_000) }).join()).toMatch(/receivedAt/);
  });

  it('refuses an inconsistent intake: accepted without appointment, supplement without list', () => {
    expect(issuesOf(received({ appointmentAt: null }))).not.toEqual([]);
    expect(issuesOf(received({ appointmentAt: addMs(AT, -DAY) }))).not.toEqual([]);
    expect(issuesOf(received({ intake: 'supplement_requested', appointmentAt: null, supplement: null }))).not.toEqual([]);
    expect(issuesOf(received({ supplement: { items: ['x'], reason: 'y' } }))).not.toEqual([]);
    expect(issuesOf(received({ intake: 'supplement_requested', appointmentAt: null, supplement: { items: [], reason: 'y' } }))).not.toEqual([]);
  });

  it('refuses an apology whose new date is not after the old one', () => {
    const event = new DossierScenario().add('appointment.rescheduled', AT, { reason: 'Trễ', previousAppointmentAt: AT, newAppointmentAt: AT });
    expect(issuesOf(event).join()).toMatch(/newAppointmentAt/);
  });

  it('refuses a correction outside the allow-list, of the wrong type, or changing nothing', () => {
    const event = new DossierScenario().add('field.corrected', AT, { field: 'sets', oldValue: 1, newValue: 2, reason: 'Nhầm' });
    expect(issuesOf(event)).toEqual([]);
    expect(issuesOf(withPayload(event, { field: 'code' }))).not.toEqual([]);
    expect(issuesOf(withPayload(event, { newValue: '2' }))).not.toEqual([]);
    expect(issuesOf(withPayload(event, { newValue: 1 }))).not.toEqual([]);
  });

  it('refuses set_status without a status, and a status outside 1–10', () => {
    const event = new DossierScenario().add('conflict.resolved', AT, { reason: 'x', resolution: 'keep_current' });
    expect(issuesOf(withPayload(event, { resolution: 'set_status' }))).not.toEqual([]);
    expect(issuesOf(withPayload(event, { resolution: 'set_status', status: 11 }))).not.toEqual([]);
    expect(issuesOf(withPayload(event, { status: 4 }))).not.toEqual([]);
  });

  it('refuses an attachment with a malformed hash, no pages, an unaccepted type or bytes inline', () => {
    const event = new DossierScenario().add('attachment.added', AT, attachmentPayload());
    expect(issuesOf(event)).toEqual([]);
    expect(issuesOf(withPayload(event, { blobSha256: 'AB'.repeat(32) })).join()).toMatch(/blobSha256: .*SHA-256/);
    expect(issuesOf(withPayload(event, { blobSha256: 'ab'.repeat(31) }))).not.toEqual([]);
    expect(issuesOf(withPayload(event, { pages: 0 }))).not.toEqual([]);
    expect(issuesOf(withPayload(event, { mediaType: 'image/gif' }))).not.toEqual([]);
    expect(issuesOf(withPayload(event, { kind: 'draft' }))).not.toEqual([]);
    expect(issuesOf(withPayload(event, { bytes: 'JVBERi0xLjQ=' }))).not.toEqual([]);
  });

  it('names the source dossier exactly when a file is reused', () => {
    const fresh = new DossierScenario().add('attachment.added', AT, attachmentPayload());
    expect(issuesOf(withPayload(fresh, { reusedFromDossierId: fakeUlid() })).join()).toMatch(/reusedFromDossierId/);
    const reused = new DossierScenario().add('attachment.added', AT, attachmentPayload({ source: 'reused_dossier', reusedFromDossierId: fakeUlid() }));
    expect(issuesOf(reused)).toEqual([]);
    expect(issuesOf(withPayload(reused, { reusedFromDossierId: null }))).not.toEqual([]);
  });

  it('refuses a retraction without a reason', () => {
    const event = new DossierScenario().add('attachment.retracted', AT, { attachmentId: fakeUlid(), reason: 'Nhầm hồ sơ' });
    expect(issuesOf(event)).toEqual([]);
    expect(issuesOf(withPayload(event, { reason: ' ' }))).not.toEqual([]);
  });
});

describe('canonicalEventJson', () => {
  it('does not depend on key order and sorts keys at every depth', () => {
    const event = received();
    const shuffled = JSON.parse(JSON.stringify(event, Object.keys(event).reverse())) as DossierEvent;
    const reordered = { ...shuffled, payload: Object.fromEntries(Object.entries(event.payload).reverse()) } as DossierEvent;
    expect(canonicalEventJson(reordered)).toBe(canonicalEventJson(event));
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('changes when the content changes', () => {
    const event = received();
    expect(canonicalEventJson(withPayload(event, { sets: 2 }) as DossierEvent)).not.toBe(canonicalEventJson(event));
  });
});
