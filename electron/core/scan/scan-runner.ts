import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanProgress, ScanState } from '../../../shared/contract/attachments.js';
import { CommandError } from '../../../shared/contract/errors.js';
import { VIETNAM_OFFSET_MS } from '../../../shared/domain/dossier/vietnam-time.js';
import type { DeskEventBus } from '../event-bus.js';
import { readHead, sniffMediaType } from '../attachments/media-type.js';
import { buildPdf, type BuildSource } from './pdf-builder.js';
import { buildScanArgv, type ScanMode } from './scan-command.js';

// Direct scan: runs the configured scan command as a child process into a work folder of its own,
// reports pages as the tool announces them ('scan.progress'), and turns the pages into ONE PDF that
// lands in the scan inbox — so a direct scan is stored by the same path as any other inbox file.

export const SCAN_TIMEOUT_MS = 10 * 60 * 1000;
const KILL_GRACE_MS = 2000;
// scanimage says "Scanned page 3." on stderr after each page of a batch.
const PAGE_DONE = /Scanned page (\d+)/g;

export interface ScanConfig {
  command: string;
  device: string;
  inboxDir: string;
}

export interface ScanRunnerOptions {
  config(): ScanConfig;
  events: DeskEventBus;
  /** Work folders of running scans; emptied at start (a crash may leave pages behind). */
  workRoot: string;
  timeoutMs?: number;
  now(): number;
}

interface Job {
  scanId: string;
  child: ChildProcess;
  workDir: string;
  dossierId: string | null;
  pagesDone: number;
  cancelled: boolean;
  timedOut: boolean;
  ended: Promise<void>;
}

interface FinalState {
  state: Extract<ScanState, 'done' | 'failed' | 'cancelled'>;
  pagesDone: number;
  fileName?: string;
  message?: string;
}

const naturalOrder = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

export class ScanRunner {
  private job: Job | null = null;
  private readonly produced = new Set<string>();
  private cleaned = false;
  private starting = false;

  constructor(private readonly options: ScanRunnerOptions) {}

  /** The inbox files this desk's own scans produced (their attachments are recorded as 'scan'). */
  isProduced(fileName: string): boolean {
    return this.produced.has(fileName);
  }

  /** The running scan's process id (tests check a cancel really ends it). */
  runningPid(scanId: string): number | null {
    return this.job?.scanId === scanId ? (this.job.child.pid ?? null) : null;
  }

  async start(request: { mode: ScanMode; pages?: number; dossierId?: string }): Promise<string> {
    if (this.job !== null || this.starting) throw new CommandError('conflict', 'Máy quét đang quét một bộ giấy tờ khác: hãy đợi xong hoặc huỷ trước.');
    this.starting = true; // one scanner, one scan: a second press while this one starts is refused too
    try {
      return await this.launch(request);
    } finally {
      this.starting = false;
    }
  }

  private async launch(request: { mode: ScanMode; pages?: number; dossierId?: string }): Promise<string> {
    const config = this.options.config();
    const scanId = randomBytes(9).toString('base64url');
    const workDir = join(this.options.workRoot, scanId);
    const { program, args } = buildScanArgv(config.command, { device: config.device, out: workDir, mode: request.mode, pages: request.pages });
    if (!this.cleaned) {
      // Pages a crashed scan left behind are nobody's papers any more.
      await rm(this.options.workRoot, { recursive: true, force: true });
      this.cleaned = true;
    }
    await mkdir(workDir, { recursive: true });

    const child = spawn(program, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, shell: false });
    let endedResolve: () => void = () => undefined;
    const job: Job = {
      scanId,
      child,
      workDir,
      dossierId: request.dossierId ?? null,
      pagesDone: 0,
      cancelled: false,
      timedOut: false,
      ended: new Promise((resolve) => (endedResolve = resolve)),
    };
    this.job = job;
    let lastLine = '';
    const onOutput = (data: Buffer): void => {
      const text = data.toString('utf8');
      lastLine = text.trim().split(/\r?\n/).at(-1) ?? lastLine;
      for (const match of text.matchAll(PAGE_DONE)) this.progress(job, 'scanning', Math.max(job.pagesDone, Number(match[1])));
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    const timer = setTimeout(() => {
      job.timedOut = true;
      this.kill(job);
    }, this.options.timeoutMs ?? SCAN_TIMEOUT_MS);

    // A command that cannot start emits 'error' and then 'close' (with a negative code): end once.
    let finished = false;
    const finish = (exitCode: number | null, spawnError: Error | null): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      void this.finish(job, exitCode, spawnError, lastLine).then((final) => {
        // Free the scanner before saying so: a new scan may start as soon as the UI hears the end.
        if (this.job === job) this.job = null;
        this.progress(job, final.state, final.pagesDone, final);
        endedResolve();
      });
    };
    child.once('error', (error) => finish(null, error));
    child.once('close', (code) => finish(code, null));
    this.progress(job, 'scanning', 0);
    return scanId;
  }

  async cancel(scanId: string): Promise<void> {
    const job = this.job;
    if (job === null || job.scanId !== scanId) throw new CommandError('not_found', 'Không có lượt quét nào đang chạy với mã này.');
    job.cancelled = true;
    this.kill(job);
    await job.ended;
  }

  /** Stops a running scan (the app is closing) and waits for it. */
  async close(): Promise<void> {
    const job = this.job;
    if (job === null) return;
    job.cancelled = true;
    this.kill(job);
    await job.ended;
  }

  private kill(job: Job): void {
    job.child.kill('SIGTERM');
    const hard = setTimeout(() => job.child.kill('SIGKILL'), KILL_GRACE_MS);
    job.child.once('close', () => clearTimeout(hard));
  }

  private progress(job: Job, state: ScanState, pagesDone: number, extra: Partial<ScanProgress> = {}): void {
    job.pagesDone = pagesDone;
    this.options.events.publish('scan.progress', {
      scanId: job.scanId,
      state,
      pagesDone,
      fileName: extra.fileName ?? null,
      message: extra.message ?? null,
      dossierId: job.dossierId,
    });
  }

  /** Builds the PDF (or finds why not) and cleans the work folder; the caller announces the end. */
  private async finish(job: Job, exitCode: number | null, spawnError: Error | null, lastLine: string): Promise<FinalState> {
    const failed = (message: string): FinalState => ({ state: 'failed', pagesDone: job.pagesDone, message });
    try {
      if (job.cancelled) return { state: 'cancelled', pagesDone: job.pagesDone };
      if (job.timedOut) return failed('Máy quét không trả lời trong thời gian cho phép: lượt quét đã được dừng.');
      if (spawnError !== null || (exitCode !== null && exitCode < 0)) {
        return failed('Không chạy được lệnh quét: hãy kiểm tra cài đặt máy quét (lệnh và thiết bị).');
      }
      const pages = await this.pagesIn(job.workDir);
      if (pages.length === 0) {
        const why = exitCode === 0 ? 'máy quét không trả về trang nào (khay nạp giấy trống?)' : `lệnh quét báo lỗi (mã ${exitCode ?? '?'}): ${lastLine}`;
        return failed(`Quét không thành công: ${why}.`);
      }
      // A feeder that runs out of paper may end with an error code after good pages: keep the pages.
      this.progress(job, 'building', pages.length);
      const built = await buildPdf(pages);
      const fileName = await this.placeInInbox(built.bytes);
      this.produced.add(fileName);
      return { state: 'done', pagesDone: built.pages, fileName };
    } catch (error) {
      return failed(error instanceof CommandError ? error.message : 'Không ghép được các trang quét thành tệp PDF.');
    } finally {
      await rm(job.workDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private async pagesIn(workDir: string): Promise<BuildSource[]> {
    const sources: BuildSource[] = [];
    for (const name of (await readdir(workDir)).sort(naturalOrder)) {
      const path = join(workDir, name);
      const mediaType = sniffMediaType(await readHead(path).catch(() => new Uint8Array(0)));
      if (mediaType !== null) sources.push({ path, fileName: name, mediaType });
    }
    return sources;
  }

  // Written under a hidden name and renamed, so the inbox never shows a half-written PDF.
  private async placeInInbox(bytes: Uint8Array): Promise<string> {
    const dir = this.options.config().inboxDir;
    await mkdir(dir, { recursive: true });
    // quet-20261123-091500-…: the local (Vietnam) time, so the officer recognises the scan in the list.
    const local = new Date(this.options.now() + VIETNAM_OFFSET_MS).toISOString();
    const stamp = `${local.slice(0, 10).replace(/-/g, '')}-${local.slice(11, 19).replace(/:/g, '')}`;
    const fileName = `quet-${stamp}-${randomBytes(3).toString('hex')}.pdf`;
    const temp = join(dir, `.${fileName}.part`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, join(dir, fileName));
    return fileName;
  }
}
