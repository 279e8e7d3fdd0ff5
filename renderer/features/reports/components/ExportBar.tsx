import { useEffect, useState } from 'react';
import { CSV_DIALECT_LABELS, CSV_DIALECTS, type CsvDialect } from '../../../../shared/domain/reports/csv-dialect.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { downloadExport, type ExportDelivery } from '../store/download-export.js';
import { useReportsStore } from '../store/reports-store-context.js';
import { formatCount } from './format-cell.js';

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`);

/** Excel and CSV files written by the core, and printing (to paper or PDF) of the report as shown. */
export function ExportBar() {
  const status = useReportsStore((s) => s.status);
  const exporting = useReportsStore((s) => s.exporting);
  const lastExport = useReportsStore((s) => s.lastExport);
  const exportError = useReportsStore((s) => s.exportError);
  const exportAs = useReportsStore((s) => s.exportAs);
  const csvDialect = useReportsStore((s) => s.csvDialect);
  const loadCsvDialect = useReportsStore((s) => s.loadCsvDialect);
  const chooseCsvDialect = useReportsStore((s) => s.chooseCsvDialect);
  const [delivery, setDelivery] = useState<ExportDelivery | null>(null);
  const busy = exporting !== null;
  useEffect(() => {
    void loadCsvDialect();
  }, [loadCsvDialect]);

  const run = async (format: 'xlsx' | 'csv') => {
    setDelivery(null);
    const result = await exportAs(format);
    if (result === null) return;
    setDelivery(await downloadExport(result));
  };

  return (
    <div className="export-bar no-print" aria-label="Xuất báo cáo" role="group">
      <div className="export-bar__buttons">
        <button type="button" className="button" disabled={busy || status !== 'loaded'} onClick={() => void run('xlsx')}>
          Xuất Excel (.xlsx)
        </button>
        <button type="button" className="button button--secondary" disabled={busy || status !== 'loaded'} onClick={() => void run('csv')}>
          Xuất CSV
        </button>
        <label className="export-bar__dialect">
          Kiểu CSV{' '}
          <select className="field__input" value={csvDialect ?? ''} disabled={busy || csvDialect === null} onChange={(event) => chooseCsvDialect(event.target.value as CsvDialect)}>
            {csvDialect === null && <option value="">…</option>}
            {CSV_DIALECTS.map((dialect) => (
              <option key={dialect} value={dialect}>
                {CSV_DIALECT_LABELS[dialect]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--secondary" disabled={status !== 'loaded'} onClick={() => window.print()}>
          In / lưu PDF
        </button>
      </div>
      {busy && (
        <div className="export-bar__progress" role="status">
          {exporting.progress === null ? (
            <span>Đang xuất tệp…</span>
          ) : (
            <>
              <label htmlFor="export-progress">
                Đang xuất {formatCount(exporting.progress.done)} / {formatCount(exporting.progress.total)} dòng
              </label>
              <progress id="export-progress" max={exporting.progress.total} value={exporting.progress.done} />
            </>
          )}
        </div>
      )}
      {lastExport && (
        <p className="export-bar__done" role="status" data-testid="export-done">
          Đã xuất tệp <strong>{lastExport.fileName}</strong> ({sizeText(lastExport.bytes)}, {formatCount(lastExport.rows)} dòng) — lưu tại <code>{lastExport.path}</code>.
          {lastExport.personalData && <span className="export-bar__warning"> Tệp chứa dữ liệu cá nhân: giữ kín, không gửi ra ngoài.</span>}
        </p>
      )}
      {exportError && <ErrorNotice error={exportError} context="Không xuất được tệp." />}
      {delivery?.kind === 'saved' && (
        <p className="export-bar__done" role="status" data-testid="export-saved">
          Đã lưu bản sao tại <code>{delivery.path}</code>.
        </p>
      )}
      {delivery?.kind === 'failed' && <ErrorNotice error={delivery.error} context="Không lưu được tệp báo cáo." />}
      {delivery?.kind === 'notDownloaded' && <p className="export-bar__warning">Tệp đã được lưu trên máy nhưng trình duyệt không tải về được: {delivery.path}</p>}
    </div>
  );
}
