import type { Procedure } from '../../procedure.js';
import { calendarDays, doc } from './common.js';

// Domestic adoption (nuôi con nuôi trong nước), registered at the commune where the child or the
// adopter lives: Luật Nuôi con nuôi 2010 (in force 1/1/2011), Nghị định 19/2011/NĐ-CP as amended by
// Nghị định 24/2019/NĐ-CP. Limit: 30 days from a complete file (Điều 19 of the Law — calendar days).
// Fee 400,000 đồng (Nghị định 114/2016/NĐ-CP) with the exemptions in the note.
export const NUOI_CON_NUOI_PROCEDURES: readonly Procedure[] = [
  {
    id: 'nuoi-con-nuoi.dang-ky-nuoi-con-nuoi-trong-nuoc',
    code: '2.001263',
    name: 'Đăng ký việc nuôi con nuôi trong nước',
    sectorId: 'nuoi-con-nuoi',
    level: 'ward',
    limit: calendarDays(30),
    cutoff: null,
    fee: {
      amountVnd: 400_000,
      note: '400.000 đồng/trường hợp (Nghị định 114/2016/NĐ-CP). Miễn khi cha dượng, mẹ kế nhận con riêng của vợ hoặc chồng; cô, cậu, dì, chú, bác ruột nhận cháu; nhận trẻ em khuyết tật, nhiễm HIV/AIDS hoặc mắc bệnh hiểm nghèo; người nhận là người có công với cách mạng.',
    },
    resultDelivery: ['desk'],
    documents: [
      doc('don-nhan-con-nuoi', 'Đơn xin nhận con nuôi (theo mẫu)', 'original'),
      doc('giay-to-tuy-than-nguoi-nhan', 'Bản sao giấy tờ tùy thân của người nhận con nuôi', 'copy', { note: 'Xuất trình bản chính để đối chiếu.' }),
      doc('ly-lich-tu-phap', 'Phiếu lý lịch tư pháp của người nhận con nuôi', 'original'),
      doc('tinh-trang-hon-nhan', 'Văn bản xác nhận tình trạng hôn nhân của người nhận con nuôi', 'original'),
      doc('giay-kham-suc-khoe-nguoi-nhan', 'Giấy khám sức khỏe của người nhận con nuôi do cơ quan y tế cấp huyện trở lên cấp', 'original'),
      doc('xac-nhan-hoan-canh', 'Văn bản xác nhận hoàn cảnh gia đình, tình trạng chỗ ở, điều kiện kinh tế của người nhận con nuôi', 'original', {
        required: false,
        note: 'Không cần khi cha dượng, mẹ kế, cô, cậu, dì, chú, bác ruột nhận con nuôi.',
      }),
      doc('giay-khai-sinh-tre', 'Giấy khai sinh của người được nhận làm con nuôi', 'certified_copy'),
      doc('giay-kham-suc-khoe-tre', 'Giấy khám sức khỏe của người được nhận làm con nuôi', 'original'),
      doc('anh-tre', 'Ảnh toàn thân, nhìn thẳng của người được nhận làm con nuôi, chụp không quá 06 tháng', 'original', { count: 2 }),
      doc('bien-ban-tre-bi-bo-roi', 'Biên bản xác nhận trẻ bị bỏ rơi', 'original_or_copy', {
        required: false,
        note: 'Khi người được nhận làm con nuôi là trẻ bị bỏ rơi.',
      }),
      doc('quyet-dinh-tiep-nhan', 'Quyết định tiếp nhận đối tượng vào cơ sở nuôi dưỡng', 'original_or_copy', {
        required: false,
        note: 'Khi người được nhận làm con nuôi đang ở cơ sở nuôi dưỡng.',
      }),
    ],
    legalBasis: ['Luật Nuôi con nuôi 2010, Điều 17–22', 'Nghị định 19/2011/NĐ-CP', 'Nghị định 24/2019/NĐ-CP', 'Nghị định 114/2016/NĐ-CP'],
    validFrom: '2011-01-01',
    version: 1,
  },
];
