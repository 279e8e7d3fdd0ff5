import { QUICK_PERIOD_LABELS, type QuickPeriod } from '../../../../shared/domain/reports/report-period.js';
import { REPORT_KINDS, REPORT_SHORT_NAMES } from '../../../../shared/domain/reports/report-kinds.js';
import { useReportsStore } from '../store/reports-store-context.js';

const QUICK_PERIODS = Object.keys(QUICK_PERIOD_LABELS) as QuickPeriod[];

/** Which report, and for which period: quick picks (hôm nay, tháng này, quý này, quý trước) or two dates. */
export function ReportControls() {
  const kind = useReportsStore((s) => s.kind);
  const period = useReportsStore((s) => s.period);
  const quick = useReportsStore((s) => s.quick);
  const today = useReportsStore((s) => s.today);
  const status = useReportsStore((s) => s.status);
  const choose = useReportsStore((s) => s.choose);
  const pickQuick = useReportsStore((s) => s.pickQuick);
  const setDates = useReportsStore((s) => s.setDates);
  const load = useReportsStore((s) => s.load);

  return (
    <div className="reports-controls no-print">
      <fieldset className="reports-controls__kinds">
        <legend className="reports-controls__legend">Báo cáo</legend>
        {REPORT_KINDS.map((k) => (
          <label key={k} className={k === kind ? 'reports-choice reports-choice--on' : 'reports-choice'}>
            <input type="radio" name="report-kind" value={k} checked={k === kind} onChange={() => choose(k)} />
            {REPORT_SHORT_NAMES[k]}
          </label>
        ))}
      </fieldset>
      {kind === 'overdue' ? (
        <p className="reports-controls__asof">Danh sách tính tại thời điểm hiện tại, không theo kỳ.</p>
      ) : (
        <form
          className="reports-controls__period"
          onSubmit={(event) => {
            event.preventDefault();
            void load();
          }}
        >
          <fieldset className="reports-controls__quick">
            <legend className="reports-controls__legend">Kỳ báo cáo</legend>
            {QUICK_PERIODS.map((q) => (
              <button key={q} type="button" className="button button--secondary reports-quick" aria-pressed={q === quick} onClick={() => pickQuick(q)}>
                {QUICK_PERIOD_LABELS[q]}
              </button>
            ))}
          </fieldset>
          <div className="reports-controls__dates">
            <label className="field">
              <span className="field__label">Từ ngày</span>
              <input className="field__input" type="date" value={period.from} max={today} required onChange={(e) => setDates({ from: e.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">{kind === 'dailyTally' ? 'Đến ngày (ngày thống kê)' : 'Đến ngày'}</span>
              <input className="field__input" type="date" value={period.to} max={today} required onChange={(e) => setDates({ to: e.target.value })} />
            </label>
            <button type="submit" className="button" disabled={status === 'loading'}>
              Xem báo cáo
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
