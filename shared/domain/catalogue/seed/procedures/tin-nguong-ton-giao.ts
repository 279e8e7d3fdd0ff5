import type { Procedure } from '../../procedure.js';
import { FREE, calendarDays, doc } from './common.js';

// Beliefs and religion at the ward: Luật Tín ngưỡng, tôn giáo 2016 (in force 1/1/2018) and
// Nghị định 95/2023/NĐ-CP. The Law gives these limits in days (calendar): 15 days to answer a
// registration of belief activities or an addition to it, 20 days for concentrated religious
// activities — verify. National codes not confirmed: local codes.
const LUAT_TNTG = 'Luật Tín ngưỡng, tôn giáo 2016';
const ND_95 = 'Nghị định 95/2023/NĐ-CP';

export const TIN_NGUONG_TON_GIAO_PROCEDURES: readonly Procedure[] = [
  {
    id: 'tin-nguong-ton-giao.dang-ky-hoat-dong-tin-nguong',
    code: 'HL.TG.001',
    name: 'Đăng ký hoạt động tín ngưỡng',
    sectorId: 'tin-nguong-ton-giao',
    level: 'ward',
    limit: calendarDays(15),
    cutoff: null,
    fee: FREE,
    resultDelivery: ['desk', 'post'],
    documents: [
      doc('van-ban-dang-ky', 'Văn bản đăng ký hoạt động tín ngưỡng (tên cơ sở tín ngưỡng, hoạt động, nội dung, quy mô, thời gian, địa điểm)', 'original', {
        note: 'Người đại diện cơ sở tín ngưỡng gửi trước ngày 15 tháng 10 hằng năm cho các hoạt động của năm sau.',
      }),
    ],
    legalBasis: [LUAT_TNTG, ND_95],
    validFrom: '2018-01-01',
    version: 1,
  },
  {
    id: 'tin-nguong-ton-giao.dang-ky-bo-sung-hoat-dong-tin-nguong',
    code: 'HL.TG.002',
    name: 'Đăng ký bổ sung hoạt động tín ngưỡng',
    sectorId: 'tin-nguong-ton-giao',
    level: 'ward',
    limit: calendarDays(15),
    cutoff: null,
    fee: FREE,
    resultDelivery: ['desk', 'post'],
    documents: [doc('van-ban-dang-ky-bo-sung', 'Văn bản đăng ký bổ sung hoạt động tín ngưỡng chưa có trong văn bản đã đăng ký', 'original')],
    legalBasis: [LUAT_TNTG, ND_95],
    validFrom: '2018-01-01',
    version: 1,
  },
  {
    id: 'tin-nguong-ton-giao.dang-ky-sinh-hoat-ton-giao-tap-trung',
    code: 'HL.TG.003',
    name: 'Đăng ký sinh hoạt tôn giáo tập trung',
    sectorId: 'tin-nguong-ton-giao',
    level: 'ward',
    limit: calendarDays(20),
    cutoff: null,
    fee: FREE,
    resultDelivery: ['desk', 'post'],
    documents: [
      doc('van-ban-dang-ky', 'Văn bản đăng ký sinh hoạt tôn giáo tập trung (tên tôn giáo, người đại diện, địa điểm, thời gian, nội dung sinh hoạt)', 'original'),
      doc('tom-tat-giao-ly', 'Văn bản tóm tắt giáo lý, giáo luật, lễ nghi của tôn giáo', 'original', {
        required: false,
        note: 'Khi tôn giáo chưa được công nhận tổ chức.',
      }),
      doc('danh-sach-nguoi-tham-gia', 'Danh sách những người tham gia sinh hoạt tôn giáo tập trung', 'original'),
      doc('ly-lich-tu-phap', 'Phiếu lý lịch tư pháp của người đại diện nhóm sinh hoạt tôn giáo tập trung', 'original'),
      doc('dia-diem-hop-phap', 'Giấy tờ chứng minh địa điểm hợp pháp để sinh hoạt tôn giáo tập trung', 'original_or_copy'),
    ],
    legalBasis: [LUAT_TNTG, ND_95],
    validFrom: '2018-01-01',
    version: 1,
  },
];
