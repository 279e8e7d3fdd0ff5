import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../../shared/domain/clock/hlc.js';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { PROCEDURES } from '../../../shared/domain/catalogue/seed/procedures.js';
import type { PullEntry } from '../../../shared/sync/protocol.js';
import { CalendarRepository } from '../../../electron/core/calendar/calendar-repository.js';
import { RemoteApplier } from '../../../electron/core/sync/remote-apply.js';
import { SyncRepository } from '../../../electron/core/sync/sync-repository.js';
import { snapshotDatabase as snapshot } from '../../support/database-snapshot.js';
import { FakeDevice, HONG_GAI_UNIT } from '../../server/support/fabricate-events.js';
import { openSyncDesk, type SyncDesk } from '../support/sync-desk.js';

// Applying a pulled page: idempotent, one transaction, the same projections a local change writes,
// the desk's clock moved past every received stamp, and reference changes applied.

const entries = (events: readonly DossierEvent[]): PullEntry[] => events.map((event) => ({ kind: 'event', event }));

describe('applying pulled pages', () => {
  let desk: SyncDesk;
  let applier: RemoteApplier;
  let sync: SyncRepository;

  beforeEach(async () => {
    desk = await openSyncDesk({ unit: 'hongGai', station: 1 });
    sync = new SyncRepository(desk.core.db);
    applier = new RemoteApplier(desk.core.db, { deviceId: desk.deviceId, now: Date.now, calendar: new CalendarRepository(desk.core.db), sync });
  });
  afterEach(() => desk.dispose());

  it('inserts once, folds like a local change, and moves the cursor — a page seen twice changes nothing', async () => {
    const peer = new FakeDevice('desk-peer', HONG_GAI_UNIT);
    const dossier = [...peer.dossier(1), peer.forward('')].map((e, i, all) => ({ ...e, dossierId: all[0]!.dossierId }));
    const first = applier.apply(entries(dossier), '3');
    expect(first).toEqual({ newEvents: 3, references: 0, touchedDossiers: [dossier[0]!.dossierId] });
    expect(sync.state('pull.cursor')).toBe('3');
    const detail = await desk.call('dossiers.get', { id: dossier[0]!.dossierId });
    expect(detail.state.status).toBe(4);
    expect(detail.history.map((h) => h.deviceId)).toEqual(['desk-peer', 'desk-peer', 'desk-peer']);

    const before = snapshot(desk.core.db);
    expect(applier.apply(entries(dossier), '3')).toEqual({ newEvents: 0, references: 0, touchedDossiers: [] });
    expect(snapshot(desk.core.db)).toEqual(before);

    // Remote events are never pushed back.
    expect(sync.waitingEvents(100)).toEqual([]);
    // And the projections equal a rebuild from the log.
    const projections = { only: ['dossiers', 'dossier_day_facts', 'dossier_documents', 'dossier_handovers', 'dossier_ratings'] };
    const incremental = snapshot(desk.core.db, projections);
    await desk.call('dossiers.rebuild', {});
    expect(snapshot(desk.core.db, projections)).toEqual(incremental);
  });

  it('refolds a dossier the desk already had when an older event arrives late', async () => {
    const id = await desk.receiveDossier();
    const local = await desk.call('dossiers.get', { id });
    // A peer's note stamped before the desk's own receipt... impossible by clocks, possible by order of arrival:
    const peer = new FakeDevice('desk-peer', HONG_GAI_UNIT, parseHlc(local.state.lastHlc).wallMs - 60_000);
    const late = { ...peer.note(id, 'Ghi chú đến muộn') };
    applier.apply(entries([late]), '1');
    const after = await desk.call('dossiers.get', { id });
    expect(after.state.notesLog.map((n) => n.text)).toEqual(['Ghi chú đến muộn']);
    expect(after.state.eventCount).toBe(2);
    expect(after.history.map((h) => h.eventId)).toEqual([late.id, local.history[0]!.eventId]);
  });

  it("moves the desk's hybrid clock past every stamp it receives (from a peer up to two hours fast)", async () => {
    const farAhead = Date.now() + 2 * 3_600_000;
    const peer = new FakeDevice('desk-peer', HONG_GAI_UNIT, farAhead);
    applier.apply(entries(peer.dossier(0)), '1');
    const id = await desk.receiveDossier();
    const mine = await desk.call('dossiers.get', { id });
    expect(parseHlc(mine.state.lastHlc).wallMs).toBeGreaterThanOrEqual(farAhead);
    expect(mine.state.lastHlc > formatHlc({ wallMs: farAhead + 1000, counter: 0, node: 'desk-peer' })).toBe(true);
  });

  it('applies calendar and catalogue changes the centre publishes', async () => {
    const procedure = { ...PROCEDURES[0]!, name: `${PROCEDURES[0]!.name} (sửa đổi 2027)` };
    const page: PullEntry[] = [
      { kind: 'reference', reference: { type: 'calendar.year', record: { year: 2032, holidays: [{ date: '2032-01-01', name: 'Tết Dương lịch' }], makeUpDays: [] } } },
      { kind: 'reference', reference: { type: 'catalogue.procedure', record: procedure } },
    ];
    expect(applier.apply(page, '2')).toMatchObject({ references: 2 });
    const calendar = await desk.call('calendar.get', { year: 2032 });
    expect(JSON.stringify(calendar)).toContain('2032-01-01');
    expect(calendar.origin).toBe('centre'); // the centre's publication, which replaces an edit made at the desk
    const found = await desk.call('catalogue.procedures', { text: 'sua doi 2027' });
    expect(JSON.stringify(found)).toContain('(sửa đổi 2027)');
  });

  it('a calendar year this desk cannot work with is left out, says why, and never holds up the rest of the page', async () => {
    const peer = new FakeDevice('desk-peer', HONG_GAI_UNIT);
    const created = peer.receive();
    const dossier = [created];
    // 1/5/2032 is a fixed holiday: as a make-up day the holiday would silently win.
    const onHoliday: PullEntry = {
      kind: 'reference',
      reference: { type: 'calendar.year', record: { year: 2032, holidays: [], makeUpDays: [{ date: '2032-05-01', name: 'Làm bù' }] } },
    };
    const applied = applier.apply([onHoliday, ...entries(dossier)], '2');
    expect(applied).toMatchObject({ newEvents: 1, references: 0 });
    expect(sync.state('pull.cursor')).toBe('2');
    expect((await desk.call('dossiers.get', { id: created.dossierId })).state.code).toBe(created.payload.code);
    expect((await desk.call('calendar.get', { year: 2032 })).configured).toBe(false);
    const warning = (await desk.call('sync.status', {})).calendarWarning;
    expect(warning).toContain('Lịch năm 2032 trung tâm gửi về không được áp dụng');
    expect(warning).toContain('Ngày làm bù thứ 1 › ngày: Ngày 2032-05-01 là ngày lễ (Ngày Quốc tế Lao động (1/5))');

    // The centre's corrected year applies, and the warning goes.
    const corrected: PullEntry = { kind: 'reference', reference: { type: 'calendar.year', record: { year: 2032, holidays: [], makeUpDays: [] } } };
    expect(applier.apply([corrected], '3')).toMatchObject({ references: 1 });
    expect((await desk.call('calendar.get', { year: 2032 })).configured).toBe(true);
    expect((await desk.call('sync.status', {})).calendarWarning).toBeNull();
  });

  it('a bad page rolls back whole: no event, no cursor move', async () => {
    const peer = new FakeDevice('desk-peer', HONG_GAI_UNIT);
    const good = peer.dossier(0);
    const failing = peer.dossier(0);
    // The second dossier's event cannot be stored (as a full disk would refuse it) after the first was.
    desk.core.db.exec(`CREATE TEMP TRIGGER fail_event BEFORE INSERT ON events WHEN NEW.id = '${failing[0]!.id}' BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const before = snapshot(desk.core.db);
    expect(() => applier.apply([...entries(good), ...entries(failing)], '9')).toThrow(/disk full/);
    expect(snapshot(desk.core.db)).toEqual(before);
    expect(sync.state('pull.cursor')).toBeNull();
  });
});
