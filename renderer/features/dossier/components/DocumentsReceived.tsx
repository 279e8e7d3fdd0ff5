import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { DOCUMENT_FORM_LABELS } from './labels.js';
import { Icon } from '../../../ui/Icon.js';

/** The papers received at the desk (form 01's table). */
export function DocumentsReceived({ detail }: { detail: DossierDetail }) {
  const docs = detail.state.documents;
  const open = detail.state.supplements.find((round) => round.receivedAt === null);
  return (
    <section className="panel" aria-labelledby="dossier-docs-title">
      <h3 id="dossier-docs-title" className="panel__title">
        Giấy tờ đã nhận
      </h3>
      {docs.length === 0 ? (
        <p>Không có giấy tờ nào được ghi nhận.</p>
      ) : (
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Tên giấy tờ</th>
              <th scope="col">Hình thức</th>
              <th scope="col">Số lượng</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((doc, index) => (
              <tr key={doc.itemId}>
                <td>{index + 1}</td>
                <td>{doc.name}</td>
                <td>{DOCUMENT_FORM_LABELS[doc.form]}</td>
                <td>{doc.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <p className="dossier__pending-supplement">
          <Icon name="warning" /> Đang chờ bổ sung: {open.items.join(', ')} — {open.reason}
        </p>
      )}
    </section>
  );
}
