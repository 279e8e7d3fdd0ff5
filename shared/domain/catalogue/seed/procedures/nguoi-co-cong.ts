import type { Procedure } from '../../procedure.js';
import { AT_DESK_OR_POST, FREE, doc, workingDays } from './common.js';

// People with merit (người có công): Pháp lệnh Ưu đãi người có công với cách mạng 2020 and
// Nghị định 131/2021/NĐ-CP (in force 15/2/2022). Received and certified at the ward, decided by the
// district labour office; the limit is the whole chain and is uncertain — verify.
export const NGUOI_CO_CONG_PROCEDURES: readonly Procedure[] = [
  {
    id: 'nguoi-co-cong.tro-cap-tho-cung-liet-si',
    code: '1.010803',
    name: 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ',
    sectorId: 'nguoi-co-cong',
    level: 'ward',
    limit: workingDays(10),
    cutoff: null,
    fee: FREE,
    resultDelivery: AT_DESK_OR_POST,
    documents: [
      doc('ban-khai', 'Bản khai đề nghị giải quyết chế độ trợ cấp thờ cúng liệt sĩ (theo mẫu), có xác nhận của Ủy ban nhân dân cấp xã', 'original'),
      doc('van-ban-uy-quyen-tho-cung', 'Văn bản ủy quyền thờ cúng liệt sĩ của các thân nhân', 'original', {
        required: false,
        note: 'Khi người thờ cúng không phải là thân nhân duy nhất hoặc được thân nhân ủy quyền.',
      }),
      doc('bang-to-quoc-ghi-cong', 'Bằng "Tổ quốc ghi công"', 'copy', { required: false, note: 'Nếu hồ sơ liệt sĩ không do địa phương quản lý.' }),
    ],
    legalBasis: ['Pháp lệnh Ưu đãi người có công với cách mạng 2020', 'Nghị định 131/2021/NĐ-CP'],
    validFrom: '2022-02-15',
    version: 1,
  },
];
