import { useState } from 'react';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import { callShell } from '../../../backend/shell-call.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';

/**
 * "Chọn thư mục…": in the Electron window, the native folder dialog (shell.pickFolder, through main);
 * the chosen path fills the field, which the core checks when it is saved or listed. In the browser
 * preview there is no such dialog: the path is typed.
 */
export function PickFolderButton({ title, onPicked }: { title: string; onPicked: (folder: string) => void }) {
  const bridge = window.desk;
  const [error, setError] = useState<CommandErrorData | null>(null);
  if (bridge === undefined) return null;
  const pick = async (): Promise<void> => {
    const picked = await callShell(bridge, 'shell.pickFolder', { title });
    if (!picked.ok) return setError(picked.error);
    setError(null);
    if (picked.value.folder !== null) onPicked(picked.value.folder);
  };
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => void pick()} data-testid="pick-folder">
        Chọn thư mục…
      </button>
      {error && <ErrorNotice error={error} context="Không mở được hộp chọn thư mục." />}
    </>
  );
}
