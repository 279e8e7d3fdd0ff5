import { useRef } from 'react';
import { QUICK_PERIOD_LABELS, type QuickPeriod } from '../../../../shared/domain/reports/report-period.js';
import { REPORT_KINDS, REPORT_SHORT_NAMES } from '../../../../shared/domain/reports/report-kinds.js';
import { TextField } from '../../../ui/Field.js';
import { useReportsStore } from '../store/reports-store-context.js';

const QUICK_PERIODS = Object.keys(QUICK_PERIOD_LABELS) as QuickPeriod[];

/**
 * Which report, and for which period: quick picks (hôm nay, tháng này, quý này, quý trước) or two dates
 * typed dd/MM/yyyy, as everywhere on the desk (a browser's date input shows the machine's order).
 */
export function ReportControls() {
  const kind = useReportsStore((s) => s.kind);
  const typed = useReportsStore((s) => s.typed);
  const dateErrors = useReportsStore((s) => s.dateErrors);
  const quick = useReportsStore((s) => s.quick);
  const status = useReportsStore((s) => s.status);
  const choose = useReportsStore((s) => s.choose);
  const pickQuick = useReportsStore((s) => s.pickQuick);
  const typeDate = useReportsStore((s) => s.typeDate);
  const readDates = useReportsStore((s) => s.readDates);
  const load = useReportsStore((s) => s.load);
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);

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
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const wrong = readDates();
            if (wrong === null) return void load();
            // The officer corrects the first wrong date next; its message is the field's description.
            (wrong === 'from' ? fromRef : toRef).current?.focus();
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
            <TextField
              id="report-from"
              label="Từ ngày"
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              value={typed.from}
              onChange={(text) => typeDate('from', text)}
              error={dateErrors.from}
              inputRef={fromRef}
              required
            />
            <TextField
              id="report-to"
              label={kind === 'dailyTally' ? 'Đến ngày (ngày thống kê)' : 'Đến ngày'}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              value={typed.to}
              onChange={(text) => typeDate('to', text)}
              error={dateErrors.to}
              inputRef={toRef}
              required
            />
            <button type="submit" className="button" disabled={status === 'loading'}>
              Xem báo cáo
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
