import type { DailySeries } from '../../../../shared/domain/reports/daily-series.js';
import { formatLocalDate } from '../../../ui/format-date.js';
import { CHART, chartGeometry } from './chart-geometry.js';
import { formatCount, formatShare } from './format-cell.js';

const CHANNEL_LABELS = { inPerson: 'trực tiếp', online: 'trực tuyến', postal: 'bưu chính (BCCI)' } as const;

function summary(series: DailySeries): string {
  const sum = (pick: (p: DailySeries['points'][number]) => number) => series.points.reduce((n, p) => n + pick(p), 0);
  const [inPerson, online, postal] = [sum((p) => p.received.inPerson), sum((p) => p.received.online), sum((p) => p.received.postal)];
  const settled = sum((p) => p.settled);
  const onTime = sum((p) => p.settledOnTime);
  return (
    `Từ ${formatLocalDate(series.from)} đến ${formatLocalDate(series.to)}: tiếp nhận ${formatCount(inPerson + online + postal)} hồ sơ ` +
    `(trực tiếp ${formatCount(inPerson)}, trực tuyến ${formatCount(online)}, bưu chính ${formatCount(postal)}), ` +
    `trả kết quả ${formatCount(sum((p) => p.handedBack))}, giải quyết đúng hạn ${formatShare(settled === 0 ? null : onTime / settled)}.`
  );
}

/** The last 30 days in one picture, drawn as plain SVG (no chart library); the numbers are in the table below it. */
export function DailySeriesChart({ series }: { series: DailySeries }) {
  const g = chartGeometry(series.points);
  const bottom = g.plot.y + g.plot.height;
  return (
    <figure className="series-chart">
      <figcaption className="series-chart__caption">Tiếp nhận, trả kết quả và tỷ lệ đúng hạn trong {series.points.length} ngày</figcaption>
      <svg className="series-chart__svg" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-labelledby="series-chart-title series-chart-desc">
        <title id="series-chart-title">Biểu đồ {series.points.length} ngày đến {formatLocalDate(series.to)}</title>
        <desc id="series-chart-desc">{summary(series)}</desc>
        {g.countTicks.map((tick) => (
          <g key={`c${tick.value}`}>
            <line className="series-chart__grid" x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={tick.y} y2={tick.y} />
            <text className="series-chart__tick" x={g.plot.x - 8} y={tick.y + 4} textAnchor="end">
              {formatCount(tick.value)}
            </text>
          </g>
        ))}
        {g.rateTicks.map((tick) => (
          <text key={`r${tick.value}`} className="series-chart__tick series-chart__tick--rate" x={g.plot.x + g.plot.width + 8} y={tick.y + 4}>
            {Math.round(tick.value * 100)}%
          </text>
        ))}
        {g.days.map((day) => (
          <g key={day.date}>
            {day.segments.map((segment) => (
              <rect key={segment.channel} className={`series-chart__bar series-chart__bar--${segment.channel}`} x={day.x} y={segment.y} width={day.barWidth} height={segment.height} />
            ))}
            {day.label !== null && (
              <text className="series-chart__tick" x={day.cx} y={bottom + 18} textAnchor="middle">
                {day.label}
              </text>
            )}
          </g>
        ))}
        <line className="series-chart__axis" x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={bottom} y2={bottom} />
        {g.handedBackPath !== '' && <path className="series-chart__line series-chart__line--handed-back" d={g.handedBackPath} />}
        {g.ratePath !== '' && <path className="series-chart__line series-chart__line--rate" d={g.ratePath} />}
        {g.days.map((day) =>
          day.rateY === null ? null : <circle key={`dot${day.date}`} className="series-chart__dot" cx={day.cx} cy={day.rateY} r={3} />,
        )}
        <text className="series-chart__axis-label" x={8} y={12}>
          Hồ sơ
        </text>
        <text className="series-chart__axis-label" x={CHART.width - 8} y={12} textAnchor="end">
          Đúng hạn
        </text>
      </svg>
      <ul className="series-chart__legend" aria-label="Chú giải">
        {(Object.keys(CHANNEL_LABELS) as (keyof typeof CHANNEL_LABELS)[]).map((channel) => (
          <li key={channel}>
            <span className={`series-chart__swatch series-chart__bar--${channel}`} aria-hidden="true" /> Tiếp nhận {CHANNEL_LABELS[channel]}
          </li>
        ))}
        <li>
          <span className="series-chart__swatch series-chart__swatch--line-handed-back" aria-hidden="true" /> Trả kết quả
        </li>
        <li>
          <span className="series-chart__swatch series-chart__swatch--line-rate" aria-hidden="true" /> Tỷ lệ giải quyết đúng hạn (trục phải)
        </li>
      </ul>
      <details className="series-chart__data no-print">
        <summary>Xem số liệu từng ngày</summary>
        <table className="report-table report-table--compact">
          <thead>
            <tr>
              <th scope="col">Ngày</th>
              <th scope="col">Trực tiếp</th>
              <th scope="col">Trực tuyến</th>
              <th scope="col">Bưu chính</th>
              <th scope="col">Trả kết quả</th>
              <th scope="col">Đã giải quyết</th>
              <th scope="col">Đúng hạn</th>
            </tr>
          </thead>
          <tbody>
            {series.points.map((p) => (
              <tr key={p.date}>
                <th scope="row">{formatLocalDate(p.date)}</th>
                <td>{formatCount(p.received.inPerson)}</td>
                <td>{formatCount(p.received.online)}</td>
                <td>{formatCount(p.received.postal)}</td>
                <td>{formatCount(p.handedBack)}</td>
                <td>{formatCount(p.settled)}</td>
                <td>{formatShare(p.onTimeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
