import type { DailySeriesPoint } from '../../../../shared/domain/reports/daily-series.js';

// Where each mark of the 30-day chart goes, as plain numbers: stacked bars of dossiers received per
// day by channel, a line of results handed back (same left axis), and the on-time rate (right axis,
// 0–100 %), broken on days when nothing was settled. Kept apart from the SVG so it can be tested.

export const CHART = { width: 960, height: 300, left: 48, right: 56, top: 20, bottom: 44 } as const;

export interface BarSegment {
  channel: 'inPerson' | 'online' | 'postal';
  y: number;
  height: number;
}

export interface ChartDay {
  date: string;
  x: number;
  barWidth: number;
  segments: BarSegment[];
  handedBackY: number;
  rateY: number | null;
  /** Centre of the day's band, for the lines and labels. */
  cx: number;
  label: string | null;
}

export interface ChartGeometry {
  days: ChartDay[];
  maxCount: number;
  countTicks: { value: number; y: number }[];
  rateTicks: { value: number; y: number }[];
  /** SVG path(s) of the hand-back line and the on-time-rate line ('' when empty). */
  handedBackPath: string;
  ratePath: string;
  plot: { x: number; y: number; width: number; height: number };
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `n` (at least 4, so small days still show a scale). */
export function niceCeiling(n: number): number {
  const target = Math.max(4, n);
  const power = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 5, 10]) if (step * power >= target) return step * power;
  return 10 * power;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Whole-number ticks from 0 to `max` (a niceCeiling), at most six of them. */
export function countTickValues(max: number): number[] {
  let step = 1;
  for (let power = 1; power <= max; power *= 10) {
    const found = [1, 2, 5].map((m) => m * power).find((s) => max % s === 0 && max / s <= 5);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  return Array.from({ length: max / step + 1 }, (_, i) => i * step);
}

function polyline(points: readonly ({ x: number; y: number } | null)[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (point === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : path === '' ? 'M' : ' M'}${round(point.x)} ${round(point.y)}`;
    drawing = true;
  }
  return path;
}

export function chartGeometry(points: readonly DailySeriesPoint[]): ChartGeometry {
  const plot = { x: CHART.left, y: CHART.top, width: CHART.width - CHART.left - CHART.right, height: CHART.height - CHART.top - CHART.bottom };
  const maxCount = niceCeiling(Math.max(0, ...points.map((p) => Math.max(p.received.inPerson + p.received.online + p.received.postal, p.handedBack))));
  const yOf = (count: number) => plot.y + plot.height - (count / maxCount) * plot.height;
  const rateYOf = (rate: number) => plot.y + plot.height - rate * plot.height;
  const band = plot.width / Math.max(points.length, 1);
  const barWidth = band * 0.62;
  const labelEvery = points.length > 14 ? 5 : 1;

  const days = points.map((point, i) => {
    const x = plot.x + i * band + (band - barWidth) / 2;
    const segments: BarSegment[] = [];
    let base = 0;
    for (const channel of ['inPerson', 'online', 'postal'] as const) {
      const n = point.received[channel];
      if (n > 0) segments.push({ channel, y: round(yOf(base + n)), height: round(yOf(base) - yOf(base + n)) });
      base += n;
    }
    const isLabelled = i % labelEvery === 0 || i === points.length - 1;
    return {
      date: point.date,
      x: round(x),
      barWidth: round(barWidth),
      segments,
      handedBackY: round(yOf(point.handedBack)),
      rateY: point.onTimeRate === null ? null : round(rateYOf(point.onTimeRate)),
      cx: round(plot.x + i * band + band / 2),
      label: isLabelled ? `${point.date.slice(8, 10)}/${point.date.slice(5, 7)}` : null,
    };
  });

  return {
    days,
    maxCount,
    countTicks: countTickValues(maxCount).map((value) => ({ value, y: round(yOf(value)) })),
    rateTicks: [0, 0.5, 1].map((value) => ({ value, y: round(rateYOf(value)) })),
    handedBackPath: polyline(days.map((d) => ({ x: d.cx, y: d.handedBackY }))),
    ratePath: polyline(days.map((d) => (d.rateY === null ? null : { x: d.cx, y: d.rateY }))),
    plot,
  };
}
