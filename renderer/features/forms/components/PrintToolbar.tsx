import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import { callShell } from '../../../backend/shell-call.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';

interface PrintToolbarProps {
  title: string;
  /** False while the form is loading or cannot be printed. */
  canPrint: boolean;
  onClose: () => void;
  /** Controls that choose what to print (the log book's dates), shown before the buttons. */
  children?: ReactNode;
}

type PdfState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; path: string } | { state: 'failed'; error: CommandErrorData };

/**
 * "In" and "Đóng", on screen only (the print stylesheet hides the bar). window.print() opens the print
 * dialog with the desk's printers. In the Electron window "Lưu PDF" also asks the main process to
 * print the page to an A4 PDF (the same print stylesheet) and save it where the officer chooses; the
 * browser's own print dialog offers "Save as PDF" instead.
 */
export function PrintToolbar({ title, canPrint, onClose, children }: PrintToolbarProps) {
  const printButton = useRef<HTMLButtonElement>(null);
  const [pdf, setPdf] = useState<PdfState>({ state: 'idle' });
  const bridge = window.desk;

  // Keyboard-first: once the form is ready, Enter prints it; Escape closes the view from anywhere.
  useEffect(() => {
    if (canPrint) printButton.current?.focus();
  }, [canPrint]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const savePdf = async (): Promise<void> => {
    if (bridge === undefined) return;
    setPdf({ state: 'saving' });
    // The page's title is the form's file name (Mau-01-<code>), as the print dialog would offer it.
    const saved = await callShell(bridge, 'shell.savePdf', { fileName: `${document.title || 'ban-in'}.pdf` });
    if (!saved.ok) setPdf({ state: 'failed', error: saved.error });
    else setPdf(saved.value.saved ? { state: 'saved', path: saved.value.path } : { state: 'idle' });
  };

  return (
    <div className="print-toolbar" role="toolbar" aria-label="Bản in">
      <h1 className="print-toolbar__title">{title}</h1>
      {children}
      <button ref={printButton} type="button" className="button" disabled={!canPrint} onClick={() => window.print()} aria-keyshortcuts="Control+P">
        In
      </button>
      {bridge !== undefined && (
        <button type="button" className="button button--secondary" disabled={!canPrint || pdf.state === 'saving'} onClick={() => void savePdf()}>
          {pdf.state === 'saving' ? 'Đang lưu PDF…' : 'Lưu PDF'}
        </button>
      )}
      <button type="button" className="button button--secondary" onClick={onClose} aria-keyshortcuts="Escape">
        Đóng
      </button>
      <p className="print-toolbar__hint">
        {bridge === undefined
          ? 'Ctrl+P để in, Esc để đóng. Muốn lưu thành tệp PDF: chọn “Lưu dưới dạng PDF” ở mục máy in trong hộp thoại in.'
          : 'Ctrl+P để in, Esc để đóng. “Lưu PDF” lưu bản in khổ A4 thành tệp PDF ở nơi bạn chọn.'}
      </p>
      {pdf.state === 'saved' && (
        <p className="print-toolbar__hint" role="status" data-testid="print-pdf-saved">
          Đã lưu tệp PDF tại <code>{pdf.path}</code>.
        </p>
      )}
      {pdf.state === 'failed' && <ErrorNotice error={pdf.error} context="Không lưu được tệp PDF." />}
    </div>
  );
}
