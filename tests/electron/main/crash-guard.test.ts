import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, resetFakeElectron } from './fake-electron.js';
import { catchMainErrors, MAX_RELOADS, reloadWhenRendererGone, type CrashSink } from '../../../electron/main/crash-guard.js';
import type { CrashReportInput } from '../../../shared/contract/crash-report.js';
import type { BrowserWindow as ElectronWindow } from 'electron';

vi.mock('electron', () => import('./fake-electron.js'));

function recordingSink(): CrashSink & { lines: string[]; reports: CrashReportInput[] } {
  const lines: string[] = [];
  const reports: CrashReportInput[] = [];
  return { lines, reports, log: (message) => lines.push(message), report: (report) => reports.push(report) };
}

describe('a renderer that dies', () => {
  beforeEach(resetFakeElectron);

  it('is reloaded, logged and reported; a clean exit is not a crash', () => {
    const window = new BrowserWindow({});
    const sink = recordingSink();
    reloadWhenRendererGone(window as unknown as ElectronWindow, sink, () => 0);
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(window.webContents.reload).not.toHaveBeenCalled();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    expect(sink.reports).toEqual([{ kind: 'renderer_gone', where: 'window', message: 'crashed (exit code 139)' }]);
    expect(sink.lines.join('\n')).toContain('renderer process gone (crashed');
  });

  it('is not reloaded forever: after a few failures in a minute the officer is told', () => {
    const window = new BrowserWindow({});
    let now = 0;
    reloadWhenRendererGone(window as unknown as ElectronWindow, recordingSink(), () => now);
    for (let i = 0; i < MAX_RELOADS + 1; i += 1) {
      now += 1000;
      window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    }
    expect(window.webContents.reload).toHaveBeenCalledTimes(MAX_RELOADS);
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
    // A minute later the page may come back again.
    now += 61_000;
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(window.webContents.reload).toHaveBeenCalledTimes(MAX_RELOADS + 1);
  });
});

describe("main's uncaught errors", () => {
  beforeEach(resetFakeElectron);

  it('are logged and reported each time, without personal data, and shown once', () => {
    const proc = new EventEmitter();
    const sink = recordingSink();
    catchMainErrors(proc as unknown as NodeJS.Process, sink);
    proc.emit('uncaughtException', new Error('cannot read 022301987654|123456789|Lê Thị Bí Mật|01021990|Nữ|Hạ Long|15072021'));
    proc.emit('unhandledRejection', new Error('second'));
    expect(sink.lines).toHaveLength(2);
    expect(sink.reports.map((report) => report.kind)).toEqual(['main_error', 'main_error']);
    expect(JSON.stringify(sink.reports)).not.toMatch(/022301987654|Bí Mật/);
    expect(sink.reports[0]!.message).toContain('cannot read');
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
  });
});
