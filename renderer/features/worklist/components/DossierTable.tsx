import { useCallback, type KeyboardEvent, type ReactNode } from 'react';
import { receptionStatusLabel, referenceInPlaceOfCode } from '../../../../shared/domain/dossier/reception.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { Icon } from '../../../ui/Icon.js';
import { VirtualRows } from '../../../ui/VirtualRows.js';
import type { RowRange } from '../store/worklist-store.js';
import { rowAt } from '../store/worklist-store.js';
import { useWorklistStore } from '../store/worklist-store-context.js';
import { deadlineLabel } from './row-labels.js';

// Dense enough for 12 rows on a 1366×768 laptop, tall enough to read and click (the CSS agrees).
export const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 34;
// PageUp/PageDown move by about one screen of rows.
const PAGE_STEP = 10;

const rowId = (index: number): string => `worklist-row-${index}`;

const COLUMNS = ['Mã hồ sơ', 'Người nộp', 'Thủ tục', 'Tiếp nhận', 'Hẹn trả', 'Trạng thái', 'Hạn xử lý'];
const SYNC_COLUMN = 'Đồng bộ';
// A dossier turned back at the counter has no code: the row shows the reference printed on form 02.
const REFERENCE_TITLE = 'Số tham chiếu trên phiếu yêu cầu bổ sung (mẫu 02): hồ sơ chưa được tiếp nhận, chưa cấp mã';
// A dossier set aside for a taken code shows the code its receipt holds (the deadline column says why).
const SET_ASIDE_TITLE = 'Mã này đã thuộc một hồ sơ khác của đơn vị: cán bộ giám sát cần cấp mã mới cho hồ sơ này';

/**
 * The work list: a windowed grid (only the rows on screen exist), arrow keys move the selection,
 * Enter opens the dossier. Rows not fetched yet show a placeholder until their page arrives.
 */
export function DossierTable({ onOpen, renderSyncState }: { onOpen(dossierId: string): void; renderSyncState?: ((dossierId: string) => ReactNode) | undefined }) {
  const rowCount = useWorklistStore((state) => state.rowCount);
  const pages = useWorklistStore((state) => state.pages);
  const selectedIndex = useWorklistStore((state) => state.selectedIndex);
  const queryVersion = useWorklistStore((state) => state.queryVersion);
  const total = useWorklistStore((state) => state.total);
  const ensureRange = useWorklistStore((state) => state.ensureRange);
  const select = useWorklistStore((state) => state.select);
  const moveSelection = useWorklistStore((state) => state.moveSelection);
  const onRangeChange = useCallback((range: RowRange) => ensureRange(range), [ensureRange]);

  const openAt = (index: number): void => {
    const row = rowAt({ pages }, index);
    if (row) onOpen(row.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveSelection(1),
      ArrowUp: () => moveSelection(-1),
      PageDown: () => moveSelection(PAGE_STEP),
      PageUp: () => moveSelection(-PAGE_STEP),
      Home: () => select(0),
      End: () => select(rowCount - 1),
      Enter: () => openAt(selectedIndex),
    };
    const move = moves[event.key];
    if (!move || event.ctrlKey || event.altKey) return;
    event.preventDefault();
    move();
  };

  const header = (
    <div role="rowgroup" className="worklist-grid__head">
      <div role="row" aria-rowindex={1} className="worklist-grid__row worklist-grid__row--head">
        {[...COLUMNS, ...(renderSyncState ? [SYNC_COLUMN] : [])].map((label) => (
          <div key={label} role="columnheader" className="worklist-grid__cell">
            {label}
          </div>
        ))}
      </div>
    </div>
  );

  const renderRow = (index: number, top: number) => {
    const row = rowAt({ pages }, index);
    const selected = index === selectedIndex;
    const style = { position: 'absolute' as const, top, left: 0, right: 0, height: ROW_HEIGHT };
    if (!row) {
      return (
        <div key={index} id={rowId(index)} role="row" aria-rowindex={index + 2} aria-selected={selected} className="worklist-grid__row worklist-grid__row--loading" style={style}>
          <div role="gridcell" className="worklist-grid__cell">
            Đang tải…
          </div>
        </div>
      );
    }
    const deadline = deadlineLabel(row);
    const reference = referenceInPlaceOfCode(row);
    return (
      <div
        key={index}
        id={rowId(index)}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        className={`worklist-grid__row worklist-grid__row--${deadline.tone}${selected ? ' worklist-grid__row--selected' : ''}`}
        style={style}
        data-testid="worklist-row"
        onClick={() => {
          select(index);
          onOpen(row.id);
        }}
      >
        {row.code === null && row.setAsideCode !== null ? (
          <div role="gridcell" className="worklist-grid__cell worklist-grid__code worklist-grid__code--set-aside" title={SET_ASIDE_TITLE}>
            {row.setAsideCode}
          </div>
        ) : (
          <div role="gridcell" className="worklist-grid__cell worklist-grid__code" title={reference === null ? undefined : REFERENCE_TITLE}>
            {row.code ?? reference ?? '(không cấp mã)'}
          </div>
        )}
        <div role="gridcell" className="worklist-grid__cell">
          {row.applicantName}
        </div>
        <div role="gridcell" className="worklist-grid__cell" title={row.procedureName}>
          {row.procedureName}
        </div>
        <div role="gridcell" className="worklist-grid__cell worklist-grid__time">
          {row.receivedAt ? formatDateTime(row.receivedAt) : '—'}
        </div>
        <div role="gridcell" className="worklist-grid__cell worklist-grid__time">
          {row.appointmentAt ? formatDateTime(row.appointmentAt) : '—'}
        </div>
        <div role="gridcell" className="worklist-grid__cell">
          {receptionStatusLabel(row)}
        </div>
        <div role="gridcell" className={`worklist-grid__cell worklist-grid__deadline worklist-grid__deadline--${deadline.tone}`}>
          {deadline.icon && <Icon name={deadline.icon} />}
          {deadline.text}
        </div>
        {renderSyncState && (
          <div role="gridcell" className="worklist-grid__cell worklist-grid__sync">
            {renderSyncState(row.id)}
          </div>
        )}
      </div>
    );
  };

  const activeRowLoaded = rowCount > 0;
  return (
    <div className={renderSyncState ? 'worklist-grid__frame worklist-grid__frame--sync' : 'worklist-grid__frame'}>
      <VirtualRows
        key={queryVersion}
        className="worklist-grid"
        rowCount={rowCount}
        rowHeight={ROW_HEIGHT}
        header={header}
        headerHeight={HEADER_HEIGHT}
        revealIndex={activeRowLoaded ? selectedIndex : -1}
        onRangeChange={onRangeChange}
        renderRow={renderRow}
        bodyRole="rowgroup"
        containerProps={{
          id: 'worklist-grid',
          role: 'grid',
          tabIndex: 0,
          'aria-label': 'Danh sách hồ sơ',
          'aria-rowcount': rowCount + 1,
          'aria-readonly': true,
          'aria-activedescendant': activeRowLoaded ? rowId(selectedIndex) : undefined,
          'data-testid': 'worklist-grid',
          onKeyDown,
        }}
      />
      {total === 0 && <p className="worklist-grid__empty">Không có hồ sơ nào phù hợp.</p>}
    </div>
  );
}
