import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../support/temp-dir.js';
import { openAttachmentDesk, receiveDossier, type AttachmentDesk } from '../attachments/support/attachment-desk.js';
import { GIF_BYTES, pdfOf, textScanPng } from '../attachments/support/papers.js';

// The scan inbox: a folder any scanner drops files into. Listed from the folder itself (so files that
// arrived while the app was closed are there at the next start), watched for changes, and a file
// leaves only after its blob and attachment event are committed.

const desks: AttachmentDesk[] = [];
const dirs: ReturnType<typeof makeTempDir>[] = [];
afterEach(() => {
  for (const desk of desks.splice(0)) desk.close();
  for (const dir of dirs.splice(0)) dir.remove();
});

async function open(options: Parameters<typeof openAttachmentDesk>[0] = {}): Promise<AttachmentDesk> {
  const desk = await openAttachmentDesk(options);
  desks.push(desk);
  return desk;
}

/** Writes a file into the inbox as a scanner would, dated `ageMs` ago (finished writing). */
function drop(inboxDir: string, name: string, bytes: Uint8Array, ageMs = 60_000): string {
  mkdirSync(inboxDir, { recursive: true });
  const path = join(inboxDir, name);
  writeFileSync(path, bytes);
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
  return path;
}

describe('the inbox list', () => {
  it('offers at the next start a file dropped while the app was closed', async () => {
    const folder = makeTempDir('desk-inbox-');
    dirs.push(folder);
    const first = await open({ dataDir: folder.path });
    const id = await receiveDossier(first);
    first.close();

    drop(first.inboxDir, 'quet-dem-qua.pdf', await pdfOf(2));
    const again = await open({ dataDir: folder.path, initialise: false });
    const { dir, files } = await again.call('inbox.list', {});
    expect(dir).toBe(again.inboxDir);
    expect(files).toEqual([{ fileName: 'quet-dem-qua.pdf', sizeBytes: expect.any(Number), mediaType: 'application/pdf', modifiedAt: expect.any(String), ready: true }]);

    const list = await again.call('inbox.attach', { fileNames: ['quet-dem-qua.pdf'], dossierId: id, kind: 'intake', checklistItemId: 'to-khai' });
    expect(list.attachments[0]).toMatchObject({ source: 'inbox', pages: 2, fileName: 'quet-dem-qua.pdf' });
    expect(readdirSync(again.inboxDir)).toEqual([]);
  });

  it('shows type and readiness: a file still being written is listed but cannot be attached yet; temp names are hidden', async () => {
    const desk = await open();
    const id = await receiveDossier(desk);
    drop(desk.inboxDir, 'dang-ghi.pdf', await pdfOf(1), 0);
    drop(desk.inboxDir, 'anh.gif', GIF_BYTES);
    drop(desk.inboxDir, '.scan-0001.tmp', Buffer.from('x'));
    drop(desk.inboxDir, 'page.png.part', Buffer.from('x'));
    const { files } = await desk.call('inbox.list', {});
    expect(files.map((f) => [f.fileName, f.mediaType, f.ready])).toEqual([
      ['anh.gif', null, true],
      ['dang-ghi.pdf', 'application/pdf', false],
    ]);
    const error = await desk.fail('inbox.attach', { fileNames: ['dang-ghi.pdf'], dossierId: id, kind: 'intake' });
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/đang được máy quét ghi/) });
    expect((await desk.fail('inbox.attach', { fileNames: ['anh.gif'], dossierId: id, kind: 'intake' })).message).toMatch(/chỉ nhận tệp PDF/);
    expect((await desk.fail('inbox.attach', { fileNames: ['../desk.sqlite'], dossierId: id, kind: 'intake' })).code).toBe('invalid_argument');
    expect(existsSync(join(desk.inboxDir, 'anh.gif'))).toBe(true); // refused: left where it was
  });

  it('several pages in the inbox become one PDF attachment, and all of them leave the inbox', async () => {
    const desk = await open();
    const id = await receiveDossier(desk);
    drop(desk.inboxDir, 'trang-1.png', await textScanPng(150));
    drop(desk.inboxDir, 'trang-2.pdf', await pdfOf(2));
    drop(desk.inboxDir, 'khac.pdf', await pdfOf(1));
    const list = await desk.call('inbox.attach', { fileNames: ['trang-1.png', 'trang-2.pdf'], dossierId: id, kind: 'intake', checklistItemId: 'giay-chung-sinh' });
    expect(list.attachments).toHaveLength(1);
    expect(list.attachments[0]).toMatchObject({ pages: 3, fileName: 'trang-1.pdf', mediaType: 'application/pdf' });
    expect(readdirSync(desk.inboxDir)).toEqual(['khac.pdf']);
  });
});

describe('nothing leaves the inbox before it is stored', () => {
  it('keeps the file when the attachment event cannot be written', async () => {
    const desk = await open();
    const id = await receiveDossier(desk);
    drop(desk.inboxDir, 'to-khai.pdf', await pdfOf(1));
    // The disk "fails" exactly when the attachment event is appended.
    desk.core.db.exec(`CREATE TEMP TRIGGER fail_attachment BEFORE INSERT ON main.events WHEN NEW.type = 'attachment.added'
      BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END`);
    const error = await desk.fail('inbox.attach', { fileNames: ['to-khai.pdf'], dossierId: id, kind: 'intake', checklistItemId: 'to-khai' });
    expect(error.code).toBe('internal'); // a database failure: "nothing changed, try again"
    expect(readdirSync(desk.inboxDir)).toEqual(['to-khai.pdf']);
    expect((await desk.call('attachments.list', { dossierId: id })).attachments).toEqual([]);

    desk.core.db.exec('DROP TRIGGER fail_attachment');
    const list = await desk.call('inbox.attach', { fileNames: ['to-khai.pdf'], dossierId: id, kind: 'intake', checklistItemId: 'to-khai' });
    expect(list.attachments).toHaveLength(1);
    expect(readdirSync(desk.inboxDir)).toEqual([]);
  });

  it('keeps the file when the dossier cannot take it', async () => {
    const desk = await open();
    const id = await receiveDossier(desk);
    drop(desk.inboxDir, 'ket-qua.pdf', await pdfOf(1));
    expect((await desk.fail('inbox.attach', { fileNames: ['ket-qua.pdf'], dossierId: id, kind: 'result' })).code).toBe('transition_forbidden');
    expect(readdirSync(desk.inboxDir)).toEqual(['ket-qua.pdf']);
  });
});

describe('watching', () => {
  it('tells the UI (inbox.changed) once a dropped file has finished writing, and when it leaves', async () => {
    const desk = await open({ attachmentOptions: { inboxStableMs: 300 } });
    const id = await receiveDossier(desk);
    expect((await desk.call('inbox.list', {})).files).toEqual([]); // starts the watcher
    await new Promise((resolve) => setTimeout(resolve, 300)); // let chokidar finish its first scan
    writeFileSync(join(desk.inboxDir, 'moi.pdf'), await pdfOf(1));
    expect(await desk.waitFor('inbox.changed', (p) => p.count === 1)).toEqual({ count: 1 });
    await new Promise((resolve) => setTimeout(resolve, 350)); // old enough to be "ready"
    await desk.call('inbox.attach', { fileNames: ['moi.pdf'], dossierId: id, kind: 'intake' });
    await desk.waitFor('inbox.changed', (p) => p.count === 0);
  });

  it('uses the configured folder (setting scan.inboxDir), refusing a relative path', async () => {
    const desk = await open();
    const elsewhere = makeTempDir('desk-scanner-share-');
    dirs.push(elsewhere);
    expect((await desk.fail('scan.configure', { inboxDir: 'ban-quet' })).message).toMatch(/đường dẫn đầy đủ/);
    const settings = await desk.call('scan.configure', { inboxDir: elsewhere.path });
    expect(settings.inboxDir).toBe(elsewhere.path);
    drop(elsewhere.path, 'tu-may-quet-mang.pdf', await pdfOf(1));
    expect((await desk.call('inbox.list', {})).files.map((f) => f.fileName)).toEqual(['tu-may-quet-mang.pdf']);
    expect((await desk.call('scan.configure', { inboxDir: '' })).inboxDir).toBe(desk.inboxDir);
  });
});
