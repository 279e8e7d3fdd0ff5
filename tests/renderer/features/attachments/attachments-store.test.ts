import { describe, expect, it } from 'vitest';
import type { AttachmentList, InboxList, ReuseCandidate } from '../../../../shared/contract/attachments.js';
import { errorEnvelope, type Envelope } from '../../../../shared/contract/envelope.js';
import { createAttachmentsStore } from '../../../../renderer/features/attachments/store/attachments-store.js';
import type { FileTransfer, UploadReceipt } from '../../../../renderer/features/attachments/transfer/file-transfer.js';
import { createScriptedBackend, fail, ok } from '../../support/scripted-backend.js';

// The attachments store against a scripted transport: what it sends, what it shows, and that a
// failure keeps what is on screen and says why.

const DOSSIER = '01JD0SS1ER000000000000000A';
const SHA = 'ab'.repeat(32);

function listWith(count: number, dossierId = DOSSIER): AttachmentList {
  return {
    dossierId,
    attachments: Array.from({ length: count }, (_, i) => ({
      attachmentId: `01JATTACH00000000000000000${i}`.slice(0, 26),
      blobSha256: SHA,
      fileName: `quet-${i}.pdf`,
      mediaType: 'application/pdf' as const,
      pages: 1,
      sizeBytes: 1000,
      kind: 'intake' as const,
      checklistItemId: 'to-khai',
      source: 'inbox' as const,
      reusedFromDossierId: null,
      addedAt: '2026-11-23T02:00:00.000Z',
      officerId: 'o1',
      retractedAt: null,
      retractReason: null,
      blobPresent: true,
    })),
    digitisation: [{ itemId: 'to-khai', name: 'Tờ khai', state: count > 0 ? 'digitised' : 'not_digitised', attachmentIds: [] }],
  };
}

const INBOX: InboxList = { dir: '/srv/scan-inbox', files: [{ fileName: 'quet-1.pdf', sizeBytes: 2000, mediaType: 'application/pdf', modifiedAt: '2026-11-23T01:59:00.000Z', ready: true }] };

function fakeTransfer(overrides: Partial<FileTransfer> = {}): FileTransfer & { uploads: string[]; fetches: string[] } {
  const uploads: string[] = [];
  const fetches: string[] = [];
  return {
    available: true,
    uploads,
    fetches,
    upload(_file, fileName) {
      uploads.push(fileName);
      return Promise.resolve<Envelope<UploadReceipt>>({ ok: true, value: { uploadId: `up-${fileName}-0000000000`, sha256: SHA, size: 10, mediaType: 'application/pdf' } });
    },
    fetchBlob(sha256) {
      fetches.push(sha256);
      return Promise.resolve<Envelope<Blob>>({ ok: true, value: new Blob(['%PDF-1.7'], { type: 'application/pdf' }) });
    },
    ...overrides,
  };
}

describe('attachments store', () => {
  it('loads the list and the reuse offers of the dossier on screen', async () => {
    const offer = { attachmentId: 'x', checklistItemId: 'to-khai', fileName: 'cu.pdf' } as ReuseCandidate;
    const backend = createScriptedBackend({ 'attachments.list': () => ok(listWith(1)), 'attachments.reuseCandidates': () => ok([offer]) });
    const store = createAttachmentsStore(backend, fakeTransfer());
    await store.getState().load(DOSSIER);
    expect(store.getState()).toMatchObject({ status: 'loaded', dossierId: DOSSIER, candidates: [offer] });
    expect(store.getState().list?.attachments).toHaveLength(1);
    expect(backend.callsOf('attachments.list')).toEqual([{ dossierId: DOSSIER }]);
  });

  it('attaches the chosen inbox files to the open dossier and its paper, then refreshes the inbox', async () => {
    const backend = createScriptedBackend({
      'attachments.list': () => ok(listWith(0)),
      'attachments.reuseCandidates': () => ok([]),
      'inbox.attach': () => ok(listWith(1)),
      'inbox.list': () => ok({ ...INBOX, files: [] }),
    });
    const store = createAttachmentsStore(backend, fakeTransfer());
    await store.getState().load(DOSSIER);
    expect(await store.getState().attachFromInbox(['quet-1.pdf'], 'intake', 'to-khai')).toBe(true);
    expect(backend.callsOf('inbox.attach')).toEqual([{ fileNames: ['quet-1.pdf'], dossierId: DOSSIER, kind: 'intake', checklistItemId: 'to-khai' }]);
    expect(store.getState()).toMatchObject({ notice: 'Đã đính kèm "quet-1.pdf".', busy: null, actionError: null, inbox: { files: [] } });
    expect(store.getState().list?.attachments).toHaveLength(1);
  });

  it('keeps the list and shows the reason when attaching fails', async () => {
    const backend = createScriptedBackend({
      'attachments.list': () => ok(listWith(1)),
      'attachments.reuseCandidates': () => ok([]),
      'inbox.attach': () => fail('conflict', 'Tệp "quet-1.pdf" vẫn đang được máy quét ghi.'),
    });
    const store = createAttachmentsStore(backend, fakeTransfer());
    await store.getState().load(DOSSIER);
    expect(await store.getState().attachFromInbox(['quet-1.pdf'], 'intake', null)).toBe(false);
    expect(store.getState().actionError).toEqual({ code: 'conflict', message: 'Tệp "quet-1.pdf" vẫn đang được máy quét ghi.' });
    expect(store.getState().list?.attachments).toHaveLength(1);
  });

  it('uploads each picked file, then names the upload in attachments.addUpload (no bytes in the command)', async () => {
    const backend = createScriptedBackend({
      'attachments.list': () => ok(listWith(0)),
      'attachments.reuseCandidates': () => ok([]),
      'attachments.addUpload': () => ok(listWith(1)),
    });
    const transfer = fakeTransfer();
    const store = createAttachmentsStore(backend, transfer);
    await store.getState().load(DOSSIER);
    const file = new File(['%PDF-1.7'], 'to-khai.pdf', { type: 'application/pdf' });
    expect(await store.getState().uploadFiles([file], 'intake', 'to-khai')).toBe(true);
    expect(transfer.uploads).toEqual(['to-khai.pdf']);
    expect(backend.callsOf('attachments.addUpload')).toEqual([{ dossierId: DOSSIER, uploadId: 'up-to-khai.pdf-0000000000', fileName: 'to-khai.pdf', kind: 'intake', checklistItemId: 'to-khai' }]);
  });

  it('names the file when its upload is refused, and sends no command for it', async () => {
    const backend = createScriptedBackend({ 'attachments.list': () => ok(listWith(0)), 'attachments.reuseCandidates': () => ok([]) });
    const transfer = fakeTransfer({ upload: () => Promise.resolve(errorEnvelope('invalid_argument', 'Chỉ nhận tệp PDF, JPEG, PNG hoặc TIFF.')) });
    const store = createAttachmentsStore(backend, transfer);
    await store.getState().load(DOSSIER);
    expect(await store.getState().uploadFiles([new File(['GIF89a'], 'anh.gif')], 'intake', null)).toBe(false);
    expect(store.getState().actionError?.message).toBe('"anh.gif": Chỉ nhận tệp PDF, JPEG, PNG hoặc TIFF.');
    expect(backend.callsOf('attachments.addUpload')).toEqual([]);
  });

  it('follows the inbox and the scanner from the core’s events', async () => {
    let inboxCalls = 0;
    const backend = createScriptedBackend({ 'inbox.list': () => ((inboxCalls += 1), ok(INBOX)) });
    const store = createAttachmentsStore(backend, fakeTransfer());
    const stop = store.getState().follow();
    backend.emit('inbox.changed', { count: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().inbox).toEqual(INBOX);
    backend.emit('scan.progress', { scanId: 's1', state: 'scanning', pagesDone: 2, fileName: null, message: null, dossierId: null });
    expect(store.getState().scan).toMatchObject({ state: 'scanning', pagesDone: 2 });
    backend.emit('scan.progress', { scanId: 's1', state: 'done', pagesDone: 3, fileName: 'quet.pdf', message: null, dossierId: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(inboxCalls).toBe(2); // a finished scan lands in the inbox: read it again
    stop();
    backend.emit('scan.progress', { scanId: 's2', state: 'scanning', pagesDone: 0, fileName: null, message: null, dossierId: null });
    expect(store.getState().scan?.scanId).toBe('s1');
  });

  it('fetches a stored scan once, and tries again after a failure', async () => {
    let failNext = true;
    const transfer = fakeTransfer();
    const fetchBlob = transfer.fetchBlob.bind(transfer);
    transfer.fetchBlob = (sha) => {
      if (failNext) {
        failNext = false;
        transfer.fetches.push(sha);
        return Promise.resolve(errorEnvelope('storage_failure', 'Tệp bị hỏng.'));
      }
      return fetchBlob(sha);
    };
    const store = createAttachmentsStore(createScriptedBackend(), transfer);
    expect(await store.getState().storedFile(SHA)).toEqual({ ok: false, error: { code: 'storage_failure', message: 'Tệp bị hỏng.' } });
    const first = await store.getState().storedFile(SHA);
    const second = await store.getState().storedFile(SHA);
    expect(first.ok && second.ok && first.value.url === second.value.url).toBe(true);
    expect(transfer.fetches).toEqual([SHA, SHA]);
    store.getState().dispose();
  });

  it('fetches a scan this desk lacks from the centre at once, saying so meanwhile, then shows it', async () => {
    let onDesk = false;
    const transfer = fakeTransfer();
    const fetchBlob = transfer.fetchBlob.bind(transfer);
    transfer.fetchBlob = (sha) => (onDesk ? fetchBlob(sha) : Promise.resolve(errorEnvelope('not_found', 'Không tìm thấy tệp đã số hoá.')));
    let seenWhileFetching: string | null = null;
    const backend = createScriptedBackend({
      'sync.fetchScan': () => {
        seenWhileFetching = store.getState().fetchingScan;
        onDesk = true;
        return ok({ fetched: true });
      },
    });
    const store = createAttachmentsStore(backend, transfer);
    const shown = await store.getState().storedFile(SHA);
    expect(shown.ok).toBe(true);
    expect(seenWhileFetching).toBe(SHA);
    expect(store.getState().fetchingScan).toBeNull();
    expect(backend.callsOf('sync.fetchScan')).toEqual([{ sha256: SHA }]);
    store.getState().dispose();
  });

  it('keeps the not-found message when the centre has no such scan either', async () => {
    const transfer = fakeTransfer({ fetchBlob: () => Promise.resolve(errorEnvelope('not_found', 'Không tìm thấy tệp đã số hoá.')) });
    const store = createAttachmentsStore(createScriptedBackend({ 'sync.fetchScan': () => ok({ fetched: false }) }), transfer);
    expect(await store.getState().storedFile(SHA)).toEqual({ ok: false, error: { code: 'not_found', message: 'Không tìm thấy tệp đã số hoá.' } });
    store.getState().dispose();
  });

  it('starts a scan for the open dossier and can cancel it', async () => {
    const backend = createScriptedBackend({
      'attachments.list': () => ok(listWith(0)),
      'attachments.reuseCandidates': () => ok([]),
      'scan.start': () => ok({ scanId: 'scan-1' }),
      'scan.cancel': (args) => ok({ scanId: args.scanId }),
    });
    const store = createAttachmentsStore(backend, fakeTransfer());
    await store.getState().load(DOSSIER);
    await store.getState().startScan('feeder', 5);
    expect(backend.callsOf('scan.start')).toEqual([{ mode: 'feeder', pages: 5, dossierId: DOSSIER }]);
    expect(store.getState().scan).toMatchObject({ scanId: 'scan-1', state: 'scanning' });
    await store.getState().cancelScan();
    expect(backend.callsOf('scan.cancel')).toEqual([{ scanId: 'scan-1' }]);
  });
});
