import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { useWorklistStore } from '../store/worklist-store-context.js';

const vnd = new Intl.NumberFormat('vi-VN');

/** "Hôm nay": the day's numbers for this desk's unit (tallies.daily), refreshed as dossiers change. */
export function TodayPanel() {
  const tally = useWorklistStore((state) => state.tally);
  const error = useWorklistStore((state) => state.tallyError);
  const loadTally = useWorklistStore((state) => state.loadTally);
  const received = tally ? tally.receivedByChannel.inPerson + tally.receivedByChannel.online + tally.receivedByChannel.postal : 0;
  const facts: [label: string, value: string, testId: string, tone?: string][] = tally
    ? [
        ['Tiếp nhận', String(received), 'today-received'],
        ['Có kết quả', String(tally.resultsReady), 'today-results'],
        ['Đã trả', String(tally.handedBack), 'today-handed-back'],
        ['Yêu cầu bổ sung', String(tally.supplementsRequested), 'today-supplements'],
        ['Quá hạn', String(tally.overdue), 'today-overdue', tally.overdue > 0 ? 'overdue' : undefined],
        ['Đến hạn 24 giờ', String(tally.dueWithin24h), 'today-due-soon', tally.dueWithin24h > 0 ? 'due-soon' : undefined],
        ['Phí, lệ phí', `${vnd.format(tally.feesVnd)} đ`, 'today-fees'],
      ]
    : [];
  return (
    <section className="today" aria-labelledby="today-title">
      <h3 id="today-title" className="today__title">
        Hôm nay
      </h3>
      {error && <ErrorNotice error={error} context="Không đọc được số liệu trong ngày." onRetry={() => void loadTally()} />}
      {tally && (
        <>
          <dl className="today__facts">
            {facts.map(([label, value, testId, tone]) => (
              <div key={testId} className={tone ? `today__fact today__fact--${tone}` : 'today__fact'}>
                <dt>{label}</dt>
                <dd data-testid={testId}>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="today__detail" data-testid="today-ratings">
            Tiếp nhận: trực tiếp {tally.receivedByChannel.inPerson} · trực tuyến {tally.receivedByChannel.online} · BCCI {tally.receivedByChannel.postal}. Đánh giá: rất hài lòng{' '}
            {tally.ratings.very_satisfied} · hài lòng {tally.ratings.satisfied} · không hài lòng {tally.ratings.not_satisfied} · không đánh giá {tally.ratings.not_rated}
          </p>
        </>
      )}
    </section>
  );
}
