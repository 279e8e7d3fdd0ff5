import type { Procedure } from '../../procedure.js';
import { AT_DESK_OR_POST, FREE, calendarDays, doc, workingDays } from './common.js';

// Social protection (bảo trợ xã hội). Several of these are received and reviewed at the ward and
// decided by the district (until 30/6/2025): the limit here is the whole statutory chain, since
// that is what the receipt's appointment promises. Nghị định 20/2021/NĐ-CP as amended by
// Nghị định 76/2024/NĐ-CP (in force 1/7/2024); poverty: Nghị định 07/2021/NĐ-CP and Quyết định
// 24/2021/QĐ-TTg; disability: Luật Người khuyết tật 2010, Nghị định 28/2012/NĐ-CP, Thông tư
// 01/2019/TT-BLĐTBXH. Every limit here should be checked against Quảng Ninh's published list.

const ND_20 = 'Nghị định 20/2021/NĐ-CP';
const ND_76 = 'Nghị định 76/2024/NĐ-CP';

export const BAO_TRO_XA_HOI_PROCEDURES: readonly Procedure[] = [
  {
    // Ward review 15 working days (incl. 2 days public posting), district check 7, decision 3
    // (Nghị định 20/2021, Điều 8) → 25 working days in all — verify after Nghị định 76/2024.
    id: 'bao-tro-xa-hoi.tro-cap-xa-hoi-hang-thang',
    code: '1.001776',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng',
    sectorId: 'bao-tro-xa-hoi',
    level: 'ward',
    limit: workingDays(25),
    cutoff: null,
    fee: FREE,
    resultDelivery: AT_DESK_OR_POST,
    documents: [
      doc('to-khai', 'Tờ khai đề nghị trợ cấp xã hội hoặc hỗ trợ kinh phí chăm sóc, nuôi dưỡng (mẫu theo Nghị định 20/2021/NĐ-CP, tùy đối tượng)', 'original'),
      doc('giay-xac-nhan-khuyet-tat', 'Giấy xác nhận khuyết tật', 'copy', {
        required: false,
        note: 'Với người khuyết tật, nếu thông tin chưa có trong cơ sở dữ liệu.',
      }),
    ],
    legalBasis: [`${ND_20}, Điều 7–8`, ND_76],
    validFrom: '2024-07-01',
    version: 1,
  },
  {
    // Ward 3 working days, district 2 + 2 (Nghị định 20/2021, Điều 11) — verify. National code
    // not confirmed (several funeral-support procedures exist): local code.
    id: 'bao-tro-xa-hoi.ho-tro-chi-phi-mai-tang',
    code: 'HL.BTXH.001',
    name: 'Hỗ trợ chi phí mai táng',
    sectorId: 'bao-tro-xa-hoi',
    level: 'ward',
    limit: workingDays(7),
    cutoff: null,
    fee: FREE,
    resultDelivery: AT_DESK_OR_POST,
    documents: [
      doc('to-khai', 'Tờ khai đề nghị hỗ trợ chi phí mai táng (theo mẫu)', 'original'),
      doc('giay-chung-tu', 'Giấy chứng tử hoặc trích lục khai tử của người đã chết', 'copy', {
        note: 'Không cần nếu thông tin đã khai thác được từ Cơ sở dữ liệu hộ tịch.',
      }),
    ],
    legalBasis: [`${ND_20}, Điều 11`, ND_76],
    validFrom: '2024-07-01',
    version: 1,
  },
  {
    // The ward chairman convenes the assessment council and issues the certificate within 30 days
    // of the application (Luật Người khuyết tật 2010, Điều 18) — verify against Thông tư 01/2019;
    // validFrom is approximate (that circular's year).
    id: 'bao-tro-xa-hoi.xac-dinh-muc-do-khuyet-tat',
    code: '1.001699',
    name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    sectorId: 'bao-tro-xa-hoi',
    level: 'ward',
    limit: calendarDays(30),
    cutoff: null,
    fee: FREE,
    resultDelivery: AT_DESK_OR_POST,
    documents: [
      doc('don-de-nghi', 'Đơn đề nghị xác định, xác định lại mức độ khuyết tật (theo mẫu)', 'original'),
      doc('ho-so-y-te', 'Bệnh án, giấy tờ khám, điều trị, phẫu thuật hoặc giấy tờ liên quan khác', 'copy', {
        required: false,
        note: 'Nếu có.',
      }),
      doc('ket-luan-giam-dinh', 'Giấy xác nhận khuyết tật cũ hoặc kết luận của Hội đồng giám định y khoa', 'copy', {
        required: false,
        note: 'Khi đề nghị xác định lại mức độ khuyết tật hoặc đã được giám định.',
      }),
    ],
    legalBasis: ['Luật Người khuyết tật 2010, Điều 15–19', 'Nghị định 28/2012/NĐ-CP', 'Thông tư 01/2019/TT-BLĐTBXH'],
    validFrom: '2019-01-01',
    version: 1,
  },
  {
    // The ward reviews, posts the result and the chairman decides (Quyết định 24/2021/QĐ-TTg) —
    // limit 7 working days, verify. The national catalogue may file it under "Giảm nghèo".
    id: 'bao-tro-xa-hoi.cong-nhan-ho-ngheo-can-ngheo-phat-sinh',
    code: 'HL.BTXH.002',
    name: 'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm',
    sectorId: 'bao-tro-xa-hoi',
    level: 'ward',
    limit: workingDays(7),
    cutoff: null,
    fee: FREE,
    resultDelivery: AT_DESK_OR_POST,
    documents: [doc('giay-de-nghi', 'Giấy đề nghị xét duyệt bổ sung hộ nghèo, hộ cận nghèo (theo mẫu)', 'original')],
    legalBasis: ['Quyết định 24/2021/QĐ-TTg', 'Nghị định 07/2021/NĐ-CP'],
    validFrom: '2022-01-01',
    version: 1,
  },
];
