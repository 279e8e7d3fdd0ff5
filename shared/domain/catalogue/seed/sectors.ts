import type { Sector } from '../sector.js';
import { deepFreeze } from './deep-freeze.js';

// Sectors (lĩnh vực) with procedures handled at a ward/commune desk in this catalogue. Left out on
// purpose: business households (hộ kinh doanh) and individual house building permits, which were
// district-level in Hạ Long until 30/6/2025; education and children's-protection procedures, whose
// commune-level limits we could not state with confidence — the centre's updates add them.
export const SECTORS: readonly Sector[] = deepFreeze([
  { id: 'ho-tich', name: 'Hộ tịch' }, // civil status
  { id: 'nuoi-con-nuoi', name: 'Nuôi con nuôi' }, // adoption
  { id: 'chung-thuc', name: 'Chứng thực' }, // certification
  { id: 'cu-tru', name: 'Đăng ký, quản lý cư trú' }, // residence (handled by the commune police)
  { id: 'bao-tro-xa-hoi', name: 'Bảo trợ xã hội' }, // social protection
  { id: 'nguoi-co-cong', name: 'Người có công' }, // people with merit
  { id: 'dat-dai', name: 'Đất đai' }, // land
  { id: 'giai-quyet-khieu-nai', name: 'Giải quyết khiếu nại' }, // complaints
  { id: 'giai-quyet-to-cao', name: 'Giải quyết tố cáo' }, // denunciations
  { id: 'van-hoa-co-so', name: 'Văn hóa cơ sở' }, // grassroots culture (festivals)
  { id: 'tin-nguong-ton-giao', name: 'Tín ngưỡng, tôn giáo' }, // beliefs and religion
]);
