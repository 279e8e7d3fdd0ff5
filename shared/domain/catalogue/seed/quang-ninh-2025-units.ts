import type { Predecessor, Unit, UnitFact, UnitKind } from '../unit.js';
import { deepFreeze } from './deep-freeze.js';

// Quảng Ninh's 54 commune-level units from 1/7/2025: 30 wards, 22 communes and 2 special zones.
//
// Facts and where they come from (addresses at the end of this note):
// - Names, kinds and the count: Nghị quyết 1679/NQ-UBTVQH15 (16/6/2025) of the National Assembly
//   Standing Committee, on the Government's scheme 373/ĐA-CP (9/5/2025), as reported by Lao Động
//   ("Quảng Ninh có 54 đơn vị hành chính cấp xã, trong đó có 2 đặc khu"): 21 communes, 30 wards and
//   2 special zones formed by the arrangement, and Cái Chiên commune left as it was. The local
//   governments of the new units work from 1/7/2025, hence validFrom.
// - GSO codes: VERIFY. Not read in the official list (Quyết định 19/2025/QĐ-TTg); taken from two
//   independent public datasets of the 2025 codes that agree on all 54. Each new unit reuses the code
//   of one of its former units, so a code alone does not tell the 2020 unit from the 2025 one: the
//   catalogue keys units by id and looks codes up on a date.
// - Agency identifiers: PLACEHOLDERS (VERIFY). The real electronic identifiers of the new units are
//   not in our sources. They follow 000.BB.25.H49, BB = the unit's position in this list (01–54) and
//   25 standing for the 2025 arrangement, so that none equals a 2020 unit's (000.BB.20.H49). The
//   administrator confirms the desk's own at first start; the desk and the centre refuse one that
//   belongs to another unit of the catalogue. A confirmed identifier reaches every desk as a published unit
//   (`catalogue.unit`) with 'agencyId' taken out of its `unconfirmed` list; this file stays as shipped.
// - formedFrom (only Hạ Long's former units are in the catalogue):
//   · Quảng La and Thống Nhất: the resolution's own text, clauses 1 and 2, quoted by soha.vn and
//     saigoneconomy247.com.
//   · Bãi Cháy = Bãi Cháy + Hùng Thắng "in their original state" (Lao Động, trial day of the two-level
//     government, 16/6/2025).
//   · Hạ Long = Hồng Hà + Hồng Hải; Hồng Gai = Hồng Gai + Trần Hưng Đạo (Lao Động, new signs, 6/2025).
//     Bạch Đằng: an April plan (Lao Động, expected seats) put it in Hồng Gai; the June report does not
//     name it — VERIFY.
//   · Hà Lầm = Hà Lầm + Cao Thắng + Hà Trung (baotintuc.vn).
//   · The others are inferred — VERIFY: a new unit bears its former namesake's name and reuses one
//     former unit's GSO code (Hà Tu 06652 = Hà Phong, Việt Hưng 06661 = Giếng Đáy, Tuần Châu 06706 =
//     Đại Yên, Cao Xanh 06658, Hoành Bồ 07030).
//   · Not in our sources at all: where Hà Khánh, Hà Khẩu, Lê Lợi, Sơn Dương, Đồng Sơn and the rest of
//     Đồng Lâm went. Their successors stay empty until the centre publishes them (a `catalogue.unit`
//     reference change: unit-change.ts; the administrator sends the former unit with its successorIds).
//   · Xã Kỳ Thượng's code 06979 was Đạp Thanh's (Ba Chẽ district, not in this catalogue): it took in
//     territory from outside Hạ Long too.
//
// Addresses:
//   https://news.laodong.vn/thoi-su/quang-ninh-co-54-don-vi-hanh-chinh-cap-xa-trong-do-co-2-dac-khu-1524706.ldo
//   https://thuviennhadat.vn/vbpl/nghi-quyet-1679-nq-ubtvqh15-2025-sap-xép-cac-don-vi-hanh-chinh-cap-xa-quang-ninh-661115.html
//   https://soha.vn/chi-tiet-don-vi-hanh-chinh-cap-xa-cua-tinh-quang-ninh-198250630094607186.htm
//   https://www.saigoneconomy247.com/chi-tiet-54-don-vi-hanh-chinh-moi-sau-sap-nhap-cua-quang-ninh-a180738.html
//   https://news.laodong.vn/xa-hoi/ngay-dau-van-hanh-thu-nghiem-chinh-quyen-hai-cap-tai-quang-ninh-1524869.ldo
//   https://news.laodong.vn/thoi-su/ngam-nhung-bien-hieu-ten-moi-cua-phuong-xa-dac-khu-o-quang-ninh-1526438.ldo
//   https://news.laodong.vn/xa-hoi/tam-ban-giao-tru-so-thanh-uy-hdnd-ubnd-tp-ha-long-ve-tinh-quang-ninh-1504445.ldo
//   https://baotintuc.vn/tags/than+hà+lầm.htm

const FROM = '2025-07-01';
const ARRANGEMENT_SEGMENT = '25';

interface Row {
  readonly shortName: string;
  readonly slug: string;
  readonly gsoCode: string;
  readonly kind: UnitKind;
  readonly formedFrom: readonly Predecessor[];
  /** True when formedFrom is taken from the resolution's text; otherwise it is marked to verify. */
  readonly formedFromConfirmed: boolean;
}

const old = (kind: 'phuong' | 'xa', slug: string, share: Predecessor['share'] = 'unknown'): Predecessor => ({
  unitId: `ha-long-2020-${kind}-${slug}`,
  share,
});
const row = (kind: UnitKind, shortName: string, slug: string, gsoCode: string, formedFrom: readonly Predecessor[] = [], formedFromConfirmed = false): Row => ({
  shortName,
  slug,
  gsoCode,
  kind,
  formedFrom,
  formedFromConfirmed,
});

// Hạ Long's successors first (the desks' users), then the rest of the province; the position gives
// the placeholder agency identifier, so never reorder.
const ROWS: readonly Row[] = [
  row('ward', 'Tuần Châu', 'tuan-chau', '06706', [old('phuong', 'tuan-chau'), old('phuong', 'dai-yen')]),
  row('ward', 'Việt Hưng', 'viet-hung', '06661', [old('phuong', 'viet-hung'), old('phuong', 'gieng-day')]),
  row('ward', 'Bãi Cháy', 'bai-chay', '06673', [old('phuong', 'bai-chay', 'whole'), old('phuong', 'hung-thang', 'whole')]),
  row('ward', 'Hà Tu', 'ha-tu', '06652', [old('phuong', 'ha-tu'), old('phuong', 'ha-phong')]),
  row('ward', 'Hà Lầm', 'ha-lam', '06676', [old('phuong', 'ha-lam'), old('phuong', 'cao-thang'), old('phuong', 'ha-trung')]),
  row('ward', 'Cao Xanh', 'cao-xanh', '06658', [old('phuong', 'cao-xanh')]),
  row('ward', 'Hồng Gai', 'hong-gai', '06685', [old('phuong', 'hong-gai'), old('phuong', 'tran-hung-dao'), old('phuong', 'bach-dang')]),
  row('ward', 'Hạ Long', 'ha-long', '06688', [old('phuong', 'hong-ha'), old('phuong', 'hong-hai')]),
  row('ward', 'Hoành Bồ', 'hoanh-bo', '07030', [old('phuong', 'hoanh-bo')]),
  row('commune', 'Quảng La', 'quang-la', '07054', [old('xa', 'bang-ca', 'whole'), old('xa', 'dan-chu', 'whole'), old('xa', 'tan-dan', 'whole'), old('xa', 'quang-la', 'whole')], true),
  row(
    'commune',
    'Thống Nhất',
    'thong-nhat',
    '07060',
    [old('xa', 'vu-oai', 'whole'), old('xa', 'hoa-binh', 'whole'), old('xa', 'thong-nhat', 'whole'), old('xa', 'dong-lam', 'part')],
    true,
  ),
  row('commune', 'Kỳ Thượng', 'ky-thuong', '06979', [old('xa', 'ky-thuong')]),
  row('ward', 'An Sinh', 'an-sinh', '07090'),
  row('ward', 'Đông Triều', 'dong-trieu', '07093'),
  row('ward', 'Bình Khê', 'binh-khe', '07081'),
  row('ward', 'Mạo Khê', 'mao-khe', '07069'),
  row('ward', 'Hoàng Quế', 'hoang-que', '07114'),
  row('ward', 'Yên Tử', 'yen-tu', '06832'),
  row('ward', 'Vàng Danh', 'vang-danh', '06820'),
  row('ward', 'Uông Bí', 'uong-bi', '06811'),
  row('ward', 'Đông Mai', 'dong-mai', '07135'),
  row('ward', 'Hiệp Hòa', 'hiep-hoa', '07147'),
  row('ward', 'Quảng Yên', 'quang-yen', '07132'),
  row('ward', 'Hà An', 'ha-an', '07168'),
  row('ward', 'Phong Cốc', 'phong-coc', '07183'),
  row('ward', 'Liên Hòa', 'lien-hoa', '07180'),
  row('ward', 'Mông Dương', 'mong-duong', '06760'),
  row('ward', 'Quang Hanh', 'quang-hanh', '06778'),
  row('ward', 'Cẩm Phả', 'cam-pha', '06793'),
  row('ward', 'Cửa Ông', 'cua-ong', '06781'),
  row('ward', 'Móng Cái 1', 'mong-cai-1', '06712'),
  row('ward', 'Móng Cái 2', 'mong-cai-2', '06709'),
  row('ward', 'Móng Cái 3', 'mong-cai-3', '06736'),
  row('commune', 'Hải Hòa', 'hai-hoa', '06799'),
  row('commune', 'Tiên Yên', 'tien-yen', '06862'),
  row('commune', 'Điền Xá', 'dien-xa', '06874'),
  row('commune', 'Đông Ngũ', 'dong-ngu', '06877'),
  row('commune', 'Hải Lạng', 'hai-lang', '06886'),
  row('commune', 'Lương Minh', 'luong-minh', '06985'),
  row('commune', 'Ba Chẽ', 'ba-che', '06970'),
  row('commune', 'Quảng Tân', 'quang-tan', '06913'),
  row('commune', 'Đầm Hà', 'dam-ha', '06895'),
  row('commune', 'Quảng Hà', 'quang-ha', '06922'),
  row('commune', 'Đường Hoa', 'duong-hoa', '06946'),
  row('commune', 'Quảng Đức', 'quang-duc', '06931'),
  row('commune', 'Hoành Mô', 'hoanh-mo', '06841'),
  row('commune', 'Lục Hồn', 'luc-hon', '06856'),
  row('commune', 'Bình Liêu', 'binh-lieu', '06838'),
  row('commune', 'Hải Sơn', 'hai-son', '06724'),
  row('commune', 'Hải Ninh', 'hai-ninh', '06733'),
  row('commune', 'Vĩnh Thực', 'vinh-thuc', '06757'),
  row('commune', 'Cái Chiên', 'cai-chien', '06967'),
  row('special-zone', 'Vân Đồn', 'van-don', '06994'),
  row('special-zone', 'Cô Tô', 'co-to', '07192'),
];

const KIND_WORD: Record<UnitKind, { title: string; slug: string }> = {
  ward: { title: 'Phường', slug: 'phuong' },
  commune: { title: 'Xã', slug: 'xa' },
  'special-zone': { title: 'Đặc khu', slug: 'dac-khu' },
};

function unconfirmedFacts(row: Row): UnitFact[] {
  // A unit outside Hạ Long has no former unit in the catalogue: nothing to verify about formedFrom here.
  const formedFromToVerify = row.formedFrom.length > 0 && !row.formedFromConfirmed;
  return formedFromToVerify ? ['gsoCode', 'agencyId', 'formedFrom'] : ['gsoCode', 'agencyId'];
}

/** Quảng Ninh's units from 1/7/2025, ids carrying the era ("quang-ninh-2025-"). */
export const QUANG_NINH_2025_UNITS: readonly Unit[] = deepFreeze(
  ROWS.map((row, index) => ({
    id: `quang-ninh-2025-${KIND_WORD[row.kind].slug}-${row.slug}`,
    gsoCode: row.gsoCode,
    name: `${KIND_WORD[row.kind].title} ${row.shortName}`,
    shortName: row.shortName,
    kind: row.kind,
    agencyId: `000.${String(index + 1).padStart(2, '0')}.${ARRANGEMENT_SEGMENT}.H49`,
    validFrom: FROM,
    validTo: null,
    successorIds: [],
    formedFrom: [...row.formedFrom],
    unconfirmed: unconfirmedFacts(row),
  })),
);
