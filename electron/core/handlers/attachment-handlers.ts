import type { Handlers } from '../../../shared/contract/commands.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { CoreContext } from './context.js';

type AttachmentHandlers = Pick<
  Handlers,
  | 'attachments.addFile'
  | 'attachments.addUpload'
  | 'attachments.list'
  | 'attachments.retract'
  | 'attachments.reuseCandidates'
  | 'attachments.reuse'
  | 'inbox.list'
  | 'inbox.attach'
  | 'scan.start'
  | 'scan.cancel'
  | 'scan.settings'
  | 'scan.configure'
>;

export function attachmentHandlers(ctx: CoreContext): AttachmentHandlers {
  const feature = ctx.attachments;
  const service = feature.service;

  return {
    // A path names a file on the desk's own disk: only the Electron window (its file dialog, its drop
    // handler) and in-process callers may name one. A web page uploads the bytes instead.
    'attachments.addFile': (args, call) => {
      if (call.transport === 'http') {
        throw new CommandError('forbidden', 'Qua trình duyệt, hãy tải tệp lên (POST /api/uploads) rồi dùng attachments.addUpload.');
      }
      return service.addSources(args.dossierId, [{ path: args.path, fileName: args.path.split(/[/\\]/).at(-1) ?? args.path }], {
        kind: args.kind,
        checklistItemId: args.checklistItemId,
        source: 'file',
      });
    },
    'attachments.addUpload': (args) => service.addUpload(args),
    'attachments.list': (args) => service.list(args.dossierId),
    'attachments.retract': (args) => service.retract(args.attachmentId, args.reason),
    'attachments.reuseCandidates': (args) => service.reuseCandidates(args.dossierId),
    'attachments.reuse': (args) => service.reuse(args.dossierId, args.attachmentId, args.checklistItemId),

    'inbox.list': async () => {
      ctx.session.requireOfficer();
      // Watching starts when someone first looks; the list itself always reads the folder.
      await feature.inbox.watch();
      return feature.inbox.list();
    },
    'inbox.attach': (args) => feature.attachFromInbox(args),

    'scan.start': async (args) => {
      ctx.session.requireOfficer();
      await feature.inbox.watch();
      return { scanId: await feature.scanner.start(args) };
    },
    'scan.cancel': async (args) => {
      ctx.session.requireOfficer();
      await feature.scanner.cancel(args.scanId);
      return { scanId: args.scanId };
    },
    'scan.settings': () => {
      ctx.session.requireOfficer();
      return feature.scanSettings();
    },
    'scan.configure': (args) => feature.configureScan(args),
  };
}
