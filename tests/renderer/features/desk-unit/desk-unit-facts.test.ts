import { describe, expect, it } from 'vitest';
import { deskUnitFacts } from '../../../../renderer/features/desk-unit/store/desk-unit-facts.js';
import { CATALOGUE_UNITS } from '../../../../shared/domain/catalogue/seed/units.js';

// What the settings screen says of the desk's unit on a given day: the merge notice and the units the
// desk may move to are those the catalogue names as successors and that are in force that day.

const unit = (id: string) => CATALOGUE_UNITS.find((u) => u.id === id)!;

describe('the desk unit as the settings screen shows it', () => {
  it('names the successor of a merged ward from 1/7/2025 and offers only it', () => {
    const facts = deskUnitFacts(unit('ha-long-2020-phuong-bach-dang'), CATALOGUE_UNITS, '2026-02-10');
    expect(facts.former).toBe(true);
    expect(facts.validityText).toBe('Đã hết hiệu lực (01/01/2020 – 30/06/2025)');
    expect(facts.successors.map((u) => u.id)).toEqual(['quang-ninh-2025-phuong-hong-gai']);
    expect(facts.mergedNotice).toBe('Đơn vị này đã sáp nhập vào Phường Hồng Gai từ 01/07/2025.');
  });

  it('offers nothing for a former unit whose successor the catalogue does not know, nor for a unit still in force', () => {
    const haKhanh = deskUnitFacts(unit('ha-long-2020-phuong-ha-khanh'), CATALOGUE_UNITS, '2026-02-10');
    expect(haKhanh).toMatchObject({ former: true, successors: [], mergedNotice: null });
    const beforeMerger = deskUnitFacts(unit('ha-long-2020-phuong-bach-dang'), CATALOGUE_UNITS, '2025-06-30');
    expect(beforeMerger).toMatchObject({ former: false, successors: [], mergedNotice: null, validityText: 'Hiệu lực 01/01/2020 – 30/06/2025' });
    const today = deskUnitFacts(unit('quang-ninh-2025-dac-khu-van-don'), CATALOGUE_UNITS, '2026-02-10');
    expect(today).toMatchObject({ former: false, successors: [], validityText: 'Hiệu lực 01/07/2025 – nay' });
  });
});
