import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { DeskClient } from '../../../../shared/contract/commands.js';
import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { localDateOf } from '../../../../shared/domain/calendar/vietnam-time.js';
import { referenceInPlaceOfCode } from '../../../../shared/domain/dossier/reception.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { useFormFontReady } from '../hooks/use-form-font.js';
import { formProblem } from '../model/form-availability.js';
import { FORM_TITLES, type FormNumber } from '../model/form-labels.js';
import { createPrintStore, type PrintRequest } from '../store/print-store.js';
import { ApologyForm } from './ApologyForm.js';
import { ControlSheetForm } from './ControlSheetForm.js';
import { LogBookForm } from './LogBookForm.js';
import { LogBookRangeForm } from './LogBookRangeForm.js';
import { PrintToolbar } from './PrintToolbar.js';
import { ReceiptForm } from './ReceiptForm.js';
import { RefusalForm } from './RefusalForm.js';
import { SupplementRequestForm } from './SupplementRequestForm.js';
import './print-forms.css';

export type { FormNumber } from '../model/form-labels.js';

export interface PrintPageProps {
  form: FormNumber;
  /** Forms 01–05: the dossier's id (a ULID). */
  dossierId?: string;
  /** Form 06: first and last day received, 'yyyy-MM-dd' in Vietnam; both default to today. */
  from?: string;
  to?: string;
  /** The app's backend (a DeskBackend is a DeskClient): where the view reads the dossier. */
  backend: DeskClient;
  /** What "Đóng" (and Esc) does; by default the view goes back to the previous screen. */
  onClose?: () => void;
}

function requestOf({ form, dossierId, from, to }: PrintPageProps, today: string): PrintRequest | null {
  if (form === '06') return { kind: 'logBook', from: from ?? to ?? today, to: to ?? from ?? today };
  return dossierId === undefined || dossierId === '' ? null : { kind: 'dossier', dossierId };
}

function goBack(): void {
  if (window.history.length > 1) window.history.back();
  else window.location.hash = '#/';
}

function DossierForm({ form, detail, centreUrl, deskPhone }: { form: Exclude<FormNumber, '06'>; detail: DossierDetail; centreUrl: string | null; deskPhone: string | null }) {
  switch (form) {
    case '01':
      return <ReceiptForm detail={detail} centreUrl={centreUrl} deskPhone={deskPhone} />;
    case '02':
      return <SupplementRequestForm detail={detail} deskPhone={deskPhone} />;
    case '03':
      return <RefusalForm detail={detail} deskPhone={deskPhone} />;
    case '04':
      return <ApologyForm detail={detail} />;
    case '05':
      return <ControlSheetForm detail={detail} />;
  }
}

/**
 * The print view of one official form (Circular 01/2018/TT-VPCP): a toolbar on screen, A4 sheets below.
 * Printing goes through window.print(), which in Electron opens the main process's print dialog (with
 * "Save as PDF") and in a browser its own; the print stylesheet leaves only the sheets on paper.
 * Mount it at `#/in/<form>/<dossierId>` (and `#/in/06?from=…&to=…`), inside or outside the app frame.
 */
export function PrintPage(props: PrintPageProps) {
  const { form, backend, onClose } = props;
  const [store] = useState(() => createPrintStore(backend));
  const [openedAt] = useState(() => new Date().toISOString());
  const status = useStore(store, (state) => state.status);
  const detail = useStore(store, (state) => state.detail);
  const deskPhone = useStore(store, (state) => state.deskPhone);
  const logBook = useStore(store, (state) => state.logBook);
  const centreUrl = useStore(store, (state) => state.centreUrl);
  const progress = useStore(store, (state) => state.progress);
  const error = useStore(store, (state) => state.error);
  const load = useStore(store, (state) => state.load);
  const fontReady = useFormFontReady();

  const request = requestOf(props, localDateOf(openedAt));
  const requestKey = JSON.stringify(request);
  const reload = useCallback(() => {
    const current = JSON.parse(requestKey) as PrintRequest | null;
    if (current !== null) void load(current);
  }, [load, requestKey]);
  useEffect(reload, [reload]);

  const close = useCallback(() => (onClose ?? goBack)(), [onClose]);

  const problem = form !== '06' && detail !== null ? formProblem(form, detail.state) : null;
  const ready = status === 'loaded' && problem === null && (form === '06' ? logBook !== null : detail !== null);
  // "In" waits for the forms' font too: a page printed before it arrives would break lines elsewhere.
  const canPrint = ready && fontReady;
  // A dossier turned back at the counter has no code yet: its form 02 is named by its reference.
  const subject = form === '06' || detail === null ? null : (detail.state.code ?? referenceInPlaceOfCode(detail.state));
  const title = `Mẫu ${form}: ${FORM_TITLES[form]}${subject ? ` — ${subject}` : ''}`;

  // The document title becomes the file name the print dialog offers for "Save as PDF".
  useEffect(() => {
    const previous = document.title;
    document.title = subject ? `Mau-${form}-${subject}` : `Mau-${form}`;
    return () => {
      document.title = previous;
    };
  }, [form, subject]);

  return (
    <div className="print-view" aria-busy={status === 'loading'}>
      <PrintToolbar title={title} canPrint={canPrint} onClose={close}>
        {request?.kind === 'logBook' && <LogBookRangeForm key={requestKey} from={request.from} to={request.to} />}
      </PrintToolbar>
      {(request === null || status === 'loading' || problem !== null) && (
        <div className="print-status" role="status">
          {request === null && <p>Chưa chọn hồ sơ để in.</p>}
          {request !== null && status === 'loading' && (
            <p>{progress ? `Đang tải hồ sơ ${progress.loaded}/${progress.total}…` : 'Đang tải dữ liệu để in…'}</p>
          )}
          {problem !== null && <p>{problem}</p>}
        </div>
      )}
      {status === 'failed' && error && (
        <div className="print-status">
          <ErrorNotice error={error} context="Không lập được bản in." onRetry={reload} />
        </div>
      )}
      {ready && (
        <div className="print-sheets">
          {form === '06' && logBook !== null && <LogBookForm logBook={logBook} printedAt={openedAt} />}
          {form !== '06' && detail !== null && <DossierForm form={form} detail={detail} centreUrl={centreUrl} deskPhone={deskPhone} />}
        </div>
      )}
    </div>
  );
}
