import type { KeyboardEvent, ReactNode } from 'react';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { Kbd } from '../../../ui/Kbd.js';
import { useShortcut } from '../../../ui/use-shortcut.js';
import { useDossierStore } from '../store/dossier-store-context.js';

interface ActionPanelProps {
  title: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  danger?: boolean;
  children?: ReactNode;
}

/** The frame of one action's form: its fields, the error from the core, confirm (Ctrl+Enter) and cancel (Esc). */
export function ActionPanel({ title, confirmLabel, onConfirm, onCancel, danger, children }: ActionPanelProps) {
  const busy = useDossierStore((state) => state.busy);
  const error = useDossierStore((state) => state.actionError);
  useShortcut('confirm', onConfirm, !busy);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault(); // closes the panel only; the page's Esc (back to the list) must not fire
    onCancel();
  };
  return (
    <section className="action-panel" aria-labelledby="action-panel-title" onKeyDown={onKeyDown}>
      <h3 id="action-panel-title" className="action-panel__title">
        {title}
      </h3>
      <div className="action-panel__fields">{children}</div>
      {error && <ErrorNotice error={error} context="Chưa lưu được; thông tin đã nhập vẫn giữ nguyên." />}
      <div className="action-panel__buttons">
        <button type="button" className={danger ? 'button button--danger' : 'button'} onClick={onConfirm} disabled={busy} data-testid="action-confirm">
          {busy ? 'Đang lưu…' : confirmLabel} <Kbd keys="Ctrl+Enter" />
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Huỷ <Kbd keys="Esc" />
        </button>
      </div>
    </section>
  );
}
