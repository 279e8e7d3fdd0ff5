import type { AttachmentList, AttachmentView, ReuseCandidate } from '../../../shared/contract/attachments.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { AttachmentAddedPayload, AttachmentKind, AttachmentSource } from '../../../shared/domain/dossier/events.js';
import { checkAction } from '../../../shared/domain/dossier/lifecycle.js';
import type { DossierState } from '../../../shared/domain/dossier/state.js';
import { foldVietnamese } from '../../../shared/domain/text/fold-vietnamese.js';
import { normaliseName } from '../../../shared/domain/text/normalise-name.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { DossierService } from '../dossiers/dossier-service.js';
import type { DeskSession } from '../officers/desk-session.js';
import type { AttachmentRepository } from './attachment-repository.js';
import { importSources, type ImportSource } from './import-sources.js';
import type { UploadRegistry } from './upload-registry.js';

// Attachments are dossier events ('attachment.added' / 'attachment.retracted') recorded through the
// dossier service, so the lifecycle, the device counter, the log and every projection commit together.
// The blob is stored (fsync'd, renamed) BEFORE the event commits: an event never names bytes that are
// not on disk, and bytes whose event failed are only unreferenced (garbage collection removes them).

export interface AttachmentServiceDeps {
  dossiers: DossierService;
  repository: AttachmentRepository;
  blobs: BlobStore;
  uploads: UploadRegistry;
  session: DeskSession;
  newId(): string;
}

export interface AddSpec {
  kind: AttachmentKind;
  checklistItemId: string | null;
  source: Extract<AttachmentSource, 'scan' | 'file' | 'inbox'>;
  /** The stored name; default from the files. */
  fileName?: string;
}

/** Unreferenced blobs younger than this are kept: their event may be about to commit. */
export const BLOB_GRACE_MS = 24 * 60 * 60 * 1000;

export class AttachmentService {
  constructor(private readonly deps: AttachmentServiceDeps) {}

  async list(dossierId: string): Promise<AttachmentList> {
    this.deps.session.requireOfficer();
    return this.listOf(this.stateOrFail(dossierId));
  }

  /** Checks, stores and records files as ONE attachment (several files become one PDF). */
  async addSources(dossierId: string, sources: readonly ImportSource[], spec: AddSpec): Promise<AttachmentList> {
    this.deps.session.requireOfficer();
    // Refuse what the dossier cannot take before storing anything.
    this.checkCanAdd(this.stateOrFail(dossierId), spec.kind, spec.checklistItemId);
    const blob = await importSources(this.deps.blobs, sources, spec.fileName === undefined ? {} : { fileName: spec.fileName });
    return this.record(dossierId, {
      attachmentId: this.deps.newId(),
      blobSha256: blob.sha256,
      // A name from the disk (a dropped file, the scan inbox) is stored like typed text: NFC (macOS names are NFD).
      fileName: normaliseName(blob.fileName) || blob.fileName,
      mediaType: blob.mediaType,
      pages: blob.pages,
      sizeBytes: blob.sizeBytes,
      kind: spec.kind,
      checklistItemId: spec.checklistItemId,
      source: spec.source,
      reusedFromDossierId: null,
    });
  }

  /** An upload from the web host: its bytes are already a verified blob; they go through the same import. */
  async addUpload(args: { dossierId: string; uploadId: string; fileName: string; kind: AttachmentKind; checklistItemId: string | null }): Promise<AttachmentList> {
    this.deps.session.requireOfficer();
    const upload = this.deps.uploads.get(args.uploadId);
    await this.deps.blobs.verify(upload.sha256);
    const list = await this.addSources(args.dossierId, [{ path: this.deps.blobs.pathOf(upload.sha256), fileName: args.fileName, storedAs: upload.sha256 }], {
      kind: args.kind,
      checklistItemId: args.checklistItemId,
      source: 'file',
    });
    this.deps.uploads.forget(args.uploadId);
    return list;
  }

  async retract(attachmentId: string, reason: string): Promise<AttachmentList> {
    this.deps.session.requireOfficer();
    const location = this.deps.repository.find(attachmentId);
    if (location === null) throw new CommandError('not_found', 'Không tìm thấy tệp đính kèm này.');
    const detail = this.deps.dossiers.act(location.dossierId, 'attachment.retracted', () => ({ attachmentId, reason }));
    return this.listOf(detail.state);
  }

  /** Papers this applicant had digitised in other dossiers, for this dossier's papers not yet digitised. */
  async reuseCandidates(dossierId: string): Promise<ReuseCandidate[]> {
    this.deps.session.requireOfficer();
    const state = this.stateOrFail(dossierId);
    const idNumber = state.applicant.idNumber;
    if (idNumber === null) return [];
    const earlier = this.deps.repository.earlierOfApplicant(idNumber, dossierId);
    const candidates: ReuseCandidate[] = [];
    for (const item of state.digitisation) {
      if (item.state !== 'not_digitised') continue;
      const name = foldVietnamese(item.name);
      const seen = new Set<string>();
      for (const row of earlier) {
        const matches = row.checklistItemId === item.itemId || (row.itemName !== null && foldVietnamese(row.itemName) === name);
        if (!matches || seen.has(row.blobSha256)) continue;
        seen.add(row.blobSha256);
        candidates.push({
          attachmentId: row.attachmentId,
          fromDossierId: row.dossierId,
          fromDossierCode: row.dossierCode,
          fromProcedureName: row.procedureName,
          fromReceivedAt: row.receivedAt,
          fileName: row.fileName,
          mediaType: row.mediaType,
          pages: row.pages,
          sizeBytes: row.sizeBytes,
          blobSha256: row.blobSha256,
          kind: row.kind,
          checklistItemId: item.itemId,
          checklistItemName: item.name,
        });
      }
    }
    return candidates;
  }

  /** Records an earlier dossier's file for a paper of this one: a new event naming the same blob, no new bytes. */
  async reuse(dossierId: string, attachmentId: string, checklistItemId: string): Promise<AttachmentList> {
    this.deps.session.requireOfficer();
    const state = this.stateOrFail(dossierId);
    this.checkCanAdd(state, 'intake', checklistItemId);
    const idNumber = state.applicant.idNumber;
    const row = idNumber === null ? undefined : this.deps.repository.earlierOfApplicant(idNumber, dossierId).find((r) => r.attachmentId === attachmentId);
    if (row === undefined) {
      throw new CommandError('not_found', 'Không tìm thấy giấy tờ để dùng lại: chỉ dùng lại được giấy tờ đã số hoá trong hồ sơ khác của cùng người nộp (cùng số định danh).');
    }
    return this.record(dossierId, {
      attachmentId: this.deps.newId(),
      blobSha256: row.blobSha256,
      fileName: row.fileName,
      mediaType: row.mediaType,
      pages: row.pages,
      sizeBytes: row.sizeBytes,
      kind: 'intake',
      checklistItemId,
      source: row.kind === 'result' ? 'reused_result' : 'reused_dossier',
      reusedFromDossierId: row.dossierId,
    });
  }

  /** Removes blobs no live attachment and no waiting upload names, once older than the grace period. */
  collectGarbage(graceMs: number = BLOB_GRACE_MS, nowMs: number = Date.now()) {
    const referenced = this.deps.repository.referencedBlobs();
    const waiting = this.deps.uploads.pendingBlobs();
    return this.deps.blobs.collectGarbage((sha) => referenced.has(sha) || waiting.has(sha), graceMs, nowMs);
  }

  private record(dossierId: string, payload: AttachmentAddedPayload): Promise<AttachmentList> {
    const detail = this.deps.dossiers.act(dossierId, 'attachment.added', (state) => {
      this.checkCanAdd(state, payload.kind, payload.checklistItemId);
      return payload;
    });
    return this.listOf(detail.state);
  }

  private stateOrFail(dossierId: string): DossierState {
    const state = this.deps.dossiers.stateOf(dossierId);
    if (state === null) throw new CommandError('not_found', 'Không tìm thấy hồ sơ.');
    return state;
  }

  private checkCanAdd(state: DossierState, kind: AttachmentKind, checklistItemId: string | null): void {
    checkAction(state, 'attachment.added');
    if (kind === 'result' && state.resultAt === null) {
      throw new CommandError('transition_forbidden', 'Không thể đính kèm tệp kết quả: hồ sơ chưa có kết quả.');
    }
    if (checklistItemId !== null && !state.documents.some((d) => d.itemId === checklistItemId)) {
      throw new CommandError('invalid_argument', 'Giấy tờ được chọn không có trong danh sách giấy tờ đã nhận của hồ sơ này.');
    }
  }

  private async listOf(state: DossierState): Promise<AttachmentList> {
    const sizes = await Promise.all(state.attachments.map((a) => this.deps.blobs.sizeOf(a.blobSha256)));
    const attachments: AttachmentView[] = state.attachments.map((a, i) => ({ ...a, blobPresent: sizes[i] !== null }));
    return { dossierId: state.id, attachments, digitisation: [...state.digitisation] };
  }
}
