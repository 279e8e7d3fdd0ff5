import './zod-vietnamese.js';
import type { z } from 'zod';
import { calendarYearSchema } from '../domain/calendar/calendar-validation.js';
import { appInfoArgs, type AppInfo } from './app-info.js';
import * as att from './attachments.js';
import * as b from './backup.js';
import {
  calendarGetArgs,
  catalogueProceduresArgs,
  catalogueUnitsArgs,
  type CalendarView,
  type CatalogueProcedures,
  type Unit,
} from './catalogue.js';
import type { CommandName } from './command-names.js';
import { crashReportInputSchema, type CrashRecorded } from './crash-report.js';
import * as d from './dossiers.js';
import * as p from './preferences.js';
import * as r from './reports.js';
import type { Envelope } from './envelope.js';
import * as s from './setup.js';
import * as sync from '../sync/desk-commands.js';
import type { SyncStatus } from './events.js';

// One schema per command: the single place where a command's argument shape is declared.
export const COMMAND_SCHEMAS = {
  'app.info': appInfoArgs,
  'app.recordCrash': crashReportInputSchema,
  'setup.status': s.setupStatusArgs,
  'setup.initialise': s.setupInitialiseArgs,
  'auth.signIn': s.authSignInArgs,
  'auth.signOut': s.authSignOutArgs,
  'auth.session': s.authSessionArgs,
  'auth.changePassword': s.authChangePasswordArgs,
  'officers.list': s.officersListArgs,
  'officers.create': s.officersCreateArgs,
  'officers.resetPassword': s.officersResetPasswordArgs,
  'officers.setActive': s.officersSetActiveArgs,
  'settings.get': s.settingsGetArgs,
  'settings.set': s.settingsSetArgs,
  'settings.moveUnit': s.settingsMoveUnitArgs,
  'preferences.get': p.preferencesGetArgs,
  'preferences.set': p.preferencesSetArgs,
  'catalogue.units': catalogueUnitsArgs,
  'catalogue.procedures': catalogueProceduresArgs,
  'calendar.get': calendarGetArgs,
  'calendar.set': calendarYearSchema,
  'dossiers.receive': d.dossiersReceiveArgs,
  'dossiers.refuse': d.dossiersRefuseArgs,
  'dossiers.previewAppointment': d.dossiersPreviewAppointmentArgs,
  'dossiers.get': d.dossiersGetArgs,
  'dossiers.search': d.dossiersSearchArgs,
  'dossiers.forward': d.dossiersForwardArgs,
  'dossiers.requestSupplement': d.dossiersRequestSupplementArgs,
  'dossiers.receiveSupplement': d.dossiersReceiveSupplementArgs,
  'dossiers.recordResult': d.dossiersRecordResultArgs,
  'dossiers.reschedule': d.dossiersRescheduleArgs,
  'dossiers.handBack': d.dossiersHandBackArgs,
  'dossiers.rate': d.dossiersRateArgs,
  'dossiers.withdraw': d.dossiersWithdrawArgs,
  'dossiers.stop': d.dossiersStopArgs,
  'dossiers.recordFee': d.dossiersRecordFeeArgs,
  'dossiers.addNote': d.dossiersAddNoteArgs,
  'dossiers.correctField': d.dossiersCorrectFieldArgs,
  'dossiers.resolveConflict': d.dossiersResolveConflictArgs,
  'dossiers.reissueCode': d.dossiersReissueCodeArgs,
  'dossiers.rebuild': d.dossiersRebuildArgs,
  'tallies.daily': d.talliesDailyArgs,
  'reports.dailySeries': r.reportsDailySeriesArgs,
  'reports.bieu06': r.reportsBieu06Args,
  'reports.satisfaction': r.reportsSatisfactionArgs,
  'reports.logBook': r.reportsLogBookArgs,
  'reports.overdue': r.reportsOverdueArgs,
  'reports.export': r.reportsExportArgs,
  'attachments.addFile': att.attachmentsAddFileArgs,
  'attachments.addUpload': att.attachmentsAddUploadArgs,
  'attachments.list': att.attachmentsListArgs,
  'attachments.retract': att.attachmentsRetractArgs,
  'attachments.reuseCandidates': att.attachmentsReuseCandidatesArgs,
  'attachments.reuse': att.attachmentsReuseArgs,
  'inbox.list': att.inboxListArgs,
  'inbox.attach': att.inboxAttachArgs,
  'scan.start': att.scanStartArgs,
  'scan.cancel': att.scanCancelArgs,
  'scan.settings': att.scanSettingsArgs,
  'scan.configure': att.scanConfigureArgs,
  'sync.status': sync.syncStatusArgs,
  'sync.enroll': sync.syncEnrollArgs,
  'sync.unenroll': sync.syncUnenrollArgs,
  'sync.now': sync.syncNowArgs,
  'sync.dossierStates': sync.syncDossierStatesArgs,
  'sync.fetchScan': sync.syncFetchScanArgs,
  'sync.scanDownloadLimit': sync.syncScanDownloadLimitArgs,
  'sync.setScanDownloadLimit': sync.syncSetScanDownloadLimitArgs,
  'backup.status': b.backupStatusArgs,
  'backup.run': b.backupRunArgs,
  'backup.configure': b.backupConfigureArgs,
  'backup.list': b.backupListArgs,
  'backup.restore': b.backupRestoreArgs,
} as const satisfies Record<CommandName, z.ZodType>;

export interface CommandResults {
  'app.info': AppInfo;
  'app.recordCrash': CrashRecorded;
  'setup.status': s.SetupStatus;
  'setup.initialise': s.SessionInfo;
  'auth.signIn': s.SessionInfo;
  'auth.signOut': s.SessionInfo;
  'auth.session': s.SessionInfo;
  'auth.changePassword': s.SessionInfo;
  'officers.list': s.Officer[];
  'officers.create': s.Officer;
  'officers.resetPassword': s.Officer;
  'officers.setActive': s.Officer;
  'settings.get': s.DeskSettings;
  'settings.set': s.DeskSettings;
  'settings.moveUnit': s.DeskSettings;
  'preferences.get': p.DeskPreferences;
  'preferences.set': p.DeskPreferences;
  'catalogue.units': Unit[];
  'catalogue.procedures': CatalogueProcedures;
  'calendar.get': CalendarView;
  'calendar.set': CalendarView;
  'dossiers.receive': d.DossierDetail;
  'dossiers.refuse': d.DossierDetail;
  'dossiers.previewAppointment': d.AppointmentPreview;
  'dossiers.get': d.DossierDetail;
  'dossiers.search': d.DossierSearchResult;
  'dossiers.forward': d.DossierDetail;
  'dossiers.requestSupplement': d.DossierDetail;
  'dossiers.receiveSupplement': d.DossierDetail;
  'dossiers.recordResult': d.DossierDetail;
  'dossiers.reschedule': d.DossierDetail;
  'dossiers.handBack': d.DossierDetail;
  'dossiers.rate': d.DossierDetail;
  'dossiers.withdraw': d.DossierDetail;
  'dossiers.stop': d.DossierDetail;
  'dossiers.recordFee': d.DossierDetail;
  'dossiers.addNote': d.DossierDetail;
  'dossiers.correctField': d.DossierDetail;
  'dossiers.resolveConflict': d.DossierDetail;
  'dossiers.reissueCode': d.DossierDetail;
  'dossiers.rebuild': d.RebuildReport;
  'tallies.daily': d.DailyTally;
  'reports.dailySeries': r.DailySeriesResult;
  'reports.bieu06': r.Bieu06Result;
  'reports.satisfaction': r.SatisfactionResult;
  'reports.logBook': r.LogBookResult;
  'reports.overdue': r.OverdueResult;
  'reports.export': r.ExportResult;
  'attachments.addFile': att.AttachmentList;
  'attachments.addUpload': att.AttachmentList;
  'attachments.list': att.AttachmentList;
  'attachments.retract': att.AttachmentList;
  'attachments.reuseCandidates': att.ReuseCandidate[];
  'attachments.reuse': att.AttachmentList;
  'inbox.list': att.InboxList;
  'inbox.attach': att.AttachmentList;
  'scan.start': att.ScanStarted;
  'scan.cancel': att.ScanStarted;
  'scan.settings': att.ScanSettings;
  'scan.configure': att.ScanSettings;
  'sync.status': SyncStatus;
  'sync.enroll': SyncStatus;
  'sync.unenroll': SyncStatus;
  'sync.now': SyncStatus;
  'sync.dossierStates': sync.DossierSyncStates;
  'sync.fetchScan': sync.FetchedScan;
  'sync.scanDownloadLimit': sync.ScanDownloadLimit;
  'sync.setScanDownloadLimit': sync.ScanDownloadLimit;
  'backup.status': b.BackupStatus;
  'backup.run': b.BackupStatus;
  'backup.configure': b.BackupStatus;
  'backup.list': b.BackupList;
  'backup.restore': b.RestoreStaged;
}

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
// The allow-list, the schemas and the results name exactly the same commands.
export const schemasAreExhaustive: Exact<keyof typeof COMMAND_SCHEMAS, CommandName> = true;
export const resultsAreExhaustive: Exact<keyof CommandResults, CommandName> = true;

/** What the caller passes (before defaults are applied). */
export type CommandArgs<N extends CommandName> = z.input<(typeof COMMAND_SCHEMAS)[N]>;
/** What the handler receives (after validation). */
export type ParsedArgs<N extends CommandName> = z.output<(typeof COMMAND_SCHEMAS)[N]>;
export type CommandResult<N extends CommandName> = CommandResults[N];

/** Who is calling: filled in by the transport, never by the caller's arguments. */
export interface CallContext {
  transport: 'ipc' | 'http' | 'in-process';
}

export type Handlers = {
  [N in CommandName]: (args: ParsedArgs<N>, ctx: CallContext) => Promise<CommandResult<N>> | CommandResult<N>;
};

/** The typed client every transport implements (IPC, HTTP, in-process). */
export interface DeskClient {
  invoke<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Envelope<CommandResult<N>>>;
}
