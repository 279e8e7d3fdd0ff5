// The only renderer-side file that touches ipcRenderer. It runs sandboxed and is bundled as CommonJS,
// so it imports nothing but 'electron' and the contract's name lists. Names outside the allow-lists
// never reach the main process; the main process checks them again anyway.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { isCommandName } from '../../shared/contract/command-names.js';
import { isEventName } from '../../shared/contract/event-names.js';

// Same values as electron/main/ipc-channels.ts (a test keeps the two in step). Nothing here is
// exported: the bundle's only effect is the bridge.
const INVOKE_CHANNEL = 'app:invoke';
const EVENT_CHANNEL = 'app:event';
const SHELL_CHANNEL = 'app:shell';

// Shell operations (shared/contract/shell.ts; a copy, as the preload may import only name lists, kept
// in step by tests/electron/main/preload-shell.test.ts). They ride on `invoke` too, so the page's bridge
// stays two functions: no new surface, only a closed list of names more.
const SHELL_OPERATIONS: readonly string[] = [
  'shell.pickFiles',
  'shell.grantDroppedFile',
  'shell.saveExport',
  'shell.savePdf',
  'shell.updateState',
  'shell.setIntakeOpen',
  'shell.installUpdate',
  'shell.saveSupportLogs',
  'shell.pickFolder',
];
const GRANT_DROPPED_FILE = 'shell.grantDroppedFile';

type DroppedFile = Parameters<typeof webUtils.getPathForFile>[0];

function refusal(code: string, message: string): Promise<unknown> {
  // An envelope, not a rejection: errors cross the bridge as data, like every other answer.
  return Promise.resolve({ ok: false, error: { code, message } });
}

/**
 * The page never names a path. For a drop it hands over the dropped File; only Electron knows where
 * that file is on disk (a File made in script has no path, so script cannot forge one), and only the
 * path goes on to main, which checks the file again before granting it.
 */
function invokeShell(operation: string, args: unknown): Promise<unknown> {
  if (operation !== GRANT_DROPPED_FILE) return ipcRenderer.invoke(SHELL_CHANNEL, operation, args);
  const file = typeof args === 'object' && args !== null ? (args as { file?: unknown }).file : undefined;
  let path: string;
  try {
    path = file === undefined || file === null ? '' : webUtils.getPathForFile(file as DroppedFile);
  } catch {
    path = '';
  }
  if (path === '') {
    return refusal('invalid_argument', 'Không lấy được đường dẫn của tệp kéo thả: hãy kéo tệp từ thư mục trên máy, hoặc bấm “Chọn tệp…”.');
  }
  return ipcRenderer.invoke(SHELL_CHANNEL, operation, { path });
}

/** What the page sees as `window.desk`. */
interface DeskBridge {
  invoke(name: string, args: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

const deskBridge: DeskBridge = {
  invoke(name, args) {
    if (isCommandName(name)) return ipcRenderer.invoke(INVOKE_CHANNEL, name, args);
    if (typeof name === 'string' && SHELL_OPERATIONS.includes(name)) return invokeShell(name, args);
    return refusal('unknown_command', `Lệnh không tồn tại: ${String(name).slice(0, 80)}`);
  },
  on(event, listener) {
    if (!isEventName(event) || typeof listener !== 'function') {
      console.warn(`desk.on: unknown event ${String(event).slice(0, 80)} ignored`);
      return () => {};
    }
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('desk', deskBridge);
