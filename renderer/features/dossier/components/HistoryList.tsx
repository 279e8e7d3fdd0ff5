import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { describeHistory } from './describe-history.js';
import { capitalise } from './labels.js';

/** Every fact of the dossier, oldest first: who did what, when. */
export function HistoryList({ detail }: { detail: DossierDetail }) {
  return (
    <section className="panel" aria-labelledby="dossier-history-title">
      <h3 id="dossier-history-title" className="panel__title">
        Quá trình xử lý
      </h3>
      <ol className="history" data-testid="dossier-history">
        {detail.history.map((entry) => (
          <li key={entry.eventId} className="history__entry">
            <time className="history__when" dateTime={entry.occurredAt}>
              {formatDateTime(entry.occurredAt)}
            </time>
            <span className="history__what">{capitalise(entry.label)}</span>
            <span className="history__who">{entry.recordedBy.fullName ?? 'Cán bộ (chưa đồng bộ tên)'}</span>
            {describeHistory(entry) && <span className="history__detail">{describeHistory(entry)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
