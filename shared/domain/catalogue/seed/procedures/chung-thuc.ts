import type { Fee, Procedure, RequiredDocument } from '../../procedure.js';
import { AT_DESK_OR_POST, CUTOFF_15, SAME_DAY, doc, workingDays } from './common.js';

// Certification (chứng thực) at the ward/commune: Nghị định 23/2015/NĐ-CP (in force 10/4/2015),
// Điều 5 lists what the commune may certify; Điều 7 sets the limits: copies and signatures the same
// day (next working day if received after 15:00), contracts and inheritance papers within 2 working
// days — all extendable by written agreement with the requester for large or complex requests,
// which has no fixed number and so is not an `extendedLimit` here. Fees: Thông tư 226/2016/TT-BTC.
// Contracts, wills and inheritance papers need the parties to sign in front of the officer, so the
// result is collected in person (or by post for copies of certified contracts).

const ND_23 = 'Nghị định 23/2015/NĐ-CP';
const TT_226 = 'Thông tư 226/2016/TT-BTC';
const TT_01_2020 = 'Thông tư 01/2020/TT-BTP';
const SINCE_ND_23 = '2015-04-10';

const PER_PAGE_COPY_FEE: Fee = {
  amountVnd: 2_000,
  note: '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản (Thông tư 226/2016/TT-BTC).',
};
const CONTRACT_FEE: Fee = { amountVnd: 50_000, note: '50.000 đồng/hợp đồng, giao dịch, văn bản (Thông tư 226/2016/TT-BTC).' };

const IDENTITY_COPY: RequiredDocument = doc(
  'giay-to-tuy-than',
  'Bản sao giấy tờ tùy thân (Căn cước/Căn cước công dân, hộ chiếu) của người yêu cầu chứng thực',
  'copy',
  { note: 'Xuất trình bản chính để đối chiếu.' },
);
const OWNERSHIP_PAPER: RequiredDocument = doc(
  'giay-chung-nhan-quyen',
  'Bản sao Giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản hoặc giấy tờ thay thế',
  'copy',
  { required: false, note: 'Với tài sản mà pháp luật quy định phải đăng ký quyền sở hữu, quyền sử dụng; xuất trình bản chính để đối chiếu.' },
);
const DRAFT = (what: string): RequiredDocument =>
  doc('du-thao', `Dự thảo ${what}`, 'original', { note: 'Nếu người yêu cầu chưa có dự thảo, công chức tư pháp - hộ tịch soạn theo yêu cầu.' });

const certification = (p: Omit<Procedure, 'sectorId' | 'level' | 'legalBasis' | 'validFrom' | 'version'> & { legalBasis?: string[] }): Procedure => ({
  ...p,
  sectorId: 'chung-thuc',
  level: 'ward',
  legalBasis: p.legalBasis ?? [ND_23, TT_01_2020, TT_226],
  validFrom: SINCE_ND_23,
  version: 1,
});

export const CHUNG_THUC_PROCEDURES: readonly Procedure[] = [
  // The commune certifies copies of papers issued by Vietnamese authorities only (Điều 5).
  certification({
    id: 'chung-thuc.ban-sao-tu-ban-chinh',
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    limit: SAME_DAY,
    cutoff: CUTOFF_15,
    fee: PER_PAGE_COPY_FEE,
    resultDelivery: AT_DESK_OR_POST,
    documents: [
      doc('ban-chinh', 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 'original', {
        note: 'Xuất trình để đối chiếu, trả lại người yêu cầu.',
      }),
      doc('ban-chup', 'Bản chụp cần chứng thực', 'copy', {
        required: false,
        note: 'Nếu người yêu cầu không mang theo, cơ quan chụp từ bản chính.',
      }),
    ],
  }),
  certification({
    id: 'chung-thuc.chu-ky',
    code: '2.000884',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    limit: SAME_DAY,
    cutoff: CUTOFF_15,
    fee: { amountVnd: 10_000, note: '10.000 đồng/trường hợp (Thông tư 226/2016/TT-BTC).' },
    resultDelivery: ['desk'],
    documents: [
      doc('giay-to-tuy-than', 'Giấy tờ tùy thân còn giá trị sử dụng (Căn cước/Căn cước công dân, hộ chiếu)', 'original_or_copy', {
        note: 'Bản chính hoặc bản sao có chứng thực.',
      }),
      doc('giay-to-se-ky', 'Giấy tờ, văn bản sẽ ký (người yêu cầu ký trước mặt người thực hiện chứng thực)', 'original'),
    ],
  }),
  // Within 2 working days (Điều 7; procedure Điều 36) — verify article numbers.
  certification({
    id: 'chung-thuc.hop-dong-giao-dich',
    code: '2.001035',
    name: 'Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở',
    limit: workingDays(2),
    cutoff: null,
    fee: CONTRACT_FEE,
    resultDelivery: ['desk'],
    documents: [DRAFT('hợp đồng, giao dịch'), IDENTITY_COPY, OWNERSHIP_PAPER],
  }),
  // Code as matched on the national portal (name there: "…hủy bỏ giao dịch") — verify.
  certification({
    id: 'chung-thuc.sua-doi-bo-sung-huy-bo-hop-dong',
    code: '2.000913',
    name: 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
    limit: workingDays(2),
    cutoff: null,
    fee: { amountVnd: 30_000, note: '30.000 đồng/hợp đồng, giao dịch (Thông tư 226/2016/TT-BTC).' },
    resultDelivery: ['desk'],
    documents: [
      DRAFT('văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch'),
      doc('hop-dong-da-chung-thuc', 'Hợp đồng, giao dịch đã được chứng thực', 'original'),
      IDENTITY_COPY,
    ],
  }),
  // Limit and fee (25,000 đồng) — verify; code as matched on the national portal — verify.
  certification({
    id: 'chung-thuc.sua-loi-sai-sot-hop-dong',
    code: '2.000927',
    name: 'Sửa lỗi sai sót trong hợp đồng, giao dịch',
    limit: workingDays(2),
    cutoff: null,
    fee: { amountVnd: 25_000, note: '25.000 đồng/hợp đồng, giao dịch (Thông tư 226/2016/TT-BTC).' },
    resultDelivery: ['desk'],
    documents: [doc('hop-dong-da-chung-thuc', 'Hợp đồng, giao dịch đã được chứng thực có lỗi sai sót', 'original'), IDENTITY_COPY],
  }),
  // Same day with the 15:00 cut-off, like other copies — verify.
  certification({
    id: 'chung-thuc.cap-ban-sao-hop-dong-da-chung-thuc',
    code: '2.000942',
    name: 'Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực',
    limit: SAME_DAY,
    cutoff: CUTOFF_15,
    fee: PER_PAGE_COPY_FEE,
    resultDelivery: AT_DESK_OR_POST,
    documents: [
      doc('giay-to-tuy-than', 'Giấy tờ tùy thân của người yêu cầu', 'original', { note: 'Xuất trình để đối chiếu.' }),
      doc('giay-to-chung-minh-quyen-yeu-cau', 'Giấy tờ chứng minh quyền được cấp bản sao', 'original_or_copy', {
        required: false,
        note: 'Khi người yêu cầu không phải là bên giao kết hợp đồng, giao dịch (người thừa kế, người được ủy quyền…).',
      }),
    ],
  }),
  // Within 2 working days; fee 50,000 đồng — verify.
  certification({
    id: 'chung-thuc.di-chuc',
    code: '2.001019',
    name: 'Chứng thực di chúc',
    limit: workingDays(2),
    cutoff: null,
    fee: CONTRACT_FEE,
    resultDelivery: ['desk'],
    documents: [
      DRAFT('di chúc'),
      IDENTITY_COPY,
      { ...OWNERSHIP_PAPER, note: 'Khi di chúc định đoạt tài sản phải đăng ký quyền sở hữu, quyền sử dụng; xuất trình bản chính để đối chiếu.' },
    ],
  }),
  certification({
    id: 'chung-thuc.van-ban-tu-choi-nhan-di-san',
    code: '2.001016',
    name: 'Chứng thực văn bản từ chối nhận di sản',
    limit: workingDays(2),
    cutoff: null,
    fee: CONTRACT_FEE,
    resultDelivery: ['desk'],
    documents: [DRAFT('văn bản từ chối nhận di sản'), IDENTITY_COPY],
  }),
  // Code as matched on the national portal — verify.
  certification({
    id: 'chung-thuc.van-ban-thoa-thuan-phan-chia-di-san',
    code: '2.001406',
    name: 'Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở',
    limit: workingDays(2),
    cutoff: null,
    fee: CONTRACT_FEE,
    resultDelivery: ['desk'],
    documents: inheritanceDocuments('văn bản thỏa thuận phân chia di sản'),
  }),
  certification({
    id: 'chung-thuc.van-ban-khai-nhan-di-san',
    code: 'HL.CT.001',
    name: 'Chứng thực văn bản khai nhận di sản mà di sản là động sản, quyền sử dụng đất, nhà ở',
    limit: workingDays(2),
    cutoff: null,
    fee: CONTRACT_FEE,
    resultDelivery: ['desk'],
    documents: inheritanceDocuments('văn bản khai nhận di sản'),
  }),
];

function inheritanceDocuments(what: string): RequiredDocument[] {
  return [
    DRAFT(what),
    IDENTITY_COPY,
    doc('trich-luc-khai-tu', 'Bản sao giấy chứng tử hoặc trích lục khai tử của người để lại di sản', 'copy', {
      note: 'Xuất trình bản chính để đối chiếu.',
    }),
    doc('giay-to-quan-he', 'Giấy tờ chứng minh quan hệ giữa người để lại di sản và người được hưởng di sản theo pháp luật về thừa kế', 'copy'),
    doc('di-chuc', 'Di chúc', 'copy', { required: false, note: 'Khi thừa kế theo di chúc.' }),
    OWNERSHIP_PAPER,
  ];
}
