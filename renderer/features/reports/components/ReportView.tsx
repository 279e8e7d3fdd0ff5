import type { ReportHeader } from '../../../../shared/contract/reports.js';
import { periodTitle } from '../../../../shared/domain/reports/report-period.js';
import { holdsPersonalData, PERSONAL_DATA_NOTICE, REPORT_TITLES } from '../../../../shared/domain/reports/report-kinds.js';
import { logBookTable, overdueTable, satisfactionTable } from '../../../../shared/domain/reports/report-tables.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { ScrollRegion } from '../../../ui/ScrollRegion.js';
import type { ReportView as View } from '../store/reports-store.js';
import { Bieu06Table } from './Bieu06Table.js';
import { DailyTallyView } from './DailyTallyView.js';
import { FlatReportTable } from './FlatReportTable.js';
import { formatCount } from './format-cell.js';

function headerOf(view: View): ReportHeader {
  return view.kind === 'dailyTally' ? view.header : view.result.header;
}

function periodLine(view: View): string {
  switch (view.kind) {
    case 'overdue':
      return `Tại thời điểm ${formatDateTime(view.result.asOf)}`;
    case 'dailyTally':
      return `Kỳ báo cáo: ${periodTitle({ from: view.date, to: view.date })}`;
    case 'logBook':
      return `Kỳ báo cáo: ${periodTitle(view.result.period)}`;
    default:
      return `Kỳ báo cáo: ${periodTitle(view.result.period)}`;
  }
}

/** The title block, as on the paper form: shown on screen and printed at the top of the page. */
function TitleBlock({ view }: { view: View }) {
  const header = headerOf(view);
  return (
    <header className="report-title">
      <div className="report-title__top print-only">
        <p>
          <strong>UBND {header.unitName.toUpperCase()}</strong>
          <br />
          <strong className="report-title__underlined">BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ</strong>
        </p>
        <p>
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <br />
          <strong className="report-title__underlined">Độc lập - Tự do - Hạnh phúc</strong>
          {view.kind === 'bieu06' && (
            <>
              <br />
              <em>Biểu số 06/VPCP/KSTT</em>
            </>
          )}
        </p>
      </div>
      <h3 className="report-title__name">{REPORT_TITLES[view.kind]}</h3>
      <p className="report-title__period" data-testid="report-period">
        {periodLine(view)}
      </p>
      <p className="report-title__unit">Đơn vị báo cáo: {header.unitName}</p>
      {holdsPersonalData(view.kind) && (
        <p className="report-title__personal" role="note">
          {PERSONAL_DATA_NOTICE}
        </p>
      )}
    </header>
  );
}

export function ReportBody({ view }: { view: View }) {
  switch (view.kind) {
    case 'bieu06':
      return (
        <>
          {view.result.problems.length > 0 && (
            <p className="report-warning" role="alert">
              Số liệu không khớp giữa các cột: {view.result.problems.join('; ')}
            </p>
          )}
          <ScrollRegion className="report-table__scroll" label="Bảng số liệu Biểu 06">
            <Bieu06Table report={view.result} />
          </ScrollRegion>
          <p className="report-note">
            Đơn vị tính: hồ sơ. So sánh theo ngày (không theo giờ); hồ sơ rút và dừng xử lý tính là đúng hạn; phiếu xin lỗi (mẫu 04) không làm thay đổi hạn giải quyết.
          </p>
        </>
      );
    case 'dailyTally':
      return <DailyTallyView date={view.date} tally={view.tally} />;
    case 'satisfaction':
      return view.result.units.length === 0 ? (
        <p className="report-empty">Không có lượt đánh giá nào trong kỳ này.</p>
      ) : (
        <>
          <FlatReportTable table={satisfactionTable(view.result)} caption="Mức độ hài lòng theo đơn vị và cán bộ tiếp nhận" testId="satisfaction-table" />
          <p className="report-note">Tỷ lệ tính trên số lượt có đánh giá; lượt công dân không đánh giá được ghi riêng.</p>
        </>
      );
    case 'logBook':
      return view.result.total === 0 ? (
        <p className="report-empty">Không có hồ sơ nào được tiếp nhận trong kỳ này.</p>
      ) : (
        <>
          {view.result.total > view.result.rows.length && (
            <p className="report-note">
              Màn hình hiển thị {formatCount(view.result.rows.length)} / {formatCount(view.result.total)} dòng đầu; tệp xuất có đủ {formatCount(view.result.total)} dòng.
            </p>
          )}
          <FlatReportTable table={logBookTable(view.result)} caption="Sổ theo dõi hồ sơ" testId="log-book-table" />
        </>
      );
    case 'overdue':
      return (
        <>
          <p className="report-summary">
            <strong>{formatCount(view.result.overdue)}</strong> hồ sơ quá hạn · <strong>{formatCount(view.result.dueSoon)}</strong> hồ sơ đến hạn trong 24 giờ
          </p>
          {view.result.rows.length === 0 ? (
            <p className="report-empty">Không có hồ sơ nào quá hạn hoặc sắp đến hạn.</p>
          ) : (
            <FlatReportTable table={overdueTable(view.result)} caption="Hồ sơ quá hạn và sắp đến hạn" testId="overdue-table" />
          )}
        </>
      );
  }
}

export function ReportView({ view }: { view: View }) {
  return (
    <article className="report-sheet" aria-label={REPORT_TITLES[view.kind]}>
      <TitleBlock view={view} />
      <ReportBody view={view} />
      <footer className="report-signatures print-only">
        <p>
          <strong>NGƯỜI LẬP BIỂU</strong>
        </p>
        <p>
          <strong>THỦ TRƯỞNG ĐƠN VỊ</strong>
          <br />
          <em>(Ký, ghi rõ họ tên, đóng dấu)</em>
        </p>
      </footer>
    </article>
  );
}
