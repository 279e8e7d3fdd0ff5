import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ApologyForm } from '../../../../renderer/features/forms/components/ApologyForm.js';
import { ReceiptForm } from '../../../../renderer/features/forms/components/ReceiptForm.js';
import { RefusalForm } from '../../../../renderer/features/forms/components/RefusalForm.js';
import { SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { openDesk, receive, RESIDENCE, SUPERVISOR_NAME } from './desk-with-dossiers.js';

// What the components put on the sheet, rendered to HTML without a browser (the PDFs are checked in
// tests/browser/forms): the facts of the dossier, in the places the official models put them.

let desk: TestDesk | null = null;
afterEach(() => {
  desk?.dispose();
  desk = null;
});

const textOf = (html: string): string => html.replace(/<[^>]+>/gu, ' ').replace(/&amp;/gu, '&').replace(/\s+/gu, ' ');

describe('form markup', () => {
  it('form 01 has both copies, each with the code, barcode, QR, papers, times and signatures', async () => {
    desk = await openDesk();
    const { state, history } = await receive(desk);
    // The supervisor set the desk's phone (typed with spaces, kept as digits): each copy prints it.
    const { phone } = await desk.call('preferences.set', { phone: '0203 3825 123' });
    expect(phone).toBe('02033825123');
    const detail = { state, history, allowedActions: [], overdue: false, dueSoon: false, reschedule: null, codeConflict: null, calendarNote: null };
    const html = renderToStaticMarkup(<ReceiptForm detail={detail} centreUrl="https://motcua.halong.gov.vn" deskPhone={phone} />);
    const text = textOf(html);
    expect(text.split('Điện thoại liên hệ của Bộ phận tiếp nhận và trả kết quả: 02033825123')).toHaveLength(3);
    // Not set: no line at all (nothing for the citizen to call).
    expect(textOf(renderToStaticMarkup(<ReceiptForm detail={detail} centreUrl={null} deskPhone={null} />))).not.toContain('Điện thoại liên hệ');

    expect(html.match(/<article /gu)).toHaveLength(2);
    expect(text).toContain('Liên 1: Giao người nộp hồ sơ');
    expect(text).toContain('Liên 2: Lưu tại Bộ phận tiếp nhận và trả kết quả');
    expect(text.split(state.code ?? 'missing')).toHaveLength(3);
    expect(html.match(/src="data:image\/svg\+xml/gu)).toHaveLength(4);
    expect(text).toContain('Hạ Long, ngày 23 tháng 11 năm 2026');
    expect(text).toContain('Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 23/11/2026');
    expect(text).toContain('Thời gian giải quyết hồ sơ theo quy định: 7 ngày làm việc');
    expect(text).toContain('Tờ khai thay đổi thông tin cư trú (Mẫu CT01) Bản chính 01');
    expect(text).toContain(`Số thứ tự: ${state.code?.slice(-4)}`);
    expect(text).toContain(SUPERVISOR_NAME);
    // No inline <style>: the CSP (style-src 'self') would refuse it.
    expect(html).not.toContain('<style');
  });

  it('form 03 gives the refusal reason; form 04 the new date signed for the People’s Committee', async () => {
    desk = await openDesk();
    const refused = await desk.call('dossiers.refuse', { procedureId: RESIDENCE, channel: 1, applicant: SAMPLE_APPLICANT, reason: 'Sai thẩm quyền giải quyết' });
    const refusal = textOf(renderToStaticMarkup(<RefusalForm detail={refused} deskPhone={null} />));
    expect(refusal).toContain('với lý do cụ thể như sau: Sai thẩm quyền giải quyết');
    expect(refusal).toContain('số điện thoại …………………………');
    expect(textOf(renderToStaticMarkup(<RefusalForm detail={refused} deskPhone="02033825123" />))).toContain('số điện thoại 02033825123.');
    expect(refusal).toContain(`cán bộ tiếp nhận ${SUPERVISOR_NAME}`);

    const received = await receive(desk);
    const rescheduled = await desk.call('dossiers.reschedule', {
      dossierId: received.state.id,
      reason: 'Chờ xác minh',
      newAppointmentAt: '2026-12-10T09:00:00Z',
    });
    const apology = textOf(renderToStaticMarkup(<ApologyForm detail={rescheduled} />));
    expect(apology).toContain('Kính gửi: Ông/Bà Nguyễn Thị Đức Hạnh');
    expect(apology).toContain('Ngày 23 tháng 11 năm 2026, UBND Phường Hồng Gai tiếp nhận');
    expect(apology).toContain('trả kết quả giải quyết hồ sơ cho ông/bà vào 16 giờ 00 phút, ngày 10/12/2026');
    expect(apology).toContain('TM. Ủy ban nhân dân');
    expect(renderToStaticMarkup(<ApologyForm detail={received} />)).toBe('');
  });
});
