import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/contract/commands.js';
import type { AttachmentList } from '../../../shared/contract/attachments.js';
import type { Envelope } from '../../../shared/contract/envelope.js';
import type { ExportResult } from '../../../shared/contract/reports.js';
import type { FileGrant, ShellResults } from '../../../shared/contract/shell.js';
import { FileGrants } from '../../../electron/main/file-grants.js';
import { openAttachmentDesk, receiveDossier, type AttachmentDesk } from '../../electron/core/attachments/support/attachment-desk.js';
import { pdfOf, textScanPng } from '../../electron/core/attachments/support/papers.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { shellOver, type TestShell } from './shell-fixture.js';

// The shell's file operations against a real desk core on a real data folder: the dialog's paths are
// granted and attached with attachments.addFile, exports are copied where the save dialog says, a
// printed form is written as the PDF printToPdf made. Dialogs are scripted (no Electron here).

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const value = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
};

let desk: AttachmentDesk;
let outside: ReturnType<typeof makeTempDir>;
let addFileCalls: { path: string; kind: string; checklistItemId: string | null }[];
let fixture: TestShell;

beforeEach(async () => {
  desk = await openAttachmentDesk();
  outside = makeTempDir('officer-files-');
  addFileCalls = [];
  const real = desk.core.handlers;
  const handlers: Handlers = {
    ...real,
    'attachments.addFile': (args, ctx) => {
      addFileCalls.push({ path: args.path, kind: args.kind, checklistItemId: args.checklistItemId });
      return real['attachments.addFile'](args, ctx);
    },
  };
  fixture = shellOver(handlers, { documentsDir: join(outside.path, 'Documents'), grants: new FileGrants({ forbiddenRoots: [join(desk.dataDir, 'blobs')] }) });
});
afterEach(() => {
  desk.dispose();
  outside.remove();
});

function officerFile(name: string, bytes: Uint8Array): string {
  const path = join(outside.path, name);
  writeFileSync(path, bytes);
  return path;
}

async function pick(paths: string[]): Promise<ShellResults['shell.pickFiles']> {
  fixture.dialogs.open.push(paths);
  return value((await fixture.shell.run('shell.pickFiles', {})) as Envelope<ShellResults['shell.pickFiles']>);
}

const attach = async (dossierId: string, grant: FileGrant, checklistItemId: string | null = null) =>
  (await fixture.shell.invoke('attachments.addUpload', { dossierId, uploadId: grant.uploadId, fileName: grant.fileName, kind: 'intake', checklistItemId })) as Envelope<AttachmentList>;

describe('files picked in main’s dialog', () => {
  it('opens one dialog for PDF/JPEG/PNG/TIFF, grants each chosen file, and attaches it by its path with attachments.addFile', async () => {
    const dossierId = await receiveDossier(desk);
    const pdf = await pdfOf(2);
    const png = await textScanPng(100);
    const pdfPath = officerFile('Tờ khai.pdf', pdf);
    const pngPath = officerFile('giay-chung-sinh.png', png);

    const picked = await pick([pdfPath, pngPath]);
    expect(fixture.dialogs.opened).toHaveLength(1);
    expect(fixture.dialogs.opened[0]?.filters).toEqual([{ name: expect.any(String), extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff'] }]);
    expect(picked.files.map((f) => [f.fileName, f.granted])).toEqual([
      ['Tờ khai.pdf', true],
      ['giay-chung-sinh.png', true],
    ]);
    const [first, second] = picked.files.map((f) => (f.granted ? f.grant : null));
    expect(first).toMatchObject({ mediaType: 'application/pdf', sizeBytes: pdf.length });
    expect(second).toMatchObject({ mediaType: 'image/png' });
    // The page learns ids and names, never where the files are.
    expect(JSON.stringify(picked)).not.toContain(outside.path);

    const afterPdf = value(await attach(dossierId, first!, 'to-khai'));
    const afterPng = value(await attach(dossierId, second!, 'giay-chung-sinh'));
    expect(addFileCalls).toEqual([
      { path: pdfPath, kind: 'intake', checklistItemId: 'to-khai' },
      { path: pngPath, kind: 'intake', checklistItemId: 'giay-chung-sinh' },
    ]);
    const stored = afterPdf.attachments.find((a) => a.fileName === 'Tờ khai.pdf');
    expect(stored).toMatchObject({ blobSha256: sha256Of(pdf), pages: 2, mediaType: 'application/pdf' });
    expect(afterPng.attachments.find((a) => a.fileName === 'giay-chung-sinh.pdf')).toMatchObject({ pages: 1, mediaType: 'application/pdf' });
    // A grant is spent once attached, like an upload.
    expect(fixture.grants.pathOf(first!.uploadId)).toBeNull();
    expect(await attach(dossierId, first!)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('does nothing at all when the officer cancels', async () => {
    const picked = await pick([]);
    expect(picked).toEqual({ files: [] });
    expect(addFileCalls).toEqual([]);
  });

  it('refuses, per file and with the upload route’s messages, what the desk cannot take', async () => {
    const gif = officerFile('anh.gif', Buffer.from('GIF89a-not-a-scan'));
    const empty = officerFile('rong.pdf', new Uint8Array(0));
    const good = officerFile('to-khai.pdf', await pdfOf(1));
    const picked = await pick([gif, join(outside.path, 'da-xoa.pdf'), empty, good]);
    expect(picked.files.map((f) => (f.granted ? 'granted' : `${f.error.code}: ${f.error.message}`))).toEqual([
      expect.stringMatching(/^invalid_argument: Không nhận tệp "anh\.gif": chỉ nhận tệp PDF, JPEG, PNG hoặc TIFF/),
      expect.stringMatching(/^not_found: Không tìm thấy tệp "da-xoa\.pdf"/),
      'invalid_argument: Tệp "rong.pdf" rỗng (0 byte).',
      'granted',
    ]);
  });

  it('refuses more than 50 files in one go before granting any', async () => {
    const path = officerFile('a.pdf', await pdfOf(1));
    fixture.dialogs.open.push(Array.from({ length: 51 }, () => path));
    expect(await fixture.shell.run('shell.pickFiles', {})).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: 'Tối đa 50 tệp một lần.' } });
  });
});

describe('dropped files (the path comes from the preload)', () => {
  it('grants an accepted file, which then attaches by its path', async () => {
    const dossierId = await receiveDossier(desk);
    const path = officerFile('keo-tha.pdf', await pdfOf(1));
    const grant = value((await fixture.shell.run('shell.grantDroppedFile', { path })) as Envelope<FileGrant>);
    expect(value(await attach(dossierId, grant)).attachments.map((a) => a.fileName)).toContain('keo-tha.pdf');
    expect(addFileCalls.map((c) => c.path)).toEqual([path]);
  });

  it('refuses what a hijacked renderer might send: relative paths, folders, other types, the desk’s own blob store', async () => {
    const dossierId = await receiveDossier(desk);
    const stored = value(await attach(dossierId, value((await fixture.shell.run('shell.grantDroppedFile', { path: officerFile('a.pdf', await pdfOf(1)) })) as Envelope<FileGrant>)));
    const blobPath = desk.core.attachments.blobs.pathOf(stored.attachments[0]!.blobSha256);
    mkdirSync(join(outside.path, 'thu-muc'));
    const cases: [string, string][] = [
      ['../a.pdf', 'invalid_argument'],
      [join(outside.path, 'thu-muc'), 'invalid_argument'],
      [officerFile('bang.csv', Buffer.from('a,b\n1,2\n')), 'invalid_argument'],
      [join(desk.dataDir, 'desk.sqlite'), 'invalid_argument'],
      [blobPath, 'forbidden'],
    ];
    for (const [path, code] of cases) {
      expect(await fixture.shell.run('shell.grantDroppedFile', { path }), path).toMatchObject({ ok: false, error: { code } });
    }
  });

  it('leaves an upload id it never granted to the core, which answers as for any unknown upload', async () => {
    const dossierId = await receiveDossier(desk);
    const envelope = await fixture.shell.invoke('attachments.addUpload', { dossierId, uploadId: 'x'.repeat(24), fileName: 'a.pdf', kind: 'intake' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(addFileCalls).toEqual([]);
  });
});

describe('saving an export', () => {
  const exportCsv = async (): Promise<ExportResult> =>
    value((await fixture.shell.invoke('reports.export', { report: 'bieu06', format: 'csv', from: '2026-11-01', to: '2026-11-23' })) as Envelope<ExportResult>);

  it('offers the export’s own name in Documents, and copies the very file the core wrote', async () => {
    const exported = await exportCsv();
    const dest = join(outside.path, 'Bao cao.csv');
    fixture.dialogs.save.push(dest);
    const saved = await fixture.shell.run('shell.saveExport', { fileName: exported.fileName });
    expect(saved).toEqual({ ok: true, value: { saved: true, path: dest } });
    expect(fixture.dialogs.saved[0]).toMatchObject({ defaultPath: join(outside.path, 'Documents', exported.fileName), filters: [{ extensions: ['csv'] }] });
    expect(readFileSync(dest)).toEqual(readFileSync(exported.path));
  });

  it('does nothing when the officer cancels', async () => {
    const exported = await exportCsv();
    expect(await fixture.shell.run('shell.saveExport', { fileName: exported.fileName })).toEqual({ ok: true, value: { saved: false } });
    expect(existsSync(join(outside.path, 'Documents', exported.fileName))).toBe(false);
  });

  it('only saves files exported in this session, and says so in Vietnamese otherwise', async () => {
    fixture.dialogs.save.push(join(outside.path, 'x.csv'));
    expect(await fixture.shell.run('shell.saveExport', { fileName: 'QuaHan_PhuongHongGai_2026-11-23.csv' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Không tìm thấy tệp báo cáo này: hãy xuất lại báo cáo.' },
    });
    expect(fixture.dialogs.saved).toHaveLength(0);
  });

  it('explains a folder it cannot write to', async () => {
    const exported = await exportCsv();
    fixture.dialogs.save.push(join(outside.path, 'khong-co', 'thu-muc', exported.fileName));
    const refused = await fixture.shell.run('shell.saveExport', { fileName: exported.fileName });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage_failure', message: expect.stringContaining('Không lưu được tệp vào') } });
  });
});

describe('saving a printed form as PDF', () => {
  it('asks where first, then prints and writes the PDF there', async () => {
    const dest = join(outside.path, 'Mau-01.pdf');
    fixture.dialogs.save.push(dest);
    expect(await fixture.shell.run('shell.savePdf', { fileName: 'Mau-01-000.15.20.H49-261123-1001' })).toEqual({ ok: true, value: { saved: true, path: dest } });
    expect(fixture.dialogs.saved[0]).toMatchObject({ defaultPath: join(outside.path, 'Documents', 'Mau-01-000.15.20.H49-261123-1001.pdf'), filters: [{ extensions: ['pdf'] }] });
    expect(fixture.printed).toBe(1);
    expect(readFileSync(dest, 'latin1')).toMatch(/^%PDF-1\.7/);
  });

  it('prints nothing when the officer cancels', async () => {
    expect(await fixture.shell.run('shell.savePdf', { fileName: 'Mau-01.pdf' })).toEqual({ ok: true, value: { saved: false } });
    expect(fixture.printed).toBe(0);
  });

  it('turns a failed print into a Vietnamese message and writes nothing', async () => {
    const failing = shellOver(desk.core.handlers, { printToPdf: () => Promise.reject(new Error('render process gone')) });
    const dest = join(outside.path, 'hong.pdf');
    failing.dialogs.save.push(dest);
    expect(await failing.shell.run('shell.savePdf', { fileName: 'hong.pdf' })).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('Không tạo được tệp PDF') } });
    expect(existsSync(dest)).toBe(false);
  });
});

describe('an export removed from the disk meanwhile', () => {
  it('says to export again instead of failing to copy', async () => {
    const exported = value((await fixture.shell.invoke('reports.export', { report: 'bieu06', format: 'csv', from: '2026-11-01', to: '2026-11-23' })) as Envelope<ExportResult>);
    const { rmSync } = await import('node:fs');
    rmSync(exported.path);
    fixture.dialogs.save.push(join(outside.path, exported.fileName));
    expect(await fixture.shell.run('shell.saveExport', { fileName: exported.fileName })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Tệp báo cáo đã bị xoá khỏi máy: hãy xuất lại báo cáo.' } });
  });
});

describe('"Lưu nhật ký để gửi hỗ trợ"', () => {
  it('saves the support zip (the desk logs and versions) where the officer says', async () => {
    const { openDeskLog } = await import('../../../electron/core/logging/desk-log.js');
    const { buildSupportBundle } = await import('../../../electron/core/logging/support-bundle.js');
    const JSZip = (await import('jszip')).default;
    openDeskLog(outside.path, 'main').info('window opened');
    const shell = shellOver(desk.core.handlers, {
      supportBundle: async () => ({ fileName: 'nhat-ky-ho-tro-20261125-1000.zip', bytes: await buildSupportBundle(outside.path, { appName: 'Một cửa', appVersion: '1.4.0', runtime: {}, os: 'linux' }, new Date(0)) }),
    });
    const dest = join(outside.path, 'nhat-ky.zip');
    shell.dialogs.save.push(dest);
    expect(await shell.shell.run('shell.saveSupportLogs', {})).toEqual({ ok: true, value: { saved: true, path: dest } });
    expect(shell.dialogs.saved[0]).toMatchObject({ title: 'Lưu nhật ký để gửi hỗ trợ', filters: [{ extensions: ['zip'] }] });
    expect(shell.dialogs.saved[0]!.defaultPath).toMatch(/nhat-ky-ho-tro-20261125-1000\.zip$/u);
    const zip = await JSZip.loadAsync(readFileSync(dest));
    expect(await zip.file('logs/main.log')!.async('string')).toContain('window opened');
  });

  it('writes nothing when the officer cancels', async () => {
    expect(await fixture.shell.run('shell.saveSupportLogs', {})).toEqual({ ok: true, value: { saved: false } });
  });
});

describe('shell.pickFolder', () => {
  it('answers the folder chosen in the dialog, null when cancelled, and refuses a call without a title', async () => {
    fixture.dialogs.folder.push('/media/usb/sao-luu');
    expect(await fixture.shell.run('shell.pickFolder', { title: 'Chọn thư mục sao lưu' })).toEqual({ ok: true, value: { folder: '/media/usb/sao-luu' } });
    expect(fixture.dialogs.folders).toEqual([{ title: 'Chọn thư mục sao lưu' }]);
    expect(await fixture.shell.run('shell.pickFolder', { title: 'Chọn thư mục sao lưu' })).toEqual({ ok: true, value: { folder: null } });
    expect(await fixture.shell.run('shell.pickFolder', {})).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});
