import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanProgress } from '../../../../shared/contract/attachments.js';
import { buildScanArgv, NAPS2_DEFAULT_COMMAND, SANE_DEFAULT_COMMAND, splitArguments } from '../../../../electron/core/scan/scan-command.js';
import { openAttachmentDesk, receiveDossier, type AttachmentDesk } from '../attachments/support/attachment-desk.js';

// Direct scan with SANE's built-in test device (`scanimage --device-name=test`, no hardware), which CI
// installs (tests/support/system-deps.sh). The result lands in the inbox as one PDF.

function scanimageInstalled(): boolean {
  try {
    execFileSync('scanimage', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
if (!scanimageInstalled()) {
  throw new Error('scanimage is missing: install sane-utils (tests/support/system-deps.sh does it in CI).');
}

const desks: AttachmentDesk[] = [];
afterEach(() => {
  for (const desk of desks.splice(0)) desk.dispose();
});

async function scannerDesk(options: Parameters<typeof openAttachmentDesk>[0] = {}): Promise<AttachmentDesk> {
  const desk = await openAttachmentDesk(options);
  desks.push(desk);
  await desk.call('scan.configure', { device: 'test' });
  return desk;
}

const ended = (scanId: string) => (p: ScanProgress) => p.scanId === scanId && ['done', 'failed', 'cancelled'].includes(p.state);

async function pagesOf(path: string): Promise<PDFDocument> {
  return PDFDocument.load(new Uint8Array(readFileSync(path)));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the scan command template', () => {
  it('splits without a shell, keeps quoted spaces, and fills the placeholders per mode', () => {
    expect(splitArguments('a "b c" d="e f"')).toEqual(['a', 'b c', 'd=e f']);
    expect(buildScanArgv(SANE_DEFAULT_COMMAND, { device: 'test', out: '/tmp/w x', mode: 'single' })).toEqual({
      program: 'scanimage',
      args: ['--device-name=test', '--format=png', '--resolution=200', '--batch=/tmp/w x/page%d.png', '--batch-count=1'],
    });
    expect(buildScanArgv(SANE_DEFAULT_COMMAND, { device: 'test', out: '/o', mode: 'feeder', pages: 3 }).args.slice(-2)).toEqual([
      '--source=Automatic Document Feeder',
      '--batch-count=3',
    ]);
  });

  it('leaves out an argument whose value is not set (no device: the tool’s default; no page limit: until the feeder is empty)', () => {
    const { args } = buildScanArgv(SANE_DEFAULT_COMMAND, { device: ' ', out: '/o', mode: 'feeder' });
    expect(args.some((a) => a.startsWith('--device-name'))).toBe(false);
    expect(args.some((a) => a.startsWith('--batch-count'))).toBe(false);
  });

  it('a device name cannot smuggle in another argument or command', () => {
    const { args } = buildScanArgv(SANE_DEFAULT_COMMAND, { device: 'test --help; rm -rf /', out: '/o', mode: 'single' });
    expect(args[0]).toBe('--device-name=test --help; rm -rf /');
  });

  it('documents a NAPS2 console command for Windows desks', () => {
    expect(buildScanArgv(NAPS2_DEFAULT_COMMAND, { device: 'Canon DR-C225', out: 'C:\\w', mode: 'feeder' })).toEqual({
      program: 'C:\\Program Files\\NAPS2\\NAPS2.Console.exe',
      args: ['--noprofile', '--driver', 'wia', '--device', 'Canon DR-C225', '--dpi', '200', '--output', 'C:\\w\\scan.pdf', '--source', 'feeder'],
    });
  });

  it('refuses an unknown placeholder and an unclosed quote, in Vietnamese', () => {
    expect(() => buildScanArgv('scanimage {colour}', { device: '', out: '/o', mode: 'single' })).toThrow(/Lệnh quét không hợp lệ: không có tham số \{colour\}/);
    expect(() => buildScanArgv('scanimage "x', { device: '', out: '/o', mode: 'single' })).toThrow(/dấu ngoặc kép/);
  });
});

describe('scanning with the SANE test device', () => {
  it('scans one page into one PDF in the inbox, and attaches it as a scan', async () => {
    const desk = await scannerDesk();
    const id = await receiveDossier(desk);
    const { scanId } = await desk.call('scan.start', { mode: 'single', dossierId: id });
    const end = await desk.waitFor('scan.progress', ended(scanId));
    expect(end).toMatchObject({ state: 'done', pagesDone: 1, dossierId: id, fileName: expect.stringMatching(/^quet-20261123-090000-[0-9a-f]{6}\.pdf$/) });
    expect((await pagesOf(join(desk.inboxDir, end.fileName!))).getPageCount()).toBe(1);
    expect(readdirSync(join(desk.dataDir, 'scan-work'))).toEqual([]); // the pages were cleaned up

    // The desk's own scan is renamed into place whole: it can be attached at once, and counts as a scan.
    const list = await desk.call('inbox.attach', { fileNames: [end.fileName!], dossierId: id, kind: 'intake', checklistItemId: 'to-khai' });
    expect(list.attachments[0]).toMatchObject({ source: 'scan', pages: 1 });
  });

  it('scans a feeder batch of N pages into one PDF of N A4 pages, reporting each page', async () => {
    const desk = await scannerDesk();
    const { scanId } = await desk.call('scan.start', { mode: 'feeder', pages: 3 });
    const end = await desk.waitFor('scan.progress', ended(scanId));
    expect(end.state).toBe('done');
    const pdf = await pagesOf(join(desk.inboxDir, end.fileName!));
    expect(pdf.getPageCount()).toBe(3);
    for (const page of pdf.getPages()) expect(page.getSize()).toEqual({ width: 595.28, height: 841.89 });
    const progress = desk.pushed.filter((e) => e.name === 'scan.progress').map((e) => e.payload as ScanProgress);
    expect(progress.filter((p) => p.state === 'scanning').map((p) => p.pagesDone)).toEqual([0, 1, 2, 3]);
    expect(progress.map((p) => p.state)).toContain('building');
  });

  it('runs the feeder until it is empty when no page count is given', async () => {
    const desk = await scannerDesk();
    const { scanId } = await desk.call('scan.start', { mode: 'feeder' });
    const end = await desk.waitFor('scan.progress', ended(scanId));
    expect(end).toMatchObject({ state: 'done', pagesDone: 10 }); // the test device's feeder holds 10 sheets
  });

  it('cancel kills the scanner process and leaves nothing in the inbox', async () => {
    const desk = await scannerDesk();
    // The test device, slowed down: each buffer waits 200 ms.
    await desk.call('scan.configure', { command: `${SANE_DEFAULT_COMMAND} --read-delay=yes --read-delay-duration=200000 --resolution=300` });
    const { scanId } = await desk.call('scan.start', { mode: 'feeder', pages: 5 });
    const pid = desk.core.attachments.scanner.runningPid(scanId);
    expect(pid).not.toBeNull();
    expect(isRunning(pid!)).toBe(true);
    expect((await desk.fail('scan.start', { mode: 'single' })).message).toMatch(/đang quét/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await desk.call('scan.cancel', { scanId });
    expect(await desk.waitFor('scan.progress', ended(scanId))).toMatchObject({ state: 'cancelled' });
    expect(isRunning(pid!)).toBe(false);
    expect(readdirSync(desk.inboxDir).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect((await desk.fail('scan.cancel', { scanId })).code).toBe('not_found');
  }, 20_000);

  it('stops a scanner that does not answer in time, and says so', async () => {
    const desk = await scannerDesk({ attachmentOptions: { scanTimeoutMs: 400 } });
    await desk.call('scan.configure', { command: `${SANE_DEFAULT_COMMAND} --read-delay=yes --read-delay-duration=200000 --resolution=300` });
    const { scanId } = await desk.call('scan.start', { mode: 'single' });
    expect(await desk.waitFor('scan.progress', ended(scanId))).toMatchObject({ state: 'failed', message: expect.stringMatching(/không trả lời trong thời gian cho phép/) });
  }, 20_000);

  it('reports a command that cannot run, or that fails, instead of an empty PDF', async () => {
    const desk = await scannerDesk();
    await desk.call('scan.configure', { command: 'khong-co-lenh-nay --out {out}' });
    const missing = await desk.call('scan.start', { mode: 'single' });
    expect(await desk.waitFor('scan.progress', ended(missing.scanId))).toMatchObject({ state: 'failed', message: expect.stringMatching(/Không chạy được lệnh quét/) });

    await desk.call('scan.configure', { command: 'scanimage --device-name=khong-co-may --batch={out}/p%d.png' });
    const broken = await desk.call('scan.start', { mode: 'single' });
    expect(await desk.waitFor('scan.progress', ended(broken.scanId))).toMatchObject({ state: 'failed', message: expect.stringMatching(/^Quét không thành công: lệnh quét báo lỗi/) });
    expect(readdirSync(desk.inboxDir)).toEqual([]);
  });

  it('only a supervisor changes the scan settings', async () => {
    const desk = await scannerDesk();
    await desk.call('officers.create', { username: 'canbo1', fullName: 'Cán Bộ Một', password: 'mat-khau-can-bo', role: 'officer' });
    await desk.call('auth.signIn', { username: 'canbo1', password: 'mat-khau-can-bo' });
    expect((await desk.fail('scan.configure', { device: 'x' })).code).toBe('forbidden');
    expect(await desk.call('scan.settings', {})).toMatchObject({ device: 'test', commandIsDefault: true, command: SANE_DEFAULT_COMMAND });
  });
});
