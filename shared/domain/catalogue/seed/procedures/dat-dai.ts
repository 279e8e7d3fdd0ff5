import type { Procedure } from '../../procedure.js';
import { FREE, calendarDays, doc } from './common.js';

// Land (đất đai) at the ward: mediation of land disputes, a precondition for a court or
// administrative ruling. Luật Đất đai 2024 (in force 1/8/2024), Điều 235: mediation at the ward
// within 30 days of the request (it was 45 days under Luật Đất đai 2013, Điều 202 — hence
// version 2) — verify. Land registration and certificates were district/land-office procedures in
// Hạ Long until 30/6/2025 and are left out.
export const DAT_DAI_PROCEDURES: readonly Procedure[] = [
  {
    id: 'dat-dai.hoa-giai-tranh-chap-dat-dai',
    code: '1.012812',
    name: 'Hòa giải tranh chấp đất đai',
    sectorId: 'dat-dai',
    level: 'ward',
    limit: calendarDays(30),
    cutoff: null,
    fee: FREE,
    resultDelivery: ['desk'],
    documents: [
      doc('don-yeu-cau', 'Đơn yêu cầu hòa giải tranh chấp đất đai', 'original'),
      doc('giay-to-lien-quan', 'Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp', 'copy', { required: false, note: 'Nếu có.' }),
    ],
    legalBasis: ['Luật Đất đai 2024, Điều 235', 'Nghị định 102/2024/NĐ-CP'],
    validFrom: '2024-08-01',
    version: 2,
  },
];
