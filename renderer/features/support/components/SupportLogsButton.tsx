import { useState } from 'react';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import { callShell } from '../../../backend/shell-call.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';

type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; path: string } | { state: 'failed'; error: CommandErrorData };

/**
 * "Lưu nhật ký để gửi hỗ trợ": in the Electron window, main zips the recent logs with the app and OS
 * versions and saves the file where the officer chooses (shell.saveSupportLogs). The logs hold no
 * citizen's data. In the browser preview there are no desk logs to save: the section is not shown.
 */
export function SupportLogsButton() {
  const bridge = window.desk;
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  if (bridge === undefined) return null;

  const saveLogs = async (): Promise<void> => {
    setSave({ state: 'saving' });
    const saved = await callShell(bridge, 'shell.saveSupportLogs', {});
    if (!saved.ok) setSave({ state: 'failed', error: saved.error });
    else setSave(saved.value.saved ? { state: 'saved', path: saved.value.path } : { state: 'idle' });
  };

  return (
    <section className="panel" aria-labelledby="support-logs-title">
      <h2 id="support-logs-title">Hỗ trợ kỹ thuật</h2>
      <p>Khi ứng dụng gặp sự cố, hãy lưu nhật ký rồi gửi tệp cho bộ phận hỗ trợ. Tệp không chứa thông tin cá nhân của công dân.</p>
      <button type="button" className="button button--secondary" disabled={save.state === 'saving'} onClick={() => void saveLogs()}>
        {save.state === 'saving' ? 'Đang lưu nhật ký…' : 'Lưu nhật ký để gửi hỗ trợ'}
      </button>
      {save.state === 'saved' && <p role="status">Đã lưu: {save.path}</p>}
      {save.state === 'failed' && <ErrorNotice error={save.error} onRetry={() => void saveLogs()} />}
    </section>
  );
}
