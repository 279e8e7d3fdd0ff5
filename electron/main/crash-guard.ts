import { dialog, type BrowserWindow } from 'electron';
import { boundCrashInput, type CrashReportInput } from '../../shared/contract/crash-report.js';
import { redactText } from '../../shared/logging/redact.js';

// What main does when part of the desk fails: it writes the failure to the log, queues a crash report
// (through the core, which owns the database) and keeps the officer working — a renderer that died is
// reloaded (the intake draft is in the core's database, not in the page), an uncaught error in main is
// shown once and the app goes on.

export interface CrashSink {
  /** Writes the line to main's log (already redacted by the logger). */
  log(message: string, error?: unknown): void;
  /** Queues the report in the desk's database; may fail when the core is down (then it is only logged). */
  report(report: CrashReportInput): void;
}

/** More reloads than this within RELOAD_WINDOW_MS means the page cannot come back: stop and say so. */
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

export const RENDERER_GIVE_UP_MESSAGE =
  'Màn hình của ứng dụng gặp lỗi nhiều lần liên tiếp. Dữ liệu đã lưu vẫn an toàn; hãy đóng ứng dụng và mở lại. Nếu vẫn lỗi, hãy dùng "Lưu nhật ký để gửi hỗ trợ" và liên hệ bộ phận hỗ trợ.';

export const MAIN_ERROR_MESSAGE =
  'Ứng dụng gặp một lỗi ngoài dự kiến và đã ghi lại vào nhật ký. Bạn có thể tiếp tục làm việc; nếu có gì bất thường, hãy đóng ứng dụng và mở lại.';

/**
 * `render-process-gone`: a crashed or killed renderer leaves a dead window; reload it (a clean exit is
 * the window closing, not a crash). Bounded: a page that dies on every load is not reloaded forever.
 */
export function reloadWhenRendererGone(window: BrowserWindow, sink: CrashSink, now: () => number = Date.now): void {
  const reloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    sink.log(`renderer process gone (${details.reason}, exit code ${details.exitCode})`);
    sink.report(boundCrashInput({ kind: 'renderer_gone', where: 'window', message: `${details.reason} (exit code ${details.exitCode})` }));
    if (window.isDestroyed()) return;
    const at = now();
    while (reloads.length > 0 && at - reloads[0]! > RELOAD_WINDOW_MS) reloads.shift();
    if (reloads.length >= MAX_RELOADS) {
      sink.log('renderer keeps failing; not reloading it again');
      dialog.showErrorBox('Một cửa Hạ Long', RENDERER_GIVE_UP_MESSAGE);
      return;
    }
    reloads.push(at);
    window.webContents.reload();
  });
}

/** What catchMainErrors needs of Node's process. */
export interface MainProcess {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * Main's uncaught errors and rejections: logged and reported every time, shown to the officer once per
 * run (a dialog per repetition would bury the window). Without this, Electron's default ends the app.
 */
export function catchMainErrors(proc: MainProcess, sink: CrashSink): void {
  let shown = false;
  const failed = (error: unknown): void => {
    const safe = error instanceof Error ? error : new Error(String(error));
    sink.log('uncaught error in main', safe);
    sink.report(boundCrashInput({ kind: 'main_error', where: 'main', message: redactText(`${safe.name}: ${safe.message}`), stack: redactText(safe.stack ?? '') }));
    if (shown) return;
    shown = true;
    dialog.showErrorBox('Một cửa Hạ Long', MAIN_ERROR_MESSAGE);
  };
  proc.on('uncaughtException', failed);
  proc.on('unhandledRejection', failed);
}
