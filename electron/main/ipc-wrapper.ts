// The only main-process file that touches ipcMain. Order of checks on every call:
// sender frame and origin (here) → command name → schema → handler (dispatch) → envelope.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Handlers } from '../../shared/contract/commands.js';
import { errorEnvelope, type Envelope } from '../../shared/contract/envelope.js';
import { dispatch } from '../core/dispatch.js';
import type { DeskEventBus } from '../core/event-bus.js';
import { originOf } from './app-origin.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels.js';

/** The parts of a frame the sender check reads (Electron's WebFrameMain has them). */
export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}

/** The parts of a web contents the sender check reads. */
export interface ContentsLike {
  id: number;
  mainFrame: FrameLike;
}

/** The parts of an invoke event the sender check reads. */
export interface InvokeEventLike {
  sender: ContentsLike;
  senderFrame: FrameLike | null;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

/**
 * Whether a call comes from the app's own page: the top frame of the app's one window, showing the
 * trusted origin. Sub-frames, other windows, destroyed frames and foreign pages are refused.
 */
export function checkSender(
  event: InvokeEventLike,
  appContents: ContentsLike | null,
  trustedOrigin: string,
): SenderVerdict {
  const frame = event.senderFrame;
  if (frame === null) return { trusted: false, reason: 'sender frame is gone' };
  if (appContents === null || event.sender.id !== appContents.id) return { trusted: false, reason: 'not the desk window' };
  if (frame.parent !== null || frame !== event.sender.mainFrame) return { trusted: false, reason: 'not the top frame' };
  if (originOf(frame.url) !== trustedOrigin) return { trusted: false, reason: `foreign origin ${originOf(frame.url) ?? 'none'}` };
  return { trusted: true };
}

export interface IpcWrapperOptions {
  handlers: Handlers;
  events: DeskEventBus;
  /** The desk window, or null while there is none. */
  getWindow(): BrowserWindow | null;
  trustedOrigin: string;
}

/** Answers one `app:invoke` call; exported for tests, which feed it fake events. */
export async function answerInvoke(
  options: IpcWrapperOptions,
  event: InvokeEventLike,
  name: unknown,
  args: unknown,
): Promise<Envelope<unknown>> {
  const window = options.getWindow();
  const appContents = window === null || window.isDestroyed() ? null : window.webContents;
  const verdict = checkSender(event, appContents, options.trustedOrigin);
  if (!verdict.trusted) {
    // Only the reason and the command name: arguments may hold citizens' personal data.
    console.warn(`refused IPC call ${String(name).slice(0, 80)}: ${verdict.reason}`);
    return errorEnvelope('forbidden', 'Lời gọi không đến từ cửa sổ của ứng dụng nên bị từ chối.');
  }
  return dispatch(options.handlers, name, args, { transport: 'ipc' });
}

/** Wires `app:invoke` to the core and forwards core events to the window. Returns the undo. */
export function installIpcWrapper(options: IpcWrapperOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, args: unknown) =>
    answerInvoke(options, event, name, args),
  );
  const unsubscribe = options.events.subscribe((name, payload) => {
    const window = options.getWindow();
    if (window !== null && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
