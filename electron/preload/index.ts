// The only renderer-side file that touches ipcRenderer. It runs sandboxed and is bundled as CommonJS,
// so it imports nothing but 'electron' and the contract's name lists. Names outside the allow-lists
// never reach the main process; the main process checks them again anyway.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isCommandName } from '../../shared/contract/command-names.js';
import { isEventName } from '../../shared/contract/event-names.js';

// Same values as electron/main/ipc-channels.ts (a test keeps the two in step). Nothing here is
// exported: the bundle's only effect is the bridge.
const INVOKE_CHANNEL = 'app:invoke';
const EVENT_CHANNEL = 'app:event';

/** What the page sees as `window.desk`. */
interface DeskBridge {
  invoke(name: string, args: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

const deskBridge: DeskBridge = {
  invoke(name, args) {
    if (!isCommandName(name)) {
      // An envelope, not a rejection: errors cross the bridge as data, like every other answer.
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_command', message: `Lệnh không tồn tại: ${String(name).slice(0, 80)}` },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, args);
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
