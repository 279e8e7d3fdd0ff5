import type { Procedure } from '../../procedure.js';
import { FREE, calendarDays, doc } from './common.js';

// Complaints and denunciations decided by the ward chairman. Their limits run from the day the
// case is accepted (thụ lý), not from receipt; the desk records receipt and the officer records
// acceptance. National codes exist per level but were not confirmed: local codes.
export const KHIEU_NAI_TO_CAO_PROCEDURES: readonly Procedure[] = [
  {
    // Luật Khiếu nại 2011, Điều 28: 30 days; complex cases 45 (remote areas 45/60).
    id: 'giai-quyet-khieu-nai.khieu-nai-lan-dau',
    code: 'HL.KN.001',
    name: 'Giải quyết khiếu nại lần đầu tại cấp xã',
    sectorId: 'giai-quyet-khieu-nai',
    level: 'ward',
    limit: calendarDays(30),
    extendedLimit: { limit: calendarDays(45), when: 'Vụ việc phức tạp' },
    cutoff: null,
    fee: FREE,
    resultDelivery: ['desk', 'post'],
    documents: [
      doc('don-khieu-nai', 'Đơn khiếu nại hoặc văn bản ghi lời khiếu nại có chữ ký hoặc điểm chỉ của người khiếu nại', 'original'),
      doc('tai-lieu-chung-cu', 'Tài liệu, chứng cứ kèm theo', 'copy', { required: false, note: 'Nếu có.' }),
      doc('van-ban-uy-quyen', 'Văn bản ủy quyền khiếu nại hoặc giấy tờ chứng minh là người đại diện', 'original_or_copy', {
        required: false,
        note: 'Khi khiếu nại thông qua người đại diện hoặc người được ủy quyền.',
      }),
    ],
    legalBasis: ['Luật Khiếu nại 2011, Điều 27–31', 'Nghị định 124/2020/NĐ-CP'],
    validFrom: '2012-07-01',
    version: 1,
  },
  {
    // Luật Tố cáo 2018, Điều 30: 30 days; complex cases extended once by up to 30 more.
    id: 'giai-quyet-to-cao.to-cao-tai-cap-xa',
    code: 'HL.TC.001',
    name: 'Giải quyết tố cáo tại cấp xã',
    sectorId: 'giai-quyet-to-cao',
    level: 'ward',
    limit: calendarDays(30),
    extendedLimit: { limit: calendarDays(60), when: 'Vụ việc phức tạp (gia hạn một lần không quá 30 ngày)' },
    cutoff: null,
    fee: FREE,
    resultDelivery: ['desk', 'post'],
    documents: [
      doc('don-to-cao', 'Đơn tố cáo hoặc văn bản ghi nội dung tố cáo trực tiếp có chữ ký hoặc điểm chỉ của người tố cáo', 'original'),
      doc('tai-lieu-chung-cu', 'Thông tin, tài liệu, chứng cứ kèm theo', 'copy', { required: false, note: 'Nếu có.' }),
    ],
    legalBasis: ['Luật Tố cáo 2018, Điều 30', 'Nghị định 31/2019/NĐ-CP'],
    validFrom: '2019-01-01',
    version: 1,
  },
];
