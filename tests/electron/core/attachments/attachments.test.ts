import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../../../support/database-snapshot.js';
import { makeTempDir } from '../../../support/temp-dir.js';
import { openAttachmentDesk, PAPERS, receiveDossier, type AttachmentDesk } from './support/attachment-desk.js';
import { appendUpdate, handmadePdf, kids, pageObjects } from './support/handmade-pdf.js';
import { GIF_BYTES, brokenPdf, encryptedPdf, pdfOf, photoJpeg, textScanPng } from './support/papers.js';

// Attachments through the contract (in-process transport), on a real data folder: each file becomes
// one verified blob and one 'attachment.added' event; refusals store nothing and record nothing.

let desk: AttachmentDesk;
let files: ReturnType<typeof makeTempDir>;
beforeEach(async () => {
  desk = await openAttachmentDesk();
  files = makeTempDir('desk-papers-');
});
afterEach(() => {
  desk.dispose();
  files.remove();
});

const fileWith = (name: string, bytes: Uint8Array): string => {
  const path = join(files.path, name);
  writeFileSync(path, bytes);
  return path;
};

const storedBlobs = () => desk.core.attachments.blobs.list();
const eventCount = () => (desk.core.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

describe('adding a file', () => {
  it('stores a PDF byte for byte, counts its pages and marks the paper digitised', async () => {
    const id = await receiveDossier(desk);
    const bytes = await pdfOf(3);
    const list = await desk.call('attachments.addFile', { dossierId: id, path: fileWith('to-khai.pdf', bytes), kind: 'intake', checklistItemId: 'to-khai' });

    expect(list.attachments).toHaveLength(1);
    const [attachment] = list.attachments;
    expect(attachment).toMatchObject({ fileName: 'to-khai.pdf', mediaType: 'application/pdf', pages: 3, sizeBytes: bytes.length, kind: 'intake', source: 'file', checklistItemId: 'to-khai', blobPresent: true, retractedAt: null });
    expect((await desk.core.attachments.blobs.readVerified(attachment!.blobSha256)).equals(bytes)).toBe(true);
    expect(list.digitisation.map((d) => [d.itemId, d.state])).toEqual([
      ['to-khai', 'digitised'],
      ['giay-chung-sinh', 'not_digitised'],
      ['giay-to-tuy-than', 'not_digitised'],
    ]);

    const detail = await desk.call('dossiers.get', { id });
    expect(detail.history.at(-1)).toMatchObject({ type: 'attachment.added', label: 'đính kèm tệp số hoá' });
    expect(detail.state.attachments[0]?.attachmentId).toBe(attachment!.attachmentId);
    expect(desk.pushed.some((e) => e.name === 'dossiers.changed')).toBe(true);
  });

  it('turns a scanned image into a one-page A4 PDF, whatever the file is called', async () => {
    const id = await receiveDossier(desk);
    const list = await desk.call('attachments.addFile', { dossierId: id, path: fileWith('giay chung sinh.pdf', await textScanPng(300)), kind: 'intake', checklistItemId: 'giay-chung-sinh' });
    const attachment = list.attachments[0]!;
    expect(attachment).toMatchObject({ mediaType: 'application/pdf', pages: 1, fileName: 'giay chung sinh.pdf' });
    const pdf = await PDFDocument.load(await desk.core.attachments.blobs.readVerified(attachment.blobSha256));
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });

    const photo = await desk.call('attachments.addFile', { dossierId: id, path: fileWith('anh.jpg', await photoJpeg(1200, 900)), kind: 'intake', checklistItemId: null });
    expect(photo.attachments[1]).toMatchObject({ fileName: 'anh.pdf', pages: 1, mediaType: 'application/pdf' });
  }, 30_000); // sharp encodes an A4 page: seconds on a loaded two-core machine

  it('stores the same bytes once when two dossiers get the same file', async () => {
    const first = await receiveDossier(desk);
    const second = await receiveDossier(desk, { idNumber: '022190000999', fullName: 'Lê Văn Khác' });
    const path = fileWith('chung.pdf', await pdfOf(1));
    const a = await desk.call('attachments.addFile', { dossierId: first, path, kind: 'intake', checklistItemId: null });
    const b = await desk.call('attachments.addFile', { dossierId: second, path, kind: 'intake', checklistItemId: null });
    expect(a.attachments[0]?.blobSha256).toBe(b.attachments[0]?.blobSha256);
    expect(await storedBlobs()).toHaveLength(1);
  });
});

describe('PDFs saved more than once', () => {
  it('stores a PDF with an incremental update byte for byte, with the pages of its latest version', async () => {
    const id = await receiveDossier(desk);
    const base = handmadePdf({ 1: '<< /Type /Catalog /Pages 2 0 R >>', 2: `<< /Type /Pages /Kids [${kids(10, 2)}] /Count 2 >>`, ...pageObjects(10, 2, 2) }, '/Root 1 0 R');
    const updated = appendUpdate(base, { 2: `<< /Type /Pages /Kids [${kids(10, 3)}] /Count 3 >>`, ...pageObjects(12, 1, 2) }, '/Root 1 0 R', 13);
    const list = await desk.call('attachments.addFile', { dossierId: id, path: fileWith('da-sua.pdf', updated), kind: 'intake', checklistItemId: null });
    expect(list.attachments[0]).toMatchObject({ pages: 3, sizeBytes: updated.length, mediaType: 'application/pdf' });
    expect((await desk.core.attachments.blobs.readVerified(list.attachments[0]!.blobSha256)).equals(updated)).toBe(true);
  });
});

describe('refusals store nothing and record nothing', () => {
  async function expectRefused(path: string, pattern: RegExp, code = 'invalid_argument'): Promise<void> {
    const id = await receiveDossier(desk);
    const before = eventCount();
    const error = await desk.fail('attachments.addFile', { dossierId: id, path, kind: 'intake', checklistItemId: null });
    expect(error.code).toBe(code);
    expect(error.message).toMatch(pattern);
    expect(await storedBlobs()).toEqual([]);
    expect(eventCount()).toBe(before);
  }

  it('refuses a type other than PDF, JPEG, PNG or TIFF, by its bytes and not its name', async () => {
    await expectRefused(fileWith('anh.gif', GIF_BYTES), /chỉ nhận tệp PDF, JPEG, PNG hoặc TIFF/);
    await expectRefused(fileWith('to-khai.pdf', Buffer.from('Đây là một tệp văn bản, không phải PDF.')), /"to-khai.pdf".*chỉ nhận tệp PDF/);
  });

  it('refuses a file over 100 MB before reading it', async () => {
    const path = join(files.path, 'qua-lon.pdf');
    writeFileSync(path, '%PDF-1.7\n');
    truncateSync(path, 100 * 1024 * 1024 + 1); // sparse: costs nothing on disk
    await expectRefused(path, /Tệp quá lớn: tối đa 100 MB/);
  });

  it('refuses an encrypted PDF and a broken one with a message saying which and why', async () => {
    await expectRefused(fileWith('mat-khau.pdf', await encryptedPdf()), /"mat-khau.pdf" được đặt mật khẩu hoặc mã hoá/);
    await expectRefused(fileWith('hong.pdf', brokenPdf()), /"hong.pdf" không phải tệp PDF đọc được/);
  });

  it('refuses a truncated PDF (a scanner still writing it) and leaves no temp file behind', async () => {
    const whole = await pdfOf(3);
    await expectRefused(fileWith('dang-quet.pdf', whole.subarray(0, Math.floor(whole.length / 2))), /"dang-quet.pdf" không phải tệp PDF đọc được/);
    expect(readdirSync(join(desk.dataDir, 'blobs', '.incoming'))).toEqual([]);
  });

  it('refuses an empty file and a file that is not there', async () => {
    await expectRefused(fileWith('rong.pdf', new Uint8Array(0)), /rỗng/);
    await expectRefused(join(files.path, 'khong-co.pdf'), /Không tìm thấy tệp "khong-co.pdf"/, 'not_found');
  });

  it('refuses a result file before the dossier has a result, and a paper the dossier did not receive', async () => {
    const id = await receiveDossier(desk);
    const path = fileWith('ket-qua.pdf', await pdfOf(1));
    expect((await desk.fail('attachments.addFile', { dossierId: id, path, kind: 'result', checklistItemId: null })).message).toMatch(/chưa có kết quả/);
    expect((await desk.fail('attachments.addFile', { dossierId: id, path, kind: 'intake', checklistItemId: 'so-ho-khau' })).message).toMatch(/không có trong danh sách giấy tờ/);
    expect(await storedBlobs()).toEqual([]);
    await desk.call('dossiers.recordResult', { dossierId: id, summary: 'Giấy khai sinh' });
    const list = await desk.call('attachments.addFile', { dossierId: id, path, kind: 'result', checklistItemId: null });
    expect(list.attachments[0]?.kind).toBe('result');
  });

  it('needs a signed-in officer', async () => {
    const id = await receiveDossier(desk);
    await desk.call('auth.signOut', {});
    expect((await desk.fail('attachments.list', { dossierId: id })).code).toBe('unauthorized');
  });
});

describe('retraction and the life of a blob', () => {
  it('retracts with a reason; the blob stays while another attachment names it, then garbage collection may take it', async () => {
    const first = await receiveDossier(desk);
    const second = await receiveDossier(desk, { idNumber: '022190000999' });
    const path = fileWith('to-khai.pdf', await pdfOf(2));
    const a = (await desk.call('attachments.addFile', { dossierId: first, path, kind: 'intake', checklistItemId: 'to-khai' })).attachments[0]!;
    const b = (await desk.call('attachments.addFile', { dossierId: second, path, kind: 'intake', checklistItemId: 'to-khai' })).attachments[0]!;

    const afterRetract = await desk.call('attachments.retract', { attachmentId: a.attachmentId, reason: 'Quét nhầm hồ sơ' });
    expect(afterRetract.attachments[0]).toMatchObject({ retractReason: 'Quét nhầm hồ sơ', blobPresent: true });
    expect(afterRetract.digitisation[0]?.state).toBe('not_digitised');
    expect((await desk.fail('attachments.retract', { attachmentId: a.attachmentId, reason: 'Lần nữa' })).code).toBe('transition_forbidden');

    const service = desk.core.attachments.service;
    expect((await service.collectGarbage(0)).removed).toEqual([]); // b still names it
    await desk.call('attachments.retract', { attachmentId: b.attachmentId, reason: 'Nhầm' });
    expect((await service.collectGarbage(60_000)).removed).toEqual([]); // younger than the grace period
    expect((await service.collectGarbage(0)).removed).toEqual([a.blobSha256]);
    expect((await desk.call('attachments.list', { dossierId: first })).attachments[0]?.blobPresent).toBe(false);
  });

  it('the attachments projection is rebuilt from the log exactly as it was written', async () => {
    const id = await receiveDossier(desk);
    const one = await desk.call('attachments.addFile', { dossierId: id, path: fileWith('a.pdf', await pdfOf(1)), kind: 'intake', checklistItemId: 'to-khai' });
    await desk.call('attachments.addFile', { dossierId: id, path: fileWith('b.pdf', await pdfOf(2)), kind: 'intake', checklistItemId: null });
    await desk.call('attachments.retract', { attachmentId: one.attachments[0]!.attachmentId, reason: 'Nhầm' });
    const before = snapshotDatabase(desk.core.db, { only: ['dossier_attachments'] });
    await desk.call('dossiers.rebuild', {});
    expect(snapshotDatabase(desk.core.db, { only: ['dossier_attachments'] })).toEqual(before);
    expect((desk.core.db.prepare('SELECT count(*) AS n FROM dossier_attachments').get() as { n: number }).n).toBe(2);
  });
});

describe('reuse of papers digitised in an earlier dossier', () => {
  it('offers the earlier scan for the same paper of the same ID number, records it as reused, and stores no second copy', async () => {
    const earlier = await receiveDossier(desk);
    await desk.call('attachments.addFile', { dossierId: earlier, path: fileWith('giay-chung-sinh.pdf', await pdfOf(1)), kind: 'intake', checklistItemId: 'giay-chung-sinh' });
    const blobsBefore = await storedBlobs();

    const later = await receiveDossier(desk);
    const stranger = await receiveDossier(desk, { idNumber: '022190000999', fullName: 'Người Khác' });
    expect(await desk.call('attachments.reuseCandidates', { dossierId: stranger })).toEqual([]);

    const offers = await desk.call('attachments.reuseCandidates', { dossierId: later });
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ fromDossierId: earlier, checklistItemId: 'giay-chung-sinh', checklistItemName: 'Giấy chứng sinh', fileName: 'giay-chung-sinh.pdf' });

    const list = await desk.call('attachments.reuse', { dossierId: later, attachmentId: offers[0]!.attachmentId, checklistItemId: 'giay-chung-sinh' });
    expect(list.attachments[0]).toMatchObject({ source: 'reused_dossier', reusedFromDossierId: earlier, blobSha256: offers[0]!.blobSha256, blobPresent: true });
    expect(list.digitisation.find((d) => d.itemId === 'giay-chung-sinh')?.state).toBe('reused_dossier');
    expect(await storedBlobs()).toEqual(blobsBefore);
    // Once reused, the paper is no longer offered.
    expect(await desk.call('attachments.reuseCandidates', { dossierId: later })).toEqual([]);
  });

  it('matches a paper by its name (diacritics and case folded) when the checklist ids differ, and offers results as reused results', async () => {
    const earlier = await receiveDossier(desk, {}, [...PAPERS, { itemId: 'gcs-cu', name: 'GIẤY CHỨNG SINH', form: 'copy', count: 1 }]);
    await desk.call('attachments.addFile', { dossierId: earlier, path: fileWith('gcs.pdf', await pdfOf(1)), kind: 'intake', checklistItemId: 'gcs-cu' });
    const later = await receiveDossier(desk);
    const [offer] = await desk.call('attachments.reuseCandidates', { dossierId: later });
    expect(offer).toMatchObject({ checklistItemId: 'giay-chung-sinh', fromDossierId: earlier });
  });

  it('refuses to reuse a file of another applicant', async () => {
    const other = await receiveDossier(desk, { idNumber: '022190000999' });
    const theirs = (await desk.call('attachments.addFile', { dossierId: other, path: fileWith('x.pdf', await pdfOf(1)), kind: 'intake', checklistItemId: 'to-khai' })).attachments[0]!;
    const mine = await receiveDossier(desk);
    const error = await desk.fail('attachments.reuse', { dossierId: mine, attachmentId: theirs.attachmentId, checklistItemId: 'to-khai' });
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/cùng người nộp/);
  });
});

describe('uploads (the web host path)', () => {
  it('an uploaded scan goes through the same import: typed by its bytes, one PDF, then attached', async () => {
    const id = await receiveDossier(desk);
    const receipt = await desk.core.attachments.uploads.receive([await textScanPng(150)], 'to-khai.png');
    expect(receipt).toMatchObject({ mediaType: 'image/png', uploadId: expect.stringMatching(/^[\w-]{16,64}$/) });
    const list = await desk.call('attachments.addUpload', { dossierId: id, uploadId: receipt.uploadId, fileName: 'to-khai.png', kind: 'intake', checklistItemId: 'to-khai' });
    expect(list.attachments[0]).toMatchObject({ fileName: 'to-khai.pdf', mediaType: 'application/pdf', pages: 1, source: 'file' });
    // The upload id is spent.
    expect((await desk.fail('attachments.addUpload', { dossierId: id, uploadId: receipt.uploadId, fileName: 'x.png', kind: 'intake' })).code).toBe('not_found');
  });

  it('refuses an upload of another type at its first bytes and keeps nothing', async () => {
    await expect(desk.core.attachments.uploads.receive([GIF_BYTES], 'anh.gif')).rejects.toThrow(/chỉ nhận tệp PDF, JPEG, PNG hoặc TIFF/);
    expect(await storedBlobs()).toEqual([]);
  });
});
