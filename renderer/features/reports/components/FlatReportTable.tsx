import type { FlatTable } from '../../../../shared/domain/reports/report-tables.js';
import { ScrollRegion } from '../../../ui/ScrollRegion.js';
import { formatCell } from './format-cell.js';

/** Any report as its flat table (the same columns and labels as the CSV file). */
export function FlatReportTable({ table, caption, testId }: { table: FlatTable; caption: string; testId: string }) {
  return (
    <ScrollRegion className="report-table__scroll" label={caption}>
      <table className="report-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              // Text columns keep a readable width; the table scrolls sideways rather than squeeze them.
              <th key={column.label} scope="col" style={column.kind === 'text' ? { minWidth: `${Math.round(Math.min(column.width, 36) * 0.6)}ch` } : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i} className={`report-table__cell--${table.columns[i]!.kind}`}>
                  {formatCell(cell, table.columns[i]!.kind)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.total !== null && (
          <tfoot>
            <tr className="report-table__total">
              {table.total.map((cell, i) => (
                <td key={i} className={`report-table__cell--${table.columns[i]!.kind}`}>
                  {typeof cell === 'string' ? cell : formatCell(cell, table.columns[i]!.kind)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </ScrollRegion>
  );
}
