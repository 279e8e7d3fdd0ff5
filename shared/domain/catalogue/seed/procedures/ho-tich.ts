import type { Procedure } from '../../procedure.js';
import {
  AT_DESK_POST_OR_ONLINE,
  CUTOFF_15,
  HO_TICH_AUTHORISATION,
  HO_TICH_FEE_SET_BY_PROVINCE,
  IDENTITY_SHOWN,
  SAME_DAY,
  doc,
  workingDays,
} from './common.js';

// Civil status (hộ tịch) at the ward/commune: Luật Hộ tịch 2014 (in force 1/1/2016), Nghị định
// 123/2015/NĐ-CP, Thông tư 04/2020/TT-BTP. National codes (1.00xxxx) as listed on the national
// public-service portal; "verify" marks what should be checked against the province's current
// published procedure list before relying on it.

const LUAT_HO_TICH = 'Luật Hộ tịch 2014';
const ND_123 = 'Nghị định 123/2015/NĐ-CP';
const TT_04 = 'Thông tư 04/2020/TT-BTP';
const SINCE_LUAT_HO_TICH = '2016-01-01';

const TO_KHAI = (id: string, what: string) => doc(id, `Tờ khai ${what} (theo mẫu)`, 'original');

export const HO_TICH_PROCEDURES: readonly Procedure[] = [
  {
    // Same day on complete papers (Điều 16). Cut-off 15:00 as for all same-day civil status — verify.
    id: 'ho-tich.dang-ky-khai-sinh',
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: SAME_DAY,
    cutoff: CUTOFF_15,
    fee: { amountVnd: 0, note: 'Miễn lệ phí khi đăng ký đúng hạn (Luật Hộ tịch 2014, Điều 11); đăng ký quá hạn thu theo mức HĐND tỉnh quy định.' },
    resultDelivery: AT_DESK_POST_OR_ONLINE,
    documents: [
      TO_KHAI('to-khai', 'đăng ký khai sinh'),
      doc('giay-chung-sinh', 'Giấy chứng sinh; nếu không có: văn bản của người làm chứng xác nhận việc sinh, hoặc giấy cam đoan về việc sinh', 'original'),
      doc('bien-ban-tre-bi-bo-roi', 'Biên bản xác nhận việc trẻ bị bỏ rơi', 'original', {
        required: false,
        note: 'Thay cho giấy chứng sinh khi khai sinh cho trẻ bị bỏ rơi.',
      }),
      doc('van-ban-mang-thai-ho', 'Văn bản chứng minh việc mang thai hộ', 'original_or_copy', {
        required: false,
        note: 'Khi trẻ được sinh ra do mang thai hộ.',
      }),
      doc('giay-chung-nhan-ket-hon', 'Giấy chứng nhận kết hôn của cha, mẹ', 'original', {
        required: false,
        note: 'Xuất trình khi cha, mẹ đã đăng ký kết hôn và thông tin không tra cứu được trong Cơ sở dữ liệu hộ tịch.',
      }),
      IDENTITY_SHOWN,
      HO_TICH_AUTHORISATION,
    ],
    legalBasis: [`${LUAT_HO_TICH}, Điều 16`, ND_123, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // Same day; up to 3 working days when facts need verifying (Điều 34).
    id: 'ho-tich.dang-ky-khai-tu',
    code: '1.000656',
    name: 'Đăng ký khai tử',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: SAME_DAY,
    extendedLimit: { limit: workingDays(3), when: 'Cần xác minh thông tin về việc chết' },
    cutoff: CUTOFF_15,
    fee: { amountVnd: 0, note: 'Miễn lệ phí khi đăng ký đúng hạn (Luật Hộ tịch 2014, Điều 11); đăng ký quá hạn thu theo mức HĐND tỉnh quy định.' },
    resultDelivery: AT_DESK_POST_OR_ONLINE,
    documents: [
      TO_KHAI('to-khai', 'đăng ký khai tử'),
      doc('giay-bao-tu', 'Giấy báo tử hoặc giấy tờ thay thế giấy báo tử do cơ quan có thẩm quyền cấp', 'original'),
      IDENTITY_SHOWN,
      HO_TICH_AUTHORISATION,
    ],
    legalBasis: [`${LUAT_HO_TICH}, Điều 33–34`, ND_123, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // Same day; up to 5 working days when the conditions of marriage need verifying (Điều 18).
    // Both parties must be present; filing by proxy is not allowed.
    id: 'ho-tich.dang-ky-ket-hon',
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: SAME_DAY,
    extendedLimit: { limit: workingDays(5), when: 'Cần xác minh thêm điều kiện kết hôn' },
    cutoff: CUTOFF_15,
    fee: { amountVnd: 0, note: 'Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước (Luật Hộ tịch 2014, Điều 11).' },
    resultDelivery: ['desk'],
    documents: [
      doc('to-khai', 'Tờ khai đăng ký kết hôn (theo mẫu; hai bên có thể dùng chung một tờ khai)', 'original'),
      doc('xac-nhan-tinh-trang-hon-nhan', 'Giấy xác nhận tình trạng hôn nhân', 'original', {
        required: false,
        note: 'Của bên không thường trú tại xã, phường đăng ký kết hôn, nếu không tra cứu được trong Cơ sở dữ liệu hộ tịch.',
      }),
      doc('giay-to-tuy-than', 'Giấy tờ tùy thân có ảnh còn giá trị của cả hai bên', 'original', {
        count: 2,
        note: 'Xuất trình để đối chiếu, không nộp lại. Hai bên phải cùng có mặt khi trao Giấy chứng nhận kết hôn.',
      }),
    ],
    legalBasis: [`${LUAT_HO_TICH}, Điều 17–18`, 'Luật Hôn nhân và gia đình 2014', ND_123, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // 3 working days; extended by up to 5 more when verification is needed (Điều 25). No proxy.
    id: 'ho-tich.dang-ky-nhan-cha-me-con',
    code: '1.001022',
    name: 'Đăng ký nhận cha, mẹ, con',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: workingDays(3),
    extendedLimit: { limit: workingDays(8), when: 'Cần xác minh (kéo dài thêm không quá 05 ngày làm việc)' },
    cutoff: null,
    fee: HO_TICH_FEE_SET_BY_PROVINCE,
    resultDelivery: ['desk'],
    documents: [
      TO_KHAI('to-khai', 'đăng ký nhận cha, mẹ, con'),
      doc(
        'chung-cu-quan-he',
        'Chứng cứ chứng minh quan hệ cha, mẹ, con: văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ; nếu không có: thư từ, phim ảnh, băng đĩa, đồ dùng, vật dụng chứng minh và văn bản cam đoan có ít nhất hai người làm chứng',
        'original_or_copy',
      ),
      IDENTITY_SHOWN,
    ],
    legalBasis: [`${LUAT_HO_TICH}, Điều 24–25`, ND_123, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // Birth registration combined with parent–child recognition (Nghị định 123/2015, Điều 15):
    // treated like recognition, 3 working days (+5 to verify) — verify.
    id: 'ho-tich.dang-ky-khai-sinh-ket-hop-nhan-cha-me-con',
    code: '1.000689',
    name: 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: workingDays(3),
    extendedLimit: { limit: workingDays(8), when: 'Cần xác minh quan hệ cha, mẹ, con' },
    cutoff: null,
    fee: {
      amountVnd: null,
      note: 'Khai sinh đúng hạn được miễn; phần nhận cha, mẹ, con thu lệ phí theo mức HĐND tỉnh Quảng Ninh quy định — quản trị viên nhập mức thu đã xác nhận.',
    },
    resultDelivery: ['desk'],
    documents: [
      TO_KHAI('to-khai-khai-sinh', 'đăng ký khai sinh'),
      TO_KHAI('to-khai-nhan-cha-me-con', 'đăng ký nhận cha, mẹ, con'),
      doc('giay-chung-sinh', 'Giấy chứng sinh hoặc giấy tờ thay thế', 'original'),
      doc('chung-cu-quan-he', 'Chứng cứ chứng minh quan hệ cha, mẹ, con', 'original_or_copy'),
      IDENTITY_SHOWN,
    ],
    legalBasis: [`${ND_123}, Điều 15`, `${LUAT_HO_TICH}, Điều 16, 25`, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // 3 working days; +3 when verification is needed (Điều 28). At commune level: changes and
    // corrections for people under 14 and re-determining ethnicity. The national procedure
    // 1.004859 also covers "bổ sung", split out below because its limit is same-day.
    id: 'ho-tich.thay-doi-cai-chinh-ho-tich',
    code: '1.004859',
    name: 'Thay đổi, cải chính thông tin hộ tịch, xác định lại dân tộc',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: workingDays(3),
    extendedLimit: { limit: workingDays(6), when: 'Cần xác minh (kéo dài thêm không quá 03 ngày làm việc)' },
    cutoff: null,
    fee: HO_TICH_FEE_SET_BY_PROVINCE,
    resultDelivery: AT_DESK_POST_OR_ONLINE,
    documents: [
      TO_KHAI('to-khai', 'đăng ký thay đổi, cải chính hộ tịch, xác định lại dân tộc'),
      doc('giay-to-lam-can-cu', 'Giấy tờ làm căn cứ thay đổi, cải chính hộ tịch, xác định lại dân tộc', 'original_or_copy'),
      IDENTITY_SHOWN,
      HO_TICH_AUTHORISATION,
    ],
    legalBasis: [`${LUAT_HO_TICH}, Điều 26–28`, ND_123, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // Same day, after 15:00 the next working day (Điều 29). Part of national procedure 1.004859,
    // given a local code because its limit differs.
    id: 'ho-tich.bo-sung-thong-tin-ho-tich',
    code: 'HL.HT.001',
    name: 'Bổ sung thông tin hộ tịch',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: SAME_DAY,
    cutoff: CUTOFF_15,
    fee: HO_TICH_FEE_SET_BY_PROVINCE,
    resultDelivery: AT_DESK_POST_OR_ONLINE,
    documents: [
      TO_KHAI('to-khai', 'bổ sung thông tin hộ tịch'),
      doc('giay-to-lam-can-cu', 'Giấy tờ làm căn cứ bổ sung thông tin hộ tịch', 'original_or_copy'),
      IDENTITY_SHOWN,
      HO_TICH_AUTHORISATION,
    ],
    legalBasis: [`${LUAT_HO_TICH}, Điều 29`, ND_123, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // Same day with the 15:00 cut-off — verify. Fee 8,000 đồng per copy (Thông tư 281/2016/TT-BTC).
    id: 'ho-tich.cap-ban-sao-trich-luc',
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: SAME_DAY,
    cutoff: CUTOFF_15,
    fee: { amountVnd: 8_000, note: '8.000 đồng/bản sao trích lục/sự kiện hộ tịch đã đăng ký (Thông tư 281/2016/TT-BTC).' },
    resultDelivery: AT_DESK_POST_OR_ONLINE,
    documents: [
      doc('to-khai', 'Tờ khai cấp bản sao trích lục hộ tịch (cá nhân) hoặc văn bản yêu cầu (cơ quan, tổ chức)', 'original'),
      IDENTITY_SHOWN,
      HO_TICH_AUTHORISATION,
    ],
    legalBasis: [LUAT_HO_TICH, ND_123, TT_04, 'Thông tư 281/2016/TT-BTC'],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // 3 working days (Nghị định 123/2015, Điều 22). Longer when the office must ask other places
    // the applicant lived — that extension is not given as a fixed number here (verify).
    id: 'ho-tich.cap-giay-xac-nhan-tinh-trang-hon-nhan',
    code: '1.004873',
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: workingDays(3),
    cutoff: null,
    fee: HO_TICH_FEE_SET_BY_PROVINCE,
    resultDelivery: AT_DESK_POST_OR_ONLINE,
    documents: [
      TO_KHAI('to-khai', 'cấp Giấy xác nhận tình trạng hôn nhân'),
      doc('giay-to-cham-dut-hon-nhan', 'Bản án, quyết định ly hôn đã có hiệu lực pháp luật, hoặc trích lục khai tử của vợ/chồng', 'certified_copy', {
        required: false,
        note: 'Khi người yêu cầu đã từng kết hôn và thông tin không tra cứu được trong Cơ sở dữ liệu hộ tịch.',
      }),
      IDENTITY_SHOWN,
      HO_TICH_AUTHORISATION,
    ],
    legalBasis: [`${ND_123}, Điều 21–23`, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // 3 working days (Luật Hộ tịch, Điều 21). Guardianship registration is fee-exempt (Điều 11).
    id: 'ho-tich.dang-ky-giam-ho',
    code: '1.004837',
    name: 'Đăng ký giám hộ',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: workingDays(3),
    cutoff: null,
    fee: { amountVnd: 0, note: 'Miễn lệ phí đăng ký giám hộ (Luật Hộ tịch 2014, Điều 11).' },
    resultDelivery: AT_DESK_POST_OR_ONLINE,
    documents: [
      TO_KHAI('to-khai', 'đăng ký giám hộ'),
      doc('van-ban-cu-giam-ho', 'Văn bản cử người giám hộ', 'original', { required: false, note: 'Khi đăng ký giám hộ cử.' }),
      doc('giay-to-giam-ho-duong-nhien', 'Giấy tờ chứng minh điều kiện giám hộ đương nhiên theo Bộ luật Dân sự', 'original_or_copy', {
        required: false,
        note: 'Khi đăng ký giám hộ đương nhiên; nếu có nhiều người cùng đủ điều kiện thì kèm văn bản thỏa thuận cử một người làm giám hộ.',
      }),
      IDENTITY_SHOWN,
      HO_TICH_AUTHORISATION,
    ],
    legalBasis: [`${LUAT_HO_TICH}, Điều 19–21`, 'Bộ luật Dân sự 2015', TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // 2 working days (Luật Hộ tịch, Điều 23). Fee exemption as for guardianship — verify.
    id: 'ho-tich.dang-ky-cham-dut-giam-ho',
    code: 'HL.HT.002',
    name: 'Đăng ký chấm dứt giám hộ',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: workingDays(2),
    cutoff: null,
    fee: { amountVnd: 0, note: 'Miễn lệ phí như đăng ký giám hộ (Luật Hộ tịch 2014, Điều 11).' },
    resultDelivery: AT_DESK_POST_OR_ONLINE,
    documents: [
      TO_KHAI('to-khai', 'đăng ký chấm dứt giám hộ'),
      doc('giay-to-lam-can-cu', 'Giấy tờ làm căn cứ chấm dứt giám hộ theo Bộ luật Dân sự', 'original_or_copy'),
      IDENTITY_SHOWN,
      HO_TICH_AUTHORISATION,
    ],
    legalBasis: [`${LUAT_HO_TICH}, Điều 22–23`, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    // Re-registration when the register and the original are both lost: 5 working days
    // (Nghị định 123/2015, Điều 24–28) — verify the exact article per event.
    id: 'ho-tich.dang-ky-lai-khai-sinh',
    code: '1.004884',
    name: 'Đăng ký lại khai sinh',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: workingDays(5),
    cutoff: null,
    fee: HO_TICH_FEE_SET_BY_PROVINCE,
    resultDelivery: AT_DESK_POST_OR_ONLINE,
    documents: [
      TO_KHAI('to-khai', 'đăng ký lại khai sinh'),
      doc('giay-to-khai-sinh-cu', 'Bản sao Giấy khai sinh cũ (nếu có) hoặc giấy tờ, tài liệu có nội dung liên quan đến việc khai sinh', 'original_or_copy'),
      doc('van-ban-cam-doan', 'Văn bản cam đoan về việc đã đăng ký khai sinh nhưng không lưu giữ được bản chính Giấy khai sinh', 'original', {
        required: false,
        note: 'Khi không còn bản sao Giấy khai sinh cũ.',
      }),
      IDENTITY_SHOWN,
      HO_TICH_AUTHORISATION,
    ],
    legalBasis: [`${ND_123}, Điều 24–26`, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    id: 'ho-tich.dang-ky-lai-ket-hon',
    code: '1.004746',
    name: 'Đăng ký lại kết hôn',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: workingDays(5),
    cutoff: null,
    fee: HO_TICH_FEE_SET_BY_PROVINCE,
    resultDelivery: ['desk'],
    documents: [
      TO_KHAI('to-khai', 'đăng ký lại kết hôn'),
      doc('giay-to-ket-hon-cu', 'Bản sao Giấy chứng nhận kết hôn cũ (nếu có) hoặc giấy tờ, tài liệu có nội dung liên quan đến việc kết hôn', 'original_or_copy'),
      doc('giay-to-tuy-than', 'Giấy tờ tùy thân có ảnh còn giá trị của cả hai bên', 'original', {
        count: 2,
        note: 'Xuất trình để đối chiếu, không nộp lại.',
      }),
    ],
    legalBasis: [`${ND_123}, Điều 24, 27`, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
  {
    id: 'ho-tich.dang-ky-lai-khai-tu',
    code: '1.005461',
    name: 'Đăng ký lại khai tử',
    sectorId: 'ho-tich',
    level: 'ward',
    limit: workingDays(5),
    cutoff: null,
    fee: HO_TICH_FEE_SET_BY_PROVINCE,
    resultDelivery: AT_DESK_POST_OR_ONLINE,
    documents: [
      TO_KHAI('to-khai', 'đăng ký lại khai tử'),
      doc('giay-to-khai-tu-cu', 'Bản sao Giấy chứng tử cũ (nếu có) hoặc giấy tờ, tài liệu có nội dung liên quan đến việc khai tử', 'original_or_copy'),
      IDENTITY_SHOWN,
      HO_TICH_AUTHORISATION,
    ],
    legalBasis: [`${ND_123}, Điều 24, 28`, TT_04],
    validFrom: SINCE_LUAT_HO_TICH,
    version: 1,
  },
];
