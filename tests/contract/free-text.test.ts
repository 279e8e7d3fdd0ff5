import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName } from '../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../shared/contract/commands.js';
import type { DossierDetail } from '../../shared/contract/dossiers.js';
import type { DossierState } from '../../shared/domain/dossier/state.js';
import { CalendarRepository } from '../../electron/core/calendar/calendar-repository.js';
import { RemoteApplier } from '../../electron/core/sync/remote-apply.js';
import { SyncRepository } from '../../electron/core/sync/sync-repository.js';
import { snapshotDatabase } from '../support/database-snapshot.js';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../support/desk-fixture.js';
import { pdfOf } from '../electron/core/attachments/support/papers.js';
import { FakeDevice, HONG_GAI_UNIT } from '../server/support/fabricate-events.js';
import { requiredPapers } from '../support/required-papers.js';

// Every free-text argument of every command is stored in one form (NFC, single spaces, trimmed; line
// breaks kept as "\n" in notes and reasons), whatever the keyboard sent: here each is typed the way a
// "Unicode tổ hợp" IME and a careless paste send it — decomposed, with doubled spaces and CRLF — through
// dispatch, and read back from the stored dossier (or officer, or calendar).

/** One line as a decomposing IME and a careless paste deliver it. */
const typedLine = (text: string): string => `  ${text.normalize('NFD').split(' ').join('  \t')}  `;
/** Several lines, CRLF-separated, each typed as above, with a blank run between them. */
const typedLines = (text: string): string => `${text.split('\n').map(typedLine).join('\r\n\r\n\r\n')}\r\n`;
const storedLines = (text: string): string => text.split('\n').join('\n\n');

/** The stored values, NFC, as the reader should find them. */
const NAME = 'Nguyễn Thị Đức Hạnh';
const NEW_NAME = 'Nguyễn Thị Hạnh Dung';
const ADDRESS = 'Tổ 5, Khu 3, Phường Hồng Hải';
const OWNER = 'Công ty TNHH Thương mại Hạ Long';
const OWNER_ID = 'MST 5700100256';
const PAPER = 'Giấy chứng nhận quyền sử dụng đất';
const NOTE = 'Công dân nộp thay mẹ\nđã kiểm tra bản gốc';
const REASON = 'Thiếu xác nhận của chủ hộ\ntheo Điều 21';
const PERSON = 'Lê Văn Nhận Thay';
const PLACE = 'Công chức Tư pháp – Hộ tịch';
const RESULT = 'Đã cấp giấy xác nhận\nsố 125/GXN';
const RECEIPT = 'BL 0012345';
const FILE = 'tờ khai bổ sung.pdf';
const HOLIDAY = 'Nghỉ Tết Nguyên đán';

const BASE = { procedureId: 'cu-tru.dang-ky-thuong-tru', channel: 1 as const, applicant: SAMPLE_APPLICANT, documents: requiredPapers('cu-tru.dang-ky-thuong-tru') };

interface Row {
  what: string;
  /** Runs the command with typed text; returns what the desk then stores, in the order of `stored`. */
  run(desk: TestDesk): Promise<unknown[]>;
  stored: unknown[];
}

async function received(desk: TestDesk): Promise<string> {
  return (await desk.call('dossiers.receive', BASE)).state.id;
}

async function stateOf(desk: TestDesk, id: string): Promise<DossierState> {
  return (await desk.call('dossiers.get', { id })).state;
}

/** Calls `name` and returns the stored state of the dossier it acted on (read again, not the reply). */
async function acted<N extends CommandName>(desk: TestDesk, name: N, args: CommandArgs<N>): Promise<DossierState> {
  const reply = (await desk.call(name, args)) as CommandResult<N>;
  return stateOf(desk, (reply as DossierDetail).state.id);
}

const rows: Row[] = [
  {
    what: 'officers.create: full name',
    run: async (desk) => {
      await desk.call('officers.create', { username: 'canbo.nfd', fullName: typedLine(NEW_NAME), role: 'officer', password: 'mat-khau-can-bo' });
      return [(await desk.call('officers.list', {})).find((o) => o.username === 'canbo.nfd')?.fullName];
    },
    stored: [NEW_NAME],
  },
  {
    what: 'calendar.set: the names of days off and make-up days',
    run: async (desk) => {
      await desk.call('calendar.set', {
        year: 2027,
        holidays: [{ date: '2027-02-08', name: typedLine(HOLIDAY) }],
        makeUpDays: [{ date: '2027-02-20', name: typedLine(`Làm bù ${HOLIDAY}`) }],
      });
      const { year } = await desk.call('calendar.get', { year: 2027 });
      return [year.holidays[0]?.name, year.makeUpDays[0]?.name];
    },
    stored: [HOLIDAY, `Làm bù ${HOLIDAY}`],
  },
  {
    what: 'dossiers.receive: applicant, owner, papers and notes',
    run: async (desk) => {
      const s = await acted(desk, 'dossiers.receive', {
        ...BASE,
        applicant: { ...SAMPLE_APPLICANT, fullName: typedLine(NAME), address: typedLine(ADDRESS) },
        owner: { kind: 'business', name: typedLine(OWNER), idNumber: typedLine(OWNER_ID) },
        documents: BASE.documents.map((paper, index) => (index === 0 ? { ...paper, name: typedLine(PAPER) } : paper)),
        notes: typedLines(NOTE),
      });
      return [s.applicant.fullName, s.applicant.address, s.owner?.name, s.owner?.idNumber, s.documents[0]?.name, s.notes];
    },
    stored: [NAME, ADDRESS, OWNER, OWNER_ID, PAPER, storedLines(NOTE)],
  },
  {
    what: 'dossiers.refuse: applicant and reason',
    run: async (desk) => {
      const s = await acted(desk, 'dossiers.refuse', {
        procedureId: BASE.procedureId,
        channel: BASE.channel,
        applicant: { ...SAMPLE_APPLICANT, fullName: typedLine(NAME), address: typedLine(ADDRESS) },
        reason: typedLines(REASON),
      });
      return [s.applicant.fullName, s.applicant.address, s.refusedReason];
    },
    stored: [NAME, ADDRESS, storedLines(REASON)],
  },
  {
    what: 'dossiers.correctField: names, address, owner, notes, and the reason',
    run: async (desk) => {
      const id = (await desk.call('dossiers.receive', { ...BASE, owner: { kind: 'business', name: OWNER, idNumber: null } })).state.id;
      const correct = (field: 'applicant.fullName' | 'applicant.address' | 'owner.name' | 'owner.idNumber' | 'notes', oldValue: string | null, newValue: string) =>
        desk.call('dossiers.correctField', { dossierId: id, field, oldValue, newValue, reason: typedLines(REASON) });
      await correct('applicant.fullName', SAMPLE_APPLICANT.fullName, typedLine(NEW_NAME));
      // The old value as the screen may hold it (decomposed) still matches the stored one.
      await correct('applicant.address', SAMPLE_APPLICANT.address.normalize('NFD'), typedLine(ADDRESS));
      await correct('owner.name', OWNER, typedLine(`${OWNER} Mới`));
      await correct('owner.idNumber', null, typedLine(OWNER_ID));
      await correct('notes', '', typedLines(NOTE));
      const s = await stateOf(desk, id);
      return [s.applicant.fullName, s.applicant.address, s.owner?.name, s.owner?.idNumber, s.notes, ...s.corrections.map((c) => c.reason)];
    },
    stored: [NEW_NAME, ADDRESS, `${OWNER} Mới`, OWNER_ID, storedLines(NOTE), ...Array<string>(5).fill(storedLines(REASON))],
  },
  {
    what: 'dossiers.forward: where to and the note',
    run: async (desk) => {
      const s = await acted(desk, 'dossiers.forward', { dossierId: await received(desk), to: { kind: 'officer', name: typedLine(PLACE) }, note: typedLines(NOTE) });
      return [s.handovers.at(-1)?.to.name, s.handovers.at(-1)?.note];
    },
    stored: [PLACE, storedLines(NOTE)],
  },
  {
    what: 'dossiers.requestSupplement: the papers and the reason',
    run: async (desk) => {
      const s = await acted(desk, 'dossiers.requestSupplement', { dossierId: await received(desk), items: [typedLine(PAPER)], reason: typedLines(REASON) });
      return [s.supplements.at(-1)?.items[0], s.supplements.at(-1)?.reason];
    },
    stored: [PAPER, storedLines(REASON)],
  },
  {
    what: 'dossiers.reschedule: the reason (form 04)',
    run: async (desk) => {
      const id = await received(desk);
      const due = (await stateOf(desk, id)).appointmentAt!;
      // A week after the due day, at 09:00 in Hạ Long: a working morning whatever the rules for form 04.
      const later = `${new Date(Date.parse(due) + 7 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10)}T02:00:00.000Z`;
      const s = await acted(desk, 'dossiers.reschedule', { dossierId: id, reason: typedLines(REASON), newAppointmentAt: later });
      return [s.reschedules.at(-1)?.reason];
    },
    stored: [storedLines(REASON)],
  },
  {
    what: 'dossiers.recordResult, recordFee and handBack: summary, receipt number, authorised person',
    run: async (desk) => {
      const id = await received(desk);
      await desk.call('dossiers.recordFee', { dossierId: id, amountVnd: 20_000, receiptNo: typedLine(RECEIPT) });
      await desk.call('dossiers.recordResult', { dossierId: id, summary: typedLines(RESULT) });
      await desk.call('dossiers.handBack', { dossierId: id, collector: { kind: 'authorised', fullName: typedLine(PERSON), idNumber: '022085000456' } });
      const s = await stateOf(desk, id);
      return [s.fees[0]?.receiptNo, s.resultSummary, s.collector?.kind === 'authorised' ? s.collector.fullName : null];
    },
    stored: [RECEIPT, storedLines(RESULT), PERSON],
  },
  {
    what: 'dossiers.withdraw, dossiers.stop, dossiers.addNote: reasons and the note',
    run: async (desk) => {
      const withdrawn = await acted(desk, 'dossiers.withdraw', { dossierId: await received(desk), reason: typedLines(REASON) });
      const stopped = await acted(desk, 'dossiers.stop', { dossierId: await received(desk), reason: typedLines(REASON) });
      const noted = await acted(desk, 'dossiers.addNote', { dossierId: await received(desk), text: typedLines(NOTE) });
      return [withdrawn.withdrawReason, stopped.stopReason, noted.notesLog[0]?.text];
    },
    stored: [storedLines(REASON), storedLines(REASON), storedLines(NOTE)],
  },
  {
    what: 'dossiers.resolveConflict: how it was resolved',
    run: async (desk) => {
      const id = await received(desk);
      await desk.call('dossiers.withdraw', { dossierId: id, reason: REASON });
      // Another desk withdrew it too: the fold marks it for review, a supervisor resolves it.
      const peer = new FakeDevice('desk-peer', HONG_GAI_UNIT, desk.clock.ms + 60_000);
      const deviceId = (await desk.call('app.info', {})).desk.deviceId;
      const sync = new SyncRepository(desk.core.db);
      new RemoteApplier(desk.core.db, { deviceId, now: desk.clock.now, calendar: new CalendarRepository(desk.core.db), sync }).apply(
        [{ kind: 'event', event: peer.withdraw(id) }],
        '1',
      );
      expect((await stateOf(desk, id)).needsReview).toBe(true);
      await desk.call('dossiers.resolveConflict', { dossierId: id, reason: typedLines(REASON) });
      const history = (await desk.call('dossiers.get', { id })).history;
      return [(history.at(-1)?.payload as { reason: string }).reason];
    },
    stored: [storedLines(REASON)],
  },
  {
    what: 'attachments.addUpload and retract: the file name and the reason',
    run: async (desk) => {
      const id = await received(desk);
      const upload = await desk.core.attachments.uploads.receive([await pdfOf(1)], 'scan.pdf');
      const list = await desk.call('attachments.addUpload', { dossierId: id, uploadId: upload.uploadId, fileName: typedLine(FILE), kind: 'intake', checklistItemId: null });
      const attachmentId = list.attachments[0]!.attachmentId;
      await desk.call('attachments.retract', { attachmentId, reason: typedLines(REASON) });
      const after = (await desk.call('attachments.list', { dossierId: id })).attachments[0];
      return [after?.fileName, after?.retractReason];
    },
    stored: [FILE, storedLines(REASON)],
  },
];

describe('free text is stored in one form, whatever the keyboard sent', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk({ initialise: false });
    await desk.call('setup.initialise', {
      unitGsoCode: '06691',
      station: 1,
      agencyId: '000.15.20.H49',
      supervisor: { username: 'truongbp', fullName: typedLine('Trần Văn Giám Sát'), password: 'mat-khau-thu-nghiem' },
    });
  });
  afterAll(() => desk.dispose());

  it('setup.initialise: the supervisor’s full name', async () => {
    expect((await desk.call('auth.session', {})).officer?.fullName).toBe('Trần Văn Giám Sát');
  });

  for (const row of rows) {
    it(row.what, async () => {
      const values = await row.run(desk);
      expect(values).toEqual(row.stored);
      for (const value of values) if (typeof value === 'string') expect(value.normalize('NFC')).toBe(value);
    });
  }

  it('the history shows the same stored text as the state', async () => {
    const id = (await desk.call('dossiers.receive', { ...BASE, notes: typedLines(NOTE) })).state.id;
    await desk.call('dossiers.addNote', { dossierId: id, text: typedLines(NOTE) });
    const { history } = await desk.call('dossiers.get', { id });
    expect(history.map((h) => JSON.stringify(h.payload))).toEqual(history.map((h) => JSON.stringify(h.payload).normalize('NFC')));
    expect((history[1]!.payload as { text: string }).text).toBe(storedLines(NOTE));
  });

  it('text that is only spaces once normalised is empty, and refused where required — nothing stored', async () => {
    const id = await received(desk);
    const before = snapshotDatabase(desk.core.db);
    const error = await desk.fail('dossiers.addNote', { dossierId: id, text: ' \u200b \r\n \t ' });
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toMatch(/Ghi chú không được để trống/);
    expect(snapshotDatabase(desk.core.db)).toEqual(before);
  });
});
