import { describe, expect, it } from 'vitest';
import { assembleDailySeries, seriesDays, type DailySeriesCounts } from '../../../../shared/domain/reports/daily-series.js';
import { chartGeometry, countTickValues, niceCeiling } from '../../../../renderer/features/reports/components/chart-geometry.js';

const counts = (c: Partial<DailySeriesCounts>): DailySeriesCounts => ({ inPerson: 0, online: 0, postal: 0, handedBack: 0, settled: 0, settledOnTime: 0, ...c });

describe('the 30-day chart geometry', () => {
  it('scales to a round maximum with whole-number ticks', () => {
    expect([0, 4, 5, 7, 12, 37, 480].map(niceCeiling)).toEqual([5, 5, 5, 10, 20, 50, 500]);
    expect(countTickValues(20)).toEqual([0, 5, 10, 15, 20]);
    expect(countTickValues(5)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stacks the channels of a day, breaks the on-time line on days with nothing settled, and labels every fifth day', () => {
    const days = seriesDays('2026-12-15', 30);
    const series = assembleDailySeries(
      days,
      new Map([
        ['2026-11-16', counts({ inPerson: 3, online: 2, postal: 1, settled: 2, settledOnTime: 1 })],
        ['2026-11-17', counts({ settled: 1, settledOnTime: 1 })],
        ['2026-11-20', counts({ inPerson: 1, handedBack: 9, settled: 4, settledOnTime: 4 })],
      ]),
    );
    const g = chartGeometry(series.points);
    expect(g.maxCount).toBe(10);
    const first = g.days[0]!;
    expect(first.segments.map((s) => s.channel)).toEqual(['inPerson', 'online', 'postal']);
    const bottom = g.plot.y + g.plot.height;
    // Six dossiers of ten fill 60 % of the plot height, the segments one on top of the other.
    expect(first.segments.reduce((h, s) => h + s.height, 0)).toBeCloseTo(0.6 * g.plot.height, 0);
    expect(first.segments[0]!.y + first.segments[0]!.height).toBeCloseTo(bottom, 0);
    expect(first.segments[1]!.y + first.segments[1]!.height).toBeCloseTo(first.segments[0]!.y, 0);
    expect(g.days[1]!.segments).toEqual([]);
    expect(g.days[2]!.rateY).toBeNull();
    // Two runs of the rate line: 16–17/11, then 20/11 alone.
    expect(g.ratePath.match(/M/g)).toHaveLength(2);
    expect(g.days.filter((d) => d.label !== null).map((d) => d.label)).toEqual(['16/11', '21/11', '26/11', '01/12', '06/12', '11/12', '15/12']);
  });
});
