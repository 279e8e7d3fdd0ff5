import { useEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  /** Prefix of the title's id (`<id>-title`), which labels the dialog. */
  id: string;
  title: ReactNode;
  /** Ids of the elements that explain what confirming does (read out when the dialog opens). */
  describedBy: string;
  className: string;
  testId: string;
  /** Esc, or the cancel button the caller renders. */
  onCancel(): void;
  /** Enter in a field, or the submit button the caller renders. */
  onSubmit(): void;
  /** Leave the fields' checks to the core's refusal, shown next to each field. */
  noValidate?: boolean;
  children: ReactNode;
}

/**
 * A confirmation as a modal <dialog>: focus stays inside, Esc cancels, Enter submits. The control marked
 * `data-autofocus` takes the focus when it opens (showModal would otherwise focus the first control, which
 * is not always the safe answer).
 */
export function ModalDialog({ id, title, describedBy, className, testId, onCancel, onSubmit, noValidate, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    element?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={`${id}-title`}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid={testId}
    >
      <form
        method="dialog"
        noValidate={noValidate}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <h3 id={`${id}-title`}>{title}</h3>
        {children}
      </form>
    </dialog>
  );
}
