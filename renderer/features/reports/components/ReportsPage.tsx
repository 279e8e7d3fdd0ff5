import { useEffect, useState } from 'react';
import { useBackend } from '../../../app/components/backend-context.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { vietnamToday } from '../../../ui/format-date.js';
import { createReportsStore } from '../store/reports-store.js';
import { ReportsStoreProvider, useReportsStore } from '../store/reports-store-context.js';
import { ExportBar } from './ExportBar.js';
import { ReportControls } from './ReportControls.js';
import { ReportView } from './ReportView.js';
import './reports.css';

function ReportsScreen() {
  const status = useReportsStore((s) => s.status);
  const view = useReportsStore((s) => s.view);
  const error = useReportsStore((s) => s.error);
  const load = useReportsStore((s) => s.load);
  return (
    <section className="reports-page" aria-labelledby="reports-title">
      <div className="screen-header no-print">
        <h2 id="reports-title" className="screen-header__title">
          Báo cáo
        </h2>
        <p className="screen-header__keys">Lập từ dữ liệu trên máy này — không cần mạng.</p>
      </div>
      <ReportControls />
      <ExportBar />
      {status === 'loading' && (
        <p className="reports-loading no-print" role="status">
          Đang lập báo cáo…
        </p>
      )}
      {error && <ErrorNotice error={error} context="Không lập được báo cáo." onRetry={() => void load()} />}
      {view && <ReportView view={view} />}
    </section>
  );
}

/**
 * "Báo cáo": the supervisor's reports — Biểu 06, the daily tally with its 30-day chart, satisfaction,
 * the log book and the overdue list — on screen, as Excel and CSV files, and printed (or saved as PDF).
 * The app routes here without props; the transport comes from the app's backend context.
 */
export function ReportsPage() {
  const backend = useBackend();
  const [store] = useState(() => createReportsStore(backend, vietnamToday()));
  useEffect(() => {
    const stop = store.getState().follow();
    void store.getState().load();
    return stop;
  }, [store]);
  return (
    <ReportsStoreProvider store={store}>
      <ReportsScreen />
    </ReportsStoreProvider>
  );
}
