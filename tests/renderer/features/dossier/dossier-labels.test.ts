import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../shared/contract/dossiers.js';
import { describeHistory } from '../../../../renderer/features/dossier/components/describe-history.js';
import { printableForms } from '../../../../renderer/features/dossier/components/print-forms.js';
import { DAY, DossierScenario, receivedPayload, refusedPayload } from '../../../shared/domain/dossier/scenario.js';
import { acceptedDossier, detailOf, RECEIVED_AT } from '../../support/dossier-fixtures.js';

const entry = (type: HistoryEntry['type'], payload: unknown): HistoryEntry => ({
  eventId: 'e',
  type,
  label: '',
  occurredAt: RECEIVED_AT,
  recordedBy: { officerId: 'o', fullName: 'Phạm Thu Trang' },
  deviceId: 'd',
  payload,
});

describe('history lines', () => {
  it('say what happened in Vietnamese, with times in Vietnam', () => {
    expect(describeHistory(entry('dossier.forwarded', { to: { kind: 'agency', name: 'Phòng Tư pháp' }, note: 'gấp', forwardedAt: RECEIVED_AT }))).toBe('Đến cơ quan Phòng Tư pháp — gấp');
    expect(describeHistory(entry('appointment.rescheduled', { reason: 'Chờ xác minh', previousAppointmentAt: '2026-11-24T10:00:00Z', newAppointmentAt: '2026-11-26T09:00:00Z' }))).toBe(
      'Từ 24/11/2026 17:00 sang 26/11/2026 16:00 — Chờ xác minh',
    );
    expect(describeHistory(entry('fee.recorded', { amountVnd: 50000, receiptNo: 'BL-12' }))).toBe('50.000 đồng, biên lai BL-12');
    expect(describeHistory(entry('satisfaction.rated', { level: 'not_rated' }))).toBe('Không đánh giá');
    expect(describeHistory(entry('result.handedBack', { collector: { kind: 'authorised', fullName: 'Lê Văn C', idNumber: '022090001234' }, handedBackAt: RECEIVED_AT }))).toBe('Người nhận thay: Lê Văn C');
  });

  it('tell form 02 at the counter from a receipt, and name the code the return issued', () => {
    const formTwo = receivedPayload(RECEIVED_AT, { code: null, intake: 'supplement_requested', appointmentAt: null, supplement: { items: ['Giấy chứng sinh'], reason: 'Thiếu' } });
    expect(describeHistory(entry('dossier.received', formTwo))).toBe('chưa tiếp nhận, yêu cầu bổ sung tại quầy: Giấy chứng sinh');
    const returned = { receivedAt: RECEIVED_AT, newAppointmentAt: '2026-11-26T09:00:00Z', code: '000.15.20.H49-261124-1001' };
    expect(describeHistory(entry('supplement.received', returned))).toBe('Tiếp nhận hồ sơ, cấp mã 000.15.20.H49-261124-1001; hẹn trả 26/11/2026 16:00');
  });
});

describe('printable forms', () => {
  it('offers the receipt and control sheet for an accepted dossier', () => {
    expect(printableForms(acceptedDossier().detail.state)).toEqual(['01', '05']);
  });

  it('offers only form 03 for a refusal', () => {
    const scenario = new DossierScenario();
    scenario.add('dossier.refused', RECEIVED_AT, refusedPayload(RECEIVED_AT));
    expect(printableForms(detailOf(scenario).state)).toEqual(['03']);
  });

  it('adds form 02 after a supplement request and form 04 after an apology', () => {
    const { scenario } = acceptedDossier();
    const later = new Date(Date.parse(RECEIVED_AT) + DAY / 2).toISOString();
    scenario.add('appointment.rescheduled', later, {
      reason: 'Chờ xác minh',
      previousAppointmentAt: receivedPayload(RECEIVED_AT).appointmentAt!,
      newAppointmentAt: new Date(Date.parse(RECEIVED_AT) + 5 * DAY).toISOString(),
    });
    scenario.add('supplement.requested', later, { items: ['Giấy chứng sinh'], reason: 'Thiếu', requestedAt: later });
    expect(printableForms(detailOf(scenario).state)).toEqual(['01', '02', '04', '05']);
  });
});
