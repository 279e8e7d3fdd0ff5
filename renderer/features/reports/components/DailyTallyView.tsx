import type { DailyTally } from '../../../../shared/contract/dossiers.js';
import { formatLocalDate } from '../../../ui/format-date.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { useReportsStore } from '../store/reports-store-context.js';
import { DailySeriesChart } from './DailySeriesChart.js';
import { formatCount } from './format-cell.js';

/** The day's tally (tallies.daily) for the period's last day, and the 30-day chart ending that day. */
export function DailyTallyView({ date, tally }: { date: string; tally: DailyTally }) {
  const series = useReportsStore((state) => state.series);
  const seriesError = useReportsStore((state) => state.seriesError);
  const r = tally.receivedByChannel;
  const facts: [string, string, string][] = [
    ['Tiếp nhận', formatCount(r.inPerson + r.online + r.postal), `trực tiếp ${r.inPerson} · trực tuyến ${r.online} · bưu chính ${r.postal}`],
    ['Có kết quả', formatCount(tally.resultsReady), ''],
    ['Đã trả kết quả', formatCount(tally.handedBack), ''],
    ['Rút hồ sơ', formatCount(tally.withdrawn), ''],
    ['Yêu cầu bổ sung', formatCount(tally.supplementsRequested), ''],
    ['Phí, lệ phí', `${formatCount(tally.feesVnd)} đ`, ''],
    ['Quá hạn (hiện tại)', formatCount(tally.overdue), 'hồ sơ đang chạy quá ngày hẹn'],
    ['Đến hạn trong 24 giờ', formatCount(tally.dueWithin24h), ''],
  ];
  return (
    <>
      <section className="tally-facts" aria-labelledby="tally-title">
        <h3 id="tally-title" className="reports-section__title">
          Thống kê ngày {formatLocalDate(date)}
        </h3>
        <dl className="tally-facts__list">
          {facts.map(([label, value, detail]) => (
            <div key={label} className="tally-facts__item">
              <dt>{label}</dt>
              <dd>
                <span className="tally-facts__value">{value}</span>
                {detail && <span className="tally-facts__detail">{detail}</span>}
              </dd>
            </div>
          ))}
        </dl>
        <p className="tally-facts__ratings">
          Đánh giá trong ngày: rất hài lòng {tally.ratings.very_satisfied} · hài lòng {tally.ratings.satisfied} · không hài lòng {tally.ratings.not_satisfied} · không đánh giá{' '}
          {tally.ratings.not_rated}
        </p>
      </section>
      {seriesError && <ErrorNotice error={seriesError} context="Không vẽ được biểu đồ 30 ngày." />}
      {series && <DailySeriesChart series={series} />}
    </>
  );
}
