import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../../electron/core/reports/export-document.js';

const TABLE = { columns: [], rows: [], total: null };

describe('the exported document', () => {
  it('signs at the place and with the written date the forms use (months after February unpadded)', () => {
    const march = exportDocument({ kind: 'bieu06', unitName: 'Phường Hồng Gai', unitGsoCode: '06691', period: null, table: TABLE, generatedAt: '2026-03-04T03:00:00.000Z', preparedBy: null });
    expect(march.placeAndDate).toBe('Hạ Long, ngày 04 tháng 3 năm 2026');
  });
});
