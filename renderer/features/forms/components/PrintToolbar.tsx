import { useEffect, useRef, type ReactNode } from 'react';

interface PrintToolbarProps {
  title: string;
  /** False while the form is loading or cannot be printed. */
  canPrint: boolean;
  onClose: () => void;
  /** Controls that choose what to print (the log book's dates), shown before the buttons. */
  children?: ReactNode;
}

/**
 * "In" and "Đóng", on screen only (the print stylesheet hides the bar). window.print() opens the print
 * dialog: in Chromium and Electron alike it offers the desk's printers and "Save as PDF".
 */
export function PrintToolbar({ title, canPrint, onClose, children }: PrintToolbarProps) {
  const printButton = useRef<HTMLButtonElement>(null);

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

  return (
    <div className="print-toolbar" role="toolbar" aria-label="Bản in">
      <h1 className="print-toolbar__title">{title}</h1>
      {children}
      <button ref={printButton} type="button" className="button" disabled={!canPrint} onClick={() => window.print()} aria-keyshortcuts="Control+P">
        In
      </button>
      <button type="button" className="button button--secondary" onClick={onClose} aria-keyshortcuts="Escape">
        Đóng
      </button>
      <p className="print-toolbar__hint">
        Ctrl+P để in, Esc để đóng. Muốn lưu thành tệp PDF: chọn “Lưu dưới dạng PDF” ở mục máy in trong hộp thoại in.
      </p>
    </div>
  );
}
