import type { AttachmentList, ReuseCandidate } from '../../../../shared/contract/attachments.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { useAttachmentsStore } from '../store/attachments-store-context.js';
import { DIGITISATION_LABELS } from './labels.js';

interface DigitisationListProps {
  list: AttachmentList;
  targetItemId: string | null;
  onTarget(itemId: string): void;
  onOpen(attachmentId: string): void;
}

/** Each received paper and whether it is digitised, with its files and any "Dùng lại" offer. */
export function DigitisationList({ list, targetItemId, onTarget, onOpen }: DigitisationListProps) {
  const candidates = useAttachmentsStore((state) => state.candidates);
  const reuse = useAttachmentsStore((state) => state.reuse);
  const busy = useAttachmentsStore((state) => state.busy);

  if (list.digitisation.length === 0) return <p className="attachments__empty">Hồ sơ không ghi nhận giấy tờ nào theo danh mục.</p>;
  const done = list.digitisation.filter((item) => item.state !== 'not_digitised').length;
  return (
    <div className="attachments-checklist">
      <p className="attachments__hint" data-testid="digitised-count">
        Đã số hoá {done}/{list.digitisation.length} giấy tờ.
      </p>
      <table className="simple-table attachments-checklist__table">
        <thead>
          <tr>
            <th scope="col">Giấy tờ</th>
            <th scope="col">Số hoá</th>
            <th scope="col">Tệp</th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.digitisation.map((item) => {
            const offers = candidates.filter((c) => c.checklistItemId === item.itemId);
            const files = list.attachments.filter((a) => item.attachmentIds.includes(a.attachmentId));
            return (
              <tr key={item.itemId} data-testid={`checklist-${item.itemId}`} className={item.itemId === targetItemId ? 'attachments-checklist__row--target' : undefined}>
                <td>{item.name}</td>
                <td>
                  <span className={`digitisation-badge digitisation-badge--${item.state}`}>{DIGITISATION_LABELS[item.state]}</span>
                </td>
                <td>
                  {files.map((file) => (
                    <button key={file.attachmentId} type="button" className="attachments-checklist__file" onClick={() => onOpen(file.attachmentId)}>
                      {file.fileName}
                    </button>
                  ))}
                  {offers.map((offer) => (
                    <ReuseOffer key={offer.attachmentId} offer={offer} disabled={busy !== null} onReuse={() => void reuse(offer)} />
                  ))}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-pressed={item.itemId === targetItemId}
                    onClick={() => onTarget(item.itemId)}
                  >
                    Chọn để đính kèm<span className="visually-hidden"> vào: {item.name}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ReuseOffer({ offer, disabled, onReuse }: { offer: ReuseCandidate; disabled: boolean; onReuse(): void }) {
  const from = [offer.fromDossierCode ?? 'hồ sơ trước', offer.fromReceivedAt ? formatDateTime(new Date(offer.fromReceivedAt)) : null].filter(Boolean).join(', ');
  return (
    <span className="reuse-offer">
      <span className="reuse-offer__text">
        Đã có bản số hoá: {offer.fileName} ({offer.pages} trang, {from})
      </span>
      <button type="button" className="button button--secondary" disabled={disabled} onClick={onReuse} data-testid="reuse-offer">
        Dùng lại
      </button>
    </span>
  );
}
