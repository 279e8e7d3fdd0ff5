import type { Procedure } from '../../procedure.js';
import { FREE, doc, workingDays } from './common.js';

// Festivals organised at ward/commune scale are notified to the ward People's Committee, which
// answers within 5 working days if it objects (Nghị định 110/2018/NĐ-CP, in force 15/10/2018) —
// limit, notice period and validFrom: verify.
export const VAN_HOA_CO_SO_PROCEDURES: readonly Procedure[] = [
  {
    id: 'van-hoa-co-so.thong-bao-to-chuc-le-hoi',
    code: '1.003622',
    name: 'Thông báo tổ chức lễ hội cấp xã',
    sectorId: 'van-hoa-co-so',
    level: 'ward',
    limit: workingDays(5),
    cutoff: null,
    fee: FREE,
    resultDelivery: ['desk', 'post', 'electronic'],
    documents: [
      doc('van-ban-thong-bao', 'Văn bản thông báo tổ chức lễ hội (tên lễ hội, thời gian, địa điểm, quy mô, nội dung hoạt động, ban tổ chức)', 'original', {
        note: 'Gửi chậm nhất 20 ngày làm việc trước ngày tổ chức lễ hội.',
      }),
    ],
    legalBasis: ['Nghị định 110/2018/NĐ-CP'],
    validFrom: '2018-10-15',
    version: 1,
  },
];
