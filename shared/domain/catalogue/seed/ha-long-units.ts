import type { Unit, UnitFact } from '../unit.js';
import { deepFreeze } from './deep-freeze.js';
import { QUANG_NINH_2025_UNITS } from './quang-ninh-2025-units.js';

// Hạ Long city (Quảng Ninh), 2020–2025: 21 wards and 12 communes with their GSO codes.
//
// validFrom 2020-01-01: Hoành Bồ district was merged into Hạ Long from that day (Nghị quyết
// 837/NQ-UBTVQH14), its town Trới becoming Hoành Bồ ward and its 12 communes joining the city. The
// 20 older wards existed before; 2020-01-01 is where this table of Hạ Long's units starts.
//
// validTo: Yết Kiêu was merged into Trần Hưng Đạo by Nghị quyết 1199/NQ-UBTVQH15 (28/9/2024), in
// force from 1/11/2024 (vietnam.vn, "Hoàn thành việc sắp xếp các đơn vị hành chính cấp xã"; cafef.vn,
// "Thêm một tỉnh có 5 thành phố trực thuộc") — its last day would be 2024-10-31, not 2024-12-31 as
// held here since the first seed: VERIFY the date (kept, so dossiers already filed keep their unit).
// All the others end 2025-06-30: from 1/7/2025 the district level was abolished and communes merged
// into Quảng Ninh's 54 units (quang-ninh-2025-units.ts); their successors are the 2025 units formed
// from them, taken from that table (empty where the sources do not say).
//
// agencyId: PLACEHOLDERS. The real electronic identifiers (mã định danh điện tử, AAA.BB.CC.H49) of
// each unit are not in our documents. These follow the shape 000.BB.CC.H49 with BB = the unit's
// position in GSO order (01–33) and CC = 20 standing in for Hạ Long city; the administrator must
// confirm (and correct) the desk's own unit's identifier at first start, since it opens every
// dossier code.

const FROM = '2020-01-01';
const LAST_DAY_BEFORE_2025_REORGANISATION = '2025-06-30';
const YET_KIEU_LAST_DAY = '2024-12-31';
const YET_KIEU_SUCCESSOR = 'ha-long-2020-phuong-tran-hung-dao';
const PLACEHOLDER_CITY_SEGMENT = '20';

type FormerKind = 'ward' | 'commune';

interface UnitRow {
  readonly shortName: string;
  readonly slug: string;
  readonly gsoCode: string;
  readonly kind: FormerKind;
  readonly validTo?: string;
}

const ward = (shortName: string, slug: string, gsoCode: string, validTo?: string): UnitRow =>
  validTo === undefined ? { shortName, slug, gsoCode, kind: 'ward' } : { shortName, slug, gsoCode, kind: 'ward', validTo };
const commune = (shortName: string, slug: string, gsoCode: string): UnitRow => ({ shortName, slug, gsoCode, kind: 'commune' });

// In GSO order; the position gives the placeholder agency identifier, so never reorder.
const ROWS: readonly UnitRow[] = [
  ward('Hà Khánh', 'ha-khanh', '06649'),
  ward('Hà Phong', 'ha-phong', '06652'),
  ward('Hà Khẩu', 'ha-khau', '06655'),
  ward('Cao Xanh', 'cao-xanh', '06658'),
  ward('Giếng Đáy', 'gieng-day', '06661'),
  ward('Hà Tu', 'ha-tu', '06664'),
  ward('Hà Trung', 'ha-trung', '06667'),
  ward('Hà Lầm', 'ha-lam', '06670'),
  ward('Bãi Cháy', 'bai-chay', '06673'),
  ward('Cao Thắng', 'cao-thang', '06676'),
  ward('Hùng Thắng', 'hung-thang', '06679'),
  ward('Yết Kiêu', 'yet-kieu', '06682', YET_KIEU_LAST_DAY),
  ward('Trần Hưng Đạo', 'tran-hung-dao', '06685'),
  ward('Hồng Hải', 'hong-hai', '06688'),
  ward('Hồng Gai', 'hong-gai', '06691'),
  ward('Bạch Đằng', 'bach-dang', '06694'),
  ward('Hồng Hà', 'hong-ha', '06697'),
  ward('Tuần Châu', 'tuan-chau', '06700'),
  ward('Việt Hưng', 'viet-hung', '06703'),
  ward('Đại Yên', 'dai-yen', '06706'),
  ward('Hoành Bồ', 'hoanh-bo', '07030'),
  commune('Kỳ Thượng', 'ky-thuong', '07033'),
  commune('Đồng Sơn', 'dong-son', '07036'),
  commune('Tân Dân', 'tan-dan', '07039'),
  commune('Đồng Lâm', 'dong-lam', '07042'),
  commune('Hòa Bình', 'hoa-binh', '07045'),
  commune('Vũ Oai', 'vu-oai', '07048'),
  commune('Dân Chủ', 'dan-chu', '07051'),
  commune('Quảng La', 'quang-la', '07054'),
  commune('Bằng Cả', 'bang-ca', '07057'),
  commune('Thống Nhất', 'thong-nhat', '07060'),
  commune('Sơn Dương', 'son-duong', '07063'),
  commune('Lê Lợi', 'le-loi', '07066'),
];

const KIND_WORD: Record<FormerKind, { title: string; slug: string }> = {
  ward: { title: 'Phường', slug: 'phuong' },
  commune: { title: 'Xã', slug: 'xa' },
};

/** The 2025 units formed (wholly or partly) from a former unit, in the 2025 table's order. */
function successorsOf(id: string): string[] {
  return QUANG_NINH_2025_UNITS.filter((unit) => unit.formedFrom.some((p) => p.unitId === id)).map((unit) => unit.id);
}

/** Every identifier is a placeholder; Yết Kiêu's end date is in doubt too (see validTo above). */
const unconfirmedFacts = (row: UnitRow): UnitFact[] => (row.validTo === YET_KIEU_LAST_DAY ? ['agencyId', 'validTo'] : ['agencyId']);

/**
 * The 33 units of Hạ Long, 2020–2025. Ids carry the era ("ha-long-2020-") because the units formed
 * on 1/7/2025 reuse some of these names and GSO codes (a new Phường Hồng Gai is not this one).
 */
export const HA_LONG_UNITS: readonly Unit[] = deepFreeze(
  ROWS.map((row, index) => {
    const id = `ha-long-2020-${KIND_WORD[row.kind].slug}-${row.slug}`;
    return {
      id,
      gsoCode: row.gsoCode,
      name: `${KIND_WORD[row.kind].title} ${row.shortName}`,
      shortName: row.shortName,
      kind: row.kind,
      agencyId: `000.${String(index + 1).padStart(2, '0')}.${PLACEHOLDER_CITY_SEGMENT}.H49`,
      validFrom: FROM,
      validTo: row.validTo ?? LAST_DAY_BEFORE_2025_REORGANISATION,
      successorIds: row.validTo === YET_KIEU_LAST_DAY ? [YET_KIEU_SUCCESSOR] : successorsOf(id),
      formedFrom: [],
      unconfirmed: unconfirmedFacts(row),
    };
  }),
);
