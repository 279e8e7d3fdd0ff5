// The only main-process file that touches ipcMain. Order of checks on every call, on both channels:
// sender frame and origin (here) → command or shell-operation name → schema → handler → envelope.
// Contract commands go through the shell's invoke (desk-shell.ts: a window may not name a path on the
// disk, only attach files the officer granted), then dispatch; shell operations through its run.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { errorEnvelope, type Envelope } from '../../shared/contract/envelope.js';
import type { DeskEventBus } from '../core/event-bus.js';
import { originOf } from './app-origin.js';
import type { DeskShell } from './desk-shell.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL, SHELL_CHANNEL } from './ipc-channels.js';

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
  /** The core's handlers behind the window's rules (createDeskShell), and the shell operations. */
  shell: DeskShell;
  /** The core's events (its process's client, or a bus in this process). */
  events: Pick<DeskEventBus, 'subscribe'>;
  /** The desk window, or null while there is none. */
  getWindow(): BrowserWindow | null;
  trustedOrigin: string;
}

type Refusal = Envelope<never>;

/** The sender check shared by both channels: null when trusted, else the envelope to answer. */
function refuseUntrusted(options: IpcWrapperOptions, event: InvokeEventLike, name: unknown): Refusal | null {
  const window = options.getWindow();
  const appContents = window === null || window.isDestroyed() ? null : window.webContents;
  const verdict = checkSender(event, appContents, options.trustedOrigin);
  if (verdict.trusted) return null;
  // Only the reason and the name: arguments may hold citizens' personal data (or a path).
  console.warn(`refused IPC call ${String(name).slice(0, 80)}: ${verdict.reason}`);
  return errorEnvelope('forbidden', 'Lời gọi không đến từ cửa sổ của ứng dụng nên bị từ chối.');
}

/** Answers one `app:invoke` call; exported for tests, which feed it fake events. */
export async function answerInvoke(
  options: IpcWrapperOptions,
  event: InvokeEventLike,
  name: unknown,
  args: unknown,
): Promise<Envelope<unknown>> {
  return refuseUntrusted(options, event, name) ?? options.shell.invoke(name, args);
}

/** Answers one `app:shell` call (shared/contract/shell.ts); exported for tests. */
export async function answerShell(
  options: IpcWrapperOptions,
  event: InvokeEventLike,
  operation: unknown,
  args: unknown,
): Promise<Envelope<unknown>> {
  return refuseUntrusted(options, event, operation) ?? options.shell.run(operation, args);
}

/** Wires `app:invoke` and `app:shell`, and forwards core events to the window. Returns the undo. */
export function installIpcWrapper(options: IpcWrapperOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, args: unknown) =>
    answerInvoke(options, event, name, args),
  );
  ipcMain.handle(SHELL_CHANNEL, (event: IpcMainInvokeEvent, operation: unknown, args: unknown) =>
    answerShell(options, event, operation, args),
  );
  const unsubscribe = options.events.subscribe((name, payload) => {
    const window = options.getWindow();
    if (window !== null && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeHandler(SHELL_CHANNEL);
    unsubscribe();
  };
}
