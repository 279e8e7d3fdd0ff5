import { useEffect, useState, type ReactNode } from 'react';
import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import type { DossierEventType } from '../../../../shared/domain/dossier/events.js';
import { isAwaitingCounterSupplement } from '../../../../shared/domain/dossier/reception.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { Kbd } from '../../../ui/Kbd.js';
import { useShortcut } from '../../../ui/use-shortcut.js';
import { useDossierStore } from '../store/dossier-store-context.js';
import { ActionForm } from './ActionForms.js';
import { CodeConflictPanel } from './CodeConflictPanel.js';
import { DocumentsReceived } from './DocumentsReceived.js';
import { DossierSummary } from './DossierSummary.js';
import { HistoryList } from './HistoryList.js';
import { ACTION_BUTTONS, DONE_MESSAGES } from './labels.js';
import { FORM_TITLES, printableForms, type DossierFormNumber } from './print-forms.js';
import './dossier.css';
import { Icon } from '../../../ui/Icon.js';

// Hand-back and rating happen on their own screen, with the citizen; the rest open a form here.
const OWN_SCREEN: readonly DossierEventType[] = ['result.handedBack', 'satisfaction.rated'];

interface DossierPageProps {
  dossierId: string;
  /** A supervisor may give a dossier set aside for a taken code a new one; an officer is told to ask. */
  isSupervisor: boolean;
  onBack(): void;
  onPrint(form: DossierFormNumber): void;
  onHandBack(): void;
  /** The scans of this dossier (the attachments feature), composed in by the app. */
  renderAttachments(detail: DossierDetail): ReactNode;
  /** Whether this dossier's changes reached the centre (the sync feature), composed in by the app. */
  renderSyncState?(dossierId: string): ReactNode;
}

/** One dossier: summary, papers, history, and only the actions its state allows. */
export function DossierPage({ dossierId, isSupervisor, onBack, onPrint, onHandBack, renderAttachments, renderSyncState }: DossierPageProps) {
  const detail = useDossierStore((state) => (state.dossierId === dossierId ? state.detail : null));
  const status = useDossierStore((state) => state.status);
  const error = useDossierStore((state) => state.error);
  const lastDone = useDossierStore((state) => state.lastDone);
  const load = useDossierStore((state) => state.load);
  const follow = useDossierStore((state) => state.follow);
  const clearAction = useDossierStore((state) => state.clearAction);
  const [open, setOpen] = useState<DossierEventType | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The return of a dossier turned back at the counter is its receipt: form 01 follows at once, as at intake.
  const [receiptFollows, setReceiptFollows] = useState(false);

  // The app mounts one page per dossier (keyed by id), so the panel state starts fresh with each.
  useEffect(() => {
    void load(dossierId);
  }, [dossierId, load]);
  useEffect(() => follow(), [follow]);
  useShortcut('back', onBack, open === null);

  const start = (action: DossierEventType): void => {
    clearAction();
    setDone(null);
    setReceiptFollows(action === 'supplement.received' && detail !== null && isAwaitingCounterSupplement(detail.state));
    if (OWN_SCREEN.includes(action)) onHandBack();
    else setOpen(action);
  };
  const finish = (): void => {
    if (receiptFollows) return onPrint('01');
    setDone(open ? (DONE_MESSAGES[open] ?? 'Đã lưu.') : null);
    setOpen(null);
    window.setTimeout(() => document.getElementById('dossier-actions-title')?.focus(), 0);
  };
  const cancel = (): void => {
    clearAction();
    setOpen(null);
  };

  if (detail === null) {
    return (
      <section className="dossier" aria-labelledby="dossier-loading-title">
        <h2 id="dossier-loading-title" className="screen-header__title">
          Hồ sơ
        </h2>
        {status === 'loading' && <p role="status">Đang tải hồ sơ…</p>}
        {error && <ErrorNotice error={error} context="Không mở được hồ sơ." onRetry={() => void load(dossierId)} />}
        <button type="button" className="button button--secondary" onClick={onBack}>
          Về danh sách <Kbd keys="Esc" />
        </button>
      </section>
    );
  }

  const actions = detail.allowedActions.filter((action) => ACTION_BUTTONS[action] !== undefined);
  // A dossier set aside for a taken code prints nothing carrying that code until it has a new one.
  const forms = detail.codeConflict === null ? printableForms(detail.state) : [];
  // After an apology or a supplement request the paper for the citizen is the next thing to do.
  const followUp: DossierFormNumber | null = lastDone === 'dossiers.reschedule' ? '04' : lastDone === 'dossiers.requestSupplement' ? '02' : null;
  return (
    <div className="dossier">
      <div className="screen-header">
        <button type="button" className="button button--secondary" onClick={onBack}>
          ← Về danh sách <Kbd keys="Esc" />
        </button>
        {error && <ErrorNotice error={error} context="Không tải lại được hồ sơ." onRetry={() => void load(dossierId)} />}
      </div>
      <DossierSummary detail={detail} syncBadge={renderSyncState?.(dossierId)} />
      <CodeConflictPanel detail={detail} isSupervisor={isSupervisor} onReprintReceipt={() => onPrint('01')} />
      <section className="panel dossier-actions" aria-labelledby="dossier-actions-title">
        <h3 id="dossier-actions-title" className="panel__title" tabIndex={-1}>
          Thao tác
        </h3>
        {done && (
          <p className="dossier-actions__done" role="status">
            <Icon name="check" /> 
            {done}
            {followUp && forms.includes(followUp) && (
              <button type="button" className="button" onClick={() => onPrint(followUp)} data-testid="dossier-print-follow-up">
                In {FORM_TITLES[followUp].charAt(0).toLocaleLowerCase('vi') + FORM_TITLES[followUp].slice(1)}
              </button>
            )}
          </p>
        )}
        <div className="dossier-actions__buttons" role="group" aria-label="Thao tác được phép ở trạng thái này">
          {actions.length === 0 && <p>Hồ sơ ở trạng thái này không còn thao tác nào.</p>}
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'result.handedBack' ? 'button' : 'button button--secondary'}
              aria-pressed={open === action}
              onClick={() => start(action)}
              data-action={action}
            >
              {ACTION_BUTTONS[action]}
            </button>
          ))}
        </div>
        {open && <ActionForm action={open} facts={detail.state} onDone={finish} onCancel={cancel} />}
        {forms.length > 0 && (
          <div className="dossier-actions__print" role="group" aria-label="In biểu mẫu">
            <span className="dossier-actions__print-label">In:</span>
            {forms.map((form) => (
              <button key={form} type="button" className="button button--secondary" onClick={() => onPrint(form)}>
                {FORM_TITLES[form]}
              </button>
            ))}
          </div>
        )}
      </section>
      <div className="dossier__columns">
        <DocumentsReceived detail={detail} />
        <HistoryList detail={detail} />
      </div>
      {renderAttachments(detail)}
    </div>
  );
}
