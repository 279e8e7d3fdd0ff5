import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AttachmentList, InboxList, ReuseCandidate, ScanProgress } from '../../../../shared/contract/attachments.js';
import { errorEnvelope, type Envelope } from '../../../../shared/contract/envelope.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { AttachmentKind } from '../../../../shared/domain/dossier/events.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';
import type { FileTransfer } from '../transfer/file-transfer.js';

// The papers of the dossier on screen: its attachments and each paper's digitisation, the scan inbox,
// the scanner, reuse offers, and the bytes of stored scans (fetched once, kept as object URLs).

export type AttachmentsBusy = 'upload' | 'inbox' | 'retract' | 'reuse' | null;

export interface AttachmentsState {
  dossierId: string | null;
  list: AttachmentList | null;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  error: CommandErrorData | null;
  busy: AttachmentsBusy;
  actionError: CommandErrorData | null;
  /** What the last action did, for a status line the screen reader announces. */
  notice: string | null;
  inbox: InboxList | null;
  inboxError: CommandErrorData | null;
  candidates: ReuseCandidate[];
  scan: ScanProgress | null;
  /** The scan being fetched from the centre now (opened on a desk that did not have it yet); null otherwise. */
  fetchingScan: string | null;
  /** False where this window cannot move bytes yet (see file-transfer.ts). */
  canTransfer: boolean;
  load(dossierId: string): Promise<void>;
  refreshInbox(): Promise<void>;
  attachFromInbox(fileNames: string[], kind: AttachmentKind, checklistItemId: string | null): Promise<boolean>;
  uploadFiles(files: readonly File[], kind: AttachmentKind, checklistItemId: string | null): Promise<boolean>;
  retract(attachmentId: string, reason: string): Promise<boolean>;
  reuse(candidate: ReuseCandidate): Promise<boolean>;
  startScan(mode: 'single' | 'feeder', pages?: number): Promise<void>;
  cancelScan(): Promise<void>;
  /** A stored scan's verified bytes and an object URL for them (fetched once per store). */
  storedFile(sha256: string): Promise<Envelope<StoredFile>>;
  /** Follows the core's events (inbox, scanner); returns the function that stops. */
  follow(): () => void;
  /** Revokes the object URLs (the app is closing the feature). */
  dispose(): void;
}

export type AttachmentsStore = StoreApi<AttachmentsState>;

export interface StoredFile {
  blob: Blob;
  /** For <img>; PDFs are read from `blob` (the CSP's connect-src does not allow fetching blob: URLs). */
  url: string;
}

export function createAttachmentsStore(backend: DeskBackend, transfer: FileTransfer): AttachmentsStore {
  let latestLoad = 0;
  const files = new Map<string, Promise<Envelope<StoredFile>>>();

  return createStore<AttachmentsState>()((set, get) => {
    const accept = (list: AttachmentList, notice: string): void => {
      if (list.dossierId === get().dossierId) set({ list, notice, actionError: null });
    };
    const loadCandidates = async (dossierId: string): Promise<void> => {
      const offers = await backend.invoke('attachments.reuseCandidates', { dossierId });
      if (offers.ok && get().dossierId === dossierId) set({ candidates: offers.value });
    };

    return {
      dossierId: null,
      list: null,
      status: 'idle',
      error: null,
      busy: null,
      actionError: null,
      notice: null,
      inbox: null,
      inboxError: null,
      candidates: [],
      scan: null,
      fetchingScan: null,
      canTransfer: transfer.available,

      async load(dossierId) {
        const request = ++latestLoad;
        const switching = get().dossierId !== dossierId;
        set({ dossierId, status: 'loading', error: null, ...(switching ? { list: null, candidates: [], notice: null, actionError: null } : {}) });
        const envelope = await backend.invoke('attachments.list', { dossierId });
        if (request !== latestLoad) return;
        if (envelope.ok) set({ list: envelope.value, status: 'loaded' });
        else set({ status: 'failed', error: envelope.error });
        await loadCandidates(dossierId);
      },

      async refreshInbox() {
        const envelope = await backend.invoke('inbox.list', {});
        if (envelope.ok) set({ inbox: envelope.value, inboxError: null });
        else set({ inboxError: envelope.error });
      },

      async attachFromInbox(fileNames, kind, checklistItemId) {
        const dossierId = get().dossierId;
        if (dossierId === null || get().busy !== null || fileNames.length === 0) return false;
        set({ busy: 'inbox', actionError: null, notice: null });
        const envelope = await backend.invoke('inbox.attach', { fileNames, dossierId, kind, checklistItemId });
        set({ busy: null });
        if (!envelope.ok) {
          set({ actionError: envelope.error });
          return false;
        }
        accept(envelope.value, fileNames.length === 1 ? `Đã đính kèm "${fileNames[0]}".` : `Đã ghép ${fileNames.length} tệp thành một tệp PDF và đính kèm.`);
        await Promise.all([get().refreshInbox(), loadCandidates(dossierId)]);
        return true;
      },

      async uploadFiles(files, kind, checklistItemId) {
        const dossierId = get().dossierId;
        if (dossierId === null || get().busy !== null || files.length === 0) return false;
        set({ busy: 'upload', actionError: null, notice: null });
        try {
          for (const file of files) {
            const uploaded = await transfer.upload(file, file.name);
            if (!uploaded.ok) {
              set({ actionError: { ...uploaded.error, message: `"${file.name}": ${uploaded.error.message}` } });
              return false;
            }
            const added = await backend.invoke('attachments.addUpload', { dossierId, uploadId: uploaded.value.uploadId, fileName: file.name, kind, checklistItemId });
            if (!added.ok) {
              set({ actionError: { ...added.error, message: `"${file.name}": ${added.error.message}` } });
              return false;
            }
            accept(added.value, `Đã đính kèm "${file.name}".`);
          }
          await loadCandidates(dossierId);
          return true;
        } finally {
          set({ busy: null });
        }
      },

      async retract(attachmentId, reason) {
        if (get().busy !== null) return false;
        set({ busy: 'retract', actionError: null, notice: null });
        const envelope = await backend.invoke('attachments.retract', { attachmentId, reason });
        set({ busy: null });
        if (!envelope.ok) {
          set({ actionError: envelope.error });
          return false;
        }
        accept(envelope.value, 'Đã gỡ tệp khỏi hồ sơ.');
        const dossierId = get().dossierId;
        if (dossierId !== null) await loadCandidates(dossierId);
        return true;
      },

      async reuse(candidate) {
        const dossierId = get().dossierId;
        if (dossierId === null || get().busy !== null) return false;
        set({ busy: 'reuse', actionError: null, notice: null });
        const envelope = await backend.invoke('attachments.reuse', { dossierId, attachmentId: candidate.attachmentId, checklistItemId: candidate.checklistItemId });
        set({ busy: null });
        if (!envelope.ok) {
          set({ actionError: envelope.error });
          return false;
        }
        accept(envelope.value, `Đã dùng lại "${candidate.fileName}" cho ${candidate.checklistItemName}.`);
        await loadCandidates(dossierId);
        return true;
      },

      async startScan(mode, pages) {
        const dossierId = get().dossierId ?? undefined;
        set({ actionError: null, notice: null });
        const envelope = await backend.invoke('scan.start', { mode, ...(pages === undefined ? {} : { pages }), ...(dossierId ? { dossierId } : {}) });
        if (!envelope.ok) set({ actionError: envelope.error });
        else set({ scan: { scanId: envelope.value.scanId, state: 'scanning', pagesDone: 0, fileName: null, message: null, dossierId: dossierId ?? null } });
      },

      async cancelScan() {
        const scan = get().scan;
        if (scan === null || scan.state !== 'scanning') return;
        const envelope = await backend.invoke('scan.cancel', { scanId: scan.scanId });
        if (!envelope.ok) set({ actionError: envelope.error });
      },

      storedFile(sha256) {
        let pending = files.get(sha256);
        if (pending === undefined) {
          pending = transfer
            .fetchBlob(sha256)
            .then(async (envelope) => {
              // Not on this desk (a replaced PC still fetching its ward's scans): from the centre now.
              if (envelope.ok || envelope.error.code !== 'not_found') return envelope;
              set({ fetchingScan: sha256 });
              try {
                const fetched = await backend.invoke('sync.fetchScan', { sha256 });
                if (!fetched.ok) return fetched;
                return fetched.value.fetched ? transfer.fetchBlob(sha256) : envelope;
              } finally {
                if (get().fetchingScan === sha256) set({ fetchingScan: null });
              }
            })
            .then((envelope): Envelope<StoredFile> => (envelope.ok ? { ok: true, value: { blob: envelope.value, url: URL.createObjectURL(envelope.value) } } : envelope));
          // A failure is not kept: the next look tries again (the file may arrive by sync).
          pending.then((envelope) => !envelope.ok && files.delete(sha256), () => files.delete(sha256));
          files.set(sha256, pending);
        }
        return pending.catch(() => errorEnvelope('internal', 'Không tải được tệp.'));
      },

      follow() {
        // A change to the dossier itself reaches the panel as a new DossierDetail (the dossier store follows it).
        const stops = [
          backend.onEvent('inbox.changed', () => void get().refreshInbox()),
          backend.onEvent('scan.progress', (progress) => {
            set({ scan: progress });
            if (progress.state === 'done') void get().refreshInbox();
          }),
        ];
        return () => stops.forEach((stop) => stop());
      },

      dispose() {
        for (const pending of files.values()) void pending.then((envelope) => envelope.ok && URL.revokeObjectURL(envelope.value.url));
        files.clear();
      },
    };
  });
}
