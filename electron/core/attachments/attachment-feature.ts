import { mkdir, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { AttachmentList, ScanSettings } from '../../../shared/contract/attachments.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { AttachmentKind } from '../../../shared/domain/dossier/events.js';
import { BlobStore } from '../blobs/blob-store.js';
import type { DeskDatabase } from '../db/open-database.js';
import type { DossierService } from '../dossiers/dossier-service.js';
import type { DeskEventBus } from '../event-bus.js';
import type { DeskSession } from '../officers/desk-session.js';
import { defaultScanCommand } from '../scan/scan-command.js';
import { ScanInbox } from '../scan/scan-inbox.js';
import { ScanRunner } from '../scan/scan-runner.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import { AttachmentRepository } from './attachment-repository.js';
import { AttachmentService } from './attachment-service.js';
import { UploadRegistry } from './upload-registry.js';

// Everything about papers in one place for the core to build and close: the blob store under the data
// folder, uploads, the attachment service, the scan inbox and the scanner.

export const SCAN_SETTING_KEYS = { inboxDir: 'scan.inboxDir', command: 'scan.command', device: 'scan.device' } as const;

export interface AttachmentFeatureDeps {
  db: DeskDatabase;
  dataDir: string;
  dossiers: DossierService;
  session: DeskSession;
  settings: SettingsRepository;
  events: DeskEventBus;
  now(): number;
  newId(): string;
  /** Test seams. */
  options?: { inboxStableMs?: number; scanTimeoutMs?: number; blobs?: ConstructorParameters<typeof BlobStore>[1] };
}

export interface AttachmentFeature {
  blobs: BlobStore;
  uploads: UploadRegistry;
  service: AttachmentService;
  inbox: ScanInbox;
  scanner: ScanRunner;
  /** The web host's file routes serve citizens' papers only to a signed-in officer. */
  requireOfficer(): void;
  /** Attaches inbox files (several → one PDF), then — only once the event is committed — deletes them. */
  attachFromInbox(args: { fileNames: string[]; dossierId: string; kind: AttachmentKind; checklistItemId: string | null }): Promise<AttachmentList>;
  scanSettings(): ScanSettings;
  /**
   * Opens the blob store (removing a crash's temp files) and clears a crashed scan's pages. Also done
   * lazily on first use (first blob write, first scan), so the core does not touch the disk at start.
   */
  open(): Promise<void>;
  configureScan(changes: { inboxDir?: string; command?: string; device?: string }): Promise<ScanSettings>;
  close(): Promise<void>;
}

export function createAttachmentFeature(deps: AttachmentFeatureDeps): AttachmentFeature {
  const blobs = new BlobStore(join(deps.dataDir, 'blobs'), deps.options?.blobs);
  const uploads = new UploadRegistry(blobs);
  const service = new AttachmentService({
    dossiers: deps.dossiers,
    repository: new AttachmentRepository(deps.db),
    blobs,
    uploads,
    session: deps.session,
    newId: deps.newId,
  });
  const defaultInbox = join(deps.dataDir, 'scan-inbox');
  const scanSettings = (): ScanSettings => {
    const command = deps.settings.get(SCAN_SETTING_KEYS.command);
    return {
      inboxDir: deps.settings.get(SCAN_SETTING_KEYS.inboxDir) || defaultInbox,
      command: command || defaultScanCommand(),
      device: deps.settings.get(SCAN_SETTING_KEYS.device) ?? '',
      commandIsDefault: !command,
    };
  };
  const workRoot = join(deps.dataDir, 'scan-work');
  const scanner = new ScanRunner({ config: scanSettings, events: deps.events, workRoot, timeoutMs: deps.options?.scanTimeoutMs, now: deps.now });
  const inbox = new ScanInbox(() => scanSettings().inboxDir, deps.events, {
    stableMs: deps.options?.inboxStableMs,
    knownComplete: (fileName) => scanner.isProduced(fileName),
  });

  return {
    blobs,
    uploads,
    service,
    inbox,
    scanner,
    requireOfficer: () => void deps.session.requireOfficer(),
    async attachFromInbox(args) {
      deps.session.requireOfficer();
      const sources = await inbox.take(args.fileNames);
      const fromScanner = args.fileNames.every((name) => scanner.isProduced(name));
      const list = await service.addSources(args.dossierId, sources, {
        kind: args.kind,
        checklistItemId: args.checklistItemId,
        source: fromScanner ? 'scan' : 'inbox',
      });
      // The blob is fsync'd and the event committed (synchronous = FULL): only now may the file go.
      // If it cannot (a scanner program still holds it open on Windows), the attachment stands and the
      // file stays in the list for the officer to delete; failing here would invite a second attach.
      await inbox.remove(args.fileNames).catch(() => undefined);
      return list;
    },
    scanSettings,
    async open() {
      await blobs.open();
      // Pages a crashed scan left behind are not anyone's papers any more.
      await rm(workRoot, { recursive: true, force: true });
      await mkdir(workRoot, { recursive: true });
    },
    async configureScan(changes) {
      deps.session.requireOfficer('supervisor');
      if (changes.inboxDir !== undefined && changes.inboxDir !== '' && !isAbsolute(changes.inboxDir)) {
        throw new CommandError('invalid_argument', 'Thư mục nhận bản quét phải là đường dẫn đầy đủ (ví dụ D:\\BanQuet hoặc /home/motcua/ban-quet).');
      }
      if (changes.inboxDir !== undefined) deps.settings.set(SCAN_SETTING_KEYS.inboxDir, changes.inboxDir);
      if (changes.command !== undefined) deps.settings.set(SCAN_SETTING_KEYS.command, changes.command);
      if (changes.device !== undefined) deps.settings.set(SCAN_SETTING_KEYS.device, changes.device);
      await inbox.list(); // creates the folder, and proves it can be read
      return scanSettings();
    },
    async close() {
      await scanner.close();
      await inbox.close();
    },
  };
}
