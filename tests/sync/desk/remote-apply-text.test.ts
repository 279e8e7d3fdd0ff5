import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDossierEvent } from '../../../shared/domain/dossier/event-schemas.js';
import type { DossierEvent, DossierEventOf } from '../../../shared/domain/dossier/events.js';
import { CalendarRepository } from '../../../electron/core/calendar/calendar-repository.js';
import { RemoteApplier } from '../../../electron/core/sync/remote-apply.js';
import { SyncRepository } from '../../../electron/core/sync/sync-repository.js';
import { openTestDesk, type TestDesk } from '../../support/desk-fixture.js';
import { FakeDevice, HONG_GAI_UNIT } from '../../server/support/fabricate-events.js';

// Events are immutable and content-hashed, so text a desk wrote before the storage rule — or a desk
// that does not apply it — arrives as it was typed: decomposed, doubled spaces, even a NUL or a bidi
// override. The fold reads it in the stored form, so what the desk shows and exports never differs.

const NAME = 'Nguyễn Văn Đức';
const ADDRESS = 'Tổ 5, Khu 3, Phường Hồng Hải';
const NOTES = 'Nộp thay mẹ\nđã xem bản gốc';

/** Characters no export may hold (CR and LF are the CSV's own line breaks and a multi-line cell's). */
const FORBIDDEN_IN_EXPORTS = /(?![\n\r])\p{Cc}|[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069]/u;

function olderDesksReceipt(): DossierEventOf<'dossier.received'> {
  const peer = new FakeDevice('desk-old', HONG_GAI_UNIT, Date.parse('2026-11-23T02:00:00Z'));
  const event = peer.receive();
  return {
    ...event,
    payload: {
      ...event.payload,
      applicant: {
        ...event.payload.applicant,
        fullName: ` ${'Nguyễn  Văn'.normalize('NFD')}\u200b Đức\0 `,
        address: `Tổ 5,  Khu 3,\tPhường \u202eHồng Hải`.normalize('NFD'),
      },
      notes: `Nộp thay mẹ  \r\n\u0007đã xem bản gốc`.normalize('NFD'),
    },
  };
}

describe('text of pulled events is folded into the stored form', () => {
  let desk: TestDesk;
  let applier: RemoteApplier;

  beforeEach(async () => {
    desk = await openTestDesk({ at: '2026-11-24T02:00:00Z' });
    const deviceId = (await desk.call('app.info', {})).desk.deviceId;
    const sync = new SyncRepository(desk.core.db);
    applier = new RemoteApplier(desk.core.db, { deviceId, now: desk.clock.now, calendar: new CalendarRepository(desk.core.db), sync });
  });
  afterEach(() => desk.dispose());

  it('an older desk’s decomposed, control-laden receipt shows and exports in NFC, without a control character', async () => {
    const event = olderDesksReceipt();
    // The centre accepts it as it is (only malformed data is refused), and the log keeps it byte for byte.
    expect(parseDossierEvent(event).ok).toBe(true);
    applier.apply([{ kind: 'event', event }], '1');
    const stored = desk.core.db.prepare<[string], { payload: string }>('SELECT payload FROM events WHERE id = ?').get(event.id)!;
    expect(JSON.parse(stored.payload)).toEqual(event.payload);

    const detail = await desk.call('dossiers.get', { id: event.dossierId });
    expect([detail.state.applicant.fullName, detail.state.applicant.address, detail.state.notes]).toEqual([NAME, ADDRESS, NOTES]);
    expect((detail.history[0]!.payload as typeof event.payload).applicant.fullName).toBe(NAME);

    // The work list's projection.
    const listed = await desk.call('dossiers.search', { limit: 10 });
    expect(listed.rows.map((r) => r.applicantName)).toEqual([NAME]);

    // The log book (form 06), on screen and exported.
    const book = await desk.call('reports.logBook', { from: '2026-11-23', to: '2026-11-24' });
    expect(book.rows.map((r) => [r.applicantName, r.address])).toEqual([[NAME, ADDRESS]]);
    expect(book.rows[0]!.note).toContain(NOTES);

    const csv = readFileSync((await desk.call('reports.export', { report: 'logBook', format: 'csv', from: '2026-11-23', to: '2026-11-24' })).path, 'utf8');
    expect(csv).toContain(NAME);
    expect(csv).toContain(ADDRESS);
    expect(csv).not.toContain('\0');
    expect(csv.replace(/^\uFEFF/u, '')).not.toMatch(FORBIDDEN_IN_EXPORTS);
    expect(csv.normalize('NFC')).toBe(csv);

    const xlsx = (await desk.call('reports.export', { report: 'logBook', format: 'xlsx', from: '2026-11-23', to: '2026-11-24' })).path;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const texts: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
    expect(texts).toContain(NAME);
    for (const text of texts) {
      expect(text).not.toMatch(FORBIDDEN_IN_EXPORTS);
      expect(text.normalize('NFC')).toBe(text);
    }
  });

  it('a correction from another desk whose old value was decomposed still applies (no false conflict)', async () => {
    const peer = new FakeDevice('desk-old', HONG_GAI_UNIT, Date.parse('2026-11-23T02:00:00Z'));
    const received = peer.receive({ fullName: NAME.normalize('NFD') });
    const note = peer.note(received.dossierId);
    const correction: DossierEvent = {
      ...note,
      type: 'field.corrected',
      payload: { field: 'applicant.fullName', oldValue: NAME.normalize('NFD'), newValue: `${NAME}  Anh`.normalize('NFD'), reason: 'Sai tên đệm' },
    };
    applier.apply([{ kind: 'event', event: received }, { kind: 'event', event: correction }], '2');
    const { state } = await desk.call('dossiers.get', { id: received.dossierId });
    expect(state.applicant.fullName).toBe(`${NAME} Anh`);
    expect(state.needsReview).toBe(false);
  });
});
