import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { copyConsoleToLog, LOG_FILE_MAX_BYTES, openDeskLog } from '../../../../electron/core/logging/desk-log.js';
import { buildSupportBundle, SUPPORT_INFO_FILE, supportBundleName } from '../../../../electron/core/logging/support-bundle.js';
import { makeTempDir } from '../../../support/temp-dir.js';

// The desk's log files on a real folder: where they are, what they hold (never a citizen's data), how
// they rotate, and the support zip made of them.

const QR = '022301987654|123456789|Lê Thị Bí Mật|01021990|Nữ|Tổ 5, Khu 3, Hồng Gai, Hạ Long|15072021';
const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
const tempDir = () => {
  const dir = makeTempDir('desk-log-');
  dirs.push(dir);
  return dir.path;
};

describe('the desk log', () => {
  it('writes <data>/logs/<part>.log with every line redacted: ID numbers, QR lines, listed keys, errors', () => {
    const dataDir = tempDir();
    const log = openDeskLog(dataDir, 'core');
    log.info('dossier received', { applicant: { fullName: 'Lê Thị Bí Mật', idNumber: '022301987654' }, procedureId: 'ho-tich.khai-sinh' });
    log.error('scan failed', new Error(`cannot parse ${QR}`));
    log.warn(`id 022301987654 typed`);
    const text = readFileSync(join(dataDir, 'logs', 'core.log'), 'utf8');
    expect(text).toContain('dossier received');
    expect(text).toContain('ho-tich.khai-sinh');
    expect(text).toContain('cannot parse');
    for (const secret of ['022301987654', 'Bí Mật', '123456789', 'Hồng Gai']) expect(text).not.toContain(secret);
  });

  it('rotates a full file to <part>.old.log and goes on writing', () => {
    const dataDir = tempDir();
    const log = openDeskLog(dataDir, 'main');
    const line = 'dòng nhật ký '.repeat(800);
    for (let written = 0; written <= LOG_FILE_MAX_BYTES + 20_000; written += line.length) log.info(line);
    expect(existsSync(join(dataDir, 'logs', 'main.old.log'))).toBe(true);
    expect(readFileSync(join(dataDir, 'logs', 'main.log')).length).toBeLessThan(LOG_FILE_MAX_BYTES);
  });

  it("copies the process's console to the file (redacted) and can undo it", () => {
    const dataDir = tempDir();
    const printed: unknown[][] = [];
    const target = { error: (...data: unknown[]) => printed.push(data), warn: () => undefined, info: () => undefined, log: () => undefined };
    const undo = copyConsoleToLog(openDeskLog(dataDir, 'renderer'), target);
    target.error('desk core failed to start', new Error(`bad ${QR}`));
    undo();
    target.error('after undo');
    const text = readFileSync(join(dataDir, 'logs', 'renderer.log'), 'utf8');
    expect(text).toContain('desk core failed to start');
    expect(text).not.toContain('after undo');
    expect(JSON.stringify(printed)).not.toContain('022301987654');
  });
});

describe('the support zip', () => {
  it('holds the log files (redacted once more) and the app and OS versions', async () => {
    const dataDir = tempDir();
    openDeskLog(dataDir, 'core').info('sync round done');
    openDeskLog(dataDir, 'main').info('window opened');
    // A file written by hand or by an older version is redacted on the way out.
    writeFileSync(join(dataDir, 'logs', 'old.log'), `line with ${QR}\n`);
    const now = new Date(2026, 10, 25, 10, 5);
    const bytes = await buildSupportBundle(dataDir, { appName: 'Một cửa Hạ Long', appVersion: '1.4.0', runtime: { electron: '45.5.0', node: '22.20.0' }, os: 'win32 10.0.19045 x64' }, now);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(['logs/', 'logs/core.log', 'logs/main.log', 'logs/old.log', SUPPORT_INFO_FILE].sort());
    const info = await zip.file(SUPPORT_INFO_FILE)!.async('string');
    expect(info).toContain('Một cửa Hạ Long 1.4.0');
    expect(info).toContain('win32 10.0.19045 x64');
    expect(info).toContain('electron 45.5.0');
    expect(await zip.file('logs/core.log')!.async('string')).toContain('sync round done');
    expect(await zip.file('logs/old.log')!.async('string')).not.toContain('022301987654');
    expect(supportBundleName(now)).toBe('nhat-ky-ho-tro-20261125-1005.zip');
  });

  it('is made even before any log exists', async () => {
    const zip = await JSZip.loadAsync(await buildSupportBundle(tempDir(), { appName: 'x', appVersion: '1.0.0', runtime: {}, os: 'linux' }, new Date(0)));
    expect(await zip.file(SUPPORT_INFO_FILE)!.async('string')).toContain('(chưa có)');
  });
});
