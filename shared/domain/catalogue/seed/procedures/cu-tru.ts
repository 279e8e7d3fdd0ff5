import type { Procedure, RequiredDocument } from '../../procedure.js';
import { FREE, doc, workingDays } from './common.js';

// Residence (cư trú): Luật Cư trú 2020 (in force 1/7/2021), Nghị định 62/2021/NĐ-CP, Thông tư
// 55/2021/TT-BCA. The registering authority is the commune police (Công an cấp xã); a ward desk
// receives these only where the province routes them through the one-stop desk — verify locally.
// The result is an update of the residence database, notified electronically or on request.
// Fees: Thông tư 75/2022/TT-BTC (lower when filed online, as each note says) — verify amounts.

const LUAT_CU_TRU = 'Luật Cư trú 2020';
const ND_62 = 'Nghị định 62/2021/NĐ-CP';
const TT_55 = 'Thông tư 55/2021/TT-BCA';
const TT_75 = 'Thông tư 75/2022/TT-BTC';
const SINCE_LUAT_CU_TRU = '2021-07-01';

const CT01: RequiredDocument = doc('to-khai-ct01', 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', 'original');
const LAWFUL_RESIDENCE: RequiredDocument = doc('cho-o-hop-phap', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'original_or_copy', {
  note: 'Không cần nếu thông tin đã có trong cơ sở dữ liệu chuyên ngành mà cơ quan đăng ký cư trú khai thác được.',
});

const residence = (p: Omit<Procedure, 'sectorId' | 'level' | 'cutoff' | 'resultDelivery' | 'validFrom' | 'version'>): Procedure => ({
  ...p,
  sectorId: 'cu-tru',
  level: 'ward',
  cutoff: null,
  resultDelivery: ['desk', 'electronic'],
  validFrom: SINCE_LUAT_CU_TRU,
  version: 1,
});

export const CU_TRU_PROCEDURES: readonly Procedure[] = [
  // 7 working days (Điều 22).
  residence({
    id: 'cu-tru.dang-ky-thuong-tru',
    code: '1.004222',
    name: 'Đăng ký thường trú',
    limit: workingDays(7),
    fee: { amountVnd: 20_000, note: '20.000 đồng/lần khi nộp trực tiếp; 10.000 đồng khi nộp trực tuyến (Thông tư 75/2022/TT-BTC). Miễn cho các đối tượng theo quy định.' },
    documents: [
      CT01,
      LAWFUL_RESIDENCE,
      doc('y-kien-chu-ho', 'Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp', 'original', {
        required: false,
        note: 'Ghi vào tờ khai CT01 hoặc văn bản riêng, khi đăng ký vào chỗ ở không thuộc quyền sở hữu của mình hoặc nhập vào hộ đã có.',
      }),
      doc('giay-to-quan-he-nhan-than', 'Giấy tờ, tài liệu chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ', 'original_or_copy', {
        required: false,
        note: 'Khi đăng ký theo quan hệ vợ, chồng, con, cha, mẹ… với chủ hộ, trừ khi thông tin đã có trong cơ sở dữ liệu.',
      }),
    ],
    legalBasis: [`${LUAT_CU_TRU}, Điều 20–22`, ND_62, TT_55, TT_75],
  }),
  // 3 working days (Điều 28).
  residence({
    id: 'cu-tru.dang-ky-tam-tru',
    code: '1.004194',
    name: 'Đăng ký tạm trú',
    limit: workingDays(3),
    fee: { amountVnd: 15_000, note: '15.000 đồng/lần khi nộp trực tiếp; 7.000 đồng khi nộp trực tuyến (Thông tư 75/2022/TT-BTC).' },
    documents: [CT01, LAWFUL_RESIDENCE],
    legalBasis: [`${LUAT_CU_TRU}, Điều 27–28`, ND_62, TT_55, TT_75],
  }),
  // 3 working days, within 15 days before the stay ends (Điều 28).
  residence({
    id: 'cu-tru.gia-han-tam-tru',
    code: '1.002755',
    name: 'Gia hạn tạm trú',
    limit: workingDays(3),
    fee: { amountVnd: 10_000, note: '10.000 đồng/lần khi nộp trực tiếp; 5.000 đồng khi nộp trực tuyến (Thông tư 75/2022/TT-BTC).' },
    documents: [CT01],
    legalBasis: [`${LUAT_CU_TRU}, Điều 28`, ND_62, TT_55, TT_75],
  }),
  // 1 working day (Điều 31) — verify.
  residence({
    id: 'cu-tru.khai-bao-tam-vang',
    code: '1.003677',
    name: 'Khai báo tạm vắng',
    limit: workingDays(1),
    fee: FREE,
    documents: [
      doc('de-nghi-khai-bao-tam-vang', 'Đề nghị khai báo tạm vắng (tờ khai theo mẫu của Bộ Công an)', 'original'),
      doc('van-ban-dong-y', 'Văn bản đồng ý của cơ quan có thẩm quyền giám sát, quản lý', 'original', {
        required: false,
        note: 'Với bị can, bị cáo đang tại ngoại, người đang chấp hành án hoặc biện pháp xử lý hành chính… khi đi khỏi nơi cư trú.',
      }),
    ],
    legalBasis: [`${LUAT_CU_TRU}, Điều 31`, ND_62, TT_55],
  }),
  // 1 working day (Nghị định 62/2021) — verify.
  residence({
    id: 'cu-tru.xoa-dang-ky-thuong-tru',
    code: '1.003197',
    name: 'Xóa đăng ký thường trú',
    limit: workingDays(1),
    fee: FREE,
    documents: [
      CT01,
      doc('giay-to-truong-hop-xoa', 'Giấy tờ, tài liệu chứng minh thuộc trường hợp xóa đăng ký thường trú', 'original_or_copy', {
        required: false,
        note: 'Trừ khi thông tin đã có trong cơ sở dữ liệu (ví dụ đã khai tử, đã đăng ký thường trú nơi mới).',
      }),
    ],
    legalBasis: [`${LUAT_CU_TRU}, Điều 24`, ND_62, TT_55],
  }),
  // 1 working day — verify.
  residence({
    id: 'cu-tru.xoa-dang-ky-tam-tru',
    code: '1.010028',
    name: 'Xóa đăng ký tạm trú',
    limit: workingDays(1),
    fee: FREE,
    documents: [
      CT01,
      doc('giay-to-truong-hop-xoa', 'Giấy tờ, tài liệu chứng minh thuộc trường hợp xóa đăng ký tạm trú', 'original_or_copy', { required: false }),
    ],
    legalBasis: [`${LUAT_CU_TRU}, Điều 29`, ND_62, TT_55],
  }),
  // 5 working days (Điều 25) — verify; fee — verify.
  residence({
    id: 'cu-tru.tach-ho',
    code: '1.010038',
    name: 'Tách hộ',
    limit: workingDays(5),
    fee: { amountVnd: 10_000, note: '10.000 đồng/lần khi nộp trực tiếp; 5.000 đồng khi nộp trực tuyến (Thông tư 75/2022/TT-BTC).' },
    documents: [
      { ...CT01, note: 'Ghi ý kiến đồng ý cho tách hộ của chủ hộ, trừ trường hợp tách hộ sau ly hôn vẫn cùng chỗ ở hợp pháp.' },
      doc('y-kien-chu-so-huu', 'Ý kiến đồng ý của chủ sở hữu chỗ ở hợp pháp', 'original', {
        required: false,
        note: 'Khi tách hộ tại chỗ ở không thuộc quyền sở hữu của người đề nghị.',
      }),
    ],
    legalBasis: [`${LUAT_CU_TRU}, Điều 25`, ND_62, TT_55, TT_75],
  }),
];
