// Fabricated Vietnamese names and ID numbers for benchmarks: common family names at roughly their
// real frequency (Nguyễn about 38%), so text search meets realistic posting-list sizes.
const FAMILY = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 4], ['Phan', 4], ['Vũ', 4],
  ['Võ', 3], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2], ['Hồ', 2], ['Ngô', 2], ['Dương', 2], ['Lý', 1], ['Đinh', 1], ['Trịnh', 1],
] as const;
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Quang', 'Hữu', 'Thanh', 'Xuân', 'Hồng', 'Công'];
const GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hạnh', 'Hoa', 'Hùng', 'Lan', 'Linh', 'Mai', 'Nam', 'Phương', 'Quân', 'Sơn',
  'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến', 'Hải', 'Long', 'Nga', 'Oanh', 'Phúc', 'Quỳnh', 'Tâm', 'Thắng', 'Vân', 'Khánh',
];
const FAMILY_TABLE = FAMILY.flatMap(([name, weight]) => Array.from({ length: weight }, () => name));

/** A deterministic pseudo-random generator (mulberry32) so every run seeds the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export function fabricatedName(random: () => number): string {
  return `${pick(random, FAMILY_TABLE)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)}`;
}

/** 022 (Quảng Ninh) + a sex/century digit + two year digits + six digits: well-formed, not real. */
export function fabricatedIdNumber(random: () => number, birthYear: number): string {
  const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (random() < 0.5 ? 0 : 1);
  return `022${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${String(Math.floor(random() * 1_000_000)).padStart(6, '0')}`;
}

export function fabricatedPhone(random: () => number): string {
  return `09${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`;
}
